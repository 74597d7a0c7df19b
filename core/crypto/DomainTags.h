// Domain-separation tags: the first bytes of every hashed, signed or authenticated layout
// (the trailing NUL is part of the tag). A signature or MAC made for one structure can
// therefore never verify as another. docs/security/protocol.md lists them; never reuse one.
#pragma once

namespace Conclave::Core::DomainTags {

inline constexpr char kAccountKeyWrap[] = "conclave.wrap.account-key.v1";
inline constexpr char kUserKeysWrap[] = "conclave.wrap.user-keys.v1";
inline constexpr char kBundle[] = "conclave.bundle.v1";
inline constexpr char kFingerprint[] = "conclave.fingerprint.v1";
inline constexpr char kPinStore[] = "conclave.pins.v1"; // read only, for migration
inline constexpr char kPinStoreV2[] = "conclave.pins.v2";
inline constexpr char kGrant[] = "conclave.grant.v2";
inline constexpr char kKeyChainLink[] = "conclave.keychain.v1";
inline constexpr char kLogEntry[] = "conclave.log.entry.v2";
inline constexpr char kLogEntryHash[] = "conclave.log.hash.v1";
inline constexpr char kEnvelope[] = "conclave.envelope.v1";
inline constexpr char kEnvelopeHash[] = "conclave.envelope.hash.v1";
inline constexpr char kKeyCommitment[] = "conclave.key.commitment.v1";
inline constexpr char kFolderState[] = "conclave.folder.state.v1";
inline constexpr char kFolderStateHash[] = "conclave.folder.state.hash.v1";
inline constexpr char kFolderBucket[] = "conclave.folder.bucket.v1";
inline constexpr char kFolderItems[] = "conclave.folder.items.v1";

// First contact and the local security state.
inline constexpr char kInvitationKey[] = "conclave.invite.key.v1";
inline constexpr char kInvitationAnswer[] = "conclave.invite.answer.v1";
inline constexpr char kInvitationOffer[] = "conclave.invite.offer.v1";
inline constexpr char kInvitationTerms[] = "conclave.invite.terms.v2";
inline constexpr char kSecurityState[] = "conclave.state.v1";
inline constexpr char kSecurityStateBody[] = "conclave.state.body.v1";
inline constexpr char kSecurityStateChange[] = "conclave.state.change.v1";
inline constexpr char kSecurityStateChangeBody[] = "conclave.state.change.body.v1";

// crypto_kdf contexts are exactly 8 bytes; subkey ids below are fixed forever.
inline constexpr char kKdfContext[] = "conclave";
inline constexpr unsigned long long kKdfAuthKeyId = 1;
inline constexpr unsigned long long kKdfKekId = 2;
// The security-state store key comes from the account key (not from root), under its own
// context, so it can never equal a key derived for the server or for wrapping.
inline constexpr char kKdfStateContext[] = "secstate";
inline constexpr unsigned long long kKdfStateKeyId = 1;

} // namespace Conclave::Core::DomainTags
