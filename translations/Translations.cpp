// Translations: see the header. The translators are children of the application, so they
// live as long as it does.
#include "translations/Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

namespace Conclave::Gui {

namespace {

// Some core files translate through a free helper whose context is the class name
// ("Conclave::Core::Connection") while lupdate files the strings under the enclosing
// namespace ("Conclave::Core"). Looking up the enclosing scope when the exact context has
// nothing keeps those strings translated without touching every call site.
class ScopeFallbackTranslator final : public QTranslator
{
public:
    using QTranslator::QTranslator;
    QString translate(const char* context, const char* sourceText, const char* disambiguation,
                      int n) const override
    {
        QString result = QTranslator::translate(context, sourceText, disambiguation, n);
        if (!result.isEmpty() || !context)
            return result;
        QByteArray scope(context);
        for (qsizetype cut = scope.lastIndexOf("::"); cut > 0 && result.isEmpty();
             cut = scope.lastIndexOf("::")) {
            scope.truncate(cut);
            result = QTranslator::translate(scope.constData(), sourceText, disambiguation, n);
        }
        return result;
    }
};

} // namespace

QStringList Translations::available()
{
    QStringList languages;
    const QStringList files = QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("conclave_*.qm")});
    for (const QString& file : files) {
        const QString language = file.mid(9, file.size() - 9 - 3); // conclave_<lang>.qm
        if (language != QLatin1String("en"))
            languages.append(language);
    }
    return languages;
}

QString Translations::install(QCoreApplication* app, const QLocale& locale)
{
    auto* own = new ScopeFallbackTranslator(app);
    // QLocale::uiLanguages() order: the user's preference first (LANGUAGE, then LANG).
    if (!own->load(locale, QStringLiteral("conclave"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        delete own;
        return QStringLiteral("en");
    }
    app->installTranslator(own);
    const QString language = own->language().section(QLatin1Char('_'), 0, 0);
    auto* qt = new QTranslator(app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app->installTranslator(qt);
    else
        delete qt;
    return language.isEmpty() ? QStringLiteral("en") : language;
}

} // namespace Conclave::Gui
