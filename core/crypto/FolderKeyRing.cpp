// Folder keys per version and the key chain between versions.
#include "core/crypto/FolderKeyRing.h"

#include "core/crypto/ByteReader.h"
#include "core/crypto/ByteWriter.h"
#include "core/crypto/CryptoErrors.h"
#include "core/crypto/DomainTags.h"
#include "core/crypto/KeyCommitment.h"
#include "core/crypto/KeyWrap.h"
#include "core/crypto/MembershipState.h"

#include <algorithm>

namespace Conclave::Core {

namespace {
QByteArray linkHeader(const QUuid& folderId, quint32 newVersion)
{
    return ByteWriter(DomainTags::kKeyChainLink).uuid(folderId).u32(newVersion).u32(newVersion - 1).bytes();
}
} // namespace

FolderKeyRing::FolderKeyRing(const QUuid& folderId)
    : m_folderId(folderId)
{}

SecureBytes FolderKeyRing::generateKey()
{
    return SecureBytes::random(kKeySize);
}

bool FolderKeyRing::insert(quint32 version, SecureBytes key)
{
    return m_keys.try_emplace(version, std::move(key)).second;
}

Status FolderKeyRing::accept(quint32 version, SecureBytes key, const MembershipState& log)
{
    const QString structure = QStringLiteral("folderKey");
    if (log.folderId() != m_folderId ||
        !KeyCommitment::matches(key, m_folderId, version, log.keyCommitment(version)))
        return CryptoErrors::make(
            ErrorCode::Crypto,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                              "A folder key does not match the key the folder's manager "
                              "committed to in the membership list."),
            structure);
    if (const SecureBytes* held = this->key(version))
        return *held == key ? Status()
                            : CryptoErrors::make(ErrorCode::Crypto,
                                                 QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                                                   "A folder key differs from the one this "
                                                                   "computer already holds."),
                                                 structure);
    m_keys.emplace(version, std::move(key));
    return {};
}

const SecureBytes* FolderKeyRing::key(quint32 version) const
{
    const auto it = m_keys.find(version);
    return it == m_keys.end() ? nullptr : &it->second;
}

quint32 FolderKeyRing::latestVersion() const
{
    return m_keys.empty() ? 0 : m_keys.rbegin()->first;
}

QByteArray FolderKeyRing::makeChainLink(const QUuid& folderId, quint32 newVersion, const SecureBytes& newKey,
                                        const SecureBytes& previousKey)
{
    const QByteArray header = linkHeader(folderId, newVersion);
    const QByteArray wrapped = KeyWrap::wrap(newKey, previousKey, header);
    return ByteWriter(DomainTags::kKeyChainLink)
        .uuid(folderId)
        .u32(newVersion)
        .u32(newVersion - 1)
        .blob(wrapped)
        .bytes();
}

Result<QByteArray> FolderKeyRing::makeChainLink(quint32 newVersion) const
{
    const SecureBytes* newKey = key(newVersion);
    const SecureBytes* previousKey = newVersion > 1 ? key(newVersion - 1) : nullptr;
    if (!newKey || !previousKey)
        return CryptoErrors::make(ErrorCode::NotFound,
                                  QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                                    "The folder key needed for this step is not available."));
    return makeChainLink(m_folderId, newVersion, *newKey, *previousKey);
}

Status FolderKeyRing::absorbChainLink(QByteArrayView link, const MembershipState& log)
{
    const QString structure = QStringLiteral("keyChainLink");
    ByteReader reader(link, structure);
    reader.expectTag(DomainTags::kKeyChainLink);
    const QUuid folderId = reader.uuid();
    const quint32 newVersion = reader.u32();
    const quint32 previousVersion = reader.u32();
    const QByteArrayView header = reader.consumed();
    const QByteArrayView wrapped = reader.blob(quint32(KeyWrap::kOverhead + kKeySize));
    if (const Status parsed = reader.finish(); !parsed)
        return parsed;
    if (folderId != m_folderId || newVersion < 2 || previousVersion != newVersion - 1)
        return CryptoErrors::make(
            ErrorCode::Protocol,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                              "A folder key chain link does not belong to this folder."),
            structure);
    const SecureBytes* newKey = key(newVersion);
    if (!newKey)
        return CryptoErrors::make(ErrorCode::NotFound,
                                  QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                                    "The folder key needed for this step is not available."));
    Result<SecureBytes> previous = KeyWrap::unwrap(*newKey, wrapped, header, kKeySize);
    if (!previous)
        return CryptoErrors::make(
            ErrorCode::Crypto,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "A folder key chain link is damaged or was altered."),
            structure);
    return accept(previousVersion, std::move(previous).value(), log);
}

Status FolderKeyRing::absorbChain(const QList<QByteArray>& links, const MembershipState& log)
{
    // Newest first, so each link finds the key it is encrypted under.
    QList<std::pair<quint32, QByteArray>> ordered;
    for (const QByteArray& link : links) {
        ByteReader reader(link, QStringLiteral("keyChainLink"));
        reader.expectTag(DomainTags::kKeyChainLink);
        reader.uuid();
        ordered.append({reader.u32(), link});
    }
    std::sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (const auto& [version, link] : ordered) {
        if (contains(version - 1) || !contains(version))
            continue;
        if (const Status absorbed = absorbChainLink(link, log); !absorbed)
            return absorbed;
    }
    return {};
}

} // namespace Conclave::Core
