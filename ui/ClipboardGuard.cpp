// ClipboardGuard: see the header. Whether the clipboard still holds our text is read from
// the clipboard's data object itself, not from a comparison of texts, so no hash or copy
// of the secret is made for it.
#include "ui/ClipboardGuard.h"

#include <QClipboard>
#include <QGuiApplication>

#include <sodium.h>

namespace Conclave::Gui {

namespace {

// The clipboard's data for sensitive text: it owns the text's only buffer and overwrites
// it when the clipboard deletes it.
class SensitiveMimeData final : public QMimeData
{
public:
    explicit SensitiveMimeData(QString text)
        // A buffer that is not ours alone (a literal in read-only memory, or shared with a
        // caller that kept its copy) is not ours to overwrite: take a private copy.
        : m_text(text.isDetached() ? std::move(text) : QString(text.constData(), text.size()))
    {}
    ~SensitiveMimeData() override
    {
        if (!m_text.isEmpty())
            sodium_memzero(const_cast<QChar*>(m_text.constData()),
                           std::size_t(m_text.size()) * sizeof(QChar));
    }
    Q_DISABLE_COPY_MOVE(SensitiveMimeData)

    QStringList formats() const override
    {
        return {QStringLiteral("text/plain"), QStringLiteral("text/plain;charset=utf-8"),
                QStringLiteral("x-kde-passwordManagerHint")};
    }
    bool hasFormat(const QString& format) const override { return formats().contains(format); }

protected:
    QVariant retrieveData(const QString& format, QMetaType type) const override
    {
        if (format == QLatin1String("x-kde-passwordManagerHint"))
            return QByteArrayLiteral("secret");
        if (format.startsWith(QLatin1String("text/plain"))) {
            Q_UNUSED(type); // QMimeData converts to bytes where another program asks for them
            return m_text;  // shares the buffer, so the wipe reaches this copy too
        }
        return {};
    }

private:
    QString m_text;
};

} // namespace

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

void ClipboardGuard::copy(QString text, bool sensitive)
{
    QClipboard* clipboard = QGuiApplication::clipboard();
    if (!sensitive) {
        auto* mime = new QMimeData;
        mime->setText(text);
        clipboard->setMimeData(mime);
        m_sensitive.clear();
        m_timer.stop();
        return;
    }
    auto* mime = new SensitiveMimeData(std::move(text));
    clipboard->setMimeData(mime); // the clipboard owns it now and deletes (wipes) it
    m_sensitive = mime;
    m_timer.start();
}

void ClipboardGuard::clearIfUnchanged()
{
    m_timer.stop();
    QClipboard* clipboard = QGuiApplication::clipboard();
    // Replaced meanwhile: the clipboard deleted our data (wiping it), and what is there
    // now belongs to someone else.
    if (m_sensitive && clipboard->mimeData() == m_sensitive.data()) {
        clipboard->clear();
        emit cleared();
    }
    m_sensitive.clear();
}

} // namespace Conclave::Gui
