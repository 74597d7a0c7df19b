// The application-wide input filter behind the inactivity sign-out.
#include "ui/InactivityMonitor.h"

#include "core/policy/InactivityTimer.h"

#include <QGuiApplication>
#include <QMouseEvent>

namespace Conclave::Gui {

InactivityMonitor::InactivityMonitor(Core::InactivityTimer* timer, QObject* parent)
    : QObject(parent)
    , m_timer(timer)
{
    if (auto* app = qobject_cast<QGuiApplication*>(QCoreApplication::instance())) {
        app->installEventFilter(this);
        connect(app, &QGuiApplication::applicationStateChanged, this, [this](Qt::ApplicationState state) {
            if (state == Qt::ApplicationActive && m_timer)
                m_timer->check();
        });
    }
}

InactivityMonitor::~InactivityMonitor()
{
    if (QCoreApplication* app = QCoreApplication::instance())
        app->removeEventFilter(this);
}

bool InactivityMonitor::eventFilter(QObject* watched, QEvent* event)
{
    bool input = false;
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::ShortcutOverride: // a key that triggers a shortcut never arrives as KeyPress
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonDblClick:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TabletPress:
    case QEvent::TabletMove:
    case QEvent::NativeGesture:
        input = true;
        break;
    case QEvent::MouseMove: {
        // Each event reaches the filter once per receiver (window, then widgets); only a
        // pointer that really moved counts.
        const QPointF at = static_cast<QMouseEvent*>(event)->globalPosition();
        input = at != m_lastPointer;
        m_lastPointer = at;
        break;
    }
    default:
        break;
    }
    if (input) {
        ++m_inputs;
        if (m_timer)
            m_timer->noteActivity();
    }
    return QObject::eventFilter(watched, event);
}

} // namespace Conclave::Gui
