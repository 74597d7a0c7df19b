// Translations: installs the translators for a locale: Conclave's own strings, embedded as
// :/i18n/conclave_<lang>.qm, and Qt's (standard buttons, file dialogs) from the system when
// present. English needs none: it is the source language.
#pragma once

#include <QLocale>
#include <QStringList>

class QCoreApplication;

namespace Conclave::Gui {

class Translations final
{
public:
    Translations() = delete;

    // Languages Conclave ships besides English ("de").
    static QStringList available();
    // Installs translators for `locale` on the application; returns the language used
    // ("en" when nothing matched).
    static QString install(QCoreApplication* app, const QLocale& locale = QLocale::system());
};

} // namespace Conclave::Gui
