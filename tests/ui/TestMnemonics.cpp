// Tests that no two mnemonics (the underlined Alt+letter of a label, button, group box, tab
// or menu) clash where they can be pressed together, in English and in German: in each
// dialog, in each tab of the connection editor together with what stays visible around the
// tabs, in the main window's menu bar, in each of its menus and in the tree's context menu.
// A clash makes Alt+letter cycle between the two instead of acting, and translations bring
// them in easily ("DNS-&SRV" next to "&Schlagwörter" once did).
#include "core/keychain/MemorySecretStore.h"
#include "core/storage/ConnectionRepository.h"
#include "translations/LanguageSetting.h"
#include "translations/Translations.h"
#include "ui/ConnectionCheckDialog.h"
#include "ui/ConnectionEditorDialog.h"
#include "ui/ConnectionFilterProxyModel.h"
#include "ui/ConnectionTreeModel.h"
#include "ui/ImportDialog.h"
#include "ui/MainWindow.h"
#include "ui/MembersDialog.h"
#include "ui/MoveToDialog.h"
#include "ui/PasswordPromptDialog.h"
#include "ui/SettingsDialog.h"
#include "ui/ShareFolderDialog.h"
#include "ui/SignInDialog.h"
#include "ui/TeamSharingController.h"
#include "ui/TrashDialog.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QGroupBox>
#include <QHash>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <functional>
#include <memory>

using namespace Conclave;
using namespace Conclave::Gui;

namespace {

using Factory = std::function<std::unique_ptr<QWidget>(Core::ConnectionRepository*, Core::SecretStore*)>;

// The mnemonic letter of a text ("&Save" -> 's'), or a null char; "&&" is a literal ampersand.
QChar mnemonic(const QString& text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return {};
}

// The tab page a widget lies on (null: outside any tab page, visible with every tab).
QWidget* pageOf(QWidget* widget, QWidget* root)
{
    for (QWidget* w = widget; w && w != root; w = w->parentWidget()) {
        QWidget* parent = w->parentWidget();
        if (parent && qobject_cast<QStackedWidget*>(parent) &&
            qobject_cast<QTabWidget*>(parent->parentWidget()))
            return w;
    }
    return nullptr;
}

struct Entry
{
    QString text;
    QWidget* page;
};

// Every mnemonic shown in `root`, and where.
QHash<QChar, QList<Entry>> collect(QWidget* root)
{
    QHash<QChar, QList<Entry>> found;
    auto add = [&](QWidget* widget, const QString& text) {
        const QChar letter = mnemonic(text);
        if (letter.isNull())
            return;
        QWidget* page = pageOf(widget, root);
        if (!widget->isVisibleTo(page ? page : root) || (page && !page->parentWidget()->isVisibleTo(root)))
            return;
        found[letter].append({text, page});
    };
    for (QLabel* label : root->findChildren<QLabel*>()) {
        if (label->buddy())
            add(label, label->text());
    }
    for (QAbstractButton* button : root->findChildren<QAbstractButton*>())
        add(button, button->text());
    for (QGroupBox* box : root->findChildren<QGroupBox*>())
        add(box, box->title());
    for (QTabBar* bar : root->findChildren<QTabBar*>()) {
        for (int i = 0; i < bar->count(); ++i)
            add(bar, bar->tabText(i));
    }
    if (auto* window = qobject_cast<QMainWindow*>(root)) {
        for (QAction* action : window->menuBar()->actions())
            add(window->menuBar(), action->text());
    }
    return found;
}

// Pairs that can be pressed together: on the same page, or one of them outside every page.
QStringList clashes(const QHash<QChar, QList<Entry>>& found)
{
    QStringList problems;
    for (auto it = found.cbegin(); it != found.cend(); ++it) {
        const QList<Entry>& entries = it.value();
        for (qsizetype i = 0; i < entries.size(); ++i) {
            for (qsizetype j = i + 1; j < entries.size(); ++j) {
                const Entry& a = entries.at(i);
                const Entry& b = entries.at(j);
                if (a.page == b.page || !a.page || !b.page)
                    problems.append(
                        QStringLiteral("Alt+%1: \"%2\" and \"%3\"").arg(it.key(), a.text, b.text));
            }
        }
    }
    return problems;
}

QStringList menuClashes(const QMenu* menu)
{
    QHash<QChar, QStringList> seen;
    for (QAction* action : menu->actions()) {
        if (const QChar letter = mnemonic(action->text()); !letter.isNull() && action->isVisible())
            seen[letter].append(action->text());
    }
    QStringList problems;
    for (auto it = seen.cbegin(); it != seen.cend(); ++it) {
        if (it.value().size() > 1)
            problems.append(
                QStringLiteral("%1, Alt+%2: %3").arg(menu->title(), it.key(), it.value().join(u'|')));
    }
    return problems;
}

Core::Connection sampleConnection()
{
    Core::Connection c;
    c.id = QUuid::createUuid();
    c.name = QStringLiteral("Stock");
    c.kind = Core::ConnectionKind::MongoDB;
    c.hosts = {{QStringLiteral("stock.example.com"), 27017}};
    c.username = QStringLiteral("admin");
    c.tls.hasClientCertificate = true;
    c.ssh.enabled = true;
    c.ssh.host = QStringLiteral("gw.example.com");
    return c;
}

} // namespace

class TestMnemonics : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void noClash_data();
    void noClash();
    // The Team Sharing menu (added to the window by its controller), in German, with every
    // entry shown that any user may see (the admin entries included).
    void teamSharingMenu();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    Core::MemorySecretStore m_secrets;
    std::unique_ptr<Core::ConnectionRepository> m_repository;
    bool m_german = false;
    QUuid m_folderId;
    QUuid m_connectionId;
};

void TestMnemonics::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const QString config = m_dir->filePath(QStringLiteral("config"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, config);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, config);
    m_repository = Core::ConnectionRepository::open(m_dir->filePath(QStringLiteral("store.sqlite")));
    QVERIFY(m_repository);
    Core::ChangeSet change;
    change.upsertFolders.append({QUuid::createUuid(), {}, QStringLiteral("Ops"), 0});
    Core::Connection c = sampleConnection();
    c.folderId = change.upsertFolders.first().id;
    change.upsertConnections.append(c);
    QVERIFY(m_repository->apply(change).ok());
    m_folderId = c.folderId;
    m_connectionId = c.id;
}

void TestMnemonics::noClash_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<Factory>("factory");
    QTest::addColumn<int>("tab"); // of the connection editor; -1: no tabs

    QList<QPair<QString, Factory>> dialogs;
    dialogs.append(
        {QStringLiteral("main window"),
         [](Core::ConnectionRepository* repository, Core::SecretStore* secrets) -> std::unique_ptr<QWidget> {
             MainWindow::Services services;
             services.repository = repository;
             services.secrets = secrets;
             return std::make_unique<MainWindow>(services);
         }});
    dialogs.append({QStringLiteral("settings"), [](Core::ConnectionRepository*, Core::SecretStore*) {
                        return std::unique_ptr<QWidget>(new SettingsDialog(Core::LauncherSettings()));
                    }});
    dialogs.append(
        {QStringLiteral("settings with Team Sharing"), [](Core::ConnectionRepository*, Core::SecretStore*) {
             auto dialog = std::make_unique<SettingsDialog>(Core::LauncherSettings());
             dialog->showSharingServer(Core::EffectiveSettings());
             return std::unique_ptr<QWidget>(std::move(dialog));
         }});
    dialogs.append({QStringLiteral("import"), [](Core::ConnectionRepository*, Core::SecretStore*) {
                        return std::unique_ptr<QWidget>(new ImportDialog(QUuid(), QStringLiteral("Ops")));
                    }});
    dialogs.append(
        {QStringLiteral("test connection"), [](Core::ConnectionRepository*, Core::SecretStore* secrets) {
             return std::unique_ptr<QWidget>(new ConnectionCheckDialog(sampleConnection(), secrets));
         }});
    dialogs.append({QStringLiteral("trash"), [](Core::ConnectionRepository* repository, Core::SecretStore*) {
                        return std::unique_ptr<QWidget>(new TrashDialog(repository));
                    }});
    dialogs.append(
        {QStringLiteral("move to"), [](Core::ConnectionRepository* repository, Core::SecretStore*) {
             return std::unique_ptr<QWidget>(new MoveToDialog(repository->folders(), {}, {}, 2));
         }});
    dialogs.append({QStringLiteral("password prompt"), [](Core::ConnectionRepository*, Core::SecretStore*) {
                        return std::unique_ptr<QWidget>(
                            new PasswordPromptDialog(QStringLiteral("Stock"), QStringLiteral("admin")));
                    }});
    // Team Sharing's dialogs, as they open before anything is read.
    dialogs.append({QStringLiteral("sign in"), [](Core::ConnectionRepository*, Core::SecretStore*) {
                        return std::unique_ptr<QWidget>(
                            new SignInDialog(nullptr, Core::EffectiveSettings(), {}));
                    }});
    dialogs.append({QStringLiteral("share folder"), [](Core::ConnectionRepository*, Core::SecretStore*) {
                        return std::unique_ptr<QWidget>(new ShareFolderDialog(nullptr, nullptr, QUuid()));
                    }});
    dialogs.append({QStringLiteral("members"), [](Core::ConnectionRepository*, Core::SecretStore*) {
                        return std::unique_ptr<QWidget>(new MembersDialog(nullptr, QUuid()));
                    }});
    for (const QString& language : {QStringLiteral("en"), QStringLiteral("de")}) {
        for (const auto& [name, factory] : std::as_const(dialogs))
            QTest::newRow(qPrintable(QStringLiteral("%1, %2").arg(language, name)))
                << language << factory << -1;
        for (int tab = 0; tab < 6; ++tab) {
            QTest::newRow(qPrintable(QStringLiteral("%1, connection editor tab %2").arg(language).arg(tab)))
                << language << Factory([](Core::ConnectionRepository*, Core::SecretStore*) {
                       return std::unique_ptr<QWidget>(new ConnectionEditorDialog(sampleConnection(), false));
                   })
                << tab;
        }
    }
}

void TestMnemonics::noClash()
{
    QFETCH(QString, language);
    QFETCH(Factory, factory);
    QFETCH(int, tab);
    // The rows run in order: English first, then German from here on.
    if (language == QLatin1String("de") && !m_german) {
        LanguageSetting::store(QStringLiteral("de"));
        QCOMPARE(Translations::install(qApp, LanguageSetting::locale()), QStringLiteral("de"));
        m_german = true;
    }
    std::unique_ptr<QWidget> widget = factory(m_repository.get(), &m_secrets);
    if (auto* editor = qobject_cast<ConnectionEditorDialog*>(widget.get())) {
        if (tab >= editor->tabs()->count())
            QSKIP("the editor has fewer tabs");
        editor->tabs()->setCurrentIndex(tab);
    }
    widget->show();
    QVERIFY(QTest::qWaitForWindowExposed(widget.get()));
    QStringList problems = clashes(collect(widget.get()));
    if (auto* window = qobject_cast<MainWindow*>(widget.get())) {
        for (QAction* action : window->menuBar()->actions()) {
            if (action->menu())
                problems += menuClashes(action->menu());
        }
        // The tree's context menu over a connection and over a folder: the most it offers.
        for (const bool folder : {false, true}) {
            const QModelIndex index =
                window->proxy()->mapFromSource(folder ? window->model()->indexForFolder(m_folderId)
                                                      : window->model()->indexForConnection(m_connectionId));
            QVERIFY(index.isValid());
            window->tree()->scrollTo(index);
            emit window->tree()->customContextMenuRequested(window->tree()->visualRect(index).center());
            QMenu* menu = nullptr;
            QTRY_VERIFY((menu = window->findChild<QMenu*>(QStringLiteral("treeContextMenu"))));
            problems += menuClashes(menu);
            menu->close();
            delete menu;
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

QTEST_MAIN(TestMnemonics)
void TestMnemonics::teamSharingMenu()
{
    if (!m_german) {
        LanguageSetting::store(QStringLiteral("de"));
        QCOMPARE(Translations::install(qApp, LanguageSetting::locale()), QStringLiteral("de"));
        m_german = true;
    }
    QMainWindow window;
    const Core::EffectiveSettings settings;
    TeamSharingController controller(&window, nullptr, settings, nullptr, {}, m_dir->path());
    QMenu* menu = controller.menu();
    QVERIFY(menu);
    QVERIFY(menu->actions().size() >= 9);
    for (QAction* action : menu->actions())
        action->setVisible(true);
    const QStringList problems = menuClashes(menu);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

#include "TestMnemonics.moc"
