// Tests ConnectionTreeModel and ConnectionFilterProxyModel over a ConnectionRepository on a
// real SQLite store: structure (checked by QAbstractItemModelTester), write-through, moves
// by drag and drop data, refused moves, a change that fails in the middle of its
// transaction, filtering by name, host and tag with parents kept, and a filter that follows
// edits.
#include "core/storage/ConnectionRepository.h"
#include "core/storage/ConnectionStore.h"
#include "ui/ConnectionFilterProxyModel.h"
#include "ui/ConnectionTreeModel.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <limits>

using namespace Conclave::Core;
using namespace Conclave::Gui;

namespace {

Folder makeFolder(const QString& name, const QUuid& parent = {})
{
    Folder f;
    f.id = QUuid::createUuid();
    f.parentId = parent;
    f.name = name;
    return f;
}

Connection makeConnection(const QString& name, const QString& host, const QUuid& folder = {},
                          const QStringList& tags = {})
{
    Connection c;
    c.id = QUuid::createUuid();
    c.folderId = folder;
    c.name = name;
    c.kind = ConnectionKind::PostgreSQL;
    c.hosts = {HostPort{host, 5432}};
    c.tags = tags;
    return c;
}

Status applyChange(ConnectionRepository& repository, const QList<Folder>& upsertFolders,
                   const QList<Connection>& upsertConnections, const QList<QUuid>& removeConnections,
                   const QList<QUuid>& removeFolders)
{
    ChangeSet change;
    change.upsertFolders = upsertFolders;
    change.upsertConnections = upsertConnections;
    change.removeConnections = removeConnections;
    change.removeFolders = removeFolders;
    return repository.apply(change);
}

} // namespace

class TestConnectionTreeModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void loadsTreeFromStore();
    void applyWritesThrough();
    void dragAndDropMovesItems();
    void refusesFolderIntoItself();
    void missingCredentialsMarkerShows();
    void removeFolderNeedsEmpty();
    void failureInTransactionChangesNothing_data();
    void failureInTransactionChangesNothing();
    void followsRemoteChange();
    void searchTextFollowsEdit_data();
    void searchTextFollowsEdit();
    void filter_data();
    void filter();
    void filterOverTenThousandConnections();
    void filterRebuildMatchesIncrementalUpdate();

private:
    // A repository over its own connection to the test database, loaded now.
    std::unique_ptr<ConnectionRepository> openRepository() const;
    QString databasePath() const { return m_dir->filePath(QStringLiteral("conclave.sqlite")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ConnectionStore> m_store;
    Folder m_prod;
    Folder m_eu;
    Folder m_staging;
};

void TestConnectionTreeModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto store = ConnectionStore::open(m_dir->filePath(QStringLiteral("conclave.sqlite")));
    QVERIFY2(store.ok(), qPrintable(store.ok() ? QString() : store.error().message));
    m_store = std::move(store).value();
    m_prod = makeFolder(QStringLiteral("Production"));
    m_eu = makeFolder(QStringLiteral("EU"), m_prod.id);
    m_staging = makeFolder(QStringLiteral("Staging"));
    QVERIFY(m_store
                ->saveAll({m_prod, m_eu, m_staging},
                          {makeConnection(QStringLiteral("Orders"), QStringLiteral("orders.db.example.com"),
                                          m_eu.id, {QStringLiteral("billing")}),
                           makeConnection(QStringLiteral("Users"), QStringLiteral("users.db.example.com"),
                                          m_prod.id),
                           makeConnection(QStringLiteral("Cache"), QStringLiteral("cache.stage.example.com"),
                                          m_staging.id),
                           makeConnection(QStringLiteral("Laptop"), QStringLiteral("localhost"))})
                .ok());
}

std::unique_ptr<ConnectionRepository> TestConnectionTreeModel::openRepository() const
{
    auto store = ConnectionStore::open(databasePath());
    if (!store.ok())
        return std::make_unique<ConnectionRepository>(nullptr);
    return std::make_unique<ConnectionRepository>(std::move(store).value());
}

void TestConnectionTreeModel::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestConnectionTreeModel::loadsTreeFromStore()
{
    const auto modelRepository = openRepository();
    ConnectionTreeModel model(modelRepository.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 3); // Production, Staging, Laptop
    QCOMPARE(model.folderCount(), 3);
    QCOMPARE(model.connectionCount(), 4);
    const QModelIndex eu = model.indexForFolder(m_eu.id);
    QVERIFY(eu.isValid());
    QCOMPARE(eu.parent(), model.indexForFolder(m_prod.id));
    QCOMPARE(model.rowCount(eu), 1);
    QCOMPARE(model.index(0, 0, eu).data().toString(), QStringLiteral("Orders"));
    QCOMPARE(model.folderPath(m_eu.id), QStringLiteral("Production / EU"));
    QVERIFY(model.index(0, 0, eu).data(ConnectionTreeModel::IsFolderRole).toBool() == false);
    // The SVG icons must render (needs the Qt SVG plugin), not merely exist.
    QVERIFY(!model.index(0, 0, eu).data(Qt::DecorationRole).value<QIcon>().pixmap(16, 16).isNull());
    QVERIFY(!model.indexForFolder(m_eu.id).data(Qt::DecorationRole).value<QIcon>().pixmap(16, 16).isNull());
}

void TestConnectionTreeModel::applyWritesThrough()
{
    const auto modelRepository = openRepository();
    ConnectionTreeModel model(modelRepository.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Folder archive = makeFolder(QStringLiteral("Archive"), m_staging.id);
    Connection added = makeConnection(QStringLiteral("Old"), QStringLiteral("old.example.com"), archive.id);
    QVERIFY(applyChange(*modelRepository, {archive}, {added}, {}, {}).ok());
    QCOMPARE(model.rowCount(model.indexForFolder(archive.id)), 1);

    auto stored = m_store->connection(added.id);
    QVERIFY(stored.ok());
    QCOMPARE(stored->folderId, archive.id);

    added.name = QStringLiteral("Older");
    QVERIFY(applyChange(*modelRepository, {}, {added}, {}, {}).ok());
    QCOMPARE(model.indexForConnection(added.id).data().toString(), QStringLiteral("Older"));
    QCOMPARE(m_store->connection(added.id)->name, QStringLiteral("Older"));

    QVERIFY(applyChange(*modelRepository, {}, {}, {added.id}, {archive.id}).ok());
    QVERIFY(!model.hasConnection(added.id));
    QVERIFY(!model.hasFolder(archive.id));
    QVERIFY(!m_store->connection(added.id).ok());

    // A fresh model over the same store sees the same thing.
    const auto reloadedRepository = openRepository();
    ConnectionTreeModel reloaded(reloadedRepository.get());
    QCOMPARE(reloaded.connectionCount(), 4);
    QCOMPARE(reloaded.folderCount(), 3);
}

void TestConnectionTreeModel::dragAndDropMovesItems()
{
    const auto modelRepository = openRepository();
    ConnectionTreeModel model(modelRepository.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QModelIndex stagingIndex = model.indexForFolder(m_staging.id);
    const QModelIndex laptop = model.index(2, 0);
    QCOMPARE(laptop.data().toString(), QStringLiteral("Laptop"));
    const QPersistentModelIndex euIndex = model.indexForFolder(m_eu.id);

    std::unique_ptr<QMimeData> mime(model.mimeData({laptop, euIndex}));
    QVERIFY(mime->hasFormat(QString::fromLatin1(ConnectionTreeModel::kMimeType)));
    QVERIFY(model.canDropMimeData(mime.get(), Qt::MoveAction, -1, 0, stagingIndex));
    QVERIFY(model.dropMimeData(mime.get(), Qt::MoveAction, -1, 0, stagingIndex));

    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowCount(model.indexForFolder(m_staging.id)), 3);
    QCOMPARE(euIndex.parent(), model.indexForFolder(m_staging.id)); // persistent index followed
    QCOMPARE(model.rowCount(euIndex), 1);                           // EU kept its connection

    const auto reloadedRepository = openRepository();
    ConnectionTreeModel reloaded(reloadedRepository.get());
    QCOMPARE(reloaded.folder(m_eu.id)->parentId, m_staging.id);
    QCOMPARE(reloaded.rowCount(reloaded.indexForFolder(m_staging.id)), 3);
}

void TestConnectionTreeModel::missingCredentialsMarkerShows()
{
    // A shared connection without the user's own credentials shows a warning icon instead of
    // its kind's, also where the desktop has no icon theme (the style's icon then).
    const auto modelRepository = openRepository();
    ConnectionTreeModel model(modelRepository.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Folder root{QUuid::createUuid(), {}, QStringLiteral("Team"), 0};
    Connection shared;
    shared.id = QUuid::createUuid();
    shared.folderId = root.id;
    shared.name = QStringLiteral("Orders");
    shared.kind = ConnectionKind::PostgreSQL;
    shared.hosts = {{QStringLiteral("orders.internal"), 5432}};
    model.setSharedFolder(root, true, {}, {shared});
    const QModelIndex index = model.indexForConnection(shared.id);
    QVERIFY(index.isValid());
    const QImage plain = ConnectionTreeModel::kindIcon(shared.kind).pixmap(16, 16).toImage();
    QCOMPARE(index.data(Qt::DecorationRole).value<QIcon>().pixmap(16, 16).toImage(), plain);
    model.setCredentialsMissing({shared.id});
    const QImage marked = index.data(Qt::DecorationRole).value<QIcon>().pixmap(16, 16).toImage();
    QVERIFY(!marked.isNull());
    QVERIFY(marked != plain);
}

void TestConnectionTreeModel::refusesFolderIntoItself()
{
    const auto modelRepository = openRepository();
    ConnectionTreeModel model(modelRepository.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    std::unique_ptr<QMimeData> mime(model.mimeData({model.indexForFolder(m_prod.id)}));
    QVERIFY(!model.canDropMimeData(mime.get(), Qt::MoveAction, -1, 0, model.indexForFolder(m_eu.id)));
    QVERIFY(!model.dropMimeData(mime.get(), Qt::MoveAction, -1, 0, model.indexForFolder(m_eu.id)));

    Folder looped = *model.folder(m_prod.id);
    looped.parentId = m_eu.id;
    const Status status = applyChange(*modelRepository, {looped}, {}, {}, {});
    QVERIFY(!status.ok());
    QVERIFY(!status.error().message.isEmpty());
    QVERIFY(model.folder(m_prod.id)->parentId.isNull());
}

void TestConnectionTreeModel::removeFolderNeedsEmpty()
{
    const auto modelRepository = openRepository();
    ConnectionTreeModel model(modelRepository.get());
    const Status status = applyChange(*modelRepository, {}, {}, {}, {m_prod.id});
    QVERIFY(!status.ok());
    QVERIFY(model.hasFolder(m_prod.id));

    QList<QUuid> folders;
    QList<QUuid> connections;
    model.collectDescendants(m_prod.id, folders, connections);
    QCOMPARE(folders.size(), 1);
    QCOMPARE(connections.size(), 2);
    folders.prepend(m_prod.id);
    QVERIFY(applyChange(*modelRepository, {}, {}, connections, folders).ok());
    QCOMPARE(model.folderCount(), 1);
    QCOMPARE(model.connectionCount(), 2);
}

namespace {

// Everything the tree shows, as text, for comparing before and after.
QStringList snapshot(const ConnectionTreeModel& model)
{
    QStringList lines;
    std::function<void(const QModelIndex&, int)> walk = [&](const QModelIndex& parent, int depth) {
        for (int row = 0; row < model.rowCount(parent); ++row) {
            const QModelIndex index = model.index(row, 0, parent);
            lines.append(QString(depth, QLatin1Char(' ')) + index.data().toString() + u' ' +
                         index.data(ConnectionTreeModel::HostRole).toString());
            walk(index, depth + 1);
        }
    };
    walk({}, 0);
    lines.sort();
    return lines;
}

QStringList storedRows(const QString& path)
{
    QStringList rows;
    auto store = ConnectionStore::open(path);
    if (!store.ok())
        return {QStringLiteral("unreadable: ") + store.error().message};
    // Held in locals: a range-for over a temporary Result's value would outlive it.
    const auto folders = (*store)->folders();
    const auto connections = (*store)->connections();
    if (!folders.ok() || !connections.ok())
        return {QStringLiteral("unreadable rows")};
    for (const Folder& f : *folders)
        rows.append(QStringLiteral("folder ") + f.name + u' ' + f.parentId.toString());
    for (const Connection& c : *connections)
        rows.append(QStringLiteral("connection ") + c.name + u' ' + c.folderId.toString());
    rows.sort();
    return rows;
}

} // namespace

void TestConnectionTreeModel::failureInTransactionChangesNothing_data()
{
    // A trigger planted in the database refuses one row of a change of several rows, as a
    // full disk or a constraint would: the rows before it have been written already inside
    // the transaction when it fails.
    QTest::addColumn<QString>("trigger");
    QTest::newRow("second of three new connections")
        << QStringLiteral("CREATE TRIGGER provoke BEFORE INSERT ON connections WHEN NEW.name = 'Second'"
                          " BEGIN SELECT RAISE(ABORT, 'provoked failure'); END");
    QTest::newRow("removal after the upserts")
        << QStringLiteral("CREATE TRIGGER provoke BEFORE DELETE ON connections WHEN OLD.name = 'Laptop'"
                          " BEGIN SELECT RAISE(ABORT, 'provoked failure'); END");
    QTest::newRow("folder removal last")
        << QStringLiteral("CREATE TRIGGER provoke BEFORE DELETE ON folders WHEN OLD.name = 'Staging'"
                          " BEGIN SELECT RAISE(ABORT, 'provoked failure'); END");
}

void TestConnectionTreeModel::failureInTransactionChangesNothing()
{
    QFETCH(QString, trigger);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("provoke"));
        db.setDatabaseName(databasePath());
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY2(q.exec(trigger), qPrintable(q.lastError().text()));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("provoke"));

    const auto repository = openRepository();
    ConnectionTreeModel model(repository.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QStringList shownBefore = snapshot(model);
    const QStringList storedBefore = storedRows(databasePath());
    QCOMPARE(storedBefore.size(), 7);

    // Renames, three new connections, a move, and the removal of a connection and a folder
    // with its contents: every kind of row the change can touch.
    ChangeSet change;
    Folder renamed = *repository->folder(m_prod.id);
    renamed.name = QStringLiteral("Live");
    change.upsertFolders.append(renamed);
    for (const QString& name : {QStringLiteral("First"), QStringLiteral("Second"), QStringLiteral("Third")})
        change.upsertConnections.append(makeConnection(name, QStringLiteral("new.example.com"), m_eu.id));
    for (const Connection& c : repository->connections()) {
        if (c.name == QLatin1String("Users")) {
            change.upsertConnections.append(c);
            change.upsertConnections.last().folderId = QUuid();
        }
        if (c.name == QLatin1String("Laptop") || c.name == QLatin1String("Cache"))
            change.removeConnections.append(c.id);
    }
    change.removeFolders.append(m_staging.id);

    QSignalSpy changed(repository.get(), &ConnectionRepository::changed);
    QSignalSpy refused(repository.get(), &ConnectionRepository::changeRefused);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    QSignalSpy dataChanged(&model, &QAbstractItemModel::dataChanged);
    const Status status = repository->apply(change);
    QVERIFY(!status.ok());
    QVERIFY2(status.error().message.contains(QLatin1String("provoked failure")),
             qPrintable(status.error().message));
    QCOMPARE(refused.size(), 1);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(inserted.size() + removed.size() + moved.size() + dataChanged.size(), 0);
    QCOMPARE(snapshot(model), shownBefore);
    QCOMPARE(repository->connectionCount(), 4);
    QCOMPARE(repository->folder(m_prod.id)->name, QStringLiteral("Production"));
    QCOMPARE(storedRows(databasePath()), storedBefore);

    // The same change without the failing row goes through whole.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("provoke"));
        db.setDatabaseName(databasePath());
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("DROP TRIGGER provoke")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("provoke"));
    QVERIFY(repository->apply(change).ok());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(repository->connectionCount(), 5); // Orders, Users, First, Second, Third
    QCOMPARE(snapshot(model).size(), 7);        // Live, EU, 5 connections
    QCOMPARE(storedRows(databasePath()).size(), 7);
}

void TestConnectionTreeModel::followsRemoteChange()
{
    // A second writer (as the sync engine will be) changes the repository; the model
    // follows whoever made the change.
    const auto repository = openRepository();
    ConnectionTreeModel model(repository.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(repository.get(), &ConnectionRepository::changed);
    ChangeSet change;
    change.origin = ChangeOrigin::Remote;
    const Folder shared = makeFolder(QStringLiteral("Shared"));
    change.upsertFolders.append(shared);
    change.upsertConnections.append(
        makeConnection(QStringLiteral("Team DB"), QStringLiteral("team.example.com"), shared.id));
    QVERIFY(repository->apply(change).ok());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<ChangeSet>().origin, ChangeOrigin::Remote);
    const QModelIndex folder = model.indexForFolder(shared.id);
    QVERIFY(folder.isValid());
    QCOMPARE(model.rowCount(folder), 1);
    QCOMPARE(model.index(0, 0, folder).data().toString(), QStringLiteral("Team DB"));
}

void TestConnectionTreeModel::searchTextFollowsEdit_data()
{
    QTest::addColumn<bool>("filterDuringEdit"); // the filter box already holds the new name
    QTest::newRow("filter typed after the edit") << false;
    QTest::newRow("filter active during the edit") << true;
}

void TestConnectionTreeModel::searchTextFollowsEdit()
{
    QFETCH(bool, filterDuringEdit);
    const auto repository = openRepository();
    ConnectionTreeModel model(repository.get());
    ConnectionFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    proxy.sort(0);
    Connection orders;
    for (const Connection& c : repository->connections()) {
        if (c.name == QLatin1String("Orders"))
            orders = c;
    }
    QVERIFY(!orders.id.isNull());
    const auto matches = [&proxy](const QString& text) {
        proxy.setFilterText(text);
        QStringList names;
        std::function<void(const QModelIndex&)> walk = [&](const QModelIndex& parent) {
            for (int row = 0; row < proxy.rowCount(parent); ++row) {
                const QModelIndex index = proxy.index(row, 0, parent);
                if (!index.data(ConnectionTreeModel::IsFolderRole).toBool())
                    names.append(index.data().toString());
                walk(index);
            }
        };
        walk({});
        return names;
    };
    if (filterDuringEdit)
        proxy.setFilterText(QStringLiteral("invoices"));
    orders.name = QStringLiteral("Invoices");
    orders.hosts = {HostPort{QStringLiteral("invoices.db.example.com"), 5432}};
    ChangeSet change;
    change.upsertConnections.append(orders);
    QVERIFY(repository->apply(change).ok());
    if (filterDuringEdit) {
        QStringList names;
        for (int row = 0; row < proxy.rowCount(); ++row) {
            const QModelIndex folder = proxy.index(row, 0);
            for (int inner = 0; inner < proxy.rowCount(folder); ++inner)
                for (int leaf = 0; leaf < proxy.rowCount(proxy.index(inner, 0, folder)); ++leaf)
                    names.append(proxy.index(leaf, 0, proxy.index(inner, 0, folder)).data().toString());
        }
        QCOMPARE(names, QStringList{QStringLiteral("Invoices")});
    }
    QCOMPARE(matches(QStringLiteral("invoices")), QStringList{QStringLiteral("Invoices")});
    QCOMPARE(matches(QStringLiteral("orders")), QStringList{});
    QCOMPARE(matches(QStringLiteral("orders.db")), QStringList{});
}

void TestConnectionTreeModel::filter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("visible"); // every visible row, depth-first, sorted

    QTest::newRow("empty") << QString() << QStringList{QStringLiteral("Production"), QStringLiteral("EU"),
                                                       QStringLiteral("Orders"),     QStringLiteral("Users"),
                                                       QStringLiteral("Staging"),    QStringLiteral("Cache"),
                                                       QStringLiteral("Laptop")};
    QTest::newRow("name keeps parents")
        << QStringLiteral("ord")
        << QStringList{QStringLiteral("Production"), QStringLiteral("EU"), QStringLiteral("Orders")};
    QTest::newRow("case-insensitive") << QStringLiteral("LAPTOP") << QStringList{QStringLiteral("Laptop")};
    QTest::newRow("host") << QStringLiteral("stage.example")
                          << QStringList{QStringLiteral("Staging"), QStringLiteral("Cache")};
    QTest::newRow("tag") << QStringLiteral("billing")
                         << QStringList{QStringLiteral("Production"), QStringLiteral("EU"),
                                        QStringLiteral("Orders")};
    QTest::newRow("folder name shows contents")
        << QStringLiteral("staging") << QStringList{QStringLiteral("Staging"), QStringLiteral("Cache")};
    QTest::newRow("all words") << QStringLiteral("users example")
                               << QStringList{QStringLiteral("Production"), QStringLiteral("Users")};
    QTest::newRow("nothing") << QStringLiteral("zzz") << QStringList{};
}

void TestConnectionTreeModel::filter()
{
    QFETCH(QString, text);
    QFETCH(QStringList, visible);

    const auto modelRepository = openRepository();
    ConnectionTreeModel model(modelRepository.get());
    ConnectionFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    proxy.sort(0);
    proxy.setFilterText(text);

    QStringList seen;
    std::function<void(const QModelIndex&)> walk = [&](const QModelIndex& parent) {
        for (int row = 0; row < proxy.rowCount(parent); ++row) {
            const QModelIndex index = proxy.index(row, 0, parent);
            seen.append(index.data().toString());
            walk(index);
        }
    };
    walk({});
    QCOMPARE(seen, visible);
}

void TestConnectionTreeModel::filterOverTenThousandConnections()
{
    QList<Folder> folders;
    QList<Connection> connections;
    for (int f = 0; f < 50; ++f)
        folders.append(makeFolder(QStringLiteral("Folder %1").arg(f)));
    for (int i = 0; i < 10000; ++i) {
        connections.append(makeConnection(QStringLiteral("Connection %1").arg(i),
                                          QStringLiteral("host%1.example.com").arg(i),
                                          folders.at(i % 50).id));
    }
    QVERIFY(m_store->saveAll(folders, connections).ok());

    const auto modelRepository = openRepository();
    ConnectionTreeModel model(modelRepository.get());
    ConnectionFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.sort(0);
    const int unfiltered = proxy.rowCount();

    // Typing "host12" one character at a time, as the filter box does. How long this takes
    // is measured by BenchFilter, not here.
    const QString typed = QStringLiteral("host12");
    for (int n = 1; n <= typed.size(); ++n)
        proxy.setFilterText(typed.left(n));
    int visible = 0;
    for (int row = 0; row < proxy.rowCount(); ++row)
        visible += proxy.rowCount(proxy.index(row, 0));
    QCOMPARE(visible, 111); // host12, host120..129, host1200..1299
    proxy.setFilterText(QString());
    QCOMPARE(proxy.rowCount(), unfiltered);
}

namespace {

// The visible tree as text, one line per row, indented by depth; expanded folders are
// marked "+" and selected rows "*" when a view is given.
QStringList describe(const QAbstractItemModel& proxy, const QTreeView* view = nullptr)
{
    QStringList lines;
    std::function<void(const QModelIndex&, int)> walk = [&](const QModelIndex& parent, int depth) {
        for (int row = 0; row < proxy.rowCount(parent); ++row) {
            const QModelIndex index = proxy.index(row, 0, parent);
            QString line = QString(depth, QLatin1Char(' ')) + index.data().toString();
            if (view && view->isExpanded(index))
                line += QStringLiteral(" +");
            if (view && view->selectionModel()->isSelected(index))
                line += QStringLiteral(" *");
            lines.append(line);
            walk(index, depth + 1);
        }
    };
    walk({}, 0);
    return lines;
}

} // namespace

void TestConnectionTreeModel::filterRebuildMatchesIncrementalUpdate()
{
    // Keystrokes that move more rows than the threshold rebuild the proxy's mapping in
    // one layout change; the rows, their order, the selection and the expanded folders
    // must be exactly what Qt's incremental update gives.
    QList<Folder> folders;
    QList<Connection> connections;
    for (int f = 0; f < 25; ++f)
        folders.append(
            makeFolder(QStringLiteral("Folder %1").arg(f), f >= 20 ? folders.at(f - 20).id : QUuid()));
    for (int i = 0; i < 2500; ++i) {
        connections.append(makeConnection(QStringLiteral("Connection %1").arg(2500 - i),
                                          QStringLiteral("host%1.example.com").arg(i), folders.at(i % 25).id,
                                          {i % 7 == 0 ? QStringLiteral("weekly") : QStringLiteral("daily")}));
    }
    QVERIFY(m_store->saveAll(folders, connections).ok());
    const auto modelRepository = openRepository();
    ConnectionTreeModel model(modelRepository.get());

    ConnectionFilterProxyModel incremental;
    incremental.setRebuildThreshold(std::numeric_limits<int>::max());
    ConnectionFilterProxyModel rebuilding;
    rebuilding.setRebuildThreshold(-1);
    QAbstractItemModelTester tester(&rebuilding, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTreeView incrementalView;
    QTreeView rebuildingView;
    const std::pair<ConnectionFilterProxyModel*, QTreeView*> pairs[] = {{&incremental, &incrementalView},
                                                                        {&rebuilding, &rebuildingView}};
    for (const auto& [proxy, view] : pairs) {
        proxy->setSourceModel(&model);
        proxy->sort(0);
        view->setModel(proxy);
        view->setSelectionMode(QAbstractItemView::ExtendedSelection);
        // Two folders open, a connection in one of them and a folder selected.
        const QModelIndex first = proxy->index(0, 0);
        const QModelIndex second = proxy->index(3, 0);
        view->expand(first);
        view->expand(second);
        view->selectionModel()->select(proxy->index(5, 0, first), QItemSelectionModel::Select);
        view->selectionModel()->select(proxy->index(1, 0), QItemSelectionModel::Select);
    }
    QCOMPARE(describe(rebuilding, &rebuildingView), describe(incremental, &incrementalView));

    const QStringList steps{QStringLiteral("h"),        QStringLiteral("host1"),
                            QStringLiteral("host12"),   QStringLiteral("host1"),
                            QStringLiteral(""),         QStringLiteral("weekly"),
                            QStringLiteral("folder 2"), QStringLiteral("weekly 13"),
                            QStringLiteral("zzz"),      QStringLiteral("connection 1"),
                            QStringLiteral("")};
    for (const QString& text : steps) {
        incremental.setFilterText(text);
        rebuilding.setFilterText(text);
        const QStringList expected = describe(incremental, &incrementalView);
        QVERIFY2(!text.isEmpty() || expected.size() > 2500, qPrintable(text));
        QCOMPARE(describe(rebuilding, &rebuildingView), expected);
        // What MainWindow does after each keystroke.
        if (!text.isEmpty()) {
            incrementalView.expandAll();
            rebuildingView.expandAll();
        }
    }
    // A filtered-out selected row stays unselected when it returns, as with Qt's update.
    QCOMPARE(rebuildingView.selectionModel()->selectedRows().size(),
             incrementalView.selectionModel()->selectedRows().size());
}

QTEST_MAIN(TestConnectionTreeModel)
#include "TestConnectionTreeModel.moc"
