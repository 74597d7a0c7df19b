// InactivityWarningDialog: the minute's notice before the inactivity sign-out. It shows
// itself on InactivityTimer::warning() with a countdown ("You will be signed out of Team
// Sharing in 0:42 ..."), hides on warningCancelled() and timedOut(); "Stay signed in" is
// input like any other and restarts the count. Not modal: it must not block the windows
// whose input cancels it, and stays on top so it is seen over them.
#pragma once

#include <QDialog>
#include <QPointer>

class QLabel;
class QPushButton;

namespace Conclave::Core {
class InactivityTimer;
}

namespace Conclave::Gui {

class InactivityWarningDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InactivityWarningDialog)

public:
    explicit InactivityWarningDialog(Core::InactivityTimer* timer, QWidget* parent = nullptr);

    // Shows the dialog with `secondsLeft` on the countdown.
    void showCountdown(int secondsLeft);
    QString message() const;

private:
    QPointer<Core::InactivityTimer> m_timer;
    QLabel* m_message;
    QPushButton* m_stay;
};

} // namespace Conclave::Gui
