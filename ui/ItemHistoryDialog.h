// ItemHistoryDialog: a shared connection's newest audit entries for the folder's managers
// (DESIGN §4): who (the address when known), when (local time), what, the revision and the
// outcome, refused changes included with their reason. The server keeps an item's last 10
// entries by default; the dialog reads them once when opened and again on Refresh. It holds no
// plaintext of the item beyond its name in the title.
#pragma once

#include <QDialog>
#include <QHash>
#include <QPointer>
#include <QUuid>

class QLabel;
class QTreeView;

namespace Conclave::Core {
class AuditApi;
class SyncEngine;
} // namespace Conclave::Core

namespace Conclave::Gui {

class AuditEntryModel;

class ItemHistoryDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ItemHistoryDialog)

public:
    // `audit` must outlive the dialog; `engine` (for the names) may go away before it.
    ItemHistoryDialog(Core::AuditApi* audit, Core::SyncEngine* engine, QUuid folderId, QUuid itemId,
                      QWidget* parent = nullptr);
    ~ItemHistoryDialog() override;

    void setKnownEmails(const QHash<QString, QString>& emails);
    AuditEntryModel* model() const { return m_model; }

public slots:
    void reload();

signals:
    // A load finished (the list or the error is shown).
    void loaded();

private:
    Core::AuditApi* m_audit;
    QPointer<Core::SyncEngine> m_engine;
    QUuid m_folderId;
    QUuid m_itemId;
    AuditEntryModel* m_model = nullptr;
    QTreeView* m_view = nullptr;
    QLabel* m_status = nullptr;
    QObject* m_request = nullptr; // the running load's context, deleted to drop its answer
};

} // namespace Conclave::Gui
