// Tests ConnectionTreeModel and ConnectionFilterProxyModel over a real SQLite store:
// structure (checked by QAbstractItemModelTester), write-through, moves by drag and drop
// data, refused moves, filtering by name, host and tag with parents kept, and speed of a
// filter keystroke over 10,000 connections.
#include "core/storage/ConnectionStore.h"
#include "ui/ConnectionFilterProxyModel.h"
#include "ui/ConnectionTreeModel.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QSignalSpy>
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
    void removeFolderNeedsEmpty();
    void filter_data();
    void filter();
    void filterOverTenThousandConnections();
    void filterRebuildMatchesIncrementalUpdate();

private:
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

void TestConnectionTreeModel::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestConnectionTreeModel::loadsTreeFromStore()
{
    ConnectionTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.load(m_store.get()).ok());
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
    ConnectionTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.load(m_store.get()).ok());
    const Folder archive = makeFolder(QStringLiteral("Archive"), m_staging.id);
    Connection added = makeConnection(QStringLiteral("Old"), QStringLiteral("old.example.com"), archive.id);
    QVERIFY(model.apply({archive}, {added}, {}, {}).ok());
    QCOMPARE(model.rowCount(model.indexForFolder(archive.id)), 1);

    auto stored = m_store->connection(added.id);
    QVERIFY(stored.ok());
    QCOMPARE(stored->folderId, archive.id);

    added.name = QStringLiteral("Older");
    QVERIFY(model.apply({}, {added}, {}, {}).ok());
    QCOMPARE(model.indexForConnection(added.id).data().toString(), QStringLiteral("Older"));
    QCOMPARE(m_store->connection(added.id)->name, QStringLiteral("Older"));

    QVERIFY(model.apply({}, {}, {added.id}, {archive.id}).ok());
    QVERIFY(!model.hasConnection(added.id));
    QVERIFY(!model.hasFolder(archive.id));
    QVERIFY(!m_store->connection(added.id).ok());

    // A fresh model over the same store sees the same thing.
    ConnectionTreeModel reloaded;
    QVERIFY(reloaded.load(m_store.get()).ok());
    QCOMPARE(reloaded.connectionCount(), 4);
    QCOMPARE(reloaded.folderCount(), 3);
}

void TestConnectionTreeModel::dragAndDropMovesItems()
{
    ConnectionTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.load(m_store.get()).ok());
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

    ConnectionTreeModel reloaded;
    QVERIFY(reloaded.load(m_store.get()).ok());
    QCOMPARE(reloaded.folder(m_eu.id)->parentId, m_staging.id);
    QCOMPARE(reloaded.rowCount(reloaded.indexForFolder(m_staging.id)), 3);
}

void TestConnectionTreeModel::refusesFolderIntoItself()
{
    ConnectionTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.load(m_store.get()).ok());
    std::unique_ptr<QMimeData> mime(model.mimeData({model.indexForFolder(m_prod.id)}));
    QVERIFY(!model.canDropMimeData(mime.get(), Qt::MoveAction, -1, 0, model.indexForFolder(m_eu.id)));
    QVERIFY(!model.dropMimeData(mime.get(), Qt::MoveAction, -1, 0, model.indexForFolder(m_eu.id)));

    Folder looped = *model.folder(m_prod.id);
    looped.parentId = m_eu.id;
    const Status status = model.apply({looped}, {}, {}, {});
    QVERIFY(!status.ok());
    QVERIFY(!status.error().message.isEmpty());
    QVERIFY(model.folder(m_prod.id)->parentId.isNull());
}

void TestConnectionTreeModel::removeFolderNeedsEmpty()
{
    ConnectionTreeModel model;
    QVERIFY(model.load(m_store.get()).ok());
    const Status status = model.apply({}, {}, {}, {m_prod.id});
    QVERIFY(!status.ok());
    QVERIFY(model.hasFolder(m_prod.id));

    QList<QUuid> folders;
    QList<QUuid> connections;
    model.collectDescendants(m_prod.id, folders, connections);
    QCOMPARE(folders.size(), 1);
    QCOMPARE(connections.size(), 2);
    folders.prepend(m_prod.id);
    QVERIFY(model.apply({}, {}, connections, folders).ok());
    QCOMPARE(model.folderCount(), 1);
    QCOMPARE(model.connectionCount(), 2);
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

    ConnectionTreeModel model;
    QVERIFY(model.load(m_store.get()).ok());
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

    ConnectionTreeModel model;
    QVERIFY(model.load(m_store.get()).ok());
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
    ConnectionTreeModel model;
    QVERIFY(model.load(m_store.get()).ok());

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
