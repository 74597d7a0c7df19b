// MembersDialog: who is in a shared folder and with which role, and what a member can do
// about it (DESIGN §6): change a role, remove a member (the folder gets a new key; what they
// saw stays known to them, the dialog says so), leave, hand over Manage, and compare a
// member's safety number (which also confirms a changed key). Buttons follow the caller's
// role. Every operation runs in the sync engine; the dialog shows that it is working and
// what went wrong, in words, and never blocks (questions are window-modal and open()ed).
#pragma once

#include "core/sync/SyncEngine.h"

#include <QDialog>
#include <QPointer>
#include <QUuid>
#include <functional>
#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace Conclave::Gui {

class MemberListModel;

class MembersDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MembersDialog)

public:
    // `engine` may go away while the dialog is open (sign-out): the dialog then only says so.
    MembersDialog(Core::SyncEngine* engine, QUuid folderId, QWidget* parent = nullptr);

    MemberListModel* model() const { return m_model; }
    bool isBusy() const { return m_busy; }
    // What the dialog says under the table (progress, the last error or result).
    QString statusText() const;

private:
    void reload();
    void updateButtons();
    std::optional<Core::SyncEngine::MemberInfo> selected() const;
    void askRole();
    void askRemove();
    void askLeave();
    void askHandOver();
    void askCompare();
    // Runs one engine operation with progress shown; `success` is said when it worked.
    void run(const QString& working, const QString& success,
             const std::function<void(QObject*, Core::SyncEngine::StatusDone)>& start);
    void finish(const Core::Status& status, const QString& success);
    void say(const QString& text, bool error);
    QString nameOf(const Core::SyncEngine::MemberInfo& member) const;

    QPointer<Core::SyncEngine> m_engine;
    QUuid m_folderId;
    MemberListModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_status = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_role = nullptr;
    QPushButton* m_remove = nullptr;
    QPushButton* m_leave = nullptr;
    QPushButton* m_handOver = nullptr;
    QPushButton* m_compare = nullptr;
    bool m_busy = false;
    bool m_gone = false;
};

} // namespace Conclave::Gui
