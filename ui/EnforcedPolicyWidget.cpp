// The "enforced by your administrator" section of the settings dialog.
#include "ui/EnforcedPolicyWidget.h"

#include <QLabel>
#include <QVBoxLayout>

namespace Conclave::Gui {

using namespace Conclave::Core;

EnforcedPolicyWidget::EnforcedPolicyWidget(QWidget* parent)
    : QGroupBox(parent)
{
    setObjectName(QStringLiteral("EnforcedPolicyWidget"));
    setTitle(tr("Set by your system administrator"));
    auto* layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setObjectName(QStringLiteral("policyIntro"));
    m_intro->setWordWrap(true);
    m_intro->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_intro);
    m_values = new QVBoxLayout;
    layout->addLayout(m_values);
    m_problems = new QLabel(this);
    m_problems->setObjectName(QStringLiteral("policyProblems"));
    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::RichText);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problems->hide();
    layout->addWidget(m_problems);
    hide();
}

void EnforcedPolicyWidget::addValue(const QString& objectName, const QString& label, const QString& value,
                                    const QString& reason)
{
    // One block per value, the reason wrapped below it over the full width (a form layout
    // miscounts the height of wrapped labels in its field column).
    auto* field = new QWidget(this);
    field->setObjectName(objectName);
    auto* column = new QVBoxLayout(field);
    column->setContentsMargins(0, 4, 0, 4);
    column->setSpacing(2);
    auto* shown = new QLabel(field);
    shown->setObjectName(QStringLiteral("value"));
    shown->setText(QStringLiteral("%1 <b>%2</b>").arg(label.toHtmlEscaped(), value.toHtmlEscaped()));
    shown->setTextInteractionFlags(Qt::TextSelectableByMouse);
    column->addWidget(shown);
    auto* why = new QLabel(reason, field);
    why->setObjectName(QStringLiteral("reason"));
    why->setWordWrap(true);
    why->setTextInteractionFlags(Qt::TextSelectableByMouse);
    column->addWidget(why);
    m_values->addWidget(field);
}

void EnforcedPolicyWidget::setSettings(const EffectiveSettings& settings)
{
    while (QLayoutItem* item = m_values->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const MachinePolicy& policy = settings.policy();
    m_intro->setText(tr("Your system administrator set these in %1. They cannot be changed in Conclave; ask "
                        "your administrator if one of them stops you from working.")
                         .arg(policy.source()));
    if (settings.teamSharingEnabled().enforced) {
        addValue(QStringLiteral("policyTeamSharing"), tr("Team Sharing:"),
                 settings.teamSharingEnabled().value ? tr("On") : tr("Off"),
                 settings.teamSharingEnabled().reason);
    }
    if (settings.serverUrl().enforced) {
        addValue(QStringLiteral("policyServerUrl"), tr("Sharing server:"),
                 settings.serverUrl().value.toDisplayString(), settings.serverUrl().reason);
    }
    if (settings.inactivityTimeoutMinutes().enforced) {
        addValue(QStringLiteral("policyInactivityTimeout"), tr("Sign-out after no input:"),
                 tr("at most %n minute(s)", nullptr, settings.maximumInactivityTimeoutMinutes()),
                 settings.inactivityTimeoutMinutes().reason);
    }
    if (policy.problems().isEmpty()) {
        m_problems->hide();
    } else {
        QString html = QStringLiteral("<p style=\"color:#b3261e\"><b>%1</b></p><ul style=\"color:#b3261e\">")
                           .arg(tr("Problems in the policy:").toHtmlEscaped());
        for (const PolicyProblem& problem : policy.problems())
            html += QStringLiteral("<li>%1</li>").arg(problem.message.toHtmlEscaped());
        html += QStringLiteral("</ul>");
        m_problems->setText(html);
        m_problems->show();
    }
    setVisible(settings.hasPolicy());
}

} // namespace Conclave::Gui
