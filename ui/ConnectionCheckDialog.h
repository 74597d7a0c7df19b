// ConnectionCheckDialog: runs "Test connection" for one connection and shows each step as it
// happens, then the result in words. The stored password is read from the SecretStore
// (asynchronously) and handed to ConnectionTester; nothing here blocks, and Cancel stops
// the test at any point.
#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/model/Connection.h"

#include <QDialog>
#include <QPointer>

class QDialogButtonBox;
class QLabel;
class QListWidget;
class QProgressBar;

namespace Conclave::Core {
class ConnectionTester;
class SecretStore;
struct ProbeResult;
} // namespace Conclave::Core

namespace Conclave::Gui {

class ConnectionCheckDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionCheckDialog)

public:
    ConnectionCheckDialog(const Core::Connection& connection, Core::SecretStore* secrets,
                          QWidget* parent = nullptr);
    ~ConnectionCheckDialog() override;

    // Reads the password (if any) and starts the test.
    void start();
    // Starts the test with this password (asked for once) instead of reading one.
    void startWith(Core::SecureBytes password);
    bool isRunning() const;
    QString summary() const;
    // A failed test then offers "Edit Connection…" (the dialog closes and editRequested()
    // follows); off where the editor is already open.
    void setEditOffered(bool offered) { m_editOffered = offered; }
    // Before startWith(): the stored password could not be read (the keychain's sentence), so
    // the test runs without it and says so among its steps.
    void notePasswordUnreadable(const QString& message);

signals:
    void testFinished(bool ok);
    void editRequested();

private:
    void startWithPassword(Core::SecureBytes password);
    void onProgress(const QString& step);
    void onFinished(const Core::ProbeResult& result);
    void cancelOrClose();

    Core::Connection m_connection;
    QPointer<Core::SecretStore> m_secrets;
    Core::ConnectionTester* m_tester;
    QLabel* m_status;
    QProgressBar* m_busy;
    QListWidget* m_steps;
    QDialogButtonBox* m_buttons;
    bool m_running = false;
    bool m_editOffered = false;
};

} // namespace Conclave::Gui
