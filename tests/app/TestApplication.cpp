// Tests the composition root as main() uses it: it builds the repository over the default
// database, the secret store (memory here, CONCLAVE_KEYCHAIN=memory), settings and launcher,
// shows the window over exactly those at once, while the keychain probe answers, and changes
// made in the window reach the database.
#include "app/Application.h"
#include "core/keychain/SecretStore.h"
#include "core/storage/ConnectionRepository.h"
#include "core/storage/ConnectionStore.h"
#include "ui/ConnectionTreeModel.h"
#include "ui/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QStandardPaths>
#include <QTest>

using namespace Conclave;

class TestApplication : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void buildsAndOwnsTheParts();
};

void TestApplication::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qputenv("CONCLAVE_KEYCHAIN", "memory");
}

void TestApplication::buildsAndOwnsTheParts()
{
    auto* app = qobject_cast<QApplication*>(QCoreApplication::instance());
    QVERIFY(app);
    {
        Gui::Application root(*app, true);
        QVERIFY(!root.window()); // nothing is built before start()
        root.start();
        QVERIFY(root.repository());
        // The window is there at once; the keychain's answer comes while it is up.
        QVERIFY(root.window());
        QVERIFY(root.secrets());
        QTRY_VERIFY_WITH_TIMEOUT(!root.window()->isWaitingForKeychain(), 5000);
        QVERIFY(!root.secrets()->isPersistent());
        QVERIFY(root.window()->bannerTexts().join(u' ').contains(QStringLiteral("memory")));
        QVERIFY(root.window()->isVisible());
        QCOMPARE(root.window()->model()->repository(), root.repository());
        QCOMPARE(root.repository()->path(), Core::ConnectionStore::defaultPath());
        QVERIFY(!root.repository()->isReadOnly());
        const int before = root.repository()->folderCount();
        root.window()->findChild<QAction*>(QStringLiteral("actionNewFolder"))->trigger();
        QCOMPARE(root.repository()->folderCount(), before + 1);
    }
    auto store = Core::ConnectionStore::open(Core::ConnectionStore::defaultPath());
    QVERIFY(store.ok());
    QVERIFY(!(*store)->folders()->isEmpty());
    QFile::remove(Core::ConnectionStore::defaultPath());
}

QTEST_MAIN(TestApplication)
#include "TestApplication.moc"
