// Tests the organisation blocks dialog offscreen against the real conclave-server
// (OrgBlocksScenario): the owner blocks a member's address through Block… (the confirmation says
// the covered people are signed out at once and lose the shared folders on their computers), the
// list shows it with its reason and time and the member's token is refused (401) at once; Lift…
// (after its confirmation) empties the list again. An address outside the organisation and an
// admin's address are refused in words in the form, and nothing is set; a member's dialog says in
// words that only owners and admins may; a malformed list is said in words and lists nothing, and
// the server's addresses are never read as rich text. The Team Sharing menu offers the dialog to
// an organisation's admin (one entry per organisation when there are several) and not to a member,
// and sign-out closes it. In German, every text is translated, the mnemonics of the dialog and of
// its form are unique and no button is narrower than its text.
#include "OrgBlocksScenario.h"
#include "SyncFixture.h"

#include "translations/Translations.h"
#include "ui/OrgBlocksDialog.h"
#include "ui/TeamSharingController.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QHash>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

#include <cstring>

using namespace Conclave::Core;
using namespace Conclave::Gui;

namespace {

constexpr int kWait = 30'000;

QString statusOf(const OrgBlocksDialog& dialog)
{
    return dialog.findChild<QLabel*>(QStringLiteral("blocksStatus"))->text();
}

QTreeWidget* viewOf(const OrgBlocksDialog& dialog)
{
    return dialog.findChild<QTreeWidget*>(QStringLiteral("blocksView"));
}

// Opens Block…, fills it in and presses its Block… button; the confirmation it opens, or null.
QMessageBox* fillBlockForm(OrgBlocksDialog& dialog, bool domain, const QString& value, const QString& reason)
{
    dialog.findChild<QPushButton*>(QStringLiteral("blockButton"))->click();
    auto* form = dialog.findChild<QDialog*>(QStringLiteral("blockForm"));
    if (!form || !form->isVisible())
        return nullptr;
    form->findChild<QRadioButton*>(domain ? QStringLiteral("scopeDomain") : QStringLiteral("scopeEmail"))
        ->setChecked(true);
    form->findChild<QLineEdit*>(QStringLiteral("blockValue"))->setText(value);
    form->findChild<QLineEdit*>(QStringLiteral("blockReason"))->setText(reason);
    form->findChild<QPushButton*>(QStringLiteral("formBlockButton"))->click();
    QMessageBox* box = nullptr;
    // The question opens at once; the wait only lets the event loop show it.
    if (!QTest::qWaitFor(
            [&] { return (box = form->findChild<QMessageBox*>(QStringLiteral("blockQuestion"))); }, kWait))
        return nullptr;
    return box;
}

// The mnemonic letters of the buttons and buddy labels of `window` itself (not of its child
// windows), with the problems: a letter twice, a button narrower than its text.
QStringList problemsIn(QWidget* window)
{
    QHash<QChar, QString> seen;
    QStringList problems;
    const auto add = [&](const QString& text) {
        const qsizetype at = text.indexOf(QLatin1Char('&'));
        if (at < 0 || at + 1 >= text.size())
            return;
        const QChar letter = text.at(at + 1).toLower();
        if (seen.contains(letter))
            problems.append(
                QStringLiteral("Alt+%1: \"%2\" and \"%3\"").arg(letter, seen.value(letter), text));
        seen.insert(letter, text);
    };
    for (QAbstractButton* button : window->findChildren<QAbstractButton*>()) {
        if (button->window() != window || !button->isVisibleTo(window))
            continue;
        add(button->text());
        if (button->width() < button->sizeHint().width())
            problems.append(QStringLiteral("cut off: \"%1\"").arg(button->text()));
    }
    for (QLabel* label : window->findChildren<QLabel*>()) {
        if (label->window() == window && label->buddy())
            add(label->text());
    }
    return problems;
}

} // namespace

class TestOrgBlocksDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void blocksAMemberAndLiftsIt();
    void refusalsAreSaidInTheForm();
    void memberIsToldInWords();
    void hostileListIsSaidInWords();
    void menuOffersTheDialogToAdminsOnly();
    void germanTextsAndMnemonics();

private:
    bool signUp(SyncFixture& device, const QString& email, const char* password);

    OrgBlocksScenario m_org;
};

void TestOrgBlocksDialog::initTestCase()
{
    QVERIFY(m_org.start(QStringLiteral("TestOrgBlocksDialog")));
}

void TestOrgBlocksDialog::cleanupTestCase()
{
    m_org.server().stop();
}

bool TestOrgBlocksDialog::signUp(SyncFixture& device, const QString& email, const char* password)
{
    const auto made = await([&](QObject* c, auto done) {
        device.client.signUp(email, QStringLiteral("Blocks User"),
                             SecureBytes(password, std::strlen(password)), c, done);
    });
    if (!made || !made->ok())
        return false;
    const QString code = m_org.server().latestCode(email);
    const auto verified =
        await([&](QObject* c, auto done) { device.client.verifyEmail(email, code, c, done); });
    if (!verified || !verified->ok())
        return false;
    const auto signedIn = await([&](QObject* c, auto done) {
        device.client.signIn(email, SecureBytes(password, std::strlen(password)), c, done);
    });
    return signedIn && signedIn->ok();
}

void TestOrgBlocksDialog::blocksAMemberAndLiftsIt()
{
    auto ada = m_org.session(m_org.ada);
    OrgBlocksDialog dialog(ada->api, m_org.orgId);
    QAbstractItemModelTester tester(viewOf(dialog)->model());
    QSignalSpy loaded(&dialog, &OrgBlocksDialog::loaded);
    dialog.show();
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() == 1, kWait);
    QCOMPARE(viewOf(dialog)->topLevelItemCount(), 0);
    QVERIFY2(statusOf(dialog).contains(QStringLiteral("not blocked for anyone")),
             qPrintable(statusOf(dialog)));
    auto* lift = dialog.findChild<QPushButton*>(QStringLiteral("liftButton"));
    QVERIFY(!lift->isEnabled());

    QCOMPARE(m_org.accountStatus(m_org.bob.token), 200);
    QMessageBox* question = fillBlockForm(dialog, false, m_org.bob.email, QStringLiteral("Left the team"));
    QVERIFY(question);
    QVERIFY2(question->text().contains(m_org.bob.email), qPrintable(question->text()));
    const QString consequence = question->informativeText();
    QVERIFY2(consequence.contains(QStringLiteral("signed out of Team Sharing at once")),
             qPrintable(consequence));
    QVERIFY2(consequence.contains(QStringLiteral("shared folders disappear from their computers until the "
                                                 "block is lifted")),
             qPrintable(consequence));
    // Nothing is set before the confirmation.
    QCOMPARE(m_org.accountStatus(m_org.bob.token), 200);
    QSignalSpy changed(&dialog, &OrgBlocksDialog::changed);
    question->findChild<QPushButton*>(QStringLiteral("confirmBlock"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(changed.count() == 1, kWait);
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() == 2, kWait);
    QVERIFY(!dialog.findChild<QDialog*>(QStringLiteral("blockForm")) ||
            !dialog.findChild<QDialog*>(QStringLiteral("blockForm"))->isVisible());

    // The member's session ended at once; the owner's goes on.
    QCOMPARE(m_org.accountStatus(m_org.bob.token), 401);
    QCOMPARE(m_org.accountStatus(m_org.ada.token), 200);

    QTreeWidget* view = viewOf(dialog);
    QCOMPARE(view->topLevelItemCount(), 1);
    QTreeWidgetItem* row = view->topLevelItem(0);
    QCOMPARE(row->text(OrgBlocksDialog::Covered), m_org.bob.email);
    QCOMPARE(row->text(OrgBlocksDialog::Kind), QStringLiteral("Address"));
    QCOMPARE(row->text(OrgBlocksDialog::Reason), QStringLiteral("Left the team"));
    QVERIFY(!row->text(OrgBlocksDialog::Set).isEmpty());
    QVERIFY2(statusOf(dialog).contains(QStringLiteral("blocked for ") + m_org.bob.email),
             qPrintable(statusOf(dialog)));

    // Lift, after its question.
    view->setCurrentItem(row);
    QVERIFY(lift->isEnabled());
    lift->click();
    QMessageBox* liftQuestion = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((liftQuestion = dialog.findChild<QMessageBox*>(QStringLiteral("liftQuestion"))),
                             kWait);
    QVERIFY2(liftQuestion->text().contains(m_org.bob.email), qPrintable(liftQuestion->text()));
    liftQuestion->findChild<QPushButton*>(QStringLiteral("confirmLift"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(changed.count() == 2, kWait);
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() == 3, kWait);
    QCOMPARE(view->topLevelItemCount(), 0);
    QVERIFY2(statusOf(dialog).contains(QStringLiteral("is lifted")), qPrintable(statusOf(dialog)));
    const auto listed = await<QList<OrgBlocksApi::Block>>(
        [&](QObject* c, auto done) { dialog.blocksApi().list(m_org.orgId, c, done); });
    VERIFY_OK(listed);
    QVERIFY(listed->value().isEmpty());
}

void TestOrgBlocksDialog::refusalsAreSaidInTheForm()
{
    auto ada = m_org.session(m_org.ada);
    OrgBlocksDialog dialog(ada->api, m_org.orgId);
    QSignalSpy loaded(&dialog, &OrgBlocksDialog::loaded);
    dialog.show();
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() == 1, kWait);

    struct Row
    {
        QString value;
        bool domain;
        QString words;
    };
    const QList<Row> rows{
        {m_org.olga.email, false, QStringLiteral("not the address of a member of the organisation")},
        {m_org.dan.email, false, QStringLiteral("owner or admin of the organisation")},
        {QStringLiteral("other-") + m_org.domain, true,
         QStringLiteral("neither one of the organisation's domains")},
    };
    for (const Row& r : rows) {
        QMessageBox* question = fillBlockForm(dialog, r.domain, r.value, QStringLiteral("test"));
        QVERIFY2(question, qPrintable(r.value));
        question->findChild<QPushButton*>(QStringLiteral("confirmBlock"))->click();
        auto* form = dialog.findChild<QDialog*>(QStringLiteral("blockForm"));
        QVERIFY(form);
        auto* error = form->findChild<QLabel*>(QStringLiteral("blockError"));
        QTRY_VERIFY_WITH_TIMEOUT(error->isVisible() && error->text().contains(r.words), kWait);
        // The form stays open to correct the value; the dialog's status says it too.
        QVERIFY(form->isVisible());
        QVERIFY2(statusOf(dialog).startsWith(QStringLiteral("The block was not set: ")),
                 qPrintable(statusOf(dialog)));
        form->reject();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.findChild<QDialog*>(QStringLiteral("blockForm")), kWait);
    }
    // A slip is caught before the question.
    dialog.findChild<QPushButton*>(QStringLiteral("blockButton"))->click();
    auto* form = dialog.findChild<QDialog*>(QStringLiteral("blockForm"));
    form->findChild<QLineEdit*>(QStringLiteral("blockValue"))->setText(QStringLiteral("bob"));
    form->findChild<QPushButton*>(QStringLiteral("formBlockButton"))->click();
    QVERIFY(!form->findChild<QMessageBox*>(QStringLiteral("blockQuestion")));
    QVERIFY(form->findChild<QLabel*>(QStringLiteral("blockError"))
                ->text()
                .contains(QStringLiteral("whole email")));
    form->reject();

    const auto listed = await<QList<OrgBlocksApi::Block>>(
        [&](QObject* c, auto done) { dialog.blocksApi().list(m_org.orgId, c, done); });
    VERIFY_OK(listed);
    QVERIFY(listed->value().isEmpty());
}

void TestOrgBlocksDialog::memberIsToldInWords()
{
    auto carol = m_org.session(m_org.carol);
    OrgBlocksDialog dialog(carol->api, m_org.orgId);
    QSignalSpy loaded(&dialog, &OrgBlocksDialog::loaded);
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() == 1, kWait);
    QCOMPARE(statusOf(dialog),
             QStringLiteral("The blocks could not be read: Only the organisation's owners and "
                            "admins can manage its blocks."));
    QCOMPARE(viewOf(dialog)->topLevelItemCount(), 0);
}

void TestOrgBlocksDialog::hostileListIsSaidInWords()
{
    auto ada = m_org.session(m_org.ada);
    OrgBlocksApi setter(ada->api);
    const auto made = await<QUuid>([&](QObject* c, auto done) {
        setter.create(m_org.orgId, OrgBlocksApi::Scope::Email, m_org.bob.email, {}, c, done);
    });
    VERIFY_OK(made);

    // A list whose address is rich text and whose second entry names no scope the API has.
    OrgBlocksDialog dialog(ada->api, m_org.orgId);
    QSignalSpy loaded(&dialog, &OrgBlocksDialog::loaded);
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() == 1, kWait);
    dialog.blocksApi().setTamper([](const QString&, QJsonObject& json) {
        QJsonArray blocks = json.value(QStringLiteral("blocks")).toArray();
        QJsonObject first = blocks.at(0).toObject();
        first.insert(QStringLiteral("value"), QStringLiteral("<b>bold</b>@example.com"));
        QJsonObject second = first;
        second.insert(QStringLiteral("scope"), QStringLiteral("everyone"));
        json.insert(QStringLiteral("blocks"), QJsonArray{first, second});
    });
    dialog.reload();
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() == 2, kWait);
    QCOMPARE(statusOf(dialog),
             QStringLiteral("The blocks could not be read: The sharing server sent a list of "
                            "blocks that Conclave cannot read (at \"blocks[1].scope\")."));
    QCOMPARE(viewOf(dialog)->topLevelItemCount(), 0);
    QVERIFY(dialog.blocks().isEmpty());
    QVERIFY(!dialog.findChild<QPushButton*>(QStringLiteral("liftButton"))->isEnabled());

    // The first alone is well-formed: listed, and its address is never read as rich text.
    dialog.blocksApi().setTamper([](const QString&, QJsonObject& json) {
        QJsonArray blocks = json.value(QStringLiteral("blocks")).toArray();
        QJsonObject first = blocks.at(0).toObject();
        first.insert(QStringLiteral("value"), QStringLiteral("<b>bold</b>@example.com"));
        json.insert(QStringLiteral("blocks"), QJsonArray{first});
    });
    dialog.reload();
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() == 3, kWait);
    QCOMPARE(viewOf(dialog)->topLevelItemCount(), 1);
    viewOf(dialog)->setCurrentItem(viewOf(dialog)->topLevelItem(0));
    dialog.askLift();
    QMessageBox* question = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((question = dialog.findChild<QMessageBox*>(QStringLiteral("liftQuestion"))),
                             kWait);
    QCOMPARE(question->textFormat(), Qt::PlainText);
    QCOMPARE(dialog.findChild<QLabel*>(QStringLiteral("blocksStatus"))->textFormat(), Qt::PlainText);
    question->reject();

    const auto lifted =
        await([&](QObject* c, auto done) { setter.lift(m_org.orgId, made->value(), c, done); });
    VERIFY_OK(lifted);
}

void TestOrgBlocksDialog::menuOffersTheDialogToAdminsOnly()
{
    SyncFixture erin(m_org.url);
    SyncFixture finn(m_org.url);
    const QString erinEmail = QStringLiteral("erin@") + m_org.domain;
    const QString finnEmail = QStringLiteral("finn@") + m_org.domain;
    QCOMPARE(m_org.server().admin({QStringLiteral("add-member"), QStringLiteral("--org"),
                                   m_org.orgId.toString(QUuid::WithoutBraces), QStringLiteral("--email"),
                                   erinEmail, QStringLiteral("--role"), QStringLiteral("admin")}),
             0);
    // Erin owns a second organisation too: the entry then lists both.
    QString second;
    QCOMPARE(m_org.server().admin({QStringLiteral("create-org"), QStringLiteral("--name"),
                                   QStringLiteral("Second"), QStringLiteral("--owner"), erinEmail},
                                  &second),
             0);
    const QUuid secondOrg = QUuid::fromString(second.trimmed());
    QVERIFY(!secondOrg.isNull());
    QVERIFY(signUp(erin, erinEmail, "erin's long password"));
    QVERIFY(signUp(finn, finnEmail, "finn's long password"));

    QMainWindow window;
    QTemporaryDir data;
    TeamSharingController controller(&window, nullptr, erin.settings, nullptr, {}, data.path());
    QSignalSpy orgs(&controller, &TeamSharingController::adminOrgsChanged);
    auto* action = controller.menu()->findChild<QAction*>(QStringLiteral("actionOrgBlocks"));
    QVERIFY(action);
    QVERIFY(!action->isVisible());

    controller.setClient(&finn.client);
    QTRY_VERIFY_WITH_TIMEOUT(orgs.count() == 1, kWait);
    QVERIFY(!action->isVisible());

    controller.setClient(&erin.client);
    QTRY_VERIFY_WITH_TIMEOUT(orgs.count() == 2, kWait);
    QVERIFY(action->isVisible());
    QCOMPARE(controller.adminOrgs().size(), 2);
    QVERIFY(action->menu());
    QCOMPARE(action->menu()->actions().size(), 2);
    const int secondAt = controller.adminOrgs().indexOf(secondOrg);
    QVERIFY(secondAt >= 0);
    action->menu()->actions().at(secondAt)->trigger();
    auto* other = window.findChild<OrgBlocksDialog*>();
    QVERIFY(other);
    QCOMPARE(other->orgId(), secondOrg);
    other->close(); // deleted on close
    QTRY_VERIFY_WITH_TIMEOUT(!window.findChild<OrgBlocksDialog*>(), kWait);

    action->menu()->actions().at(1 - secondAt)->trigger();
    auto* dialog = window.findChild<OrgBlocksDialog*>();
    QVERIFY(dialog);
    QCOMPARE(dialog->orgId(), m_org.orgId);
    QVERIFY(dialog->isVisible());
    QSignalSpy loaded(dialog, &OrgBlocksDialog::loaded);
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() == 1, kWait);
    QVERIFY2(statusOf(*dialog).contains(QStringLiteral("not blocked for anyone")),
             qPrintable(statusOf(*dialog)));

    // Sign-out (here: the client taken away) closes it with the session.
    QPointer<OrgBlocksDialog> open(dialog);
    controller.setClient(nullptr);
    QVERIFY(open.isNull());
    QVERIFY(!action->isVisible());
}

void TestOrgBlocksDialog::germanTextsAndMnemonics()
{
    // Last: the translator stays installed.
    QCOMPARE(Translations::install(qApp, QLocale(QLocale::German, QLocale::Germany)), QStringLiteral("de"));
    auto ada = m_org.session(m_org.ada);
    OrgBlocksDialog dialog(ada->api, m_org.orgId);
    QSignalSpy loaded(&dialog, &OrgBlocksDialog::loaded);
    dialog.show();
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() == 1, kWait);
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Sperren der Organisation"));
    QCOMPARE(statusOf(dialog),
             QStringLiteral("Team Sharing ist für niemanden in der Organisation gesperrt."));
    QCOMPARE(viewOf(dialog)->headerItem()->text(OrgBlocksDialog::Reason), QStringLiteral("Grund"));
    QStringList problems = problemsIn(&dialog);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));

    dialog.findChild<QPushButton*>(QStringLiteral("blockButton"))->click();
    auto* form = dialog.findChild<QDialog*>(QStringLiteral("blockForm"));
    QVERIFY(form);
    QTRY_VERIFY_WITH_TIMEOUT(form->isVisible(), kWait);
    QCOMPARE(form->windowTitle(), QStringLiteral("Team Sharing sperren"));
    QCOMPARE(form->findChild<QPushButton*>(QStringLiteral("formBlockButton"))->text(),
             QStringLiteral("S&perren …"));
    problems = problemsIn(form);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
    form->reject();
}

QTEST_MAIN(TestOrgBlocksDialog)
#include "TestOrgBlocksDialog.moc"
