// The countdown before the inactivity sign-out.
#include "ui/InactivityWarningDialog.h"

#include "core/policy/InactivityTimer.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace Conclave::Gui {

InactivityWarningDialog::InactivityWarningDialog(Core::InactivityTimer* timer, QWidget* parent)
    : QDialog(parent, Qt::Dialog | Qt::WindowStaysOnTopHint)
    , m_timer(timer)
{
    setObjectName(QStringLiteral("InactivityWarningDialog"));
    setWindowTitle(tr("Team Sharing"));
    setModal(false);
    auto* layout = new QVBoxLayout(this);
    auto* row = new QHBoxLayout;
    auto* icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(40, 40));
    icon->setAlignment(Qt::AlignTop);
    row->addWidget(icon);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("countdown"));
    m_message->setWordWrap(true);
    m_message->setMinimumWidth(360);
    row->addWidget(m_message, 1);
    layout->addLayout(row);

    auto* buttons = new QDialogButtonBox(this);
    m_stay = buttons->addButton(tr("&Stay signed in"), QDialogButtonBox::AcceptRole);
    m_stay->setObjectName(QStringLiteral("staySignedIn"));
    m_stay->setDefault(true);
    layout->addWidget(buttons);
    connect(m_stay, &QPushButton::clicked, this, [this] {
        // A click is input anyway; saying so keeps the dialog honest when the button is
        // pressed by assistive technology that sends no mouse event.
        if (m_timer)
            m_timer->noteActivity();
        hide();
    });

    if (timer) {
        connect(timer, &Core::InactivityTimer::warning, this, &InactivityWarningDialog::showCountdown);
        connect(timer, &Core::InactivityTimer::warningCancelled, this, &QWidget::hide);
        connect(timer, &Core::InactivityTimer::timedOut, this, &QWidget::hide);
    }
}

void InactivityWarningDialog::showCountdown(int secondsLeft)
{
    const int seconds = std::max(secondsLeft, 0);
    const QString clock = QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QChar(u'0'));
    m_message->setText(
        tr("You will be signed out of Team Sharing in %1 because there was no keyboard or mouse "
           "input. Shared folders will close; your local connections stay available.")
            .arg(clock));
    if (!isVisible()) {
        show();
        raise();
    }
}

QString InactivityWarningDialog::message() const
{
    return m_message->text();
}

} // namespace Conclave::Gui
