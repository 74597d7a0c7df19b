// LanguageComboBox: the Settings dialog's language choice ("System default", English,
// Deutsch, ...), read from and stored to LanguageSetting.
#pragma once

#include <QComboBox>

namespace Conclave::Gui {

class LanguageComboBox final : public QComboBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LanguageComboBox)

public:
    explicit LanguageComboBox(QWidget* parent = nullptr);

    // Stores the chosen language (it takes effect when Conclave starts again).
    void store() const;
};

} // namespace Conclave::Gui
