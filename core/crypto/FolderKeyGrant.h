// FolderKeyGrant: one folder key version handed to one member: the key sealed
// (crypto_box_seal) to the recipient's X25519 key, bound to folder, key version, the log
// position it was made at, recipient and granter, and signed by the granter. verify()
// accepts it only when the granter held Manage at that position of the membership log and
// the recipient was a member then and is one now; open() additionally checks the key
// against the commitment the log made to that version, so neither the server, nor a former
// or demoted manager, nor a non-manager can hand anyone a key.
// Layout: tag "conclave.grant.v2\0" | folder id (16) | u32 key version | u64 log position
//   | recipient id (16) | recipient encryption key (32) | granter id (16) | u32 length
//   | sealed key (80) | Ed25519 signature (64) by the granter over everything before it.
#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QUuid>

namespace Conclave::Core {

class KeyPinStore;
class MembershipState;
class UserKeyBundle;
class UserKeys;

class FolderKeyGrant final
{
public:
    static constexpr qsizetype kSealedSize = 48 + 32;
    static constexpr qsizetype kSize = 18 + 16 + 4 + 8 + 16 + 32 + 16 + 4 + kSealedSize + 64;

    // For the granter, at the head of `state`: the granter must hold Manage now, the key must
    // match the log's commitment to `keyVersion`, and `recipient` (a bundle whose signature
    // parseAndVerify() checked) must be a member whose identity key is the one the log binds
    // to them and the one pinned for them, with no unconfirmed change pending (a grant to
    // the granter themself needs no pin: the bundle must carry the key they sign with).
    static Result<FolderKeyGrant> create(const MembershipState& state, quint32 keyVersion,
                                         const SecureBytes& folderKey, const UserKeyBundle& recipient,
                                         const KeyPinStore& pins, const QUuid& granterId,
                                         const UserKeys& granter);
    static Result<FolderKeyGrant> parse(QByteArrayView bytes);

    // Signature by the granter's identity key at the grant's log position, granter's Manage
    // role and recipient's membership at that position, recipient still a member, key
    // version known at that position. The server can check this; it holds no key.
    Status verify(const MembershipState& state) const;
    // For the recipient: verify(), the grant names them and their key, it unseals, and the
    // key matches the log's commitment. Add the result with FolderKeyRing::accept().
    Result<SecureBytes> open(const MembershipState& state, const QUuid& recipientId,
                             const UserKeys& recipient) const;

    const QUuid& folderId() const { return m_folderId; }
    quint32 keyVersion() const { return m_keyVersion; }
    quint64 logPosition() const { return m_logPosition; }
    const QUuid& recipientId() const { return m_recipientId; }
    const QByteArray& recipientEncryptionKey() const { return m_recipientKey; }
    const QUuid& granterId() const { return m_granterId; }
    QByteArray serialize() const;

private:
    QByteArray signedPart() const;

    QUuid m_folderId;
    quint32 m_keyVersion = 0;
    quint64 m_logPosition = 0;
    QUuid m_recipientId;
    QByteArray m_recipientKey;
    QUuid m_granterId;
    QByteArray m_sealed;
    QByteArray m_signature;
};

} // namespace Conclave::Core
