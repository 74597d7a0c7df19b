// ClipboardGuard: see the header.
#include "ui/ClipboardGuard.h"

#include <QClipboard>
#include <QCryptographicHash>
#include <QGuiApplication>
#include <QMimeData>

namespace Conclave::Gui {

ClipboardGuard::ClipboardGuard(QObject* parent, std::chrono::milliseconds clearAfter)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(clearAfter);
    connect(&m_timer, &QTimer::timeout, this, &ClipboardGuard::clearIfUnchanged);
}

ClipboardGuard::~ClipboardGuard()
{
    // Quitting must not leave a password behind on the clipboard.
    if (m_timer.isActive())
        clearIfUnchanged();
}

QByteArray ClipboardGuard::hashOf(const QString& text)
{
    return QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
}

void ClipboardGuard::copy(const QString& text, bool sensitive)
{
    auto* mime = new QMimeData;
    mime->setText(text);
    if (sensitive)
        mime->setData(QStringLiteral("x-kde-passwordManagerHint"), QByteArrayLiteral("secret"));
    QGuiApplication::clipboard()->setMimeData(mime);
    if (sensitive) {
        m_hash = hashOf(text);
        m_timer.start();
    } else {
        m_hash.clear();
        m_timer.stop();
    }
}

void ClipboardGuard::clearIfUnchanged()
{
    m_timer.stop();
    QClipboard* clipboard = QGuiApplication::clipboard();
    if (!m_hash.isEmpty() && hashOf(clipboard->text()) == m_hash) {
        clipboard->clear();
        emit cleared();
    }
    m_hash.clear();
}

} // namespace Conclave::Gui
