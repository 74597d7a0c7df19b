// Identity key fingerprints and safety numbers.
#include "core/crypto/Fingerprint.h"

#include "core/crypto/CryptoHash.h"
#include "core/crypto/DomainTags.h"

#include <QStringList>

namespace Conclave::Core {

Fingerprint Fingerprint::of(QByteArrayView identityPublicKey)
{
    Fingerprint fp;
    fp.m_bytes = CryptoHash::tagged(DomainTags::kFingerprint, identityPublicKey, kSize);
    return fp;
}

QString Fingerprint::safetyNumber() const
{
    QStringList groups;
    for (int group = 0; group < 12; ++group) {
        quint64 value = 0;
        for (int i = 0; i < 5; ++i)
            value = (value << 8) | quint8(m_bytes[group * 5 + i]);
        groups << QStringLiteral("%1").arg(value % 100000, 5, 10, QLatin1Char('0'));
    }
    return groups.join(QLatin1Char(' '));
}

bool Fingerprint::matchesSafetyNumber(const QString& typed) const
{
    QString digits;
    for (const QChar c : typed) {
        if (!c.isSpace())
            digits += c;
    }
    return !m_bytes.isEmpty() && digits == safetyNumber().remove(QLatin1Char(' '));
}

} // namespace Conclave::Core
