// EnforcedPolicyWidget: the settings dialog's section for what the machine policy enforces:
// each enforced value, that the system administrator set it, why it cannot be changed here,
// and any problems found in the policy (with the most restrictive reading that is used
// instead). Hidden when there is no policy.
#pragma once

#include "core/policy/EffectiveSettings.h"

#include <QGroupBox>

class QVBoxLayout;
class QLabel;

namespace Conclave::Gui {

class EnforcedPolicyWidget final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnforcedPolicyWidget)

public:
    explicit EnforcedPolicyWidget(QWidget* parent = nullptr);

    void setSettings(const Core::EffectiveSettings& settings);

private:
    void addValue(const QString& objectName, const QString& label, const QString& value,
                  const QString& reason);

    QLabel* m_intro;
    QVBoxLayout* m_values;
    QLabel* m_problems;
};

} // namespace Conclave::Gui
