// MembershipEntry: one signed entry of a shared folder's membership log. Entries are hash-
// chained (each names the hash of the one before) so the server can neither reorder, drop
// nor fork the log unnoticed. Parsing checks the layout only; MembershipState::apply()
// checks the signature and the signer's rights at that point of the log.
// Layout: tag "conclave.log.entry.v2\0" | folder id (16) | u64 sequence | previous hash (32)
//   | u8 action | signer id (16) | subject id (16) | subject identity key (32, zero if unused)
//   | u8 role | u32 key version | key commitment (32, zero unless create or rotate)
//   | u64 time (ms since epoch) | Ed25519 signature (64).
#pragma once

#include "core/crypto/FolderRole.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QUuid>

namespace Conclave::Core {

class UserKeys;

enum class MembershipAction : quint8
{
    Create = 1,     // subject = signer = creator, role Manage, key version 1
    Add = 2,        // subject joins with role and identity key
    Remove = 3,     // subject is removed by a manager
    ChangeRole = 4, // subject gets role
    Rotate = 5,     // key version increases by one
    Leave = 6,      // signer = subject leaves
    ConfirmKey = 7, // a manager binds the subject's confirmed new identity key (subject key field)
};

class MembershipEntry final
{
public:
    static constexpr qsizetype kHashSize = 32;
    static constexpr qsizetype kSize = 22 + 16 + 8 + 32 + 1 + 16 + 16 + 32 + 1 + 4 + 32 + 8 + 64;

    struct Fields
    {
        QUuid folderId;
        quint64 sequence = 0;
        QByteArray previousHash; // 32 zero bytes for the first entry
        MembershipAction action = MembershipAction::Create;
        QUuid signerId;
        QUuid subjectId;
        QByteArray subjectIdentityKey; // Create, Add and ConfirmKey only; otherwise 32 zero bytes
        FolderRole role = FolderRole::None;
        quint32 keyVersion = 1; // the folder key version in force after this entry
        // Create and Rotate: KeyCommitment::of(the key version introduced); otherwise zeros.
        QByteArray keyCommitment;
        quint64 timeMs = 0;
    };

    static MembershipEntry sign(const Fields& fields, const UserKeys& signer);
    static Result<MembershipEntry> parse(QByteArrayView bytes);

    const Fields& fields() const { return m_fields; }
    const QByteArray& signature() const { return m_signature; }
    QByteArray signedPart() const;
    QByteArray serialize() const;
    // BLAKE2b-256("conclave.log.hash.v1\0" || serialize()): what the next entry chains to.
    QByteArray hash() const;

private:
    Fields m_fields;
    QByteArray m_signature;
};

} // namespace Conclave::Core
