// ItemEnvelope: one encrypted revision of a shared item (a connection, a folder name or a
// delete marker). XChaCha20-Poly1305 with a random nonce; the header is the associated data,
// binding format version, kind, org, folder, item id, key version, revision, previous-
// revision hash and author; the plaintext is padded to 256-byte blocks; the author signs
// the whole envelope with Ed25519. Policy checks on reading live in ItemReader.
// Layout: tag "conclave.envelope.v1\0" | u8 format version (1) | u8 kind | org id (16)
//   | folder id (16) | item id (16) | u32 key version | u64 revision | previous hash (32)
//   | author id (16) | nonce (24) | u32 length | ciphertext | Ed25519 signature (64).
// AD = tag .. nonce. The signature covers tag .. ciphertext.
#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/crypto/SensitiveBytes.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QUuid>

namespace Conclave::Core {

class UserKeys;

enum class ItemKind : quint8
{
    Item = 1,         // a connection or other shared item
    DeleteMarker = 2, // signed tombstone; empty plaintext
    FolderName = 3,   // the folder's name; item id = folder id
};

class ItemEnvelope final
{
public:
    static constexpr quint8 kFormatVersion = 1;
    static constexpr qsizetype kHashSize = 32;
    static constexpr qsizetype kNonceSize = 24;
    static constexpr std::size_t kPadBlock = 256;
    static constexpr qsizetype kMaxPlaintext = 1 << 20;

    struct Header
    {
        quint8 formatVersion = kFormatVersion;
        ItemKind kind = ItemKind::Item;
        QUuid orgId;
        QUuid folderId;
        QUuid itemId;
        quint32 keyVersion = 0;
        quint64 revision = 1;    // first revision is 1
        QByteArray previousHash; // hash() of revision - 1; empty/zero for revision 1
        QUuid authorId;
        QByteArray nonce; // filled by seal()
    };

    static Result<ItemEnvelope> seal(const Header& header, QByteArrayView plaintext,
                                     const SecureBytes& folderKey, const UserKeys& author);
    static Result<ItemEnvelope> parse(QByteArrayView bytes);
    // The nonce source seal() uses (24 random bytes); public so its uniqueness is testable.
    static QByteArray newNonce();

    const Header& header() const { return m_header; }
    const QByteArray& ciphertext() const { return m_ciphertext; }
    const QByteArray& signature() const { return m_signature; }
    QByteArray serialize() const;
    // BLAKE2b-256("conclave.envelope.hash.v1\0" || serialize()): the next revision's
    // previous hash and the server's storage address.
    QByteArray hash() const;

    // Signature by `authorIdentityKey` over the envelope.
    bool verifySignature(QByteArrayView authorIdentityKey) const;
    // Decrypts and unpads without any policy check; ItemReader::open() is the reader API.
    Result<SensitiveBytes> decrypt(const SecureBytes& folderKey) const;

private:
    QByteArray associatedData() const;
    QByteArray signedPart() const;

    Header m_header;
    QByteArray m_ciphertext;
    QByteArray m_signature;
};

} // namespace Conclave::Core
