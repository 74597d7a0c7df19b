// SyncProblemsDialog: Team Sharing > Sync Problems…, what the sync engine kept because it could
// not be saved, so that nothing is dropped without the user deciding (DESIGN: "nothing dropped
// silently"). Each change the sharing server refused (the role was lowered to View, the folder
// was left) is listed with its connection's name, its folder, what it was (an edit or a
// delete) and the server's reason; Discard throws it away once the user confirms, Copy to My
// Connections makes a local connection of an edit's content first (the shareable fields only:
// a shared item never carries a user name or password). Rows of the outbox nobody can open
// (altered on disk, sealed with another account's key) are counted with their reasons and go
// with Discard All, also after a confirmation. The list follows the engine
// (syncProblemsChanged, and a folder's name changing).
#pragma once

#include <QDialog>
#include <QList>
#include <QPointer>

#include <functional>

class QLabel;
class QPushButton;
class QTreeWidget;
class QWidget;

namespace Conclave::Core {
class ConnectionRepository;
class SyncEngine;
} // namespace Conclave::Core

namespace Conclave::Gui {

class SyncProblemsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncProblemsDialog)

public:
    // `engine` is the started engine of the session; `repository` the local store a copy goes
    // to (null: no Copy to My Connections). The dialog closes when the engine goes away.
    SyncProblemsDialog(Core::SyncEngine* engine, Core::ConnectionRepository* repository,
                       QWidget* parent = nullptr);

    // How many problems the engine holds: refused changes and unreadable outbox rows.
    static int problemCount(const Core::SyncEngine& engine);

private:
    void reload();
    void updateButtons();
    // Asks first (Cancel is the default); only a confirmed discard reaches the engine.
    void confirm(const QString& question, const QString& consequence, const QString& objectName,
                 std::function<void()> then);
    void askToDiscardSelected();
    void askToDiscardUnreadable();
    void discardSelected(const QList<qint64>& ids);
    void copySelected();
    void discardUnreadable();
    void say(const QString& text);

    QPointer<Core::SyncEngine> m_engine;
    QPointer<Core::ConnectionRepository> m_repository;
    QLabel* m_summary = nullptr;
    QTreeWidget* m_list = nullptr;
    QPushButton* m_discard = nullptr;
    QPushButton* m_copy = nullptr;
    QWidget* m_unreadableBox = nullptr;
    QLabel* m_unreadable = nullptr;
    QPushButton* m_discardAll = nullptr;
    QLabel* m_message = nullptr;
};

} // namespace Conclave::Gui
