// InactivityMonitor: feeds the InactivityTimer with the user's input in every window of the
// application: an event filter on the QGuiApplication sees keyboard (including keys that
// trigger shortcuts), mouse buttons, mouse movement, wheel, touch and tablet input before
// any widget does. A mouse move that does not move (a window appearing under a resting
// pointer) is not input. When the application becomes active again (after a screen lock
// or a resume from sleep) the timer checks at once, so a long sleep signs out on waking.
#pragma once

#include <QObject>
#include <QPointF>
#include <QPointer>

namespace Conclave::Core {
class InactivityTimer;
}

namespace Conclave::Gui {

class InactivityMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InactivityMonitor)

public:
    // Installs itself on the running QGuiApplication; `timer` must outlive it or be
    // destroyed first (it is held by QPointer).
    explicit InactivityMonitor(Core::InactivityTimer* timer, QObject* parent = nullptr);
    ~InactivityMonitor() override;

    // How many input events were seen; for tests.
    int inputCount() const { return m_inputs; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QPointer<Core::InactivityTimer> m_timer;
    QPointF m_lastPointer{-1e9, -1e9};
    int m_inputs = 0;
};

} // namespace Conclave::Gui
