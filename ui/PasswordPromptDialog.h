// PasswordPromptDialog: asks for a connection's password when none is kept for it because no
// keychain is in use (memory-only mode, after a restart). The password is used for the one
// Test or Open it was asked for: it is handed over as SecureBytes, the text field is cleared,
// and nothing of it is written to the store, the settings, the keychain or the log.
#pragma once

#include "core/crypto/SecureBytes.h"

#include <QDialog>

class QLineEdit;

namespace Conclave::Gui {

class PasswordPromptDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PasswordPromptDialog)

public:
    PasswordPromptDialog(const QString& connectionName, const QString& userName, QWidget* parent = nullptr);
    ~PasswordPromptDialog() override;

    // The password typed, once; the field is empty afterwards.
    Core::SecureBytes takePassword();

private:
    QLineEdit* m_password = nullptr;
};

} // namespace Conclave::Gui
