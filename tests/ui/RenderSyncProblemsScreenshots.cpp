// render-sync-problems-screenshots <output-dir>: starts the real conclave-server (ServerHarness),
// makes the two accounts of SharedPair and a shared folder ada manages with two connections;
// bob saves an edit of each (kept as drafts, as at a sign-out while editing), ada lowers him to
// View, and his flush is refused. A third change of his is altered on disk before he starts
// again, so it cannot be opened. Renders his Sync Problems dialog into sync-problems.png, with
// a "-de" suffix when the UI language is German (LANGUAGE=de). Not a test; run it under Xvfb
// (docs/development.md).
#include "SharedPair.h"

#include "core/model/SharedConnection.h"
#include "core/storage/ConnectionRepository.h"
#include "core/sync/SyncEngine.h"
#include "translations/Translations.h"
#include "ui/SyncProblemsDialog.h"

#include <QApplication>
#include <QDir>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTimer>
#include <QTreeWidget>

using namespace Conclave;
using namespace Conclave::Core;

namespace {

QByteArray sample(const QString& name, ConnectionKind kind, const QString& host, quint16 port,
                  const QUuid& author)
{
    Connection c;
    c.name = name;
    c.kind = kind;
    c.hosts = {{host, port}};
    return SharedConnection::fromConnection(c, {}, author, QDateTime::currentDateTimeUtc()).encode();
}

QByteArray edited(const QByteArray& plaintext, const QUuid& itemId, const QString& notes)
{
    const Result<SharedConnection> decoded = SharedConnection::decode(plaintext, itemId);
    if (!decoded)
        return {};
    Connection changed = decoded->connection;
    changed.notes = notes;
    return decoded->edited(changed, decoded->group, QDateTime::currentDateTimeUtc()).encode();
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Conclave"));
    QApplication::setApplicationName(QStringLiteral("Conclave"));
    const QString language = Gui::Translations::install(&app);
    const QStringList args = app.arguments();
    if (args.size() < 2)
        return 2;
    const QString suffix = language == QStringLiteral("en") ? QString() : QChar(u'-') + language;
    const QString outDir = args.at(1);

    ServerHarness server;
    SharedPair pair;
    if (!pair.setUp(server, QStringLiteral("render-sync-problems-screenshots"), false))
        return 1;
    const QUuid folder = pair.createFolder(QStringLiteral("Production databases"));
    if (folder.isNull() || !pair.addBob(folder))
        return 1;
    pair.folderId = folder;
    const QUuid ada = pair.a->client.account().userId;
    const QByteArray orders = sample(QStringLiteral("Orders (primary)"), ConnectionKind::PostgreSQL,
                                     QStringLiteral("orders.db.internal"), 5432, ada);
    const QByteArray cache = sample(QStringLiteral("Session cache"), ConnectionKind::Redis,
                                    QStringLiteral("cache.internal"), 6379, ada);
    const QByteArray warehouse = sample(QStringLiteral("Reporting warehouse"), ConnectionKind::PostgreSQL,
                                        QStringLiteral("dwh.internal"), 5432, ada);
    const QUuid ordersId = pair.write({}, orders);
    const QUuid cacheId = pair.write({}, cache);
    const QUuid warehouseId = pair.write({}, warehouse);
    if (ordersId.isNull() || cacheId.isNull() || warehouseId.isNull())
        return 1;
    if (!succeeded(await([&](QObject* c, auto done) { pair.b->engine.sync(c, done); }), "sync"))
        return 1;
    SyncEngine& bob = pair.b->engine;
    const auto draft = [&](const QUuid& id, const QByteArray& text, const QString& notes) {
        return bob.saveDraft(folder, id, edited(text, id, notes), bob.itemRevision(folder, id)).ok();
    };
    if (!draft(ordersId, orders, QStringLiteral("Read replica: orders-ro.db.internal")) ||
        !draft(cacheId, cache, QStringLiteral("Flushed nightly at 02:00")))
        return 1;
    if (!succeeded(await([&](QObject* c, auto done) {
                       pair.a->engine.changeRole(folder, pair.b->client.account().userId, FolderRole::View, c,
                                                 done);
                   }),
                   "role change"))
        return 1;
    (void)await([&](QObject* c, auto done) { bob.flushOutbox(c, done); });
    if (bob.refusedWrites().size() != 2)
        return 1;

    // One more change, altered on disk while bob's Conclave is closed: it cannot be opened.
    if (!draft(warehouseId, warehouse, QStringLiteral("typed later")))
        return 1;
    const QString cachePath =
        QDir(pair.dirB.path())
            .filePath(QStringLiteral("sync-%1.sqlite")
                          .arg(pair.b->client.account().userId.toString(QUuid::WithoutBraces)));
    pair.b.reset();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("disk"));
        db.setDatabaseName(cachePath);
        if (!db.open())
            return 1;
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral(
                "UPDATE outbox SET sealed = CAST(substr(sealed, 1, 40) || CASE WHEN "
                "substr(sealed, 41, 1) = X'00' THEN X'01' ELSE X'00' END || "
                "substr(sealed, 42) AS BLOB) WHERE entry_id = (SELECT max(entry_id) FROM outbox)")))
            return 1;
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("disk"));
    if (!pair.restartB())
        return 1;

    QTemporaryDir local;
    auto repository = ConnectionRepository::open(local.filePath(QStringLiteral("connections.db")));
    Gui::SyncProblemsDialog dialog(&pair.b->engine, repository.get());
    dialog.move(40, 40);
    dialog.show();
    auto* list = dialog.findChild<QTreeWidget*>(QStringLiteral("refusedList"));
    if (list && list->topLevelItemCount() > 0)
        list->setCurrentItem(list->topLevelItem(0));
    QTimer::singleShot(1500, &app, [&] {
        dialog.grab().save(outDir + QStringLiteral("/sync-problems") + suffix + QStringLiteral(".png"));
        app.quit();
    });
    return app.exec();
}
