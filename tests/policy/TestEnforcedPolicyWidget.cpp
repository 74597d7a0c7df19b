// Tests EnforcedPolicyWidget and its place in the settings dialog, offscreen: hidden without
// a policy; with one, each enforced value with its reason, and every problem found in the
// policy file in words.
#include "translations/Translations.h"
#include "ui/EnforcedPolicyWidget.h"
#include "ui/SettingsDialog.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Conclave::Core;
using namespace Conclave::Gui;

class TestEnforcedPolicyWidget : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void hiddenWithoutPolicy();
    void showsEnforcedValuesAndWhy();
    void showsProblems();
    void embeddedInSettingsDialog();

private:
    EffectiveSettings settings(const QByteArray& ini);
    static QString valueOf(QWidget* parent, const QString& row);
    QTemporaryDir m_dir;
    int m_files = 0;
};

EffectiveSettings TestEnforcedPolicyWidget::settings(const QByteArray& ini)
{
    const QString path = m_dir.filePath(QStringLiteral("p%1.conf").arg(++m_files));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write the policy");
    file.write(ini);
    file.close();
    QSettings source(path, QSettings::IniFormat);
    return EffectiveSettings::merge(UserSharingSettings{}, MachinePolicy::read(source));
}

QString TestEnforcedPolicyWidget::valueOf(QWidget* parent, const QString& row)
{
    auto* field = parent->findChild<QWidget*>(row);
    if (!field)
        return {};
    return field->findChild<QLabel*>(QStringLiteral("value"))->text() + QStringLiteral(" | ") +
           field->findChild<QLabel*>(QStringLiteral("reason"))->text();
}

void TestEnforcedPolicyWidget::initTestCase()
{
    // English plural forms ("5 minutes") come from conclave_en.qm, as in the app.
    Translations::install(qApp, QLocale(QLocale::English, QLocale::UnitedKingdom));
}

void TestEnforcedPolicyWidget::hiddenWithoutPolicy()
{
    QWidget window;
    auto* widget = new EnforcedPolicyWidget(&window);
    widget->setSettings(settings({}));
    window.show();
    QVERIFY(!widget->isVisible());
}

void TestEnforcedPolicyWidget::showsEnforcedValuesAndWhy()
{
    QWidget window;
    auto* widget = new EnforcedPolicyWidget(&window);
    widget->setSettings(settings(
        "TeamSharingEnabled=true\nServerUrl=https://sharing.example.com\nInactivityTimeoutMinutes=5\n"));
    window.show();
    QVERIFY(widget->isVisible());
    QVERIFY(valueOf(widget, QStringLiteral("policyTeamSharing"))
                .startsWith(QStringLiteral("Team Sharing: <b>On</b> | ")));
    QVERIFY(valueOf(widget, QStringLiteral("policyServerUrl"))
                .contains(QStringLiteral("https://sharing.example.com")));
    const QString timeout = valueOf(widget, QStringLiteral("policyInactivityTimeout"));
    QVERIFY2(timeout.contains(QStringLiteral("at most 5 minutes")), qPrintable(timeout));
    QVERIFY(timeout.contains(QStringLiteral("shorter time, not a longer one")));
    QVERIFY(widget->findChild<QLabel*>(QStringLiteral("policyIntro"))->text().contains(QStringLiteral("p")));
    QVERIFY(!widget->findChild<QLabel*>(QStringLiteral("policyProblems"))->isVisible());
}

void TestEnforcedPolicyWidget::showsProblems()
{
    QWidget window;
    auto* widget = new EnforcedPolicyWidget(&window);
    widget->setSettings(settings("TeamSharingEnabled=FALSE\nInactivityTimeoutMinutes=30\nColour=blue\n"));
    window.show();
    QVERIFY(
        valueOf(widget, QStringLiteral("policyTeamSharing")).contains(QStringLiteral("could not be read")));
    auto* problems = widget->findChild<QLabel*>(QStringLiteral("policyProblems"));
    QVERIFY(problems->isVisible());
    for (const char* key : {"TeamSharingEnabled", "InactivityTimeoutMinutes", "Colour"})
        QVERIFY2(problems->text().contains(QLatin1String(key)), key);

    // Shown again with a clean policy, nothing of the old one stays.
    widget->setSettings(settings("InactivityTimeoutMinutes=10\n"));
    QVERIFY(!problems->isVisible());
    QVERIFY(valueOf(widget, QStringLiteral("policyTeamSharing")).isEmpty());
}

void TestEnforcedPolicyWidget::embeddedInSettingsDialog()
{
    SettingsDialog dialog(LauncherSettings{});
    auto* widget = dialog.findChild<EnforcedPolicyWidget*>();
    QVERIFY(widget);
    dialog.show();
    QVERIFY(!widget->isVisible()); // nothing shown until told about a policy
    dialog.showEnforcedPolicy(settings("TeamSharingEnabled=false\n"));
    QVERIFY(widget->isVisible());
    QVERIFY(valueOf(widget, QStringLiteral("policyTeamSharing"))
                .startsWith(QStringLiteral("Team Sharing: <b>Off</b>")));
}

QTEST_MAIN(TestEnforcedPolicyWidget)
#include "TestEnforcedPolicyWidget.moc"
