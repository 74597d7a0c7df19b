// LanguageSetting: see the header.
#include "translations/LanguageSetting.h"

#include "translations/Translations.h"

#include <QCoreApplication>
#include <QSettings>

namespace Conclave::Gui {

namespace {

const QString kKey = QStringLiteral("ui/language");

bool isShipped(const QString& code)
{
    return code == QLatin1String("en") || Translations::available().contains(code);
}

} // namespace

QString LanguageSetting::stored()
{
    const QString code = QSettings().value(kKey).toString();
    return isShipped(code) ? code : QString();
}

void LanguageSetting::store(const QString& code)
{
    QSettings settings;
    if (code.isEmpty() || !isShipped(code))
        settings.remove(kKey);
    else
        settings.setValue(kKey, code);
}

QLocale LanguageSetting::locale()
{
    const QString code = stored();
    return code.isEmpty() ? QLocale::system() : QLocale(code);
}

QList<LanguageSetting::Choice> LanguageSetting::choices()
{
    QList<Choice> result;
    result.append(
        {QString(), QCoreApplication::translate("Conclave::Gui::LanguageSetting", "System default")});
    QStringList codes = Translations::available();
    codes.prepend(QStringLiteral("en"));
    for (const QString& code : codes) {
        // Qt names "en" after its default territory ("American English"); the source
        // strings are no particular variety.
        QString name =
            code == QLatin1String("en") ? QStringLiteral("English") : QLocale(code).nativeLanguageName();
        if (!name.isEmpty())
            name[0] = name.at(0).toUpper(); // "Deutsch", "English", also for languages written lower-case
        result.append({code, name.isEmpty() ? code : name});
    }
    return result;
}

} // namespace Conclave::Gui
