// render-shared-screenshots <output-dir>: starts the real conclave-server (ServerHarness),
// makes the two accounts of SharedPair and a shared folder ada created and added bob to (Edit),
// with connections ada wrote and one bob changed since. Ada's main window shows her local
// folders next to it, one shared connection without her own credentials (marked) and the
// details of the one bob changed ("created by" ada, "changed by" bob). Renders it into
// main-window-shared.png, with a "-de" suffix when the UI language is German (LANGUAGE=de).
// Not a test; run it under Xvfb (docs/development.md).
#include "SharedPair.h"

#include "core/keychain/MemorySecretStore.h"
#include "core/keychain/SharedCredentials.h"
#include "core/model/SharedConnection.h"
#include "core/storage/ChangeSet.h"
#include "core/storage/ConnectionRepository.h"
#include "core/sync/SyncEngine.h"
#include "translations/Translations.h"
#include "ui/ConnectionTreeModel.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QTimer>
#include <QTreeView>

using namespace Conclave;
using namespace Conclave::Core;

namespace {

Connection sample(const QString& name, ConnectionKind kind, const QString& host, quint16 port)
{
    Connection c;
    c.id = QUuid::createUuid();
    c.name = name;
    c.kind = kind;
    c.hosts = {{host, port}};
    return c;
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
    if (!pair.setUp(server, QStringLiteral("render-shared-screenshots"), false))
        return 1;
    const QUuid folder = pair.createFolder(QStringLiteral("Production databases"));
    if (folder.isNull() || !pair.addBob(folder))
        return 1;
    pair.folderId = folder;
    const QUuid ada = pair.a->client.account().userId;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto write = [&](const Connection& c, const QString& group) {
        return pair.write({}, SharedConnection::fromConnection(c, group, ada, now.addDays(-12)).encode());
    };
    const QUuid orders = write(sample(QStringLiteral("Orders (primary)"), ConnectionKind::PostgreSQL,
                                      QStringLiteral("orders.db.internal"), 5432),
                               {});
    const QUuid warehouse = write(sample(QStringLiteral("Reporting warehouse"), ConnectionKind::PostgreSQL,
                                         QStringLiteral("dwh.internal"), 5432),
                                  {});
    const QUuid cache = write(sample(QStringLiteral("Session cache"), ConnectionKind::Redis,
                                     QStringLiteral("cache.eu.internal"), 6379),
                              QStringLiteral("EU"));
    const QUuid events = write(sample(QStringLiteral("Event store"), ConnectionKind::MongoDB,
                                      QStringLiteral("events.eu.internal"), 27017),
                               QStringLiteral("EU"));
    if (orders.isNull() || warehouse.isNull() || cache.isNull() || events.isNull())
        return 1;

    // Bob changes "Orders (primary)": its details name ada as its author and bob as the last.
    if (!succeeded(await([&](QObject* c, auto done) { pair.b->engine.sync(c, done); }), "sync"))
        return 1;
    const SensitiveBytes* held = pair.b->engine.itemPlaintext(folder, orders);
    if (!held)
        return 1;
    const Result<SharedConnection> decoded = SharedConnection::decode(held->view().toByteArray(), orders);
    if (!decoded)
        return 1;
    Connection changed = decoded->connection;
    changed.notes = QStringLiteral("Read replica: orders-ro.db.internal");
    const QByteArray edit = decoded->edited(changed, decoded->group, now.addSecs(-3 * 3600)).encode();
    const auto rewritten =
        await<QUuid>([&](QObject* c, auto done) { pair.b->engine.writeItem(folder, orders, edit, c, done); });
    if (!rewritten || !rewritten->ok())
        return 1;
    if (!succeeded(await([&](QObject* c, auto done) { pair.a->engine.sync(c, done); }), "sync"))
        return 1;

    // Ada's own local folders.
    QTemporaryDir local;
    auto repository = ConnectionRepository::open(local.filePath(QStringLiteral("connections.db")));
    Folder staging{QUuid::createUuid(), {}, QStringLiteral("Staging"), 0};
    Folder personal{QUuid::createUuid(), {}, QStringLiteral("Personal"), 0};
    ChangeSet localChange;
    localChange.upsertFolders = {staging, personal};
    for (Connection c : {sample(QStringLiteral("Orders staging"), ConnectionKind::PostgreSQL,
                                QStringLiteral("orders.staging.internal"), 5432),
                         sample(QStringLiteral("Bastion staging"), ConnectionKind::SSH,
                                QStringLiteral("bastion.staging.internal"), 22)}) {
        c.folderId = staging.id;
        localChange.upsertConnections.append(c);
    }
    Connection laptop =
        sample(QStringLiteral("Laptop MySQL"), ConnectionKind::MySQL, QStringLiteral("localhost"), 3306);
    laptop.folderId = personal.id;
    localChange.upsertConnections.append(laptop);
    if (!repository->apply(localChange).ok())
        return 1;

    // Ada's own credentials for every shared connection but the warehouse, which is marked.
    MemorySecretStore secrets;
    int pending = 3;
    for (const QUuid& id : {orders, cache, events}) {
        const QByteArray user("ada");
        secrets.writeEntry(SharedCredentials::entryKey(folder, id, SharedCredential::User),
                           SecureBytes::fromView(user), &app, [&](Status) { --pending; });
    }
    (void)QTest::qWaitFor([&] { return pending == 0; }, 5000);

    Gui::MainWindow::Services services;
    services.repository = repository.get();
    services.secrets = &secrets;
    Gui::MainWindow window(services);
    window.resize(1060, 640);
    window.move(40, 40);
    window.show();
    window.setSyncEngine(&pair.a->engine, ada);
    if (!QTest::qWaitFor([&] { return window.model()->sharedConnections(folder).size() == 4; }, 20000))
        return 1;
    (void)QTest::qWaitFor([&] { return window.model()->credentialsMissing(warehouse); }, 5000);
    window.tree()->expandAll();
    window.selectConnection(orders);
    QTimer::singleShot(1500, &app, [&] {
        window.grab().save(outDir + QStringLiteral("/main-window-shared") + suffix + QStringLiteral(".png"));
        app.quit();
    });
    return app.exec();
}
