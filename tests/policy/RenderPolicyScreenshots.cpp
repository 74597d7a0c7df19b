// render-policy-screenshots <output-dir>: renders the inactivity warning (at 0:42) and the
// settings dialog (its Team Sharing section included) with the machine policy of this
// computer (MachinePolicy::readSystem())
// into inactivity-warning.png and settings-policy.png, with a "-de" suffix when the UI
// language is German (LANGUAGE=de). Not a test; run it with QT_QPA_PLATFORM=offscreen or
// under Xvfb. docs/development.md shows how the documentation's images are made with a
// sample policy in a private mount namespace.
#include "core/policy/EffectiveSettings.h"
#include "core/policy/InactivityTimer.h"
#include "translations/Translations.h"
#include "ui/InactivityWarningDialog.h"
#include "ui/SettingsDialog.h"

#include <QApplication>
#include <QLocale>
#include <QTimer>

using namespace Conclave;

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Conclave"));
    QApplication::setApplicationName(QStringLiteral("Conclave"));
    const QString language = Gui::Translations::install(&app);
    // Dates and numbers as a desktop in that language shows them (LANGUAGE=de alone leaves
    // the C locale's formats).
    if (language != QLatin1String("en"))
        QLocale::setDefault(QLocale(language));
    const QStringList args = app.arguments();
    if (args.size() < 2)
        return 2;
    const QString suffix = language == QStringLiteral("en") ? QString() : QChar(u'-') + language;
    const QString outDir = args.at(1);

    const Core::EffectiveSettings settings =
        Core::EffectiveSettings::merge(Core::UserSharingSettings{}, Core::MachinePolicy::readSystem());
    Gui::SettingsDialog dialog(Core::LauncherSettings{});
    dialog.showEnforcedPolicy(settings);
    if (settings.teamSharingEnabled().value)
        dialog.showSharingServer(settings); // the server and the sign-out time, as enforced
    dialog.move(40, 40);
    dialog.show();

    Core::ManualClock clock;
    Core::InactivityTimer timer(clock);
    Gui::InactivityWarningDialog warning(&timer);
    warning.move(640, 40);
    warning.showCountdown(42);

    const bool hold = qEnvironmentVariableIsSet("CONCLAVE_HOLD"); // stay open for a screen capture
    QTimer::singleShot(500, &app, [&] {
        dialog.grab().save(outDir + QStringLiteral("/settings-policy") + suffix + QStringLiteral(".png"));
        warning.grab().save(outDir + QStringLiteral("/inactivity-warning") + suffix + QStringLiteral(".png"));
        QTimer::singleShot(hold ? 4000 : 0, &app, &QApplication::quit);
    });
    return app.exec();
}
