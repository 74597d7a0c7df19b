// Drives InvitationsDialog offscreen against the real conclave-server (labels ui, sync), by
// keyboard: a received invitation is listed with the folder as the inviter showed it, the
// inviter's address, the role and the expiry; a wrong code is refused in words and nothing
// changes; the right code makes it "Waiting for a manager", and "Added" once the manager's
// client added the invitee and the folder is here; a safety-number invitation shows the
// invitee's own number and takes the inviter's; Decline closes one.
#include "InvitationDevices.h"

#include "core/crypto/InvitationCode.h"
#include "ui/InvitationsDialog.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace Conclave;
using namespace Conclave::Core;
using namespace InvitationDevices;

class TestInvitationsDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void acceptWithCode();
    void safetyNumberAndDecline();

private:
    QList<InvitationFlow::Sent> invite(const QString& email, InvitationFlow::Mode mode);

    ServerHarness m_server;
    QUrl m_url;
    QString m_domain;
    std::unique_ptr<Device> m_ada;
    QUuid m_folder;
};

void TestInvitationsDialog::initTestCase()
{
    m_server.setConfig({QStringLiteral("[limits]"), QStringLiteral("loginPerAddress=100000"),
                        QStringLiteral("signupPerAddress=100000"),
                        QStringLiteral("verifyPerAddress=100000")});
    QVERIFY(m_server.start(QStringLiteral("TestInvitationsDialog")));
    m_url = QUrl(m_server.baseUrl());
    m_domain = QUuid::createUuid().toString(QUuid::Id128).left(10) + QStringLiteral(".inv.example.com");
    const QString org = makeOrg(m_server, m_domain);
    QVERIFY(!org.isEmpty());
    m_ada = makeDevice(m_server, m_url, m_domain, "ada");
    QVERIFY(m_ada);
    const auto folder = awaitValue<Result<QUuid>>([&](QObject* c, auto done) {
        m_ada->engine.createFolder(QUuid::fromString(org), QStringLiteral("Team Databases"), c, done);
    });
    QVERIFY(folder && folder->ok());
    m_folder = folder->value();
}

void TestInvitationsDialog::cleanupTestCase()
{
    m_ada.reset();
    m_server.stop();
}

QList<InvitationFlow::Sent> TestInvitationsDialog::invite(const QString& email, InvitationFlow::Mode mode)
{
    const auto sent = awaitValue<QList<InvitationFlow::Sent>>([&](QObject* c, auto done) {
        m_ada->flow.invite(m_folder, {email}, FolderRole::Edit, mode, c, done);
    });
    return sent.value_or(QList<InvitationFlow::Sent>());
}

void TestInvitationsDialog::acceptWithCode()
{
    auto bob = makeDevice(m_server, m_url, m_domain, "bob");
    QVERIFY(bob);
    const auto sent = invite(bob->email, InvitationFlow::Mode::Code);
    QCOMPARE(sent.size(), 1);
    QVERIFY(!sent[0].error);

    Gui::InvitationsDialog dialog(&bob->flow);
    auto* list = dialog.findChild<QTreeWidget*>(QStringLiteral("invitations"));
    QAbstractItemModelTester tester(list->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    dialog.show();
    dialog.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItemCount(), 1, 30'000);
    QTreeWidgetItem* row = list->topLevelItem(0);
    QCOMPARE(row->text(0), QStringLiteral("Team Databases"));
    QVERIFY(row->text(1).contains(m_ada->email));
    QCOMPARE(row->text(2), QStringLiteral("Edit"));
    QVERIFY(!row->text(3).isEmpty());
    QCOMPARE(row->text(4), QStringLiteral("Open"));

    auto* code = dialog.findChild<QLineEdit*>(QStringLiteral("code"));
    auto* status = dialog.findChild<QLabel*>(QStringLiteral("status"));
    QVERIFY(code->isVisible());
    QTest::keyClick(&dialog, Qt::Key_C, Qt::AltModifier); // the code field's mnemonic
    QTRY_VERIFY_WITH_TIMEOUT(code->hasFocus(), 5000);
    QTest::keyClicks(code, InvitationCode::generate().text());
    QTest::keyClick(code, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("does not match")), 30'000);
    QCOMPARE(row->text(4), QStringLiteral("Open"));

    code->selectAll();
    QTest::keyClicks(code, sent[0].code);
    QTest::keyClick(&dialog, Qt::Key_A, Qt::AltModifier);
    QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItem(0)->text(4), QStringLiteral("Waiting for a manager"),
                              30'000);
    QVERIFY(!dialog.findChild<QPushButton*>(QStringLiteral("accept"))->isEnabled());
    // Waiting: the own safety number, for another manager who compares to add sooner.
    auto* waitingNumber = dialog.findChild<QLabel*>(QStringLiteral("waitingOwnNumber"));
    QTRY_VERIFY_WITH_TIMEOUT(waitingNumber->isVisible(), 5000);
    QCOMPARE(waitingNumber->text(), bob->flow.ownSafetyNumber());

    QSignalSpy added(&m_ada->flow, &InvitationFlow::memberAdded);
    const auto synced = awaitValue<Status>([&](QObject* c, auto done) { m_ada->engine.sync(c, done); });
    QVERIFY(synced && synced->ok());
    QTRY_COMPARE_WITH_TIMEOUT(added.count(), 1, 30'000);
    const auto checked = awaitValue<Status>([&](QObject* c, auto done) { bob->flow.check(c, done); });
    QVERIFY(checked && checked->ok());
    QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItem(0)->text(4), QStringLiteral("Added"), 30'000);
    QVERIFY(bob->engine.folderIds().contains(m_folder));
}

void TestInvitationsDialog::safetyNumberAndDecline()
{
    auto carol = makeDevice(m_server, m_url, m_domain, "carol");
    QVERIFY(carol);
    QVERIFY(!invite(carol->email, InvitationFlow::Mode::SafetyNumber).value(0).error);
    Gui::InvitationsDialog dialog(&carol->flow);
    dialog.show();
    dialog.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    auto* list = dialog.findChild<QTreeWidget*>(QStringLiteral("invitations"));
    QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItemCount(), 1, 30'000);
    auto* own = dialog.findChild<QLabel*>(QStringLiteral("ownNumber"));
    auto* theirs = dialog.findChild<QLineEdit*>(QStringLiteral("inviterNumber"));
    QVERIFY(own->isVisible());
    QCOMPARE(own->text(), carol->flow.ownSafetyNumber());
    QVERIFY(theirs->isVisible());
    QVERIFY(!dialog.findChild<QLineEdit*>(QStringLiteral("code"))->isVisible());

    QTest::keyClick(&dialog, Qt::Key_D, Qt::AltModifier);
    QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItem(0)->text(4), QStringLiteral("Closed"), 30'000);
    QVERIFY(!dialog.findChild<QPushButton*>(QStringLiteral("decline"))->isEnabled());
}

QTEST_MAIN(TestInvitationsDialog)
#include "TestInvitationsDialog.moc"
