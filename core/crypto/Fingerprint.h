// Fingerprint: BLAKE2b-512 of a user's identity key (domain-tagged), and the safety number
// people compare out of band: 12 groups of 5 digits, each group from 5 bytes of the hash.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace Conclave::Core {

class Fingerprint final
{
public:
    static constexpr qsizetype kSize = 64;

    static Fingerprint of(QByteArrayView identityPublicKey);

    const QByteArray& bytes() const { return m_bytes; }
    // "12345 67890 ..." (12 groups of 5 digits, single spaces).
    QString safetyNumber() const;
    // Whether `typed` (what two people compared, read out or pasted) is this safety number;
    // spaces, tabs and line breaks are ignored, nothing else is.
    bool matchesSafetyNumber(const QString& typed) const;
    bool operator==(const Fingerprint& other) const = default;

private:
    QByteArray m_bytes;
};

} // namespace Conclave::Core
