// LanguageComboBox: see the header.
#include "ui/LanguageComboBox.h"

#include "translations/LanguageSetting.h"

namespace Conclave::Gui {

LanguageComboBox::LanguageComboBox(QWidget* parent)
    : QComboBox(parent)
{
    setObjectName(QStringLiteral("language"));
    for (const LanguageSetting::Choice& choice : LanguageSetting::choices())
        addItem(choice.name, choice.code);
    setCurrentIndex(qMax(0, findData(LanguageSetting::stored())));
    setToolTip(tr("Conclave speaks the chosen language from its next start."));
}

void LanguageComboBox::store() const
{
    LanguageSetting::store(currentData().toString());
}

} // namespace Conclave::Gui
