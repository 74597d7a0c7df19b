// LanguageSetting: which language the UI speaks. By default the system's (LANGUAGE, LC_ALL,
// LANG, in the order QLocale::uiLanguages() gives them); the Settings dialog can override
// it, and the override is kept in QSettings ("ui/language", a language code such as "de").
// It takes effect at the next start, like the language of KeePassXC or Bitwarden's desktop
// app: widgets are built once and are not retranslated live.
#pragma once

#include <QList>
#include <QLocale>
#include <QString>

namespace Conclave::Gui {

class LanguageSetting final
{
public:
    LanguageSetting() = delete;

    struct Choice
    {
        QString code; // empty: follow the system
        QString name; // shown in the Settings dialog, in its own language ("Deutsch")
    };

    // The stored override, or an empty string when the UI follows the system. A stored
    // code Conclave does not ship (an old or hand-edited setting) counts as no override.
    static QString stored();
    // Stores an override; an empty code goes back to the system language.
    static void store(const QString& code);
    // The locale to install translators for: the override's, or the system's.
    static QLocale locale();
    // "System default" first, then English and every shipped translation.
    static QList<Choice> choices();
};

} // namespace Conclave::Gui
