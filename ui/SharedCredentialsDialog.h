// SharedCredentialsDialog: the user's own user name and password (and SSH user and key
// passphrase when the connection uses a tunnel) for a connection of a shared folder. They are
// not part of the shared connection: the window keeps them in the user's keychain
// (SharedTreeSync::setCredentials). Any member may set them, also with the View role.
#pragma once

#include "core/model/Connection.h"
#include "ui/SharedTreeSync.h"

#include <QDialog>

class QLineEdit;

namespace Conclave::Gui {

class SharedCredentialsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SharedCredentialsDialog)

public:
    SharedCredentialsDialog(const Core::Connection& connection, QWidget* parent = nullptr);
    ~SharedCredentialsDialog() override;

    // What was typed; the line edits are emptied.
    SharedTreeSync::Credentials takeCredentials();

private:
    QLineEdit* m_user;
    QLineEdit* m_password;
    QLineEdit* m_sshUser = nullptr;
    QLineEdit* m_sshPassphrase = nullptr;
};

} // namespace Conclave::Gui
