// Tests ConnectionFilterProxyModel on its own: names sort as people read them (numbers by
// value, case ignored, folders first), and the kind is searchable by its scheme, display
// name and short names, typed into a filter box as a user does. Structure is checked by
// QAbstractItemModelTester throughout.
#include "core/storage/ChangeSet.h"
#include "core/storage/ConnectionRepository.h"
#include "ui/ConnectionFilterProxyModel.h"
#include "ui/ConnectionTreeModel.h"

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace Conclave::Core;
using namespace Conclave::Gui;

namespace {

Connection makeConnection(const QString& name, ConnectionKind kind, const QString& host,
                          const QUuid& folder = {})
{
    Connection c;
    c.id = QUuid::createUuid();
    c.folderId = folder;
    c.name = name;
    c.kind = kind;
    c.hosts = {HostPort{host, kindDefaultPort(kind)}};
    return c;
}

Folder makeFolder(const QString& name)
{
    Folder f;
    f.id = QUuid::createUuid();
    f.name = name;
    return f;
}

QStringList visibleNames(const QAbstractItemModel& proxy)
{
    QStringList seen;
    std::function<void(const QModelIndex&)> walk = [&](const QModelIndex& parent) {
        for (int row = 0; row < proxy.rowCount(parent); ++row) {
            const QModelIndex index = proxy.index(row, 0, parent);
            seen.append(index.data().toString());
            walk(index);
        }
    };
    walk({});
    return seen;
}

} // namespace

class TestConnectionFilterProxyModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void naturalSort();
    void sortFollowsRename();
    void kindIsSearchable_data();
    void kindIsSearchable();

private:
    Status apply(const QList<Folder>& folders, const QList<Connection>& connections);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ConnectionRepository> m_repository;
    std::unique_ptr<ConnectionTreeModel> m_model;
    Folder m_bulk;
};

Status TestConnectionFilterProxyModel::apply(const QList<Folder>& folders,
                                             const QList<Connection>& connections)
{
    ChangeSet change;
    change.upsertFolders = folders;
    change.upsertConnections = connections;
    return m_repository->apply(change);
}

void TestConnectionFilterProxyModel::init()
{
    m_model.reset();
    m_repository.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_repository = ConnectionRepository::open(m_dir->filePath(QStringLiteral("store.sqlite")));
    QVERIFY(m_repository);
    m_model = std::make_unique<ConnectionTreeModel>(m_repository.get());
    m_bulk = makeFolder(QStringLiteral("Bulk"));
    const Folder team10 = makeFolder(QStringLiteral("Team 10"));
    const Folder team9 = makeFolder(QStringLiteral("team 9"));
    const auto pg = ConnectionKind::PostgreSQL;
    QVERIFY(
        apply({m_bulk, team10, team9},
              {makeConnection(QStringLiteral("Bulk 10"), pg, QStringLiteral("b10.example.com"), m_bulk.id),
               makeConnection(QStringLiteral("Bulk 2"), pg, QStringLiteral("b2.example.com"), m_bulk.id),
               makeConnection(QStringLiteral("bulk 3"), pg, QStringLiteral("b3.example.com"), m_bulk.id),
               makeConnection(QStringLiteral("Bulk 1"), pg, QStringLiteral("b1.example.com"), m_bulk.id),
               makeConnection(QStringLiteral("Sessions"), ConnectionKind::Redis,
                              QStringLiteral("cache.example.com")),
               makeConnection(QStringLiteral("Catalog"), ConnectionKind::MongoDB,
                              QStringLiteral("catalog.example.com")),
               makeConnection(QStringLiteral("Shop"), ConnectionKind::MySQL,
                              QStringLiteral("shop.example.com")),
               makeConnection(QStringLiteral("Bastion"), ConnectionKind::SSH,
                              QStringLiteral("bastion.example.com"))})
            .ok());
}

void TestConnectionFilterProxyModel::naturalSort()
{
    ConnectionFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(m_model.get());
    proxy.sort(0);
    QCOMPARE(visibleNames(proxy),
             (QStringList{QStringLiteral("Bulk"), QStringLiteral("Bulk 1"), QStringLiteral("Bulk 2"),
                          QStringLiteral("bulk 3"), QStringLiteral("Bulk 10"), QStringLiteral("team 9"),
                          QStringLiteral("Team 10"), QStringLiteral("Bastion"), QStringLiteral("Catalog"),
                          QStringLiteral("Sessions"), QStringLiteral("Shop")}));
}

void TestConnectionFilterProxyModel::sortFollowsRename()
{
    ConnectionFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(m_model.get());
    proxy.sort(0);
    // The cached sort keys belong to names, so a renamed connection moves to its new place.
    Connection renamed;
    for (const Connection& c : m_model->connections()) {
        if (c.name == QLatin1String("Bulk 10"))
            renamed = c;
    }
    renamed.name = QStringLiteral("Bulk 0");
    QVERIFY(apply({}, {renamed}).ok());
    const QModelIndex bulk = proxy.index(0, 0);
    QCOMPARE(bulk.data().toString(), QStringLiteral("Bulk"));
    QStringList inBulk;
    for (int row = 0; row < proxy.rowCount(bulk); ++row)
        inBulk.append(proxy.index(row, 0, bulk).data().toString());
    QCOMPARE(inBulk, (QStringList{QStringLiteral("Bulk 0"), QStringLiteral("Bulk 1"),
                                  QStringLiteral("Bulk 2"), QStringLiteral("bulk 3")}));
}

void TestConnectionFilterProxyModel::kindIsSearchable_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QStringList>("visible");
    QTest::newRow("redis") << "redis" << QStringList{QStringLiteral("Sessions")};
    QTest::newRow("Redis, any case") << "REDIS" << QStringList{QStringLiteral("Sessions")};
    QTest::newRow("postgres") << "postgres"
                              << QStringList{QStringLiteral("Bulk"), QStringLiteral("Bulk 1"),
                                             QStringLiteral("Bulk 2"), QStringLiteral("bulk 3"),
                                             QStringLiteral("Bulk 10")};
    QTest::newRow("PostgreSQL") << "PostgreSQL"
                                << QStringList{QStringLiteral("Bulk"), QStringLiteral("Bulk 1"),
                                               QStringLiteral("Bulk 2"), QStringLiteral("bulk 3"),
                                               QStringLiteral("Bulk 10")};
    QTest::newRow("kind and name") << "postgres 2"
                                   << QStringList{QStringLiteral("Bulk"), QStringLiteral("Bulk 2")};
    QTest::newRow("mongo") << "mongo" << QStringList{QStringLiteral("Catalog")};
    QTest::newRow("mariadb") << "mariadb" << QStringList{QStringLiteral("Shop")};
    QTest::newRow("mysql") << "mysql" << QStringList{QStringLiteral("Shop")};
    QTest::newRow("ssh") << "ssh" << QStringList{QStringLiteral("Bastion")};
    QTest::newRow("three letters") << "red" << QStringList{QStringLiteral("Sessions")};
    // Shorter words are still being typed: "ss" is not yet SSH, nor "po" PostgreSQL.
    QTest::newRow("two letters are no kind") << "ss" << QStringList{QStringLiteral("Sessions")};
    QTest::newRow("two letters, nothing") << "po" << QStringList{};
    // A word must begin a kind's name: the middle of one is not a kind search.
    QTest::newRow("not mid-word") << "gresql" << QStringList{};
}

void TestConnectionFilterProxyModel::kindIsSearchable()
{
    QFETCH(QString, typed);
    QFETCH(QStringList, visible);
    ConnectionFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(m_model.get());
    proxy.sort(0);
    // Typed into a filter box one key at a time, as in the main window.
    QLineEdit filter;
    connect(&filter, &QLineEdit::textChanged, &proxy, &ConnectionFilterProxyModel::setFilterText);
    QTest::keyClicks(&filter, typed);
    QCOMPARE(visibleNames(proxy), visible);
    filter.clear();
    QCOMPARE(visibleNames(proxy).size(), 11);
}

QTEST_MAIN(TestConnectionFilterProxyModel)
#include "TestConnectionFilterProxyModel.moc"
