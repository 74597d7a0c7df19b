// ConnectionEditorDialog: creates or edits one connection, for all five kinds, in tabs
// (General, Authentication, TLS, SSH tunnel, Advanced). On OK it checks the result with
// validateConnection(); when a field is wrong it switches to that field's tab, focuses it
// and says what is wrong, and the message goes as soon as the field is put right. Escape
// or Cancel on a changed editor asks before the changes are thrown away. Test runs Test
// connection on the values as they stand, saved or not. Secrets typed here (passwords, passphrase, key and
// certificate files) never enter the Connection: they are handed out once, as SecureBytes, through
// takeSecretChanges(), for the caller to write to the SecretStore.
//
// In shared mode (a connection of a shared folder, setSharedMode()) the user name, password,
// SSH user and SSH password or passphrase are the user's own: labelled so, prefilled only
// from the user's own keychain entries (the password never), and handed out through
// takeOwnCredentialChanges() instead of being part of the connection, which the caller writes
// to the shared folder. With the View role the rest is shown read-only.
#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/keychain/SecretKind.h"
#include "core/keychain/SharedCredentials.h"
#include "core/model/Connection.h"

#include <QDialog>
#include <QList>
#include <QPointer>
#include <QUuid>

#include <vector>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableWidget;

namespace Conclave::Core {
class SecretStore;
}

namespace Conclave::Gui {

class FormTableWidget;

class ConnectionEditorDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionEditorDialog)

public:
    enum Tab
    {
        GeneralTab,
        AuthenticationTab,
        TlsTab,
        SshTab,
        AdvancedTab
    };

    struct SecretChange
    {
        Core::SecretKind kind;
        Core::SecureBytes value; // empty with remove = true: delete the stored secret
        bool remove = false;
    };

    // `isNew` changes the title and how empty secret fields are read: for an existing
    // connection an empty password field keeps the stored password.
    ConnectionEditorDialog(const Core::Connection& connection, bool isNew, QWidget* parent = nullptr);
    ~ConnectionEditorDialog() override;

    // The folders the connection may be put in, shown as a Folder field (paths such as
    // "Production / EU", plus the top level). Without it the field is hidden and the
    // connection stays where it is.
    void setFolders(const QList<Core::Folder>& folders);
    // Where Test reads the stored password when none is typed in the editor (may be null:
    // the test then runs without a password).
    void setSecretStore(Core::SecretStore* secrets);

    // True when something differs from what the editor was opened with.
    bool hasChanges() const;

    // A connection of a shared folder (call before the dialog is shown). `folderId`: the shared
    // folder, whose entry names hold the user's own password for Test; `ownUser` and
    // `ownSshUser`: the user's own, as read from their keychain; `readOnly`: the View role, where
    // only the own credentials can be changed.
    struct SharedMode
    {
        QUuid folderId;
        QString ownUser;
        QString ownSshUser;
        bool readOnly = false;
    };
    void setSharedMode(const SharedMode& mode);
    bool isShared() const { return m_shared; }
    QUuid sharedFolderId() const { return m_sharedMode.folderId; }
    bool isReadOnly() const { return m_readOnly; }
    // Shared mode: what to write to (or, with remove, delete from) the user's own keychain
    // entries for this connection; handed over once, after the dialog was accepted.
    struct OwnCredentialChange
    {
        Core::SharedCredential field;
        Core::SecureBytes value;
        bool remove = false;
    };
    std::vector<OwnCredentialChange> takeOwnCredentialChanges();
    // The same for what the fields say now, not accepted (an editor closed by a sign-out).
    std::vector<OwnCredentialChange> unsavedOwnCredentialChanges() const;

    // The edited connection; meaningful after the dialog was accepted. In shared mode it
    // carries no user name or SSH user (those are the user's own).
    Core::Connection connection() const { return m_result; }
    // What the fields say now, saved or not (no secret: those are kept apart).
    Core::Connection edits() const { return collect(); }
    // The secrets to write or remove; hands them over once.
    std::vector<SecretChange> takeSecretChanges();

    // The widget that edits `field` (a validateConnection field name such as "name",
    // "hosts[0].port", "ssh.host"), or null. The tests use it; so does error focusing.
    QWidget* fieldWidget(const QString& field) const;
    QTabWidget* tabs() const { return m_tabs; }
    QString errorText() const;

public slots:
    void accept() override;
    // Asks before discarding changes (Escape, Cancel, the window's close button).
    void reject() override;
    // Closes without asking about unsaved changes: the caller kept them (a shared
    // connection's draft at sign-out).
    void discard();

private:
    void buildGeneralTab();
    void buildAuthenticationTab();
    void buildTlsTab();
    void buildSshTab();
    void buildAdvancedTab();
    void load(const Core::Connection& connection);
    Core::Connection collect() const;
    void updateForKind();
    void addHostRow(const QString& host, quint16 port);
    void addOptionRow(const QString& key, const QString& value);
    void showFieldError(const QString& field, const QString& message);
    // The validation message as shown: host and option errors name their row.
    QString rowMessage(const QString& field, const QString& message) const;
    int tableRowFor(const QString& field) const;
    void clearError();
    void watchForChanges();
    void onEdited();
    void onSrvToggled(bool on);
    void runTest();
    void setTabOrders();
    bool readSecretFile(const QString& path, Core::SecretKind kind, const QString& field);
    void wipeSecretFields();
    QLineEdit* addFileRow(QFormLayout* form, const QString& label, const QString& objectName,
                          const QString& dialogTitle);

    // `unreadable`: the keychain's sentence when the stored password could not be read.
    void runCheck(const Core::Connection& candidate, Core::SecretStore* secrets, QObject* owned,
                  const QString& unreadable = {});
    QLabel* labelFor(QWidget* field) const;

    Core::Connection m_original;
    Core::Connection m_initial; // collect() right after loading, for hasChanges()
    Core::Connection m_result;
    bool m_isNew;
    Core::ConnectionKind m_shownKind;
    std::vector<SecretChange> m_secrets;
    std::vector<OwnCredentialChange> ownChangesOf(const Core::Connection& candidate) const;
    std::vector<OwnCredentialChange> m_ownChanges;
    bool m_shared = false;
    bool m_readOnly = false;
    SharedMode m_sharedMode;
    QPointer<Core::SecretStore> m_secretStore;
    // Table row of each collected host and option: empty rows are skipped when collecting,
    // so validateConnection()'s index is not the row the user sees.
    mutable QList<int> m_hostRows;
    mutable QList<int> m_optionRows;
    bool m_loading = true;
    bool m_discardConfirmed = false;
    bool m_tlsTouched = false; // the user set TLS themselves
    bool m_tlsTurnedOnBySrv = false;
    bool m_foldersShown = false;

    QTabWidget* m_tabs = nullptr;
    QLabel* m_error = nullptr;
    QLabel* m_passwordNote = nullptr;
    QLabel* m_certificateNote = nullptr;
    // General
    QLineEdit* m_name = nullptr;
    QComboBox* m_kind = nullptr;
    QCheckBox* m_srv = nullptr;
    FormTableWidget* m_hosts = nullptr;
    QLabel* m_srvNote = nullptr;
    QPushButton* m_addHost = nullptr;
    QPushButton* m_removeHost = nullptr;
    QLineEdit* m_database = nullptr;
    QComboBox* m_color = nullptr;
    QLineEdit* m_tags = nullptr;
    QFormLayout* m_generalForm = nullptr;
    QComboBox* m_folder = nullptr;
    QPushButton* m_test = nullptr;
    // Authentication
    QLineEdit* m_username = nullptr;
    QLineEdit* m_password = nullptr;
    QCheckBox* m_forgetPassword = nullptr;
    QLabel* m_ownTitle = nullptr;
    QLabel* m_sshOwnNote = nullptr;
    QLabel* m_readOnlyNote = nullptr;
    // TLS
    QCheckBox* m_tlsEnabled = nullptr;
    QLineEdit* m_caFile = nullptr;
    QLineEdit* m_clientCert = nullptr;
    QLineEdit* m_clientKey = nullptr;
    QCheckBox* m_forgetClientCert = nullptr;
    QCheckBox* m_allowInvalidHostnames = nullptr;
    // SSH tunnel
    QCheckBox* m_sshEnabled = nullptr;
    QLineEdit* m_sshHost = nullptr;
    QSpinBox* m_sshPort = nullptr;
    QLineEdit* m_sshUser = nullptr;
    QComboBox* m_sshAuth = nullptr;
    QLineEdit* m_sshPassword = nullptr;
    QLineEdit* m_sshKeyFile = nullptr;
    QLineEdit* m_sshPassphrase = nullptr;
    // Advanced
    FormTableWidget* m_options = nullptr;
    QPlainTextEdit* m_notes = nullptr;
};

} // namespace Conclave::Gui
