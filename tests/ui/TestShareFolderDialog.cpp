// Drives ShareFolderDialog offscreen against the real conclave-server (labels ui, sync), by
// keyboard: addresses that are not addresses are refused in words; an invitation with a code
// shows the code large and copyable and lists the invitation as open, and Cancel removes it;
// an invitation by safety number shows the number to compare, a wrong number read out is
// refused and the right one accepted, after which the invitee is added once they accept. A
// second manager's dialog offers the comparison for an invitation the inviter's offline client
// cannot complete, and adds the invitee only when the numbers match. The Alt+letter
// mnemonics work whether the key is sent to the dialog or to the focused field.
#include "InvitationDevices.h"

#include "core/crypto/InvitationCode.h"
#include "ui/MemberListModel.h"
#include "ui/ShareFolderDialog.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTest>
#include <QTreeWidget>

using namespace Conclave;
using namespace Conclave::Core;
using namespace InvitationDevices;

class TestShareFolderDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void splitsAndValidatesAddresses_data();
    void splitsAndValidatesAddresses();
    void invalidAddressIsRefused();
    void codeShownAndCancelled();
    void safetyNumberCompared();
    void safetyNumberComparedLater();
    void mnemonics_data();
    void mnemonics();
    void othersInvitationComparedHere();

private:
    std::unique_ptr<Gui::ShareFolderDialog> open();

    ServerHarness m_server;
    QUrl m_url;
    QString m_domain;
    std::unique_ptr<Device> m_ada;
    QUuid m_folder;
};

void TestShareFolderDialog::initTestCase()
{
    m_server.setConfig({QStringLiteral("[limits]"), QStringLiteral("loginPerAddress=100000"),
                        QStringLiteral("signupPerAddress=100000"),
                        QStringLiteral("verifyPerAddress=100000")});
    QVERIFY(m_server.start(QStringLiteral("TestShareFolderDialog")));
    m_url = QUrl(m_server.baseUrl());
    m_domain = QUuid::createUuid().toString(QUuid::Id128).left(10) + QStringLiteral(".share.example.com");
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

void TestShareFolderDialog::cleanupTestCase()
{
    m_ada.reset();
    m_server.stop();
}

std::unique_ptr<Gui::ShareFolderDialog> TestShareFolderDialog::open()
{
    auto dialog = std::make_unique<Gui::ShareFolderDialog>(&m_ada->engine, &m_ada->flow, m_folder);
    dialog->show();
    dialog->activateWindow();
    if (!QTest::qWaitForWindowActive(dialog.get()))
        return nullptr;
    return dialog;
}

void TestShareFolderDialog::splitsAndValidatesAddresses_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QStringList>("addresses");
    QTest::addColumn<QStringList>("invalid");
    QTest::newRow("one") << QStringLiteral("Bob@Example.com")
                         << QStringList{QStringLiteral("bob@example.com")} << QStringList{};
    QTest::newRow("commas and lines")
        << QStringLiteral("a@x.org, b@x.org;\nc@x.org  a@x.org")
        << QStringList{QStringLiteral("a@x.org"), QStringLiteral("b@x.org"), QStringLiteral("c@x.org")}
        << QStringList{};
    QTest::newRow("not addresses") << QStringLiteral("bob, carol@, @x.org, d@x")
                                   << QStringList{QStringLiteral("bob"), QStringLiteral("carol@"),
                                                  QStringLiteral("@x.org"), QStringLiteral("d@x")}
                                   << QStringList{QStringLiteral("bob"), QStringLiteral("carol@"),
                                                  QStringLiteral("@x.org"), QStringLiteral("d@x")};
    QTest::newRow("empty") << QStringLiteral(" \n, ") << QStringList{} << QStringList{};
}

void TestShareFolderDialog::splitsAndValidatesAddresses()
{
    QFETCH(QString, typed);
    QFETCH(QStringList, addresses);
    QFETCH(QStringList, invalid);
    const QStringList split = Gui::ShareFolderDialog::splitAddresses(typed);
    QCOMPARE(split, addresses);
    QCOMPARE(Gui::ShareFolderDialog::invalidAddresses(split), invalid);
}

void TestShareFolderDialog::invalidAddressIsRefused()
{
    auto dialog = open();
    QVERIFY(dialog);
    auto* emails = dialog->findChild<QLineEdit*>(QStringLiteral("emails"));
    auto* invite = dialog->findChild<QPushButton*>(QStringLiteral("invite"));
    auto* error = dialog->findChild<QLabel*>(QStringLiteral("error"));
    QVERIFY(emails && invite && error);
    QVERIFY(!invite->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(emails->hasFocus(), 5000);
    QTest::keyClicks(emails, QStringLiteral("bob at example"));
    QVERIFY(invite->isEnabled());
    QTest::keyClick(emails, Qt::Key_Return); // Return in the field sends
    QVERIFY(error->isVisible());
    QVERIFY(error->text().contains(QStringLiteral("bob")));
    QCOMPARE(dialog->findChild<QStackedWidget*>()->currentIndex(), 0);
}

void TestShareFolderDialog::codeShownAndCancelled()
{
    auto bob = makeDevice(m_server, m_url, m_domain, "bob");
    QVERIFY(bob);
    auto dialog = open();
    QVERIFY(dialog);
    auto* pending = dialog->findChild<QTreeWidget*>(QStringLiteral("pending"));
    QAbstractItemModelTester tester(pending->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto* emails = dialog->findChild<QLineEdit*>(QStringLiteral("emails"));
    QTest::keyClicks(emails, bob->email);
    // Tab to the role, pick Edit with the arrow keys.
    auto* role = dialog->findChild<QComboBox*>(QStringLiteral("role"));
    QTest::keyClick(emails, Qt::Key_Tab);
    QTRY_VERIFY_WITH_TIMEOUT(role->hasFocus(), 5000);
    QTest::keyClick(role, Qt::Key_Down);
    QCOMPARE(role->currentData().toInt(), int(FolderRole::Edit));
    QVERIFY(dialog->findChild<QRadioButton*>(QStringLiteral("modeCode"))->isChecked());

    QSignalSpy invited(dialog.get(), &Gui::ShareFolderDialog::invited);
    QTest::keyClick(dialog.get(), Qt::Key_I, Qt::AltModifier);
    QTRY_COMPARE_WITH_TIMEOUT(invited.count(), 1, 30'000);
    QCOMPARE(invited.at(0).at(0).toInt(), 1);
    auto* code = dialog->findChild<QLineEdit*>(QStringLiteral("code"));
    QVERIFY(code);
    QVERIFY(code->isReadOnly());
    QVERIFY(InvitationCode::parse(code->text()).ok());
    QVERIFY(code->font().pointSize() >= 16);
    QVERIFY(dialog->findChild<QPushButton*>(QStringLiteral("copyCode")));

    QTRY_COMPARE_WITH_TIMEOUT(pending->topLevelItemCount(), 1, 30'000);
    QCOMPARE(pending->topLevelItem(0)->text(0), bob->email);
    QCOMPARE(pending->topLevelItem(0)->text(1), QStringLiteral("Edit"));

    auto* pendingStatus = dialog->findChild<QLabel*>(QStringLiteral("pendingStatus"));
    QTRY_VERIFY_WITH_TIMEOUT(pendingStatus->text().isEmpty(), 30'000); // both reads are in
    pending->setFocus();
    QTest::keyClick(pending, Qt::Key_Down);
    if (!pending->currentItem() || !pending->currentItem()->isSelected())
        QTest::keyClick(pending, Qt::Key_Space);
    QTRY_VERIFY_WITH_TIMEOUT(pending->currentItem() && pending->currentItem()->isSelected(), 5000);
    auto* cancel = dialog->findChild<QPushButton*>(QStringLiteral("cancelInvitation"));
    QVERIFY(cancel->isEnabled());
    QTest::keyClick(dialog.get(), Qt::Key_A, Qt::AltModifier);
    QTRY_COMPARE_WITH_TIMEOUT(pending->topLevelItemCount(), 0, 30'000);
}

void TestShareFolderDialog::safetyNumberCompared()
{
    auto carol = makeDevice(m_server, m_url, m_domain, "carol");
    QVERIFY(carol);
    auto dialog = open();
    QVERIFY(dialog);
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("emails")), carol->email);
    // The arrow key in the radio group moves to the safety-number choice.
    auto* modeCode = dialog->findChild<QRadioButton*>(QStringLiteral("modeCode"));
    modeCode->setFocus();
    QTest::keyClick(modeCode, Qt::Key_Down);
    QVERIFY(dialog->findChild<QRadioButton*>(QStringLiteral("modeSafety"))->isChecked());
    QSignalSpy invited(dialog.get(), &Gui::ShareFolderDialog::invited);
    QTest::keyClick(dialog->findChild<QLineEdit*>(QStringLiteral("emails")), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(invited.count(), 1, 30'000);
    auto* number = dialog->findChild<QLabel*>(QStringLiteral("safetyNumber"));
    QVERIFY(number);
    QCOMPARE(number->text(), carol->flow.ownSafetyNumber());

    auto* typed = dialog->findChild<QLineEdit*>(QStringLiteral("comparedNumber"));
    auto* outcome = dialog->findChild<QLabel*>(QStringLiteral("compareOutcome"));
    QTRY_VERIFY_WITH_TIMEOUT(typed->hasFocus(), 5000);
    QTest::keyClicks(typed, QStringLiteral("11111 22222 33333"));
    QTest::keyClick(typed, Qt::Key_Return);
    QVERIFY(outcome->text().contains(carol->email));
    QVERIFY(!typed->isReadOnly());
    typed->clear();
    QTest::keyClicks(typed, carol->flow.ownSafetyNumber());
    QTest::keyClick(typed, Qt::Key_Return);
    QVERIFY(typed->isReadOnly());

    // Carol accepts with Ada's number; Ada's client adds her.
    std::optional<InvitationFlow::Incoming> incoming;
    QObject context;
    carol->flow.received(QString(), &context, [&](Result<QList<InvitationFlow::Incoming>> r, QString) {
        if (r && !r->isEmpty())
            incoming = r->first();
    });
    QTRY_VERIFY_WITH_TIMEOUT(incoming.has_value(), 30'000);
    const auto accepted = awaitValue<Status>([&](QObject* c, auto done) {
        carol->flow.accept(*incoming, m_ada->flow.ownSafetyNumber(), c, done);
    });
    QVERIFY(accepted && accepted->ok());
    QSignalSpy added(&m_ada->flow, &InvitationFlow::memberAdded);
    const auto synced = awaitValue<Status>([&](QObject* c, auto done) { m_ada->engine.sync(c, done); });
    QVERIFY(synced && synced->ok());
    QTRY_COMPARE_WITH_TIMEOUT(added.count(), 1, 30'000);
}

void TestShareFolderDialog::safetyNumberComparedLater()
{
    auto dan = makeDevice(m_server, m_url, m_domain, "dan");
    QVERIFY(dan);
    const auto sent = awaitValue<QList<InvitationFlow::Sent>>([&](QObject* c, auto done) {
        m_ada->flow.invite(m_folder, {dan->email}, FolderRole::View, InvitationFlow::Mode::SafetyNumber, c,
                           done);
    });
    QVERIFY(sent && sent->size() == 1 && !sent->first().error);

    // The dialog that sent it is gone; a new one offers the comparison for the selected row.
    auto dialog = open();
    QVERIFY(dialog);
    auto* pending = dialog->findChild<QTreeWidget*>(QStringLiteral("pending"));
    QTRY_VERIFY_WITH_TIMEOUT(!pending->findItems(dan->email, Qt::MatchExactly).isEmpty(), 30'000);
    auto* typed = dialog->findChild<QLineEdit*>(QStringLiteral("pendingComparedNumber"));
    QVERIFY(!typed->isVisible());
    pending->setFocus();
    QTest::keyClick(pending, Qt::Key_End);
    QTRY_VERIFY_WITH_TIMEOUT(pending->currentItem() && pending->currentItem()->text(0) == dan->email, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(typed->isVisible(), 5000);
    QTest::keyClicks(typed, QStringLiteral("99999 88888"));
    QTest::keyClick(typed, Qt::Key_Return);
    QVERIFY(!m_ada->flow.isConfirmed(sent->first().invitationId));
    typed->clear();
    QTest::keyClicks(typed, dan->flow.ownSafetyNumber());
    QTest::keyClick(typed, Qt::Key_Return);
    QVERIFY(m_ada->flow.isConfirmed(sent->first().invitationId));
    QTRY_VERIFY_WITH_TIMEOUT(!typed->isVisible(), 30'000);
}

void TestShareFolderDialog::mnemonics_data()
{
    // A button's mnemonic clicks it through QAbstractButton::animateClick(): pressed at once,
    // released (clicked, toggled) by a timer 100 ms later, so its effect is waited for. The
    // key goes either to the dialog or to the focused widget, which gets the shortcut override
    // first (a line edit keeps plain letters for itself, not Alt+letters).
    QTest::addColumn<bool>("toFocused");
    QTest::addColumn<int>("key");
    QTest::addColumn<QString>("typed");
    QTest::newRow("Alt+S to the dialog") << false << int(Qt::Key_S) << QString();
    QTest::newRow("Alt+S to the address field") << true << int(Qt::Key_S) << QString();
    QTest::newRow("Alt+I to the dialog") << false << int(Qt::Key_I) << QStringLiteral("bob at example");
    QTest::newRow("Alt+I to the address field") << true << int(Qt::Key_I) << QStringLiteral("bob at example");
}

void TestShareFolderDialog::mnemonics()
{
    QFETCH(bool, toFocused);
    QFETCH(int, key);
    QFETCH(QString, typed);
    auto dialog = open();
    QVERIFY(dialog);
    auto* emails = dialog->findChild<QLineEdit*>(QStringLiteral("emails"));
    auto* modeSafety = dialog->findChild<QRadioButton*>(QStringLiteral("modeSafety"));
    auto* error = dialog->findChild<QLabel*>(QStringLiteral("error"));
    QTRY_VERIFY_WITH_TIMEOUT(emails->hasFocus(), 5000);
    QTest::keyClicks(emails, typed);
    QWidget* target = toFocused ? QApplication::focusWidget() : dialog.get();
    QCOMPARE(target, toFocused ? static_cast<QWidget*>(emails) : dialog.get());
    QVERIFY(!modeSafety->isChecked() && !error->isVisible());
    QTest::keyClick(target, Qt::Key(key), Qt::AltModifier);
    if (key == Qt::Key_S) {
        QTRY_VERIFY_WITH_TIMEOUT(modeSafety->isChecked(), 5000);
        QVERIFY(modeSafety->hasFocus());
    } else {
        // Send: the address is refused in words, and the field has the focus for a correction.
        QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 5000);
        QVERIFY(error->text().contains(QStringLiteral("bob")));
        QVERIFY(emails->hasFocus());
    }
}

void TestShareFolderDialog::othersInvitationComparedHere()
{
    // Lea manages the folder too; Ada invites Max with a code and goes offline.
    auto lea = makeDevice(m_server, m_url, m_domain, "lea");
    auto max = makeDevice(m_server, m_url, m_domain, "max");
    QVERIFY(lea && max);
    auto acceptWithCode = [&](Device& invitee, const InvitationFlow::Sent& sent) {
        std::optional<InvitationFlow::Incoming> incoming;
        QObject context;
        invitee.flow.received(QString(), &context, [&](Result<QList<InvitationFlow::Incoming>> r, QString) {
            if (r && !r->isEmpty())
                incoming = r->first();
        });
        if (!QTest::qWaitFor([&] { return incoming.has_value(); }, 30'000))
            return false;
        const auto accepted = awaitValue<Status>(
            [&](QObject* c, auto done) { invitee.flow.accept(*incoming, sent.code, c, done); });
        return accepted && accepted->ok();
    };
    auto inviteByAda = [&](const QString& email, FolderRole role) {
        const auto sent = awaitValue<QList<InvitationFlow::Sent>>([&](QObject* c, auto done) {
            m_ada->flow.invite(m_folder, {email}, role, InvitationFlow::Mode::Code, c, done);
        });
        return sent && sent->size() == 1 && !sent->first().error ? sent->first() : InvitationFlow::Sent{};
    };
    const InvitationFlow::Sent toLea = inviteByAda(lea->email, FolderRole::Manage);
    QVERIFY(!toLea.invitationId.isNull());
    QVERIFY(acceptWithCode(*lea, toLea));
    QSignalSpy adaAdded(&m_ada->flow, &InvitationFlow::memberAdded);
    const auto synced = awaitValue<Status>([&](QObject* c, auto done) { m_ada->engine.sync(c, done); });
    QVERIFY(synced && synced->ok());
    QTRY_COMPARE_WITH_TIMEOUT(adaAdded.count(), 1, 30'000);
    const auto joined = awaitValue<Status>([&](QObject* c, auto done) { lea->flow.check(c, done); });
    QVERIFY(joined && joined->ok());
    QCOMPARE(lea->engine.roleIn(m_folder), FolderRole::Manage);
    const InvitationFlow::Sent toMax = inviteByAda(max->email, FolderRole::View);
    QVERIFY(!toMax.invitationId.isNull());
    QVERIFY(acceptWithCode(*max, toMax));

    // Lea's Share dialog: the row says whom it waits for and offers the comparison.
    Gui::ShareFolderDialog dialog(&lea->engine, &lea->flow, m_folder);
    dialog.show();
    dialog.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    auto* pending = dialog.findChild<QTreeWidget*>(QStringLiteral("pending"));
    QAbstractItemModelTester tester(pending->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY_WITH_TIMEOUT(!pending->findItems(max->email, Qt::MatchExactly).isEmpty(), 30'000);
    QTreeWidgetItem* row = pending->findItems(max->email, Qt::MatchExactly).first();
    QVERIFY2(row->text(2).contains(m_ada->email), qPrintable(row->text(2)));
    QVERIFY(row->text(2).contains(QStringLiteral("compare safety numbers")));
    auto* typed = dialog.findChild<QLineEdit*>(QStringLiteral("pendingComparedNumber"));
    auto* own = dialog.findChild<QLabel*>(QStringLiteral("pendingOwnNumber"));
    pending->setFocus();
    pending->setCurrentItem(row);
    QTRY_VERIFY_WITH_TIMEOUT(typed->isVisible(), 5000);
    QVERIFY(own->text().contains(lea->flow.ownSafetyNumber()));

    // A number that does not match adds no one; the right one adds Max from Lea's computer.
    QSignalSpy added(&lea->flow, &InvitationFlow::memberAdded);
    QTest::keyClicks(typed, QStringLiteral("99999 88888"));
    QTest::keyClick(typed, Qt::Key_Return);
    QVERIFY(!lea->flow.isConfirmed(toMax.invitationId));
    const auto checked = awaitValue<Status>([&](QObject* c, auto done) { lea->flow.check(c, done); });
    QVERIFY(checked && checked->ok());
    QCOMPARE(added.count(), 0);
    typed->clear();
    QTest::keyClicks(typed, max->flow.ownSafetyNumber());
    QTest::keyClick(typed, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(added.count(), 1, 30'000);
    QCOMPARE(added.at(0).at(2).toString(), max->email);
    QTRY_VERIFY_WITH_TIMEOUT(pending->findItems(max->email, Qt::MatchExactly).isEmpty(), 30'000);

    // A server that lists every invitation but Oto's as one to manage: Ada's invitation of Nia
    // to view offers no comparison and no role and says why when the row is chosen, the sentence goes when
    // Oto's row (as signed) is chosen next, and Lea's own invitation of Pia to view shows the
    // role Lea chose.
    auto nia = makeDevice(m_server, m_url, m_domain, "nia");
    auto oto = makeDevice(m_server, m_url, m_domain, "oto");
    auto pia = makeDevice(m_server, m_url, m_domain, "pia");
    QVERIFY(nia && oto && pia);
    const InvitationFlow::Sent toNia = inviteByAda(nia->email, FolderRole::View);
    QVERIFY(!toNia.invitationId.isNull());
    QVERIFY(acceptWithCode(*nia, toNia));
    const InvitationFlow::Sent toOto = inviteByAda(oto->email, FolderRole::Edit);
    QVERIFY(!toOto.invitationId.isNull());
    QVERIFY(acceptWithCode(*oto, toOto));
    const auto toPia = awaitValue<QList<InvitationFlow::Sent>>([&](QObject* c, auto done) {
        lea->flow.invite(m_folder, {pia->email}, FolderRole::View, InvitationFlow::Mode::Code, c, done);
    });
    QVERIFY(toPia && toPia->size() == 1 && !toPia->first().error);
    const QString otoId = toOto.invitationId.toString(QUuid::WithoutBraces);
    lea->invitations.setTamper([otoId](const QString&, QJsonObject& json) {
        if (!json.contains(QStringLiteral("invitations")))
            return;
        QJsonArray list = json.value(QStringLiteral("invitations")).toArray();
        for (QJsonValueRef v : list) {
            QJsonObject o = v.toObject();
            if (o.value(QStringLiteral("id")).toString() != otoId)
                o.insert(QStringLiteral("role"), QStringLiteral("manage"));
            v = o;
        }
        json.insert(QStringLiteral("invitations"), list);
    });
    Gui::ShareFolderDialog forged(&lea->engine, &lea->flow, m_folder);
    forged.show();
    forged.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&forged));
    auto* forgedPending = forged.findChild<QTreeWidget*>(QStringLiteral("pending"));
    QTRY_VERIFY_WITH_TIMEOUT(!forgedPending->findItems(nia->email, Qt::MatchExactly).isEmpty(), 30'000);
    QTreeWidgetItem* niaRow = forgedPending->findItems(nia->email, Qt::MatchExactly).first();
    QVERIFY2(!niaRow->text(2).contains(QStringLiteral("compare")), qPrintable(niaRow->text(2)));
    QCOMPARE(niaRow->text(1), QStringLiteral("—")); // not the role the server lists
    forgedPending->setFocus();
    forgedPending->setCurrentItem(niaRow);
    auto* status = forged.findChild<QLabel*>(QStringLiteral("pendingStatus"));
    QVERIFY(status);
    QTRY_VERIFY_WITH_TIMEOUT(
        status->text().contains(QStringLiteral("not what the person who invited signed")), 5000);
    auto* forgedTyped = forged.findChild<QLineEdit*>(QStringLiteral("pendingComparedNumber"));
    QVERIFY(!forgedTyped->isVisible());
    QVERIFY(!lea->flow.isTakenOver(toNia.invitationId));

    QTreeWidgetItem* otoRow = forgedPending->findItems(oto->email, Qt::MatchExactly).value(0);
    QVERIFY(otoRow);
    QCOMPARE(otoRow->text(1), Gui::MemberListModel::roleName(FolderRole::Edit));
    QVERIFY2(otoRow->text(2).contains(QStringLiteral("compare")), qPrintable(otoRow->text(2)));
    forgedPending->setCurrentItem(otoRow);
    QTRY_VERIFY_WITH_TIMEOUT(forgedTyped->isVisible(), 5000);
    QVERIFY2(status->text().isEmpty(), qPrintable(status->text()));

    QTreeWidgetItem* piaRow = forgedPending->findItems(pia->email, Qt::MatchExactly).value(0);
    QVERIFY(piaRow);
    QCOMPARE(piaRow->text(1), Gui::MemberListModel::roleName(FolderRole::View));
    lea->invitations.setTamper({});
}

QTEST_MAIN(TestShareFolderDialog)
#include "TestShareFolderDialog.moc"
