// OrgBlocksDialog: an organisation's Team Sharing blocks for its owners and admins (DESIGN §7,
// docs/admin/server.md "Organisations"): the list (whom a block covers, an address or a domain,
// the reason the blocked people read, when it was set), Block… (an address or a domain of the
// organisation and a reason, after a confirmation that says the covered people are signed out
// at once and lose the shared folders on their computers until the block is lifted) and Lift…
// (after a confirmation). The server decides who may and what a block covers; its refusals
// (an address outside the organisation, an owner's or admin's address) are said in words.
#pragma once

#include "core/sync/OrgBlocksApi.h"

#include <QDialog>
#include <QList>
#include <QUuid>

#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QTreeWidget;

namespace Conclave::Core {
class ApiConnection;
}

namespace Conclave::Gui {

class OrgBlocksDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrgBlocksDialog)

public:
    enum Column
    {
        Covered,
        Kind,
        Reason,
        Set,
        ColumnCount,
    };

    // `api` (the signed-in session's connection) must outlive the dialog.
    OrgBlocksDialog(Core::ApiConnection& api, QUuid orgId, QWidget* parent = nullptr);
    ~OrgBlocksDialog() override;

    QUuid orgId() const { return m_orgId; }
    Core::OrgBlocksApi& blocksApi() { return *m_blocks; }
    QList<Core::OrgBlocksApi::Block> blocks() const { return m_list; }

public slots:
    void reload();
    // The form for a new block (address or domain, reason).
    void showBlockForm();
    // Asks before lifting the selected block.
    void askLift();

signals:
    // The list was read (or could not be; the status says why).
    void loaded();
    // A block was set or lifted (the list is read again after it).
    void changed();

private:
    void askBlock();
    void block(Core::OrgBlocksApi::Scope scope, const QString& value, const QString& reason);
    void lift(const Core::OrgBlocksApi::Block& block);
    std::optional<Core::OrgBlocksApi::Block> selected() const;
    QString coveredText(const Core::OrgBlocksApi::Block& block) const;
    void setBusy(bool busy);
    void updateButtons();

    std::unique_ptr<Core::OrgBlocksApi> m_blocks;
    QUuid m_orgId;
    QList<Core::OrgBlocksApi::Block> m_list;
    bool m_busy = false;
    // Said before the list's summary when the list is read after a change.
    QString m_notice;
    QLabel* m_status = nullptr;
    QTreeWidget* m_view = nullptr;
    QPushButton* m_blockButton = nullptr;
    QPushButton* m_liftButton = nullptr;
    QPushButton* m_refreshButton = nullptr;
    // The Block… form while it is open.
    QDialog* m_form = nullptr;
    QRadioButton* m_formEmail = nullptr;
    QLineEdit* m_formValue = nullptr;
    QLineEdit* m_formReason = nullptr;
    QLabel* m_formError = nullptr;
    QPushButton* m_formBlock = nullptr;
    QObject* m_request = nullptr;
};

} // namespace Conclave::Gui
