// Tests the audit dialogs offscreen against the real conclave-server (AuditScenario): the item
// history shows Ada's edit with her address, local time and revision, and Bob's refused change
// (he holds View) with its reason in words; the folder history shows
// Bob's refused write (a View member) by his address (the server's actorEmail) with its reason
// in words, and filters by action; the organisation log's Verify reports an intact log, and
// after one byte of an entry is changed in the server's stored log (beside the running server,
// as TestServerAudit does) it names the entry and what is wrong; the Team Sharing menu offers
// the organisation log to its owner and not to a member; a refused or hostile answer is said
// in words and lists nothing. Every model under QAbstractItemModelTester.
#include "AuditScenario.h"

#include "core/sync/AuditTrust.h"
#include "core/sync/AuditVerifier.h"
#include "ui/AuditEntryModel.h"
#include "ui/FolderHistoryDialog.h"
#include "ui/ItemHistoryDialog.h"
#include "ui/OrgAuditDialog.h"
#include "ui/TeamSharingController.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Conclave::Core;
using namespace Conclave::Gui;

namespace {

constexpr int kWait = 30'000;

// The shown text of every row, cells joined by " | ".
QStringList rows(const AuditEntryModel& model)
{
    QStringList lines;
    for (int r = 0; r < model.rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < model.columnCount(); ++c)
            cells.append(model.index(r, c).data().toString());
        lines.append(cells.join(QStringLiteral(" | ")));
    }
    return lines;
}

} // namespace

class TestAuditDialogs : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void itemHistoryShowsTheEdit();
    void folderHistoryShowsTheRefusedWriteAndFilters();
    void orgLogVerifies();
    void tamperedStoredLogIsNamed();
    void menuOffersTheLogToAdminsOnly();
    void refusalsAndHostileAnswersAreSaidInWords();

private:
    QHash<QString, QString> emails() const;

    AuditScenario m_scenario;
    QTemporaryDir m_trust;
};

void TestAuditDialogs::initTestCase()
{
    QVERIFY(m_scenario.start(QStringLiteral("TestAuditDialogs")));
}

void TestAuditDialogs::cleanupTestCase()
{
    m_scenario.ada.reset();
    m_scenario.bob.reset();
    m_scenario.server().stop();
}

QHash<QString, QString> TestAuditDialogs::emails() const
{
    return {{m_scenario.ada->client.account().userId.toString(QUuid::WithoutBraces), m_scenario.adaEmail}};
}

void TestAuditDialogs::itemHistoryShowsTheEdit()
{
    ItemHistoryDialog dialog(&m_scenario.ada->audit, &m_scenario.ada->engine, m_scenario.folderId,
                             m_scenario.itemId);
    QAbstractItemModelTester tester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&dialog, &ItemHistoryDialog::loaded);
    dialog.setKnownEmails(emails());
    dialog.show();
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1, kWait);
    QVERIFY(dialog.windowTitle().contains(QLatin1String("orders-db (primary)")));

    const QStringList lines = rows(*dialog.model());
    QVERIFY2(lines.size() >= 2, qPrintable(lines.join(u'\n')));
    // Newest first: Bob's refused change, the edit (revision 2) by Ada, in local time, then the
    // creation.
    qsizetype at = 0;
    while (at < lines.size() && lines.at(at).contains(QLatin1String("Refused")))
        ++at;
    QVERIFY(at < lines.size());
    const QString edit = lines.at(at);
    QVERIFY2(edit.contains(m_scenario.adaEmail), qPrintable(edit));
    QVERIFY2(edit.contains(QLatin1String("| Changed |")), qPrintable(edit));
    QVERIFY2(edit.contains(QLatin1String("| 2 |")), qPrintable(edit));
    QVERIFY2(edit.contains(QLatin1String("| 2 | Done |")), qPrintable(edit));
    const QDateTime when = dialog.model()->entries().at(at).at;
    QVERIFY(edit.startsWith(QLocale().toString(when.toLocalTime(), QLocale::ShortFormat)));
    QVERIFY(qAbs(when.secsTo(QDateTime::currentDateTimeUtc())) < 600);
    QVERIFY(lines.join(u'\n').contains(QLatin1String("| Created |")));
    // Bob's refused change, by his address, with the reason in words.
    bool refused = false;
    for (const QString& line : lines)
        refused = refused || (line.contains(m_scenario.bobEmail) &&
                              line.contains(QLatin1String("| Change a connection |")) &&
                              line.contains(QLatin1String("Refused: not allowed for the role")));
    QVERIFY2(refused, qPrintable(lines.join(u'\n')));
}

void TestAuditDialogs::folderHistoryShowsTheRefusedWriteAndFilters()
{
    FolderHistoryDialog dialog(&m_scenario.ada->audit, &m_scenario.ada->engine, m_scenario.folderId);
    QAbstractItemModelTester tester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&dialog, &FolderHistoryDialog::loaded);
    dialog.setKnownEmails(emails());
    dialog.show();
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1, kWait);
    QVERIFY(dialog.windowTitle().contains(QLatin1String("Production databases")));

    const QStringList lines = rows(*dialog.model());
    const QString all = lines.join(u'\n');
    QVERIFY2(all.contains(QLatin1String("Refused: not allowed for the role")), qPrintable(all));
    bool bobRefused = false;
    for (const QString& line : lines)
        bobRefused =
            bobRefused || (line.contains(m_scenario.bobEmail) && line.contains(QLatin1String("Refused")));
    QVERIFY2(bobRefused, qPrintable(all));
    QVERIFY(all.contains(QLatin1String("Member added")));

    // The filter offers the actions there are and shows only the one chosen.
    auto* filter = dialog.findChild<QComboBox*>(QStringLiteral("actionFilter"));
    QVERIFY(filter);
    const int added = filter->findData(QStringLiteral("member.added"));
    QVERIFY(added > 0);
    filter->setCurrentIndex(added);
    emit filter->activated(added);
    QVERIFY(dialog.model()->rowCount() >= 1);
    for (int r = 0; r < dialog.model()->rowCount(); ++r)
        QCOMPARE(dialog.model()->index(r, 0).data(AuditEntryModel::ActionRole).toString(),
                 QStringLiteral("member.added"));
    dialog.setActionFilter({});
    QCOMPARE(dialog.model()->rowCount(), int(lines.size()));

    // A connection's own history is one choice away: the folder's connections by name.
    auto* items = dialog.findChild<QMenu*>(QStringLiteral("itemHistoryMenu"));
    QVERIFY(items);
    emit items->aboutToShow();
    QAction* connection = nullptr;
    for (QAction* action : items->actions())
        if (action->text() == QLatin1String("orders-db (primary)"))
            connection = action;
    QVERIFY(connection);
    QSignalSpy requested(&dialog, &FolderHistoryDialog::itemHistoryRequested);
    connection->trigger();
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.first().at(1).toUuid(), m_scenario.itemId);
}

void TestAuditDialogs::orgLogVerifies()
{
    OrgAuditDialog dialog(&m_scenario.ada->audit, m_scenario.orgId);
    QAbstractItemModelTester tester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&dialog, &OrgAuditDialog::loaded);
    QSignalSpy verified(&dialog, &OrgAuditDialog::verified);
    dialog.setTrustDirectory(m_trust.path());
    dialog.setKnownEmails(emails());
    dialog.show();
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1, kWait);
    QVERIFY(dialog.model()->rowCount() >= 9);
    // Newest first.
    QVERIFY(dialog.model()->index(0, 0).data(AuditEntryModel::SeqRole).toLongLong() >
            dialog.model()->index(1, 0).data(AuditEntryModel::SeqRole).toLongLong());

    auto* verify = dialog.findChild<QPushButton*>(QStringLiteral("verifyButton"));
    QVERIFY(verify && verify->isEnabled());
    verify->click();
    QVERIFY(!verify->isEnabled()); // one check at a time
    QVERIFY(dialog.findChild<QProgressBar*>(QStringLiteral("verifyProgress"))->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(verified.count() == 1, kWait);
    QVERIFY(verified.first().first().toBool());
    const QString result = dialog.findChild<QLabel*>(QStringLiteral("verifyResult"))->text();
    QVERIFY2(result.contains(QLatin1String("intact")), qPrintable(result));
    QVERIFY2(result.contains(QLatin1String("first time")), qPrintable(result));
    QVERIFY(!dialog.findChild<QProgressBar*>(QStringLiteral("verifyProgress"))->isVisible());
}

void TestAuditDialogs::tamperedStoredLogIsNamed()
{
    // One letter of entry 2's action changed in the server's own database, as someone with
    // write access to it would: the entry still decodes, only the chain tells.
    ServerHarness& server = m_scenario.server();
    const QString where =
        QStringLiteral("org_id = '%1' AND seq = 2").arg(m_scenario.orgId.toString(QUuid::WithoutBraces));
    const bool pg = ServerHarness::usePostgres();
    const QString hex =
        server
            .sqlValue(
                QStringLiteral("SELECT %1 FROM audit_log WHERE %2")
                    .arg(pg ? QStringLiteral("encode(entry, 'hex')") : QStringLiteral("hex(entry)"), where))
            .toString();
    QByteArray bytes = QByteArray::fromHex(hex.toLatin1());
    AuditApi::Entry decoded;
    QString orgId;
    QVERIFY(AuditVerifier::decode(bytes, decoded, orgId).ok());
    const qsizetype at = bytes.lastIndexOf(decoded.action.toUtf8());
    QVERIFY(at > 0);
    bytes[at] = char(bytes[at] ^ 0x01);
    const QString literal = pg ? QStringLiteral("decode('%1', 'hex')").arg(QString::fromLatin1(bytes.toHex()))
                               : QStringLiteral("X'%1'").arg(QString::fromLatin1(bytes.toHex()));
    QVERIFY(server.execSql(QStringLiteral("UPDATE audit_log SET entry = %1 WHERE %2").arg(literal, where)));

    OrgAuditDialog dialog(&m_scenario.ada->audit, m_scenario.orgId);
    QAbstractItemModelTester tester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy verified(&dialog, &OrgAuditDialog::verified);
    dialog.setTrustDirectory(m_trust.path());
    dialog.show();
    dialog.verify();
    QTRY_VERIFY_WITH_TIMEOUT(verified.count() == 1, kWait);
    QVERIFY(!verified.first().first().toBool());
    const QString result = dialog.findChild<QLabel*>(QStringLiteral("verifyResult"))->text();
    QVERIFY2(result.contains(QLatin1String("Entry 2 was changed")), qPrintable(result));
    QVERIFY2(result.contains(QLatin1String("damaged")), qPrintable(result));
    QCOMPARE(dialog.lastReport().problemSeq, 2);

    // The server's own check agrees.
    QString out;
    QString err;
    QCOMPARE(server.command({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--org"),
                             m_scenario.orgId.toString(QUuid::WithoutBraces)},
                            &out, &err),
             1);
    QVERIFY2(err.contains(QLatin1String("Entry 2 was changed")), qPrintable(out + err));
}

void TestAuditDialogs::menuOffersTheLogToAdminsOnly()
{
    QMainWindow window;
    QTemporaryDir data;
    TeamSharingController controller(&window, nullptr, m_scenario.ada->settings, nullptr, {}, data.path());
    QSignalSpy orgs(&controller, &TeamSharingController::adminOrgsChanged);
    auto* action = controller.menu()->findChild<QAction*>(QStringLiteral("actionOrgAudit"));
    QVERIFY(action);
    QVERIFY(!action->isVisible());

    controller.setClient(&m_scenario.bob->client);
    QTRY_VERIFY_WITH_TIMEOUT(orgs.count() == 1, kWait);
    QVERIFY(controller.adminOrgs().isEmpty());
    QVERIFY(!action->isVisible());

    controller.setClient(&m_scenario.ada->client);
    QTRY_VERIFY_WITH_TIMEOUT(orgs.count() == 2, kWait);
    QCOMPARE(controller.adminOrgs(), QList<QUuid>{m_scenario.orgId});
    QVERIFY(action->isVisible());
    action->trigger();
    auto* dialog = window.findChild<OrgAuditDialog*>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());

    // Sign-out (here: the client taken away) closes it with the session.
    QPointer<OrgAuditDialog> open(dialog);
    controller.setClient(nullptr);
    QVERIFY(open.isNull());
    QVERIFY(!action->isVisible());
}

void TestAuditDialogs::refusalsAndHostileAnswersAreSaidInWords()
{
    // Bob holds View: the server refuses him the histories; the dialog says so and lists nothing.
    ItemHistoryDialog bobs(&m_scenario.bob->audit, &m_scenario.bob->engine, m_scenario.folderId,
                           m_scenario.itemId);
    QSignalSpy bobLoaded(&bobs, &ItemHistoryDialog::loaded);
    QTRY_VERIFY_WITH_TIMEOUT(bobLoaded.count() == 1, kWait);
    const QString refused = bobs.findChild<QLabel*>(QStringLiteral("historyStatus"))->text();
    QVERIFY2(refused.startsWith(QLatin1String("The history could not be read: ")), qPrintable(refused));
    QVERIFY(refused.size() > 40);
    QCOMPARE(bobs.model()->rowCount(), 0);

    // An answer with a broken entry: an error in words, no row from it, no crash.
    m_scenario.ada->audit.setTamper([](const QString&, QJsonObject& json) {
        QJsonArray entries = json.value(QStringLiteral("entries")).toArray();
        QJsonObject first = entries.at(0).toObject();
        first.insert(QStringLiteral("revision"), QStringLiteral("two"));
        entries[0] = first;
        json.insert(QStringLiteral("entries"), entries);
    });
    FolderHistoryDialog folder(&m_scenario.ada->audit, &m_scenario.ada->engine, m_scenario.folderId);
    QAbstractItemModelTester tester(folder.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&folder, &FolderHistoryDialog::loaded);
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() == 1, kWait);
    m_scenario.ada->audit.setTamper({});
    const QString text = folder.findChild<QLabel*>(QStringLiteral("historyStatus"))->text();
    QVERIFY2(text.contains(QLatin1String("entries[0].revision")), qPrintable(text));
    QCOMPARE(folder.model()->rowCount(), 0);
}

QTEST_MAIN(TestAuditDialogs)
#include "TestAuditDialogs.moc"
