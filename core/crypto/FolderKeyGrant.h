// FolderKeyGrant: one folder key version handed to one member: the key sealed
// (crypto_box_seal) to the recipient's X25519 key, bound to folder, key version, recipient
// and granter, and signed by the granter. verify() accepts it only when the membership log
// says the granter held Manage while that key version was current and the recipient is a
// member, so a server or a non-manager cannot hand anyone a key.
// Layout: tag "conclave.grant.v1\0" | folder id (16) | u32 key version | recipient id (16)
//   | recipient encryption key (32) | granter id (16) | u32 length | sealed key (80)
//   | Ed25519 signature (64) by the granter over everything before it.
#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QUuid>

namespace Conclave::Core {

class MembershipState;
class UserKeys;

class FolderKeyGrant final
{
public:
    static constexpr qsizetype kSealedSize = 48 + 32;

    static Result<FolderKeyGrant> create(const QUuid& folderId, quint32 keyVersion,
                                         const SecureBytes& folderKey, const QUuid& recipientId,
                                         QByteArrayView recipientEncryptionKey, const QUuid& granterId,
                                         const UserKeys& granter);
    static Result<FolderKeyGrant> parse(QByteArrayView bytes);

    // Signature by the granter's identity key from the log, granter's Manage role at the
    // key version, recipient membership, key version known to the log.
    Status verify(const MembershipState& state) const;
    // For the recipient: checks the grant names them and their key, then unseals.
    Result<SecureBytes> open(const QUuid& recipientId, const UserKeys& recipient) const;

    const QUuid& folderId() const { return m_folderId; }
    quint32 keyVersion() const { return m_keyVersion; }
    const QUuid& recipientId() const { return m_recipientId; }
    const QByteArray& recipientEncryptionKey() const { return m_recipientKey; }
    const QUuid& granterId() const { return m_granterId; }
    QByteArray serialize() const;

private:
    QByteArray signedPart() const;

    QUuid m_folderId;
    quint32 m_keyVersion = 0;
    QUuid m_recipientId;
    QByteArray m_recipientKey;
    QUuid m_granterId;
    QByteArray m_sealed;
    QByteArray m_signature;
};

} // namespace Conclave::Core
