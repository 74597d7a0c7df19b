// Tests ConnectionRepository over a real SQLite file: a change is checked against the whole
// tree before anything is written, applied to memory and database together and announced
// once with its origin; refusals are announced and change nothing; a database that cannot
// be opened gives an empty, read-only repository that refuses every change. Deletes into the
// Trash keep the rows, across a reopen, until the Trash is emptied; a restore puts them back
// where they were (with the trashed folders they were in, or at the top level when their
// folder is gone).
#include "core/storage/ConnectionRepository.h"
#include "core/storage/ConnectionStore.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Conclave::Core;

namespace {

Folder makeFolder(const QString& name, const QUuid& parent = {})
{
    Folder f;
    f.id = QUuid::createUuid();
    f.parentId = parent;
    f.name = name;
    return f;
}

Connection makeConnection(const QString& name, const QUuid& folder = {})
{
    Connection c;
    c.id = QUuid::createUuid();
    c.folderId = folder;
    c.name = name;
    c.kind = ConnectionKind::Redis;
    c.hosts = {HostPort{QStringLiteral("cache.example.com"), 6379}};
    return c;
}

} // namespace

class TestConnectionRepository : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void appliesAndAnnouncesWithOrigin_data();
    void appliesAndAnnouncesWithOrigin();
    void refusesBeforeWriting_data();
    void refusesBeforeWriting();
    void unreadableDatabaseIsReadOnly();
    void trashKeepsRowsAcrossReopen();
    void restoreBringsBackTrashedFolders_data();
    void restoreBringsBackTrashedFolders();
    void emptyTrashDeletesForGood();

private:
    QString path() const { return m_dir->filePath(QStringLiteral("conclave.sqlite")); }
    std::unique_ptr<QTemporaryDir> m_dir;
    Folder m_parent;
    Folder m_child;
    Connection m_inChild;
};

void TestConnectionRepository::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_parent = makeFolder(QStringLiteral("Parent"));
    m_child = makeFolder(QStringLiteral("Child"), m_parent.id);
    m_inChild = makeConnection(QStringLiteral("Cache"), m_child.id);
    auto store = ConnectionStore::open(path());
    QVERIFY(store.ok());
    QVERIFY((*store)->saveAll({m_parent, m_child}, {m_inChild}).ok());
}

void TestConnectionRepository::appliesAndAnnouncesWithOrigin_data()
{
    QTest::addColumn<int>("origin");
    QTest::newRow("local") << int(ChangeOrigin::Local);
    QTest::newRow("remote") << int(ChangeOrigin::Remote);
}

void TestConnectionRepository::appliesAndAnnouncesWithOrigin()
{
    QFETCH(int, origin);
    auto repository = ConnectionRepository::open(path());
    QVERIFY(!repository->isReadOnly());
    QCOMPARE(repository->connectionCount(), 1);
    QSignalSpy changed(repository.get(), &ConnectionRepository::changed);

    // Delete a folder with everything in it, and add a connection elsewhere, in one change.
    ChangeSet change;
    change.origin = ChangeOrigin(origin);
    const Connection added = makeConnection(QStringLiteral("New"));
    change.upsertConnections.append(added);
    change.removeConnections.append(m_inChild.id);
    change.removeFolders = {m_child.id, m_parent.id};
    QVERIFY(repository->apply(change).ok());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(int(changed.at(0).at(0).value<ChangeSet>().origin), origin);
    QCOMPARE(repository->folderCount(), 0);
    QCOMPARE(repository->connectionCount(), 1);

    auto reopened = ConnectionStore::open(path());
    QVERIFY(reopened.ok());
    QCOMPARE((*reopened)->folders()->size(), 0);
    QCOMPARE((*reopened)->connections()->size(), 1);
    QCOMPARE((*reopened)->connections()->first().id, added.id);
}

void TestConnectionRepository::trashKeepsRowsAcrossReopen()
{
    {
        auto repository = ConnectionRepository::open(path());
        QSignalSpy trashChanged(repository.get(), &ConnectionRepository::trashChanged);
        ChangeSet change;
        change.removeConnections.append(m_inChild.id);
        change.removeFolders = {m_child.id};
        change.removeToTrash = true;
        QVERIFY(repository->apply(change).ok());
        QCOMPARE(trashChanged.size(), 1);
        QCOMPARE(repository->folderCount(), 1);
        QCOMPARE(repository->connectionCount(), 0);
        QCOMPARE(repository->trashCount(), 2);
        // One entry: the folder stands for the connection deleted with it.
        const QList<TrashedItem> entries = repository->trashEntries();
        QCOMPARE(entries.size(), 1);
        QVERIFY(entries.first().isFolder);
        QCOMPARE(entries.first().folder, m_child);
    }
    auto reopened = ConnectionRepository::open(path());
    QCOMPARE(reopened->connectionCount(), 0);
    QCOMPARE(reopened->trashCount(), 2);
    const TrashedItem connection = reopened->trashMap().value(m_inChild.id);
    QVERIFY(!connection.isFolder);
    QCOMPARE(connection.connection, m_inChild); // every column, as it was
    QVERIFY(connection.deletedAt.isValid());
    QCOMPARE(connection.deletedAt, reopened->trashMap().value(m_child.id).deletedAt);
}

void TestConnectionRepository::restoreBringsBackTrashedFolders_data()
{
    QTest::addColumn<QString>("parentState"); // of the folder the restored connection was in
    QTest::newRow("folder live") << QStringLiteral("live");
    QTest::newRow("folder in the Trash") << QStringLiteral("trashed");
    QTest::newRow("folder gone for good") << QStringLiteral("gone");
}

void TestConnectionRepository::restoreBringsBackTrashedFolders()
{
    QFETCH(QString, parentState);
    auto repository = ConnectionRepository::open(path());
    ChangeSet deleteConnection;
    deleteConnection.removeConnections.append(m_inChild.id);
    deleteConnection.removeToTrash = true;
    deleteConnection.trashedAt = QDateTime::currentDateTimeUtc().addSecs(-60);
    QVERIFY(repository->apply(deleteConnection).ok());
    if (parentState != QLatin1String("live")) {
        ChangeSet deleteFolder;
        deleteFolder.removeFolders.append(m_child.id);
        deleteFolder.removeToTrash = parentState == QLatin1String("trashed");
        QVERIFY(repository->apply(deleteFolder).ok());
    }
    const ChangeSet restore = repository->restoreChange({m_inChild.id});
    QVERIFY(repository->apply(restore).ok());
    QVERIFY(repository->hasConnection(m_inChild.id));
    QVERIFY(!repository->trashMap().contains(m_inChild.id));
    const QUuid expectedFolder = parentState == QLatin1String("gone") ? QUuid() : m_child.id;
    QCOMPARE(repository->connection(m_inChild.id)->folderId, expectedFolder);
    QCOMPARE(repository->hasFolder(m_child.id), parentState != QLatin1String("gone"));
    QCOMPARE(repository->trashCount(), 0);
    auto reopened = ConnectionStore::open(path());
    QCOMPARE((*reopened)->connection(m_inChild.id)->folderId, expectedFolder);
    QCOMPARE((*reopened)->trash()->size(), 0);
}

void TestConnectionRepository::emptyTrashDeletesForGood()
{
    auto repository = ConnectionRepository::open(path());
    ChangeSet change;
    change.removeConnections.append(m_inChild.id);
    change.removeFolders = {m_child.id, m_parent.id};
    change.removeToTrash = true;
    QVERIFY(repository->apply(change).ok());
    QCOMPARE(repository->trashCount(), 3);
    QVERIFY(repository->apply(repository->emptyTrashChange()).ok());
    QCOMPARE(repository->trashCount(), 0);
    QVERIFY(repository->restoreChange({m_inChild.id}).isEmpty());
    auto reopened = ConnectionRepository::open(path());
    QCOMPARE(reopened->trashCount(), 0);
    QCOMPARE(reopened->folderCount() + reopened->connectionCount(), 0);
}

void TestConnectionRepository::refusesBeforeWriting_data()
{
    QTest::addColumn<QString>("what");
    QTest::newRow("folder into itself") << QStringLiteral("cycle");
    QTest::newRow("target folder gone") << QStringLiteral("missing");
    QTest::newRow("folder still holds a connection") << QStringLiteral("holds-connection");
    QTest::newRow("folder still holds a folder") << QStringLiteral("holds-folder");
    QTest::newRow("invalid connection") << QStringLiteral("invalid");
}

void TestConnectionRepository::refusesBeforeWriting()
{
    QFETCH(QString, what);
    auto repository = ConnectionRepository::open(path());
    ChangeSet change;
    change.upsertConnections.append(makeConnection(QStringLiteral("Added with the refused part")));
    if (what == QLatin1String("cycle")) {
        Folder looped = m_parent;
        looped.parentId = m_child.id;
        change.upsertFolders.append(looped);
    } else if (what == QLatin1String("missing")) {
        change.upsertConnections.append(makeConnection(QStringLiteral("Lost"), QUuid::createUuid()));
    } else if (what == QLatin1String("holds-connection")) {
        change.removeFolders.append(m_child.id);
    } else if (what == QLatin1String("holds-folder")) {
        change.removeConnections.append(m_inChild.id);
        change.removeFolders.append(m_parent.id);
    } else {
        Connection invalid = makeConnection(QString());
        invalid.hosts.clear();
        change.upsertConnections.append(invalid);
    }
    QSignalSpy changed(repository.get(), &ConnectionRepository::changed);
    QSignalSpy refused(repository.get(), &ConnectionRepository::changeRefused);
    const Status status = repository->apply(change);
    QVERIFY(!status.ok());
    QVERIFY(!status.error().message.isEmpty());
    QCOMPARE(refused.size(), 1);
    QCOMPARE(refused.at(0).at(0).toString(), status.error().message);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(repository->folderCount(), 2);
    QCOMPARE(repository->connectionCount(), 1);
    QCOMPARE(repository->folder(m_parent.id)->parentId, QUuid());
    auto reopened = ConnectionStore::open(path());
    QVERIFY(reopened.ok());
    QCOMPARE((*reopened)->folders()->size(), 2);
    QCOMPARE((*reopened)->connections()->size(), 1);
}

void TestConnectionRepository::unreadableDatabaseIsReadOnly()
{
    {
        QFile file(path());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QByteArray(4096, 'x'));
    }
    auto repository = ConnectionRepository::open(path());
    QVERIFY(repository->isReadOnly());
    QVERIFY(!repository->openStatus().ok());
    QCOMPARE(repository->openStatus().error().code, ErrorCode::Corrupt);
    QCOMPARE(repository->path(), path());
    QCOMPARE(repository->connectionCount(), 0);
    QSignalSpy refused(repository.get(), &ConnectionRepository::changeRefused);
    ChangeSet change;
    change.upsertConnections.append(makeConnection(QStringLiteral("New")));
    const Status status = repository->apply(change);
    QVERIFY(!status.ok());
    QCOMPARE(status.error().code, ErrorCode::Denied);
    QCOMPARE(refused.size(), 1);
}

QTEST_GUILESS_MAIN(TestConnectionRepository)
#include "TestConnectionRepository.moc"
