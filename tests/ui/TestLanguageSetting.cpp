// Tests LanguageSetting and the Settings dialog's language choice: the UI follows the system
// unless the settings hold a shipped language, the override reaches the translators, and the
// dialog stores the choice on OK only.
#include "translations/LanguageSetting.h"
#include "translations/Translations.h"
#include "ui/LanguageComboBox.h"
#include "ui/SettingsDialog.h"

#include <QApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <memory>

using namespace Conclave;
using namespace Conclave::Gui;

class TestLanguageSetting : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void followsTheSystemByDefault();
    void storedValue_data();
    void storedValue();
    void overrideReachesTheTranslators();
    void choicesNameEachLanguageInItself();
    void dialogStoresTheChoiceOnOk_data();
    void dialogStoresTheChoiceOnOk();

private:
    void removeTranslators();

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestLanguageSetting::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestLanguageSetting::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const QString config = m_dir->filePath(QStringLiteral("config"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, config);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, config);
    QSettings().clear();
}

void TestLanguageSetting::cleanup()
{
    removeTranslators();
    m_dir.reset();
}

void TestLanguageSetting::removeTranslators()
{
    for (QTranslator* translator : qApp->findChildren<QTranslator*>()) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

void TestLanguageSetting::followsTheSystemByDefault()
{
    QCOMPARE(LanguageSetting::stored(), QString());
    QCOMPARE(LanguageSetting::locale(), QLocale::system());
}

// What the settings file holds -> the override it means. Codes Conclave does not ship (an
// old or hand-edited file) mean no override, so the UI does not fall back to English.
void TestLanguageSetting::storedValue_data()
{
    QTest::addColumn<QString>("inFile");
    QTest::addColumn<QString>("expected");
    QTest::newRow("german") << QStringLiteral("de") << QStringLiteral("de");
    QTest::newRow("english") << QStringLiteral("en") << QStringLiteral("en");
    QTest::newRow("not shipped") << QStringLiteral("fr") << QString();
    QTest::newRow("garbage") << QStringLiteral("../../etc") << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestLanguageSetting::storedValue()
{
    QFETCH(QString, inFile);
    QFETCH(QString, expected);
    QSettings().setValue(QStringLiteral("ui/language"), inFile);
    QCOMPARE(LanguageSetting::stored(), expected);
    QCOMPARE(LanguageSetting::locale(), expected.isEmpty() ? QLocale::system() : QLocale(expected));

    // store() keeps only shipped codes and removes the key for "follow the system".
    LanguageSetting::store(inFile);
    QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), expected);
    QCOMPARE(QSettings().contains(QStringLiteral("ui/language")), !expected.isEmpty());
}

void TestLanguageSetting::overrideReachesTheTranslators()
{
    LanguageSetting::store(QStringLiteral("de"));
    QCOMPARE(Translations::install(qApp, LanguageSetting::locale()), QStringLiteral("de"));
    QCOMPARE(QCoreApplication::translate("Conclave::Gui::SettingsDialog", "Settings"),
             QStringLiteral("Einstellungen"));
    QCOMPARE(QCoreApplication::translate("Conclave::Gui::LanguageSetting", "System default"),
             QStringLiteral("Systemstandard"));
    removeTranslators();

    LanguageSetting::store(QStringLiteral("en"));
    QCOMPARE(Translations::install(qApp, LanguageSetting::locale()), QStringLiteral("en"));
    QCOMPARE(QCoreApplication::translate("Conclave::Gui::SettingsDialog", "Settings"),
             QStringLiteral("Settings"));
}

void TestLanguageSetting::choicesNameEachLanguageInItself()
{
    const QList<LanguageSetting::Choice> choices = LanguageSetting::choices();
    QStringList codes;
    QStringList names;
    for (const LanguageSetting::Choice& choice : choices) {
        codes.append(choice.code);
        names.append(choice.name);
    }
    QCOMPARE(codes, (QStringList{QString(), QStringLiteral("en"), QStringLiteral("de")}));
    QCOMPARE(names.at(2), QStringLiteral("Deutsch"));
    QCOMPARE(names.at(1), QStringLiteral("English"));
}

void TestLanguageSetting::dialogStoresTheChoiceOnOk_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("chosen");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("after");
    QTest::newRow("system -> German, OK")
        << QString() << QStringLiteral("de") << true << QStringLiteral("de");
    QTest::newRow("system -> German, Cancel") << QString() << QStringLiteral("de") << false << QString();
    QTest::newRow("German -> system, OK") << QStringLiteral("de") << QString() << true << QString();
    QTest::newRow("German -> English, OK")
        << QStringLiteral("de") << QStringLiteral("en") << true << QStringLiteral("en");
}

void TestLanguageSetting::dialogStoresTheChoiceOnOk()
{
    QFETCH(QString, before);
    QFETCH(QString, chosen);
    QFETCH(bool, ok);
    QFETCH(QString, after);
    LanguageSetting::store(before);

    SettingsDialog dialog{Core::LauncherSettings()};
    auto* box = dialog.findChild<LanguageComboBox*>(QStringLiteral("language"));
    QVERIFY(box);
    QCOMPARE(box->currentData().toString(), before);
    box->setCurrentIndex(box->findData(chosen));
    QVERIFY(box->currentIndex() >= 0);
    if (ok)
        dialog.accept();
    else
        dialog.reject();
    QCOMPARE(LanguageSetting::stored(), after);
}

QTEST_MAIN(TestLanguageSetting)
#include "TestLanguageSetting.moc"
