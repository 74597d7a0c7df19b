// KeyCommitment: what a create or rotate log entry says about the folder key version it
// introduces. BLAKE2b-256 keyed by that folder key over a tag, the folder id and the version,
// so a holder of the key can check that a key handed to them (by a grant or a key chain
// link) is the one the manager who wrote the entry made, while the server, which never holds
// the key, learns nothing about it. Layout of the hashed input:
//   tag "conclave.key.commitment.v1\0" | folder id (16) | u32 key version; key = folder key.
#pragma once

#include "core/crypto/SecureBytes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QUuid>

namespace Conclave::Core::KeyCommitment {

inline constexpr qsizetype kSize = 32;

QByteArray of(const SecureBytes& folderKey, const QUuid& folderId, quint32 keyVersion);
// Constant-time comparison; false for a commitment of the wrong size or an all-zero one.
bool matches(const SecureBytes& folderKey, const QUuid& folderId, quint32 keyVersion,
             QByteArrayView commitment);

} // namespace Conclave::Core::KeyCommitment
