// Tests ConnectionEditorDialog: for each kind, a wrong field keeps the dialog open, names
// the problem, switches to the field's tab and focuses the field; a correct entry is
// accepted and secrets come out only through takeSecretChanges().
#include "core/keychain/SecretKind.h"
#include "ui/ConnectionEditorDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Conclave::Core;
using namespace Conclave::Gui;

Q_DECLARE_METATYPE(Conclave::Core::ConnectionKind)

namespace {

Connection fresh(ConnectionKind kind)
{
    Connection c;
    c.id = QUuid::createUuid();
    c.kind = kind;
    return c;
}

void setText(ConnectionEditorDialog& dialog, const QString& field, const QString& text)
{
    auto* edit = dialog.findChild<QLineEdit*>(field);
    QVERIFY2(edit, qPrintable(field));
    edit->clear();
    QTest::keyClicks(edit, text);
}

void setHost(ConnectionEditorDialog& dialog, int row, const QString& host, const QString& port)
{
    auto* table = dialog.findChild<QTableWidget*>(QStringLiteral("hosts"));
    while (table->rowCount() <= row)
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("addHost")), Qt::LeftButton);
    table->item(row, 0)->setText(host);
    table->item(row, 1)->setText(port);
}

void clickSave(ConnectionEditorDialog& dialog)
{
    auto* buttons = dialog.findChild<QDialogButtonBox*>(QStringLiteral("buttons"));
    QTest::mouseClick(buttons->button(QDialogButtonBox::Save), Qt::LeftButton);
}

} // namespace

class TestConnectionEditor : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void validationNamesAndFocusesField_data();
    void validationNamesAndFocusesField();
    void acceptsValidConnection_data();
    void acceptsValidConnection();
    void secretsLeaveOnlyThroughSecretChanges();
    void editKeepsUnchangedPassword();
    void kindChangeFollowsDefaultPort();

private:
    QTemporaryDir m_dir;
};

void TestConnectionEditor::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestConnectionEditor::validationNamesAndFocusesField_data()
{
    QTest::addColumn<ConnectionKind>("kind");
    QTest::addColumn<QString>("breakWhat");
    QTest::addColumn<QString>("field");
    QTest::addColumn<int>("tab");

    using K = ConnectionKind;
    const int general = ConnectionEditorDialog::GeneralTab;
    QTest::newRow("postgresql: no name") << K::PostgreSQL << "name"
                                         << "name" << general;
    QTest::newRow("mysql: bad host") << K::MySQL << "host"
                                     << "hosts" << general;
    QTest::newRow("redis: database not a number") << K::Redis << "redisdb"
                                                  << "defaultDatabase" << general;
    QTest::newRow("mongodb: second host without port") << K::MongoDB << "secondport"
                                                       << "hosts" << general;
    QTest::newRow("mongodb: bad option name") << K::MongoDB << "option"
                                              << "options" << int(ConnectionEditorDialog::AdvancedTab);
    QTest::newRow("postgresql: relative CA file") << K::PostgreSQL << "cafile"
                                                  << "tls.caFile" << int(ConnectionEditorDialog::TlsTab);
    QTest::newRow("ssh: tunnel without host") << K::SSH << "sshhost"
                                              << "ssh.host" << int(ConnectionEditorDialog::SshTab);
    QTest::newRow("mysql: tunnel port 0") << K::MySQL << "sshport"
                                          << "ssh.port" << int(ConnectionEditorDialog::SshTab);
    QTest::newRow("redis: client key without certificate")
        << K::Redis << "keyonly"
        << "tls.clientCertificate" << int(ConnectionEditorDialog::TlsTab);
}

void TestConnectionEditor::validationNamesAndFocusesField()
{
    QFETCH(ConnectionKind, kind);
    QFETCH(QString, breakWhat);
    QFETCH(QString, field);
    QFETCH(int, tab);

    ConnectionEditorDialog dialog(fresh(kind), true);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    setText(dialog, QStringLiteral("name"), QStringLiteral("Target"));
    setHost(dialog, 0, QStringLiteral("db.example.com"), QString::number(kindDefaultPort(kind)));

    if (breakWhat == QLatin1String("name")) {
        setText(dialog, QStringLiteral("name"), QStringLiteral("   "));
    } else if (breakWhat == QLatin1String("host")) {
        setHost(dialog, 0, QStringLiteral("bad host!"), QStringLiteral("3306"));
    } else if (breakWhat == QLatin1String("redisdb")) {
        setText(dialog, QStringLiteral("defaultDatabase"), QStringLiteral("sales"));
    } else if (breakWhat == QLatin1String("secondport")) {
        setHost(dialog, 1, QStringLiteral("db2.example.com"), QString());
    } else if (breakWhat == QLatin1String("option")) {
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("addOption")), Qt::LeftButton);
        auto* options = dialog.findChild<QTableWidget*>(QStringLiteral("options"));
        options->item(0, 0)->setText(QStringLiteral("bad key"));
        options->item(0, 1)->setText(QStringLiteral("x"));
    } else if (breakWhat == QLatin1String("cafile")) {
        dialog.findChild<QCheckBox*>(QStringLiteral("tls.enabled"))->setChecked(true);
        setText(dialog, QStringLiteral("tls.caFile"), QStringLiteral("certs/ca.pem"));
    } else if (breakWhat == QLatin1String("sshhost")) {
        dialog.findChild<QCheckBox*>(QStringLiteral("ssh.enabled"))->setChecked(true);
        setText(dialog, QStringLiteral("ssh.user"), QStringLiteral("deploy"));
    } else if (breakWhat == QLatin1String("sshport")) {
        dialog.findChild<QCheckBox*>(QStringLiteral("ssh.enabled"))->setChecked(true);
        setText(dialog, QStringLiteral("ssh.host"), QStringLiteral("bastion.example.com"));
        dialog.findChild<QSpinBox*>(QStringLiteral("ssh.port"))->setValue(0);
    } else if (breakWhat == QLatin1String("keyonly")) {
        setText(dialog, QStringLiteral("tls.clientKey"), m_dir.filePath(QStringLiteral("client.key")));
    }
    dialog.tabs()->setCurrentIndex(ConnectionEditorDialog::AuthenticationTab); // away from the field
    clickSave(dialog);

    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY2(!dialog.errorText().isEmpty(), "the error must be said in words");
    QCOMPARE(dialog.tabs()->currentIndex(), tab);
    QWidget* expected = dialog.fieldWidget(field);
    QVERIFY(expected);
    QTRY_COMPARE(dialog.focusWidget(), expected);
}

void TestConnectionEditor::acceptsValidConnection_data()
{
    QTest::addColumn<ConnectionKind>("kind");
    for (ConnectionKind kind : allKinds())
        QTest::newRow(qPrintable(kindScheme(kind))) << kind;
}

void TestConnectionEditor::acceptsValidConnection()
{
    QFETCH(ConnectionKind, kind);
    ConnectionEditorDialog dialog(fresh(kind), true);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    setText(dialog, QStringLiteral("name"), QStringLiteral("Orders"));
    setHost(dialog, 0, QStringLiteral("db.example.com"), QString::number(kindDefaultPort(kind)));
    setText(dialog, QStringLiteral("username"), QStringLiteral("app"));
    setText(dialog, QStringLiteral("tags"), QStringLiteral("prod, billing"));
    if (kind == ConnectionKind::MongoDB)
        setHost(dialog, 1, QStringLiteral("db2.example.com"), QStringLiteral("27018"));
    clickSave(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const Connection c = dialog.connection();
    QCOMPARE(c.kind, kind);
    QCOMPARE(c.name, QStringLiteral("Orders"));
    QCOMPARE(c.hosts.first(), (HostPort{QStringLiteral("db.example.com"), kindDefaultPort(kind)}));
    QCOMPARE(c.hosts.size(), kind == ConnectionKind::MongoDB ? 2 : 1);
    QCOMPARE(c.tags, (QStringList{QStringLiteral("prod"), QStringLiteral("billing")}));
    QCOMPARE(c.username, QStringLiteral("app"));
    QVERIFY(dialog.takeSecretChanges().empty());
}

void TestConnectionEditor::secretsLeaveOnlyThroughSecretChanges()
{
    const QString certPath = m_dir.filePath(QStringLiteral("client.pem"));
    {
        QFile cert(certPath);
        QVERIFY(cert.open(QIODevice::WriteOnly));
        cert.write("-----BEGIN CERTIFICATE-----\nMIIBcertificate\n-----END CERTIFICATE-----\n");
    }
    ConnectionEditorDialog dialog(fresh(ConnectionKind::PostgreSQL), true);
    dialog.show();
    setText(dialog, QStringLiteral("name"), QStringLiteral("Secrets"));
    setHost(dialog, 0, QStringLiteral("db.example.com"), QStringLiteral("5432"));
    setText(dialog, QStringLiteral("password"), QStringLiteral("hunter2-secret"));
    dialog.findChild<QCheckBox*>(QStringLiteral("tls.enabled"))->setChecked(true);
    setText(dialog, QStringLiteral("tls.clientCertificate"), certPath);
    dialog.findChild<QCheckBox*>(QStringLiteral("ssh.enabled"))->setChecked(true);
    setText(dialog, QStringLiteral("ssh.host"), QStringLiteral("bastion.example.com"));
    auto* auth = dialog.findChild<QComboBox*>(QStringLiteral("ssh.auth"));
    auth->setCurrentIndex(auth->findData(int(SshAuthMethod::PrivateKey)));
    setText(dialog, QStringLiteral("ssh.passphrase"), QStringLiteral("passphrase-secret"));
    clickSave(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    const Connection c = dialog.connection();
    QVERIFY(c.tls.hasClientCertificate);
    QVERIFY(!c.notes.contains(QStringLiteral("hunter2")));
    // The fields are wiped once their values are taken.
    QVERIFY(dialog.findChild<QLineEdit*>(QStringLiteral("password"))->text().isEmpty());
    QVERIFY(dialog.findChild<QLineEdit*>(QStringLiteral("ssh.passphrase"))->text().isEmpty());

    auto secrets = dialog.takeSecretChanges();
    QCOMPARE(int(secrets.size()), 3);
    QHash<SecretKind, QByteArray> byKind;
    for (const auto& change : secrets)
        byKind.insert(change.kind, change.value.view().toByteArray());
    QCOMPARE(byKind.value(SecretKind::Password), QByteArray("hunter2-secret"));
    QCOMPARE(byKind.value(SecretKind::SshPassphrase), QByteArray("passphrase-secret"));
    QVERIFY(byKind.value(SecretKind::ClientCertificate).contains("MIIBcertificate"));
    QVERIFY(dialog.takeSecretChanges().empty()); // handed out once
}

void TestConnectionEditor::editKeepsUnchangedPassword()
{
    Connection existing = fresh(ConnectionKind::MySQL);
    existing.name = QStringLiteral("Shop");
    existing.hosts = {HostPort{QStringLiteral("shop.example.com"), 3306}};
    ConnectionEditorDialog dialog(existing, false);
    dialog.show();
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Edit Connection"));
    setText(dialog, QStringLiteral("name"), QStringLiteral("Shop (EU)"));
    clickSave(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.connection().id, existing.id);
    QCOMPARE(dialog.connection().name, QStringLiteral("Shop (EU)"));
    QVERIFY(dialog.takeSecretChanges().empty()); // empty field: stored password stays

    ConnectionEditorDialog forget(existing, false);
    forget.show();
    forget.findChild<QCheckBox*>(QStringLiteral("forgetPassword"))->setChecked(true);
    clickSave(forget);
    auto changes = forget.takeSecretChanges();
    QCOMPARE(int(changes.size()), 1);
    QVERIFY(changes.front().remove);
    QCOMPARE(changes.front().kind, SecretKind::Password);
}

void TestConnectionEditor::kindChangeFollowsDefaultPort()
{
    ConnectionEditorDialog dialog(fresh(ConnectionKind::PostgreSQL), true);
    dialog.show();
    auto* hosts = dialog.findChild<QTableWidget*>(QStringLiteral("hosts"));
    QCOMPARE(hosts->item(0, 1)->text(), QStringLiteral("5432"));
    auto* kind = dialog.findChild<QComboBox*>(QStringLiteral("kind"));
    kind->setCurrentIndex(kind->findData(int(ConnectionKind::Redis)));
    QCOMPARE(hosts->item(0, 1)->text(), QStringLiteral("6379"));
    kind->setCurrentIndex(kind->findData(int(ConnectionKind::SSH)));
    QVERIFY(!dialog.tabs()->isTabEnabled(ConnectionEditorDialog::TlsTab));
    QVERIFY(!dialog.findChild<QPushButton*>(QStringLiteral("addHost"))->isVisible());
    kind->setCurrentIndex(kind->findData(int(ConnectionKind::MongoDB)));
    QVERIFY(dialog.findChild<QPushButton*>(QStringLiteral("addHost"))->isVisible());
}

QTEST_MAIN(TestConnectionEditor)
#include "TestConnectionEditor.moc"
