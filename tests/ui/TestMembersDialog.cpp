// Tests MembersDialog offscreen against the real conclave-server with three accounts (labels
// ui, sync), driven by keyboard: the table (QAbstractItemModelTester) lists every member with
// address, role and safety number; buttons follow the caller's role; a role change and a
// removal made in the dialog are read back by the other client; a wrong safety number is an
// error in words and the right one marks the key verified; a refused operation says why.
#include "ServerAccounts.h"
#include "ServerHarness.h"
#include "SyncFixture.h"

#include "core/crypto/Fingerprint.h"
#include "core/crypto/UserKeys.h"
#include "core/sync/SyncEngine.h"
#include "ui/MemberListModel.h"
#include "ui/MembersDialog.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QTest>

using namespace Conclave::Core;
using namespace Conclave::Gui;

namespace {

SecureBytes pw(const char* text)
{
    return SecureBytes(text, std::strlen(text));
}

struct Device
{
    Device(const QUrl& server, const QString& directory)
        : settings(EffectiveSettings::merge(SyncFixture::userSettings(server), MachinePolicy()))
        , gate(settings)
        , network(gate)
        , api(network, server, Clock::system())
        , client(api, directory)
        , engine(client, directory)
    {
        client.setNewPasswordCost(KdfParams::kMinOpsLimit, KdfParams::kMinMemLimit);
    }

    EffectiveSettings settings;
    SharingGate gate;
    GatedNetworkAccessManager network;
    ApiConnection api;
    AccountClient client;
    SyncEngine engine;
};

const char* const kPasswords[] = {"ada's long password", "bob's long password", "cy's long password"};

} // namespace

class TestMembersDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void listsEveryMember();
    void buttonsFollowTheRole_data();
    void buttonsFollowTheRole();
    void roleChangeByKeyboardReachesTheOther();
    void refusedOperationSaysWhy();
    void compareSafetyNumber();
    void removeByKeyboardWipesTheOther();

private:
    Device& dev(int i) { return *m_devices[std::size_t(i)]; }
    QUuid userId(int i) { return dev(i).client.account().userId; }
    bool sync(int i);
    // Moves the table's current row to `email` with the arrow keys.
    static bool selectByKeyboard(MembersDialog& dialog, const QString& email);
    static void press(MembersDialog& dialog, const char* button);

    ServerHarness m_server;
    QUrl m_url;
    QString m_orgId;
    QTemporaryDir m_dirs[3];
    QString m_emails[3];
    std::vector<std::unique_ptr<Device>> m_devices;
    QUuid m_folder;
};

bool TestMembersDialog::sync(int i)
{
    const auto synced = await([&](QObject* c, auto done) { dev(i).engine.sync(c, done); });
    return synced && synced->ok();
}

bool TestMembersDialog::selectByKeyboard(MembersDialog& dialog, const QString& email)
{
    auto* table = dialog.findChild<QTableView*>(QStringLiteral("memberTable"));
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Home, Qt::ControlModifier);
    for (int i = 0; i <= table->model()->rowCount(); ++i) {
        if (table->currentIndex().siblingAtColumn(0).data().toString().startsWith(email))
            return true;
        QTest::keyClick(table, Qt::Key_Down);
    }
    return false;
}

void TestMembersDialog::press(MembersDialog& dialog, const char* button)
{
    auto* b = dialog.findChild<QPushButton*>(QLatin1String(button));
    QVERIFY(b);
    QVERIFY(b->isEnabled());
    b->setFocus();
    QTest::keyClick(b, Qt::Key_Space);
}

void TestMembersDialog::initTestCase()
{
    m_server.setConfig({QStringLiteral("[limits]"), QStringLiteral("loginPerAddress=100000"),
                        QStringLiteral("signupPerAddress=100000"),
                        QStringLiteral("verifyPerAddress=100000")});
    QVERIFY(m_server.start(QStringLiteral("TestMembersDialog")));
    m_url = QUrl(m_server.baseUrl());
    const QString domain =
        QUuid::createUuid().toString(QUuid::Id128).left(10) + QStringLiteral(".dialog.example.com");
    QString orgId;
    QCOMPARE(m_server.admin({QStringLiteral("create-org"), QStringLiteral("--name"), QStringLiteral("Org"),
                             QStringLiteral("--owner"), ServerAccounts::uniqueEmail("owner", domain)},
                            &orgId),
             0);
    m_orgId = orgId.trimmed();
    QCOMPARE(m_server.admin({QStringLiteral("add-domain"), QStringLiteral("--org"), m_orgId,
                             QStringLiteral("--domain"), domain}),
             0);
    const char* names[] = {"ada", "bob", "cy"};
    for (int i = 0; i < 3; ++i) {
        m_emails[i] = ServerAccounts::uniqueEmail(names[i], domain);
        {
            QTemporaryDir scratch;
            Device signup(m_url, scratch.path());
            const auto made = await([&](QObject* c, auto done) {
                signup.client.signUp(m_emails[i], QStringLiteral("Member"), pw(kPasswords[i]), c, done);
            });
            QVERIFY(made && made->ok());
            const QString code = m_server.latestCode(m_emails[i]);
            const auto verified =
                await([&](QObject* c, auto done) { signup.client.verifyEmail(m_emails[i], code, c, done); });
            QVERIFY(verified && verified->ok());
        }
        m_devices.push_back(std::make_unique<Device>(m_url, m_dirs[i].path()));
        const auto in = await(
            [&](QObject* c, auto done) { dev(i).client.signIn(m_emails[i], pw(kPasswords[i]), c, done); });
        QVERIFY(in && in->ok());
        const auto started = await([&](QObject* c, auto done) { dev(i).engine.start(c, done); });
        QVERIFY(started && started->ok());
    }
    std::optional<Result<QUuid>> folder;
    {
        QObject context;
        dev(0).engine.createFolder(QUuid::fromString(m_orgId), QStringLiteral("Team Databases"), &context,
                                   [&](Result<QUuid> r) { folder.emplace(std::move(r)); });
        QTRY_VERIFY_WITH_TIMEOUT(folder.has_value(), 60'000);
    }
    QVERIFY(folder->ok());
    m_folder = folder->value();
    const FolderRole roles[] = {FolderRole::Manage, FolderRole::Edit, FolderRole::View};
    for (int i = 1; i < 3; ++i) {
        std::optional<Result<SharingApi::KeyLookup>> lookup;
        QObject context;
        dev(0).engine.api().lookupKey(m_emails[i], &context,
                                      [&](Result<SharingApi::KeyLookup> r) { lookup.emplace(std::move(r)); });
        QTRY_VERIFY_WITH_TIMEOUT(lookup.has_value(), 60'000);
        QVERIFY(lookup->ok());
        const QString number = Fingerprint::of(dev(i).client.userKeys()->identityPublicKey()).safetyNumber();
        QVERIFY(dev(0).engine.confirmSafetyNumber(lookup->value().bundle, number).ok());
        const auto added = await([&](QObject* c, auto done) {
            dev(0).engine.addMember(m_folder, lookup->value().bundle, roles[i], c, done);
        });
        QVERIFY(added && added->ok());
    }
    // Everyone reads the folder as the server has it now (with the members' addresses).
    for (int i = 0; i < 3; ++i)
        QVERIFY(sync(i));
}

void TestMembersDialog::cleanupTestCase()
{
    m_devices.clear();
    m_server.stop();
}

void TestMembersDialog::listsEveryMember()
{
    MembersDialog dialog(&dev(0).engine, m_folder);
    QAbstractItemModelTester tester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    dialog.show();
    QCOMPARE(dialog.model()->rowCount(), 3);
    QStringList shown;
    for (int row = 0; row < 3; ++row) {
        shown << dialog.model()->index(row, MemberListModel::EmailColumn).data().toString();
        QVERIFY(!dialog.model()->index(row, MemberListModel::SafetyNumberColumn).data().toString().isEmpty());
        QVERIFY(!dialog.model()->index(row, MemberListModel::RoleColumn).data().toString().isEmpty());
    }
    for (const QString& email : m_emails)
        QVERIFY2(!shown.filter(email).isEmpty(), qPrintable(shown.join(QLatin1Char(','))));
    // A compared B's number before adding B: the key column says so.
    QVERIFY(selectByKeyboard(dialog, m_emails[1]));
    auto* table = dialog.findChild<QTableView*>(QStringLiteral("memberTable"));
    QCOMPARE(table->currentIndex().siblingAtColumn(MemberListModel::KeyColumn).data().toString(),
             MemberListModel::tr("Verified"));
}

void TestMembersDialog::buttonsFollowTheRole_data()
{
    QTest::addColumn<int>("viewer");
    QTest::addColumn<int>("selectedMember");
    QTest::addColumn<bool>("manageButtons");
    QTest::addColumn<bool>("compare");
    QTest::newRow("manager, another member") << 0 << 1 << true << true;
    QTest::newRow("editor, another member") << 1 << 0 << false << true;
    QTest::newRow("viewer, oneself") << 2 << 2 << false << false;
}

void TestMembersDialog::buttonsFollowTheRole()
{
    QFETCH(int, viewer);
    QFETCH(int, selectedMember);
    QFETCH(bool, manageButtons);
    QFETCH(bool, compare);
    MembersDialog dialog(&dev(viewer).engine, m_folder);
    dialog.show();
    QVERIFY(selectByKeyboard(dialog, m_emails[selectedMember]));
    QCOMPARE(dialog.findChild<QPushButton*>(QStringLiteral("removeButton"))->isEnabled(), manageButtons);
    QCOMPARE(dialog.findChild<QPushButton*>(QStringLiteral("handOverButton"))->isEnabled(), manageButtons);
    QCOMPARE(dialog.findChild<QPushButton*>(QStringLiteral("changeRoleButton"))->isEnabled(), manageButtons);
    QCOMPARE(dialog.findChild<QPushButton*>(QStringLiteral("compareButton"))->isEnabled(), compare);
    QVERIFY(dialog.findChild<QPushButton*>(QStringLiteral("leaveButton"))->isEnabled());
}

void TestMembersDialog::roleChangeByKeyboardReachesTheOther()
{
    MembersDialog dialog(&dev(0).engine, m_folder);
    dialog.show();
    QVERIFY(selectByKeyboard(dialog, m_emails[2]));
    press(dialog, "changeRoleButton");
    QInputDialog* question = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((question = dialog.findChild<QInputDialog*>(QStringLiteral("roleQuestion"))),
                             5000);
    auto* combo = question->findChild<QComboBox*>();
    QVERIFY(combo);
    QCOMPARE(combo->currentText(), MemberListModel::roleName(FolderRole::View));
    QTest::keyClick(combo, Qt::Key_Down); // View -> Edit
    QCOMPARE(combo->currentText(), MemberListModel::roleName(FolderRole::Edit));
    QTest::keyClick(combo, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), 60'000);
    QVERIFY2(!dialog.statusText().isEmpty(), "no word on the result");
    QCOMPARE(dev(0).engine.members(m_folder).size(), 3);
    QVERIFY(sync(2));
    QCOMPARE(dev(2).engine.roleIn(m_folder), FolderRole::Edit);
}

void TestMembersDialog::refusedOperationSaysWhy()
{
    // The only manager may not leave: the dialog says so and everything stays.
    MembersDialog dialog(&dev(0).engine, m_folder);
    dialog.show();
    press(dialog, "leaveButton");
    QMessageBox* box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((box = dialog.findChild<QMessageBox*>(QStringLiteral("leaveQuestion"))), 5000);
    auto* leave = box->findChild<QPushButton*>(QStringLiteral("confirmLeave"));
    leave->setFocus();
    QTest::keyClick(leave, Qt::Key_Space);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy() && !dialog.statusText().isEmpty(), 60'000);
    QVERIFY(dialog.statusText().contains(QStringLiteral("manager")));
    QVERIFY(dev(0).engine.folderIds().contains(m_folder));
    QCOMPARE(dialog.model()->rowCount(), 3);
}

void TestMembersDialog::compareSafetyNumber()
{
    MembersDialog dialog(&dev(1).engine, m_folder);
    QAbstractItemModelTester tester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    dialog.show();
    auto* table = dialog.findChild<QTableView*>(QStringLiteral("memberTable"));
    auto compare = [&](const QString& typed) {
        QVERIFY(selectByKeyboard(dialog, m_emails[0]));
        press(dialog, "compareButton");
        QInputDialog* question = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (question = dialog.findChild<QInputDialog*>(QStringLiteral("compareQuestion"))), 5000);
        // The question wraps instead of widening the box past the Members window.
        QVERIFY(question->width() <= 640);
        auto* edit = question->findChild<QLineEdit*>();
        QTest::keyClicks(edit, typed);
        QTest::keyClick(edit, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.findChild<QInputDialog*>(QStringLiteral("compareQuestion")), 5000);
    };
    compare(QStringLiteral("12345 67890"));
    // Said as a mismatch for this member (check the typing), not as a warning about adding one.
    QVERIFY2(dialog.statusText().contains(QStringLiteral("Check that you typed it")) &&
                 !dialog.statusText().contains(QStringLiteral("Do not add")),
             qPrintable(dialog.statusText()));
    QVERIFY(selectByKeyboard(dialog, m_emails[0]));
    QCOMPARE(table->currentIndex().siblingAtColumn(MemberListModel::KeyColumn).data().toString(),
             MemberListModel::tr("Not compared"));
    compare(Fingerprint::of(dev(0).client.userKeys()->identityPublicKey()).safetyNumber());
    QVERIFY(selectByKeyboard(dialog, m_emails[0]));
    QCOMPARE(table->currentIndex().siblingAtColumn(MemberListModel::KeyColumn).data().toString(),
             MemberListModel::tr("Verified"));
}

void TestMembersDialog::removeByKeyboardWipesTheOther()
{
    MembersDialog dialog(&dev(0).engine, m_folder);
    QAbstractItemModelTester tester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    dialog.show();
    QVERIFY(selectByKeyboard(dialog, m_emails[2]));
    press(dialog, "removeButton");
    QMessageBox* box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((box = dialog.findChild<QMessageBox*>(QStringLiteral("removeQuestion"))), 5000);
    // The question says in words that what the member saw stays known to them.
    QVERIFY(box->informativeText().contains(QStringLiteral("already seen")));
    auto* remove = box->findChild<QPushButton*>(QStringLiteral("confirmRemove"));
    remove->setFocus();
    QTest::keyClick(remove, Qt::Key_Space);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy() && dialog.model()->rowCount() == 2, 60'000);
    QVERIFY(!dialog.statusText().isEmpty());
    QVERIFY(sync(2));
    QVERIFY(!dev(2).engine.folderIds().contains(m_folder));
    QVERIFY(sync(1));
    QCOMPARE(dev(1).engine.members(m_folder).size(), 2);
}

QTEST_MAIN(TestMembersDialog)
#include "TestMembersDialog.moc"
