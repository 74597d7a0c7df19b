// Tests that the German UI fits: every dialog (and the main window) is shown in German at
// its initial size, and no label, button, check box, group box title or tab is narrower
// than its text needs, nor is any dialog wider than a 1280-pixel screen. German runs about
// a third longer than English, so this is where truncated text shows first.
// CONCLAVE_SHOTS_DIR=<dir> also saves each dialog as a PNG for a look by eye.
#include "core/keychain/MemorySecretStore.h"
#include "core/model/Connection.h"
#include "core/storage/ConnectionRepository.h"
#include "translations/LanguageSetting.h"
#include "translations/Translations.h"
#include "ui/AccountDialog.h"
#include "ui/ConnectionCheckDialog.h"
#include "ui/ConnectionEditorDialog.h"
#include "ui/ImportDialog.h"
#include "ui/MainWindow.h"
#include "ui/MoveToDialog.h"
#include "ui/PasswordPromptDialog.h"
#include "ui/SettingsDialog.h"
#include "ui/SignInDialog.h"
#include "ui/TrashDialog.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QGroupBox>
#include <QLabel>
#include <QSettings>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleOptionGroupBox>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

using namespace Conclave;
using namespace Conclave::Gui;

class TestGermanLayout : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void textFits_data();
    void textFits();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    Core::MemorySecretStore m_secrets;
    std::unique_ptr<Core::ConnectionRepository> m_repository;
};

namespace {

// The main window's repository, opened once for the whole run (the factories cannot own it:
// the window must be destroyed before what it shows).
Core::ConnectionRepository* s_repository = nullptr;

using Factory = std::function<std::unique_ptr<QWidget>(Core::SecretStore*, const QString& dir)>;

Core::Connection sampleConnection()
{
    Core::Connection c;
    c.id = QUuid::createUuid();
    c.name = QStringLiteral("Lager");
    c.kind = Core::ConnectionKind::PostgreSQL;
    c.hosts = {{QStringLiteral("lager.example.com"), 5432}};
    c.username = QStringLiteral("verwaltung");
    return c;
}

// Text a widget shows in one line, and the width that text needs; empty when the widget
// wraps or elides on purpose.
QStringList truncations(QWidget* root)
{
    QStringList problems;
    const auto describe = [](QWidget* w, const QString& text, int need, int have) {
        return QStringLiteral("%1 \"%2\": needs %3 px, has %4")
            .arg(QString::fromLatin1(w->metaObject()->className()), text)
            .arg(need)
            .arg(have);
    };
    for (QLabel* label : root->findChildren<QLabel*>()) {
        if (!label->isVisibleTo(root) || label->wordWrap() || label->text().isEmpty() ||
            label->textFormat() == Qt::RichText || label->pixmap().cacheKey() != 0)
            continue;
        const int need = label->fontMetrics().horizontalAdvance(label->text().remove(QLatin1Char('&'))) +
                         2 * label->margin() + 2 * label->frameWidth();
        if (label->width() < need)
            problems.append(describe(label, label->text(), need, label->width()));
    }
    for (QAbstractButton* button : root->findChildren<QAbstractButton*>()) {
        if (!button->isVisibleTo(root) || button->text().isEmpty())
            continue;
        if (button->width() < button->sizeHint().width())
            problems.append(describe(button, button->text(), button->sizeHint().width(), button->width()));
    }
    for (QGroupBox* box : root->findChildren<QGroupBox*>()) {
        if (!box->isVisibleTo(root) || box->title().isEmpty())
            continue;
        const int need = box->fontMetrics().horizontalAdvance(box->title().remove(QLatin1Char('&'))) + 16;
        if (box->width() < need)
            problems.append(describe(box, box->title(), need, box->width()));
    }
    for (QTabBar* bar : root->findChildren<QTabBar*>()) {
        if (!bar->isVisibleTo(root))
            continue;
        for (int i = 0; i < bar->count(); ++i) {
            const int need = bar->fontMetrics().horizontalAdvance(bar->tabText(i).remove(QLatin1Char('&')));
            // A bar too narrow for its tabs scrolls them instead of shrinking them.
            const QRect tab = bar->tabRect(i);
            const int visible = tab.intersected(bar->rect()).width();
            if (tab.width() < need || visible < tab.width())
                problems.append(describe(bar, bar->tabText(i), qMax(need, tab.width()), visible));
        }
    }
    return problems;
}

} // namespace

void TestGermanLayout::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const QString config = m_dir->filePath(QStringLiteral("config"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, config);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, config);
    // The override, as the Settings dialog stores it, whatever the machine's language.
    LanguageSetting::store(QStringLiteral("de"));
    QCOMPARE(Translations::install(qApp, LanguageSetting::locale()), QStringLiteral("de"));
    m_repository = Core::ConnectionRepository::open(m_dir->filePath(QStringLiteral("store.sqlite")));
    QVERIFY(m_repository);
    s_repository = m_repository.get();
}

void TestGermanLayout::cleanupTestCase()
{
    s_repository = nullptr;
    m_repository.reset();
    m_dir.reset();
}

void TestGermanLayout::textFits_data()
{
    QTest::addColumn<Factory>("factory");
    QTest::addColumn<int>("tab"); // -1: no tabs

    QTest::newRow("main window") << Factory([](Core::SecretStore* secrets, const QString&) {
        MainWindow::Services services;
        services.repository = s_repository;
        services.secrets = secrets;
        auto window = std::make_unique<MainWindow>(services);
        window->resize(1060, 640);
        return window;
    }) << -1;
    QTest::newRow("settings") << Factory([](Core::SecretStore*, const QString&) {
        return std::make_unique<SettingsDialog>(Core::LauncherSettings());
    }) << -1;
    QTest::newRow("import") << Factory([](Core::SecretStore*, const QString&) {
        return std::make_unique<ImportDialog>(QUuid(), QStringLiteral("Produktion"));
    }) << -1;
    QTest::newRow("test connection") << Factory([](Core::SecretStore* secrets, const QString&) {
        return std::make_unique<ConnectionCheckDialog>(sampleConnection(), secrets);
    }) << -1;
    QTest::newRow("trash") << Factory([](Core::SecretStore*, const QString&) {
        auto dialog = std::make_unique<TrashDialog>(s_repository);
        dialog->setSecretsPersistent(false); // the longer words
        return dialog;
    }) << -1;
    QTest::newRow("move to") << Factory([](Core::SecretStore*, const QString&) {
        return std::make_unique<MoveToDialog>(s_repository->folders(), QSet<QUuid>(), QUuid(), 3);
    }) << -1;
    QTest::newRow("password prompt") << Factory([](Core::SecretStore*, const QString&) {
        return std::make_unique<PasswordPromptDialog>(QStringLiteral("Lager"), QStringLiteral("verwaltung"));
    }) << -1;
    // Team Sharing: the sign-in dialog's three pages, the account dialog, the settings' server.
    for (auto page : {SignInDialog::Page::SignIn, SignInDialog::Page::SignUp, SignInDialog::Page::Verify}) {
        QTest::newRow(qPrintable(QStringLiteral("sign in, page %1").arg(int(page))))
            << Factory([page](Core::SecretStore*, const QString&) {
                   static const Core::EffectiveSettings settings;
                   auto dialog =
                       std::make_unique<SignInDialog>(nullptr, settings, SignInDialog::SwitchServer());
                   dialog->showPage(page);
                   return dialog;
               })
            << -1;
    }
    QTest::newRow("account") << Factory([](Core::SecretStore*, const QString&) {
        static const Core::EffectiveSettings settings;
        return std::make_unique<AccountDialog>(nullptr, settings);
    }) << -1;
    QTest::newRow("settings with the sharing server") << Factory([](Core::SecretStore*, const QString&) {
        auto dialog = std::make_unique<SettingsDialog>(Core::LauncherSettings());
        dialog->showSharingServer(Core::EffectiveSettings());
        return dialog;
    }) << -1;
    for (int tab = 0; tab < 6; ++tab) {
        QTest::newRow(qPrintable(QStringLiteral("connection editor, tab %1").arg(tab)))
            << Factory([](Core::SecretStore*, const QString&) {
                   return std::make_unique<ConnectionEditorDialog>(sampleConnection(), true);
               })
            << tab;
    }
    // A shared connection: the own credentials labelled as such; the View role read-only.
    for (const bool readOnly : {false, true}) {
        for (int tab = 0; tab < 5; ++tab) {
            QTest::newRow(qPrintable(QStringLiteral("shared connection editor%1, tab %2")
                                         .arg(readOnly ? QStringLiteral(" (view)") : QString())
                                         .arg(tab)))
                << Factory([readOnly](Core::SecretStore*, const QString&) {
                       Core::Connection shared = sampleConnection();
                       shared.username.clear();
                       shared.ssh.enabled = true;
                       shared.ssh.host = QStringLiteral("sprung.example.com");
                       auto editor = std::make_unique<ConnectionEditorDialog>(shared, false);
                       editor->setSharedMode({QUuid::createUuid(), QStringLiteral("verwaltung"),
                                              QStringLiteral("tunnel"), readOnly});
                       return editor;
                   })
                << tab;
        }
    }
}

void TestGermanLayout::textFits()
{
    QFETCH(Factory, factory);
    QFETCH(int, tab);
    std::unique_ptr<QWidget> widget = factory(&m_secrets, m_dir->path());
    if (tab >= 0) {
        auto* editor = qobject_cast<ConnectionEditorDialog*>(widget.get());
        QVERIFY(editor);
        if (tab >= editor->tabs()->count())
            QSKIP("the editor has fewer tabs");
        editor->tabs()->setCurrentIndex(tab);
    }
    widget->show();
    QVERIFY(QTest::qWaitForWindowExposed(widget.get()));
    QVERIFY2(widget->width() <= 1280, qPrintable(QString::number(widget->width())));

    if (const QString shots = qEnvironmentVariable("CONCLAVE_SHOTS_DIR"); !shots.isEmpty()) {
        QString name = QString::fromLatin1(QTest::currentDataTag());
        name.replace(QLatin1String(", "), QLatin1String("-")).replace(QLatin1Char(' '), QLatin1Char('-'));
        widget->grab().save(QDir(shots).filePath(name + QStringLiteral(".png")));
    }
    const QStringList problems = truncations(widget.get());
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1String("\n"))));
}

QTEST_MAIN(TestGermanLayout)
#include "TestGermanLayout.moc"
