// Proves that secrets typed into the UI stay in the SecretStore only. A password, an SSH key
// passphrase and a client certificate are planted through the connection editor (as a user
// would), the URI is copied with its password, settings are saved, and then the SQLite
// database (with its journal files), the settings file and the app's log - indeed every
// file under the app's data and config folders - are searched for the planted values in
// raw, UTF-16, base64 (every alignment), hex and percent-encoded forms. Runs once with the
// real Secret Service (gnome-keyring in a private session, through with-keyring.sh) and
// once with the memory store.
#include "core/keychain/KeychainSecretStore.h"
#include "core/keychain/MemorySecretStore.h"
#include "core/storage/ConnectionRepository.h"
#include "core/storage/ConnectionStore.h"
#include "ui/ConnectionEditorDialog.h"
#include "ui/ConnectionTreeModel.h"
#include "ui/FileLogger.h"
#include "ui/MainWindow.h"
#include "ui/SettingsDialog.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Conclave::Core;
using namespace Conclave::Gui;

namespace {

// Every encoding under which a planted value could hide in a file.
QList<QByteArray> encodingsOf(const QByteArray& value)
{
    QList<QByteArray> forms{value, value.toHex(), value.toHex().toUpper(), value.toPercentEncoding()};
    QByteArray utf16;
    for (char c : value)
        utf16.append(c).append('\0');
    forms.append(utf16);
    // base64 of the value at each of the three alignments inside a longer stream; the
    // characters touched by the neighbouring bytes are cut off.
    for (int shift = 0; shift < 3; ++shift) {
        const QByteArray encoded =
            QByteArray(QByteArray(shift, 'x') + value).toBase64(QByteArray::OmitTrailingEquals);
        const qsizetype skip = shift ? 4 : 0;
        forms.append(encoded.mid(skip, encoded.size() - skip - 4));
        const QByteArray url = QByteArray(QByteArray(shift, 'x') + value)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        forms.append(url.mid(skip, url.size() - skip - 4));
    }
    return forms;
}

// Files in `dirs` (recursively) that contain any form of any value: "file: form".
QStringList findLeaks(const QStringList& dirs, const QList<QByteArray>& values)
{
    QStringList leaks;
    for (const QString& dir : dirs) {
        QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QByteArray content = file.readAll();
            for (const QByteArray& value : values) {
                for (const QByteArray& form : encodingsOf(value)) {
                    if (form.size() >= 6 && content.contains(form))
                        leaks.append(path + QStringLiteral(": ") + QString::fromLatin1(form.left(40)));
                }
            }
        }
    }
    return leaks;
}

template<typename T> T* activeModal()
{
    return qobject_cast<T*>(QApplication::activeModalWidget());
}

void typeInto(QWidget* parent, const QString& objectName, const QString& text)
{
    auto* edit = parent->findChild<QLineEdit*>(objectName);
    QVERIFY2(edit, qPrintable(objectName));
    edit->clear();
    QTest::keyClicks(edit, text);
}

QByteArray unique(const char* prefix)
{
    return QByteArray(prefix) + QUuid::createUuid().toRfc4122().toHex().left(20);
}

} // namespace

class TestSecretsNotPersisted : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void searchFindsPlantedControl();
    void plantedSecretsAreNowhereOnDisk_data();
    void plantedSecretsAreNowhereOnDisk();
    void cleanupTestCase();

private:
    QTemporaryDir m_root;
    QString m_dataDir;
    QString m_configDir;
};

void TestSecretsNotPersisted::initTestCase()
{
    QVERIFY(m_root.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("Conclave"));
    QCoreApplication::setApplicationName(QStringLiteral("Conclave"));
    m_dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir(m_dataDir).removeRecursively(); // left by an earlier run of this test
    QVERIFY(QDir().mkpath(m_dataDir));
    m_configDir = m_root.filePath(QStringLiteral("config"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_configDir);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_configDir);
    QVERIFY(!FileLogger::install().isEmpty());
    QVERIFY(FileLogger::currentPath().startsWith(m_dataDir));
}

void TestSecretsNotPersisted::cleanupTestCase()
{
    FileLogger::uninstall();
    QDir(m_dataDir).removeRecursively();
}

void TestSecretsNotPersisted::searchFindsPlantedControl()
{
    // The search must be able to fail: plant a value in several encodings and find each.
    QTemporaryDir dir;
    const QByteArray value = unique("control-");
    const QList<QByteArray> forms = encodingsOf(value);
    for (int i = 0; i < forms.size(); ++i) {
        QFile file(dir.filePath(QStringLiteral("f%1").arg(i)));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("prefix " + forms.at(i) + " suffix");
    }
    QFile base64(dir.filePath(QStringLiteral("b64")));
    QVERIFY(base64.open(QIODevice::WriteOnly));
    base64.write(QByteArray("ab" + value + "cd").toBase64());
    base64.close();
    const QStringList leaks = findLeaks({dir.path()}, {value});
    for (int i = 0; i <= forms.size(); ++i) {
        const QString file =
            i < forms.size() ? dir.filePath(QStringLiteral("f%1").arg(i)) : base64.fileName();
        QVERIFY2(std::any_of(leaks.cbegin(), leaks.cend(),
                             [&](const QString& leak) { return leak.startsWith(file + u':'); }),
                 qPrintable(file));
    }
    QVERIFY(findLeaks({dir.path()}, {unique("absent-")}).isEmpty());
}

void TestSecretsNotPersisted::plantedSecretsAreNowhereOnDisk_data()
{
    QTest::addColumn<bool>("keychain");
    QTest::newRow("memory store") << false;
    if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS") &&
        !qEnvironmentVariableIsEmpty("CONCLAVE_TEST_KEYRING_PID"))
        QTest::newRow("Secret Service") << true;
}

void TestSecretsNotPersisted::plantedSecretsAreNowhereOnDisk()
{
    QFETCH(bool, keychain);
    const QByteArray password = unique("Pw-");
    const QByteArray passphrase = unique("Pp-");
    const QByteArray certificateMarker = unique("CERT");
    const QString certPath = m_root.filePath(QStringLiteral("client.pem"));
    {
        QFile cert(certPath);
        QVERIFY(cert.open(QIODevice::WriteOnly));
        cert.write("-----BEGIN CERTIFICATE-----\n" + certificateMarker + "\n-----END CERTIFICATE-----\n");
    }
    std::unique_ptr<SecretStore> secrets;
    if (keychain)
        secrets = std::make_unique<KeychainSecretStore>(QStringLiteral("conclave-security-test"));
    else
        secrets = std::make_unique<MemorySecretStore>();
    const QString storePath = m_dataDir + QStringLiteral("/conclave.sqlite");
    QFile::remove(storePath);

    QUuid id;
    {
        const auto repository = ConnectionRepository::open(storePath);
        MainWindow::Services services;
        services.repository = repository.get();
        services.secrets = secrets.get();
        MainWindow window(services);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        window.findChild<QAction*>(QStringLiteral("actionNewConnection"))->trigger();
        ConnectionEditorDialog* editor = nullptr;
        QTRY_VERIFY((editor = activeModal<ConnectionEditorDialog>()));
        typeInto(editor, QStringLiteral("name"), QStringLiteral("Payments"));
        editor->findChild<QTableWidget*>(QStringLiteral("hosts"))
            ->item(0, 0)
            ->setText(QStringLiteral("pay.example.com"));
        typeInto(editor, QStringLiteral("username"), QStringLiteral("payer"));
        typeInto(editor, QStringLiteral("password"), QString::fromLatin1(password));
        editor->findChild<QCheckBox*>(QStringLiteral("tls.enabled"))->setChecked(true);
        typeInto(editor, QStringLiteral("tls.clientCertificate"), certPath);
        editor->findChild<QCheckBox*>(QStringLiteral("ssh.enabled"))->setChecked(true);
        typeInto(editor, QStringLiteral("ssh.host"), QStringLiteral("bastion.example.com"));
        typeInto(editor, QStringLiteral("ssh.user"), QStringLiteral("jump"));
        auto* auth = editor->findChild<QComboBox*>(QStringLiteral("ssh.auth"));
        auth->setCurrentIndex(auth->findData(int(SshAuthMethod::PrivateKey)));
        typeInto(editor, QStringLiteral("ssh.passphrase"), QString::fromLatin1(passphrase));
        QTest::mouseClick(
            editor->findChild<QDialogButtonBox*>(QStringLiteral("buttons"))->button(QDialogButtonBox::Save),
            Qt::LeftButton);
        QTRY_COMPARE(window.model()->connectionCount(), 1);
        id = window.selectedConnections().value(0);
        QVERIFY(!id.isNull());
        QTRY_COMPARE(window.pendingSecretOperations(), 0);
        QVERIFY2(window.bannerTexts().isEmpty(), qPrintable(window.bannerTexts().join(u'\n')));

        // Positive control: the secrets did reach the SecretStore.
        QHash<SecretKind, QByteArray> stored;
        for (SecretKind kind :
             {SecretKind::Password, SecretKind::SshPassphrase, SecretKind::ClientCertificate}) {
            secrets->read(id, kind, this, [&stored, kind](Result<SecureBytes> value) {
                stored.insert(kind, value.ok() ? value->view().toByteArray() : QByteArray("missing"));
            });
        }
        QTRY_COMPARE(stored.size(), 3);
        QCOMPARE(stored.value(SecretKind::Password), password);
        QCOMPARE(stored.value(SecretKind::SshPassphrase), passphrase);
        QVERIFY(stored.value(SecretKind::ClientCertificate).contains(certificateMarker));

        // Copy the URI with its password, edit the connection, save settings: every path
        // that touches the secrets or writes files.
        window.selectConnection(id);
        window.findChild<QAction*>(QStringLiteral("actionCopyUriWithPassword"))->trigger();
        QTRY_VERIFY(QGuiApplication::clipboard()->text().contains(QString::fromLatin1(password)));
        window.findChild<QAction*>(QStringLiteral("actionEdit"))->trigger();
        QTRY_VERIFY((editor = activeModal<ConnectionEditorDialog>()));
        typeInto(editor, QStringLiteral("name"), QStringLiteral("Payments (EU)"));
        QTest::mouseClick(
            editor->findChild<QDialogButtonBox*>(QStringLiteral("buttons"))->button(QDialogButtonBox::Save),
            Qt::LeftButton);
        QTRY_COMPARE(window.model()->connection(id)->name, QStringLiteral("Payments (EU)"));
        window.findChild<QAction*>(QStringLiteral("actionSettings"))->trigger();
        SettingsDialog* settings = nullptr;
        QTRY_VERIFY((settings = activeModal<SettingsDialog>()));
        settings->accept();
        QTRY_VERIFY(!QApplication::activeModalWidget());
        window.close();
    }
    QSettings().sync();
    QVERIFY2(QFile::exists(QSettings().fileName()), qPrintable(QSettings().fileName()));
    QVERIFY(QFile::exists(storePath));
    QVERIFY(QFileInfo(FileLogger::currentPath()).size() > 0);
    {
        QFile log(FileLogger::currentPath());
        QVERIFY(log.open(QIODevice::ReadOnly));
        // The log does record the actions, by id.
        QVERIFY(log.readAll().contains(id.toString(QUuid::WithoutBraces).toLatin1()));
    }

    const QStringList leaks = findLeaks({m_dataDir, m_configDir}, {password, passphrase, certificateMarker});
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u'\n')));

    // Leave the keychain as we found it.
    bool removed = false;
    secrets->removeAll(id, this, [&removed](Status) { removed = true; });
    QTRY_VERIFY(removed);
}

QTEST_MAIN(TestSecretsNotPersisted)
#include "TestSecretsNotPersisted.moc"
