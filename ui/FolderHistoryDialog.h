// FolderHistoryDialog: a shared folder's history for its managers (DESIGN §4): its creation,
// every membership change, key rotations and grants, refused requests with their reason and,
// when asked, the reads of its items (one entry per page read). The rows can be filtered by
// action and are shown a page at a time, newest first; how many the server keeps per folder
// is its `[audit] entriesPerObject` (10 by default, up to 1000).
#pragma once

#include "core/sync/AuditApi.h"

#include <QDialog>
#include <QHash>
#include <QPointer>
#include <QUuid>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTreeView;

namespace Conclave::Core {
class SyncEngine;
} // namespace Conclave::Core

namespace Conclave::Gui {

class AuditEntryModel;

class FolderHistoryDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FolderHistoryDialog)

public:
    static constexpr int kPageRows = 50;

    // `audit` must outlive the dialog; `engine` (for the folder's name) may go away before it.
    FolderHistoryDialog(Core::AuditApi* audit, Core::SyncEngine* engine, QUuid folderId,
                        QWidget* parent = nullptr);
    ~FolderHistoryDialog() override;

    void setKnownEmails(const QHash<QString, QString>& emails);
    AuditEntryModel* model() const { return m_model; }
    int page() const { return m_page; }

public slots:
    void reload();
    // Raw action name; empty: every action.
    void setActionFilter(const QString& action);

signals:
    void loaded();
    // The user chose a connection of the folder to see its own history.
    void itemHistoryRequested(const QUuid& folderId, const QUuid& itemId);

private:
    void showPage();

    Core::AuditApi* m_audit;
    QPointer<Core::SyncEngine> m_engine;
    QUuid m_folderId;
    Core::AuditApi::FolderHistory m_history;
    QString m_filter;
    int m_page = 0;
    AuditEntryModel* m_model = nullptr;
    QTreeView* m_view = nullptr;
    QComboBox* m_actions = nullptr;
    QCheckBox* m_reads = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_newer = nullptr;
    QPushButton* m_older = nullptr;
    QPushButton* m_itemHistory = nullptr;
    QObject* m_request = nullptr;
};

} // namespace Conclave::Gui
