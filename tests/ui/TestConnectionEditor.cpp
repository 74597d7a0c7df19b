// Tests ConnectionEditorDialog: for each kind, a wrong field keeps the dialog open, names
// the problem, switches to the field's tab and focuses the field; a correct entry is
// accepted and secrets come out only through takeSecretChanges(). The keyboard flow is
// driven with QTest: Tab through the hosts table, Escape on a changed editor, SRV, the
// folder field and the Test button on unsaved values.
#include "core/keychain/SecretKind.h"
#include "core/model/ConnectionUri.h"
#include "ui/ConnectionCheckDialog.h"
#include "ui/ConnectionEditorDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTcpServer>
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

// Types into whatever has the focus, as a user does: the first key typed on a table cell
// opens its editor, and the rest go there.
void typeIntoFocus(const QString& text)
{
    for (const QChar c : text)
        QTest::keyClick(QApplication::focusWidget(), c.toLatin1());
}

void pressInFocus(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWidget* focus = QApplication::focusWidget();
    QVERIFY(focus);
    QTest::keyClick(focus, key, modifiers);
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
    void tabLeavesHostsTable();
    void fixedErrorGoesAndNamesRow();
    void emptyOptionRowIgnored();
    void srvTurnsTlsOnAndKeepsPort();
    void srvSaysExtraHostsGo();
    void portColumnFitsFiveDigits();
    void escapeAsksBeforeDiscarding();
    void folderFieldByKeyboard();
    void testButtonUsesUnsavedValues();
    void sshWordingIsTheSame();

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

void TestConnectionEditor::tabLeavesHostsTable()
{
    ConnectionEditorDialog dialog(fresh(ConnectionKind::PostgreSQL), true);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.activateWindow();
    QTRY_COMPARE(QApplication::focusWidget(), dialog.fieldWidget(QStringLiteral("name")));
    typeIntoFocus(QStringLiteral("Orders"));
    pressInFocus(Qt::Key_Tab); // kind
    QCOMPARE(QApplication::focusWidget(), dialog.fieldWidget(QStringLiteral("kind")));
    pressInFocus(Qt::Key_Tab); // the hosts table, on its first cell
    auto* hosts = dialog.findChild<QTableWidget*>(QStringLiteral("hosts"));
    QCOMPARE(QApplication::focusWidget(), hosts);
    QCOMPARE(hosts->currentColumn(), 0);
    typeIntoFocus(QStringLiteral("db.example.com"));
    pressInFocus(Qt::Key_Tab); // the port cell, its editor open
    QCOMPARE(hosts->currentColumn(), 1);
    typeIntoFocus(QStringLiteral("6543"));
    pressInFocus(Qt::Key_Tab); // out of the table
    auto* database = dialog.findChild<QLineEdit*>(QStringLiteral("defaultDatabase"));
    QTRY_COMPARE(QApplication::focusWidget(), database);
    typeIntoFocus(QStringLiteral("orders"));
    QCOMPARE(hosts->item(0, 0)->text(), QStringLiteral("db.example.com"));
    QCOMPARE(hosts->item(0, 1)->text(), QStringLiteral("6543"));
    QCOMPARE(database->text(), QStringLiteral("orders"));

    // Shift+Tab walks back the same way: into the table at the port, then the host, then out.
    pressInFocus(Qt::Key_Backtab, Qt::ShiftModifier);
    QTRY_COMPARE(QApplication::focusWidget(), hosts);
    QCOMPARE(hosts->currentColumn(), 1);
    pressInFocus(Qt::Key_Backtab, Qt::ShiftModifier);
    QCOMPARE(QApplication::focusWidget(), hosts);
    QCOMPARE(hosts->currentColumn(), 0);
    pressInFocus(Qt::Key_Backtab, Qt::ShiftModifier);
    QCOMPARE(QApplication::focusWidget(), dialog.fieldWidget(QStringLiteral("kind")));

    pressInFocus(Qt::Key_Return);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.connection().hosts, (QList<HostPort>{HostPort{QStringLiteral("db.example.com"), 6543}}));
    QCOMPARE(dialog.connection().defaultDatabase, QStringLiteral("orders"));
}

void TestConnectionEditor::fixedErrorGoesAndNamesRow()
{
    ConnectionEditorDialog dialog(fresh(ConnectionKind::MongoDB), true);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    setText(dialog, QStringLiteral("name"), QStringLiteral("Replica"));
    setHost(dialog, 0, QStringLiteral("db1.example.com"), QStringLiteral("27017"));
    setHost(dialog, 1, QStringLiteral("db2.example.com"), QString());
    clickSave(dialog);
    QVERIFY(dialog.isVisible());
    QVERIFY2(dialog.errorText().startsWith(QStringLiteral("Host 2: ")), qPrintable(dialog.errorText()));
    auto* hosts = dialog.findChild<QTableWidget*>(QStringLiteral("hosts"));
    QCOMPARE(hosts->currentRow(), 1);
    QCOMPARE(hosts->currentColumn(), 1);

    // Fixing it by keyboard, then looking at another tab: the message is gone.
    QTRY_COMPARE(QApplication::focusWidget(), hosts);
    typeIntoFocus(QStringLiteral("27018"));
    pressInFocus(Qt::Key_Return); // the cell editor commits on the next event loop pass
    QTRY_COMPARE(hosts->item(1, 1)->text(), QStringLiteral("27018"));
    dialog.tabs()->setCurrentIndex(ConnectionEditorDialog::AdvancedTab);
    QVERIFY2(dialog.errorText().isEmpty(), qPrintable(dialog.errorText()));
    QVERIFY(!dialog.findChild<QLabel*>(QStringLiteral("errorLabel"))->isVisible());

    // A different mistake made while an error shows replaces its message.
    clickSave(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void TestConnectionEditor::emptyOptionRowIgnored()
{
    ConnectionEditorDialog dialog(fresh(ConnectionKind::MongoDB), true);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    setText(dialog, QStringLiteral("name"), QStringLiteral("Options"));
    setHost(dialog, 0, QStringLiteral("db.example.com"), QStringLiteral("27017"));
    auto* addOption = dialog.findChild<QPushButton*>(QStringLiteral("addOption"));
    auto* options = dialog.findChild<QTableWidget*>(QStringLiteral("options"));
    QTest::mouseClick(addOption, Qt::LeftButton); // row 1 stays empty
    QTest::mouseClick(addOption, Qt::LeftButton);
    options->item(1, 1)->setText(QStringLiteral("admin")); // a value without a name
    clickSave(dialog);
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.tabs()->currentIndex(), int(ConnectionEditorDialog::AdvancedTab));
    QCOMPARE(options->currentRow(), 1);
    QVERIFY2(dialog.errorText().startsWith(QStringLiteral("Option 2: ")), qPrintable(dialog.errorText()));

    options->item(1, 0)->setText(QStringLiteral("authSource"));
    QVERIFY(dialog.errorText().isEmpty());
    clickSave(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.connection().options,
             (QList<ConnectionOption>{{QStringLiteral("authSource"), QStringLiteral("admin")}}));
}

void TestConnectionEditor::srvTurnsTlsOnAndKeepsPort()
{
    ConnectionEditorDialog dialog(fresh(ConnectionKind::MongoDB), true);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    setText(dialog, QStringLiteral("name"), QStringLiteral("Atlas"));
    setHost(dialog, 0, QStringLiteral("cluster0.example.com"), QStringLiteral("27017"));
    auto* srv = dialog.findChild<QCheckBox*>(QStringLiteral("srv"));
    auto* tls = dialog.findChild<QCheckBox*>(QStringLiteral("tls.enabled"));
    auto* hosts = dialog.findChild<QTableWidget*>(QStringLiteral("hosts"));
    QVERIFY(!tls->isChecked());
    srv->setFocus();
    QTest::keyClick(srv, Qt::Key_Space);
    QVERIFY(srv->isChecked());
    QVERIFY2(tls->isChecked(), "mongodb+srv implies TLS");

    // Unticking brings the port back, and TLS goes back to what it was.
    QTest::keyClick(srv, Qt::Key_Space);
    QVERIFY(!tls->isChecked());
    QCOMPARE(hosts->item(0, 1)->text(), QStringLiteral("27017"));

    QTest::keyClick(srv, Qt::Key_Space);
    clickSave(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const Connection c = dialog.connection();
    QVERIFY(c.srv);
    QVERIFY(c.tls.enabled);
    const QString uri = ConnectionUri::format(c);
    QVERIFY2(uri.startsWith(QStringLiteral("mongodb+srv://")) && !uri.contains(QStringLiteral("tls=false")),
             qPrintable(uri));

    // A user who turns TLS off themselves keeps it off.
    Connection srvOff = fresh(ConnectionKind::MongoDB);
    srvOff.name = QStringLiteral("Lab");
    srvOff.hosts = {HostPort{QStringLiteral("lab.example.com"), 27017}};
    ConnectionEditorDialog second(srvOff, false);
    second.show();
    auto* secondTls = second.findChild<QCheckBox*>(QStringLiteral("tls.enabled"));
    auto* secondSrv = second.findChild<QCheckBox*>(QStringLiteral("srv"));
    QTest::keyClick(secondSrv, Qt::Key_Space);
    QVERIFY(secondTls->isChecked());
    second.tabs()->setCurrentIndex(ConnectionEditorDialog::TlsTab);
    QTest::keyClick(secondTls, Qt::Key_Space);
    QVERIFY(!secondTls->isChecked());
    clickSave(second);
    QCOMPARE(second.result(), int(QDialog::Accepted));
    QVERIFY(ConnectionUri::format(second.connection()).contains(QStringLiteral("tls=false")));
}

void TestConnectionEditor::srvSaysExtraHostsGo()
{
    ConnectionEditorDialog dialog(fresh(ConnectionKind::MongoDB), true);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    setText(dialog, QStringLiteral("name"), QStringLiteral("Replica"));
    setHost(dialog, 0, QStringLiteral("db1.example.com"), QStringLiteral("27017"));
    setHost(dialog, 1, QStringLiteral("db2.example.com"), QStringLiteral("27018"));
    auto* srv = dialog.findChild<QCheckBox*>(QStringLiteral("srv"));
    auto* note = dialog.findChild<QLabel*>(QStringLiteral("srvNote"));
    auto* hosts = dialog.findChild<QTableWidget*>(QStringLiteral("hosts"));
    QVERIFY(!note->isVisible());
    QTest::keyClick(srv, Qt::Key_Space);
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().contains(QStringLiteral("1 host")), qPrintable(note->text()));
    QVERIFY(!(hosts->item(1, 0)->flags() & Qt::ItemIsEnabled));
    // Tab from the one host left goes on to Database, past the greyed rows.
    hosts->setFocus();
    hosts->setCurrentCell(0, 0);
    QTest::keyClick(hosts, Qt::Key_Tab);
    QTRY_COMPARE(QApplication::focusWidget(), dialog.fieldWidget(QStringLiteral("defaultDatabase")));
    srv->setFocus();
    // Unticking gives the second host back as it was.
    QTest::keyClick(srv, Qt::Key_Space);
    QVERIFY(!note->isVisible());
    QVERIFY(hosts->item(1, 0)->flags() & Qt::ItemIsEditable);
    QCOMPARE(hosts->item(1, 1)->text(), QStringLiteral("27018"));
    QTest::keyClick(srv, Qt::Key_Space);
    clickSave(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.connection().hosts, (QList<HostPort>{HostPort{QStringLiteral("db1.example.com"), 0}}));
}

void TestConnectionEditor::portColumnFitsFiveDigits()
{
    ConnectionEditorDialog dialog(fresh(ConnectionKind::PostgreSQL), true);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* hosts = dialog.findChild<QTableWidget*>(QStringLiteral("hosts"));
    hosts->setFocus();
    hosts->setCurrentCell(0, 1);
    QTest::keyClick(hosts, Qt::Key_F2);
    auto* editor = qobject_cast<QLineEdit*>(QApplication::focusWidget());
    QVERIFY(editor);
    editor->setText(QStringLiteral("65535"));
    // The text fits when it is narrower than the editor's contents (frame and margins off).
    const int frame = editor->style()->pixelMetric(QStyle::PM_DefaultFrameWidth, nullptr, editor);
    const QMargins margins = editor->textMargins();
    const int room = editor->width() - 2 * frame - margins.left() - margins.right() - 4;
    QVERIFY2(room >= editor->fontMetrics().horizontalAdvance(QStringLiteral("65535")),
             qPrintable(QStringLiteral("room %1").arg(room)));
}

void TestConnectionEditor::escapeAsksBeforeDiscarding()
{
    // Unchanged: Escape closes at once.
    {
        ConnectionEditorDialog dialog(fresh(ConnectionKind::Redis), true);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(!dialog.isVisible());
    }
    ConnectionEditorDialog dialog(fresh(ConnectionKind::Redis), true);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.activateWindow();
    QTRY_VERIFY(QApplication::focusWidget());
    typeIntoFocus(QStringLiteral("Cache"));
    QVERIFY(dialog.hasChanges());

    // Escape asks; Escape again (Keep Editing) leaves everything as it was.
    pressInFocus(Qt::Key_Escape);
    QMessageBox* question = nullptr;
    QTRY_VERIFY((question = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())));
    QCOMPARE(question->objectName(), QStringLiteral("discardQuestion"));
    QTest::keyClick(question, Qt::Key_Escape);
    QTRY_VERIFY(QApplication::activeModalWidget() == &dialog);
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.findChild<QLineEdit*>(QStringLiteral("name"))->text(), QStringLiteral("Cache"));

    // Escape, then Discard Changes: the editor closes without saving.
    pressInFocus(Qt::Key_Escape);
    QTRY_VERIFY((question = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())));
    QTest::mouseClick(question->button(QMessageBox::Discard), Qt::LeftButton);
    QTRY_VERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
}

void TestConnectionEditor::folderFieldByKeyboard()
{
    Folder production;
    production.id = QUuid::createUuid();
    production.name = QStringLiteral("Production");
    Folder eu;
    eu.id = QUuid::createUuid();
    eu.parentId = production.id;
    eu.name = QStringLiteral("EU");
    Connection existing = fresh(ConnectionKind::MySQL);
    existing.name = QStringLiteral("Shop");
    existing.hosts = {HostPort{QStringLiteral("shop.example.com"), 3306}};
    existing.folderId = eu.id;

    ConnectionEditorDialog dialog(existing, false);
    dialog.setFolders({production, eu});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* folder = dialog.findChild<QComboBox*>(QStringLiteral("folder"));
    QVERIFY(folder->isVisible());
    QCOMPARE(folder->currentText(), QStringLiteral("Production / EU"));
    QVERIFY(!dialog.hasChanges());

    // Reached by Tab from Tags, changed with the arrow keys.
    auto* tags = dialog.findChild<QLineEdit*>(QStringLiteral("tags"));
    tags->setFocus();
    pressInFocus(Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), folder);
    pressInFocus(Qt::Key_Up);
    QCOMPARE(folder->currentText(), QStringLiteral("Production"));
    clickSave(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.connection().folderId, production.id);

    // Without a folder list the field is hidden and the connection stays where it is.
    ConnectionEditorDialog plain(existing, false);
    plain.show();
    QVERIFY(!plain.findChild<QComboBox*>(QStringLiteral("folder"))->isVisible());
    clickSave(plain);
    QCOMPARE(plain.connection().folderId, eu.id);
}

void TestConnectionEditor::testButtonUsesUnsavedValues()
{
    // A real listening socket on loopback: the test must reach the host and port typed in
    // the editor, which were never saved anywhere.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    QSignalSpy reached(&server, &QTcpServer::newConnection);

    ConnectionEditorDialog dialog(fresh(ConnectionKind::Redis), true);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    setText(dialog, QStringLiteral("name"), QStringLiteral("Cache"));
    setHost(dialog, 0, QStringLiteral("127.0.0.1"), QString::number(server.serverPort()));
    setText(dialog, QStringLiteral("password"), QStringLiteral("typed-not-saved"));
    auto* test = dialog.findChild<QPushButton*>(QStringLiteral("testConnection"));
    QVERIFY(test && test->isVisible());
    QTest::mouseClick(test, Qt::LeftButton);
    ConnectionCheckDialog* tester = nullptr;
    QTRY_VERIFY((tester = dialog.findChild<ConnectionCheckDialog*>()));
    QTRY_VERIFY_WITH_TIMEOUT(reached.count() >= 1, 10000);
    // The editor stays open with its values: testing is not saving.
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.findChild<QLineEdit*>(QStringLiteral("password"))->text(),
             QStringLiteral("typed-not-saved"));
    tester->reject();
    delete tester;

    // An invalid value is reported in the editor, and nothing is tested.
    setHost(dialog, 0, QStringLiteral("bad host!"), QStringLiteral("6379"));
    QTest::mouseClick(test, Qt::LeftButton);
    QVERIFY(dialog.errorText().startsWith(QStringLiteral("Host 1: ")));
    QVERIFY(!dialog.findChild<ConnectionCheckDialog*>());
}

void TestConnectionEditor::sshWordingIsTheSame()
{
    for (ConnectionKind kind : {ConnectionKind::PostgreSQL, ConnectionKind::SSH}) {
        ConnectionEditorDialog dialog(fresh(kind), true);
        QCOMPARE(dialog.tabs()->tabText(ConnectionEditorDialog::SshTab), QStringLiteral("SSH tunnel"));
        const QString box = dialog.findChild<QCheckBox*>(QStringLiteral("ssh.enabled"))->text();
        QVERIFY(QString(box).remove(QLatin1Char('&')).contains(QStringLiteral("SSH tunnel")));
    }
}

QTEST_MAIN(TestConnectionEditor)
#include "TestConnectionEditor.moc"
