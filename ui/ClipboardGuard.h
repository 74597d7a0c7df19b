// ClipboardGuard: puts text on the clipboard and, for sensitive text (a URI with its
// password), marks it for clipboard managers ("x-kde-passwordManagerHint: secret", so
// Klipper and others keep it out of their history) and clears the clipboard after 30 s if
// it still holds what was put there. Only a hash of that text is kept for the comparison.
#pragma once

#include <QByteArray>
#include <QObject>
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

    void copy(const QString& text, bool sensitive);
    bool isArmed() const { return m_timer.isActive(); }

signals:
    void cleared();

private:
    void clearIfUnchanged();
    static QByteArray hashOf(const QString& text);

    QTimer m_timer;
    QByteArray m_hash;
};

} // namespace Conclave::Gui
