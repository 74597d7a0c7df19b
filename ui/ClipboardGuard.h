// ClipboardGuard: puts text on the clipboard and, for sensitive text (a URI with its
// password), marks it for clipboard managers ("x-kde-passwordManagerHint: secret", so
// Klipper and others keep it out of their history) and clears the clipboard after 30 s if
// it still holds what was put there.
//
// Sensitive text is handed over, not copied: copy() takes the caller's only reference to
// the string, and the clipboard holds that one buffer, which is overwritten in place when
// the clipboard lets go of it (cleared, replaced by another copy, or Conclave quits).
// Overwriting in place also reaches every QString in this process that still shares the
// buffer; a copy made by another program when it pastes is outside Conclave's reach.
#pragma once

#include <QMimeData>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>

namespace Conclave::Gui {

class ClipboardGuard final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClipboardGuard)

public:
    static constexpr std::chrono::milliseconds kDefaultClearAfter = std::chrono::seconds(30);

    explicit ClipboardGuard(QObject* parent = nullptr,
                            std::chrono::milliseconds clearAfter = kDefaultClearAfter);
    ~ClipboardGuard() override;

    // Pass sensitive text with std::move: a string still shared with the caller (or a
    // literal) is copied first, and only that copy is wiped.
    void copy(QString text, bool sensitive);
    bool isArmed() const { return m_timer.isActive(); }
    // Clears now if the clipboard still holds the sensitive text (sign-out, quitting).
    void clearIfUnchanged();

signals:
    void cleared();

private:
    QTimer m_timer;
    QPointer<QMimeData> m_sensitive; // what we put there, while the clipboard owns it
};

} // namespace Conclave::Gui
