// Tests the Trash over the real keychain (gnome-keyring in a private D-Bus session, see
// tests/keychain/with-keyring.sh) and a real SQLite store: a deleted connection's password
// stays in the keyring when the app quits with the connection in the Trash (window, undo
// history and repository destroyed, then built again over the same file), Restore in the
// Trash dialog brings the connection back where it was with its password, and emptying the
// Trash, after its question, removes the password from the keyring.
#include "core/keychain/KeychainSecretStore.h"
#include "core/storage/ConnectionRepository.h"
#include "core/storage/ConnectionStore.h"
#include "ui/ConnectionTreeModel.h"
#include "ui/MainWindow.h"
#include "ui/TrashDialog.h"

#include <QAction>
#include <QApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

#include <memory>
#include <optional>

using namespace Conclave::Core;
using namespace Conclave::Gui;

namespace {

template<typename T> T* activeModal()
{
    return qobject_cast<T*>(QApplication::activeModalWidget());
}

std::optional<Result<SecureBytes>> readPassword(SecretStore& store, const QUuid& id)
{
    std::optional<Result<SecureBytes>> out;
    QObject context;
    store.read(id, SecretKind::Password, &context,
               [&](Result<SecureBytes> value) { out.emplace(std::move(value)); });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 20000))
        return std::nullopt;
    return out;
}

} // namespace

class TestTrashDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void passwordSurvivesQuitUntilTrashIsEmptied();

private:
    std::unique_ptr<MainWindow> makeWindow(SecretStore* secrets);
    QString storePath() const { return m_dir->filePath(QStringLiteral("conclave.sqlite")); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestTrashDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const QString config = m_dir->filePath(QStringLiteral("config"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, config);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, config);
}

std::unique_ptr<MainWindow> TestTrashDialog::makeWindow(SecretStore* secrets)
{
    auto repository = ConnectionRepository::open(storePath());
    MainWindow::Services services;
    services.repository = repository.get();
    services.secrets = secrets;
    auto window = std::make_unique<MainWindow>(services);
    repository.release()->setParent(window.get());
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    return window;
}

void TestTrashDialog::passwordSurvivesQuitUntilTrashIsEmptied()
{
    const QString service = QStringLiteral("Conclave trash test %1").arg(QUuid::createUuid().toString());
    const Folder folder{QUuid::createUuid(), {}, QStringLiteral("Finance"), 0};
    Connection c;
    c.id = QUuid::createUuid();
    c.folderId = folder.id;
    c.name = QStringLiteral("Ledger");
    c.kind = ConnectionKind::PostgreSQL;
    c.hosts = {HostPort{QStringLiteral("ledger.example.com"), 5432}};
    c.username = QStringLiteral("books");
    QVERIFY(ConnectionStore::open(storePath()).value()->saveAll({folder}, {c}).ok());

    {
        // First run: save the password through the window, delete the connection, quit.
        KeychainSecretStore keychain(service);
        auto window = makeWindow(&keychain);
        QVERIFY(window);
        MainWindow::SecretWrite write{SecretKind::Password,
                                      SecureBytes::fromView(QByteArrayView("ledger-pw")), false};
        std::vector<MainWindow::SecretWrite> writes;
        writes.push_back(std::move(write));
        window->writeSecrets(c.id, std::move(writes));
        QTRY_COMPARE_WITH_TIMEOUT(window->pendingSecretOperations(), 0, 20000);
        window->selectConnection(c.id);
        window->tree()->setFocus();
        QTest::keyClick(window->tree(), Qt::Key_Delete);
        QVERIFY(!window->model()->hasConnection(c.id));
        window->close();
        QTRY_COMPARE_WITH_TIMEOUT(window->pendingSecretOperations(), 0, 20000);
    }

    // Second run, a new store object over the same keyring: the password is still there.
    KeychainSecretStore keychain(service);
    {
        const auto kept = readPassword(keychain, c.id);
        QVERIFY(kept && kept->ok());
        QCOMPARE(kept->value().view().toByteArray(), QByteArray("ledger-pw"));
    }
    auto window = makeWindow(&keychain);
    QVERIFY(window);
    window->findChild<QAction*>(QStringLiteral("actionTrash"))->trigger();
    TrashDialog* trash = nullptr;
    QTRY_VERIFY((trash = activeModal<TrashDialog>()));
    auto* list = trash->findChild<QTreeWidget*>(QStringLiteral("trashList"));
    QCOMPARE(list->topLevelItemCount(), 1);
    QCOMPARE(list->topLevelItem(0)->text(1), QStringLiteral("Finance"));
    list->setCurrentItem(list->topLevelItem(0));
    QTest::mouseClick(trash->findChild<QPushButton*>(QStringLiteral("restoreButton")), Qt::LeftButton);
    QTRY_VERIFY(window->model()->hasConnection(c.id));
    QCOMPARE(window->model()->connection(c.id)->folderId, folder.id);
    {
        const auto restored = readPassword(keychain, c.id);
        QVERIFY(restored && restored->ok());
        QCOMPARE(restored->value().view().toByteArray(), QByteArray("ledger-pw"));
    }

    // Delete again and empty the Trash: now the password leaves the keyring.
    trash->reject();
    QTRY_VERIFY(!QApplication::activeModalWidget());
    window->selectConnection(c.id);
    window->findChild<QAction*>(QStringLiteral("actionDelete"))->trigger();
    QVERIFY(!window->model()->hasConnection(c.id));
    window->findChild<QAction*>(QStringLiteral("actionTrash"))->trigger();
    QTRY_VERIFY((trash = activeModal<TrashDialog>()));
    QTest::mouseClick(trash->findChild<QPushButton*>(QStringLiteral("emptyButton")), Qt::LeftButton);
    QMessageBox* question = nullptr;
    QTRY_VERIFY((question = activeModal<QMessageBox>()));
    QVERIFY2(question->text().contains(QStringLiteral("1 connection")), qPrintable(question->text()));
    QTest::mouseClick(question->findChild<QPushButton*>(QStringLiteral("confirmEmpty")), Qt::LeftButton);
    QTRY_COMPARE(window->model()->repository()->trashCount(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(window->pendingSecretOperations(), 0, 20000);
    const auto gone = readPassword(keychain, c.id);
    QVERIFY(gone && !gone->ok());
    QCOMPARE(gone->error().code, ErrorCode::NotFound);
}

QTEST_MAIN(TestTrashDialog)
#include "TestTrashDialog.moc"
