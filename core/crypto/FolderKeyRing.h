// FolderKeyRing: the folder keys a client holds, one 32-byte key per key version. Each new
// version comes with a key chain link, the previous key encrypted under the new one, so a
// member granted only the newest key can still read items written under older versions.
// Any holder of the newer key can make a link, so a recovered key is accepted only if it
// matches the commitment the membership log recorded for its version (KeyCommitment), and a
// key the ring already holds is never replaced.
// Link layout: tag "conclave.keychain.v1\0" | folder id (16) | u32 new version
//   | u32 previous version (= new - 1) | u32 length | KeyWrap(previous key under new key,
//   AD = everything before the length field).
#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QUuid>

#include <map>

namespace Conclave::Core {

class MembershipState;

class FolderKeyRing final
{
public:
    static constexpr std::size_t kKeySize = 32;

    explicit FolderKeyRing(const QUuid& folderId);
    FolderKeyRing(FolderKeyRing&&) noexcept = default;
    FolderKeyRing& operator=(FolderKeyRing&&) noexcept = default;

    static SecureBytes generateKey();

    const QUuid& folderId() const { return m_folderId; }
    // Adds a key the client made itself (folder creation, its own rotation). Never replaces
    // a held key; returns false then.
    bool insert(quint32 version, SecureBytes key);
    // Adds a key received from someone else (an opened grant): only if it matches the log's
    // commitment for that version, and never in place of a held key (held: Ok if equal).
    Status accept(quint32 version, SecureBytes key, const MembershipState& log);
    // Null when the version is not held.
    const SecureBytes* key(quint32 version) const;
    bool contains(quint32 version) const { return key(version) != nullptr; }
    quint32 latestVersion() const; // 0 when empty

    // The link from `newVersion` to newVersion - 1; both keys must be held.
    Result<QByteArray> makeChainLink(quint32 newVersion) const;
    static QByteArray makeChainLink(const QUuid& folderId, quint32 newVersion, const SecureBytes& newKey,
                                    const SecureBytes& previousKey);
    // Opens a link whose newer key is held and adds the previous key through accept().
    Status absorbChainLink(QByteArrayView link, const MembershipState& log);
    // Absorbs links in descending version order until no more keys can be recovered.
    Status absorbChain(const QList<QByteArray>& links, const MembershipState& log);

private:
    QUuid m_folderId;
    std::map<quint32, SecureBytes> m_keys;
};

} // namespace Conclave::Core
