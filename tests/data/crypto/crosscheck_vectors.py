#!/usr/bin/env python3
# Checks vectors.txt and state-vectors.txt with an implementation independent of libsodium
# (Python's hashlib and the `cryptography` package), from docs/security/protocol.md alone: key
# derivation from the fixed seeds, the bundle signature and fingerprint, crypto_kdf subkeys,
# the KeyWrap AD (version byte first), every membership log entry (layout, signature by the
# key the log binds to its signer, hash chain), the key commitments, the grant, the envelopes
# (layout, signature, hash, revision chain, delete marker and folder name rules), the folder
# states (layout, signature, chain, item digest), the security-state store, the key pin store
# layout, the invitation code, offer and answer MAC, the invitation terms' signature, and the
# server's keyed hash of the auth key. Runs from ctest (CrosscheckVectors, label crypto) and by hand:
#   python3 tests/data/crypto/crosscheck_vectors.py
import hashlib
import pathlib
import re
import struct
import sys
import uuid

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

here = pathlib.Path(__file__).parent
vectors = {}
for file in ("vectors.txt", "state-vectors.txt"):
    for line in (here / file).read_text().splitlines():
        if line and not line.startswith("#"):
            name, value = line.split(": ", 1)
            vectors[name] = value


def h(name):
    return bytes.fromhex(vectors[name])


def v(name):
    return bytes.fromhex(vectors[name])


def raw(key):
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def tagged(tag, data, size=32):
    # BLAKE2b over the tag (with its one NUL) and the bytes.
    return hashlib.blake2b(tag + b"\0" + data, digest_size=size).digest()


def counting(start, n=32):
    return bytes((start + i) & 0xFF for i in range(n))


def uid(last):
    if isinstance(last, str):
        return uuid.UUID("00000000-0000-4000-8000-" + last).bytes
    return uuid.UUID("00000000-0000-4000-8000-%012x" % last).bytes


def kdf(master, subkey_id, context):
    # crypto_kdf_derive_from_key (libsodium 1.0.18): BLAKE2b-256 keyed with the master key,
    # empty message, salt = subkey id as u64 little-endian + 8 zeros, personal = context + 8 zeros.
    return hashlib.blake2b(b"", digest_size=32, key=master, salt=struct.pack("<Q", subkey_id) + bytes(8),
                           person=context + bytes(8)).digest()


def hchacha20(key, nonce16):
    def rotl(v, c):
        return ((v << c) & 0xFFFFFFFF) | (v >> (32 - c))

    def quarter(s, a, b, c, d):
        s[a] = (s[a] + s[b]) & 0xFFFFFFFF; s[d] = rotl(s[d] ^ s[a], 16)
        s[c] = (s[c] + s[d]) & 0xFFFFFFFF; s[b] = rotl(s[b] ^ s[c], 12)
        s[a] = (s[a] + s[b]) & 0xFFFFFFFF; s[d] = rotl(s[d] ^ s[a], 8)
        s[c] = (s[c] + s[d]) & 0xFFFFFFFF; s[b] = rotl(s[b] ^ s[c], 7)

    s = list(struct.unpack("<4I", b"expand 32-byte k") + struct.unpack("<8I", key)
             + struct.unpack("<4I", nonce16))
    for _ in range(10):
        quarter(s, 0, 4, 8, 12); quarter(s, 1, 5, 9, 13); quarter(s, 2, 6, 10, 14); quarter(s, 3, 7, 11, 15)
        quarter(s, 0, 5, 10, 15); quarter(s, 1, 6, 11, 12); quarter(s, 2, 7, 8, 13); quarter(s, 3, 4, 9, 14)
    return struct.pack("<8I", *(s[0:4] + s[12:16]))


def xchacha_open(key, nonce24, ciphertext, ad):
    # XChaCha20-Poly1305-IETF = ChaCha20-Poly1305-IETF under HChaCha20(key, nonce[0:16]) with
    # nonce 00000000 || nonce[16:24].
    return ChaCha20Poly1305(hchacha20(key, nonce24[:16])).decrypt(bytes(4) + nonce24[16:], ciphertext, ad)


checks = {}


def check(name, fn):
    try:
        checks[name] = bool(fn() if callable(fn) else fn)
    except Exception as error:  # a malformed vector is a failure, not a crash
        print("     %s: %r" % (name, error))
        checks[name] = False


identity = Ed25519PrivateKey.from_private_bytes(counting(0x00))
check("identity key", lambda: raw(identity.public_key()) == h("alice.identityPublicKey"))
check("encryption key", lambda: raw(X25519PrivateKey.from_private_bytes(counting(0x20)).public_key())
      == h("alice.encryptionPublicKey"))
check("fingerprint", lambda: tagged(b"conclave.fingerprint.v1", h("alice.identityPublicKey"), 64)
      == h("alice.fingerprint"))
check("log hash", lambda: tagged(b"conclave.log.hash.v1", h("log.create")) == h("log.create.hash"))
check("envelope hash",
      lambda: tagged(b"conclave.envelope.hash.v1", h("envelope.r1")) == h("envelope.r1.hash"))


def bundle_signature():
    bundle = h("alice.bundle")
    identity.public_key().verify(bundle[-64:], bundle[:-64])
    return bundle.startswith(b"conclave.bundle.v1\0")


check("bundle signature", bundle_signature)


def user_keys_wrap():
    # KeyWrap: AD = version byte || purpose AD; here the private keys under the account key.
    wrapped = h("alice.wrappedUserKeys")
    ad = wrapped[:1] + b"conclave.wrap.user-keys.v1\0" + uid(0xA1)
    opened = xchacha_open(counting(0x40), wrapped[1:25], wrapped[25:], ad)
    return wrapped[0] == 2 and opened == counting(0x00) + counting(0x20)


check("KeyWrap AD (user keys)", user_keys_wrap)


def key_chain_link():
    # Link v2 -> v1: header (tag | folder | u32 2 | u32 1 | u32 73) then KeyWrap of key v1 under
    # key v2 whose AEAD AD is the version byte followed by the 45 header bytes 0-44.
    link = h("keychain.v2")
    header = b"conclave.keychain.v1\0" + uid(0x0F) + struct.pack(">III", 2, 1, 73)
    if len(link) != 122 or link[:49] != header or link[49] != 2:
        return False
    wrapped = link[49:]
    opened = xchacha_open(counting(0xC0), wrapped[1:25], wrapped[25:], wrapped[:1] + link[:45])
    return opened == counting(0xA0)


check("key chain link (KeyWrap AD = 02 || bytes 0-44)", key_chain_link)


def account_key_wrap():
    try:
        from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
    except ImportError:
        print("skip account key wrap: needs cryptography >= 44 for Argon2id")
        return True
    root = Argon2id(salt=h("kdf.salt"), length=32, iterations=3, lanes=1, memory_cost=64 * 1024).derive(
        h("kdf.password"))
    if kdf(root, 1, b"conclave") != h("kdf.authKey"):
        return False
    wrapped = h("kdf.wrappedAccountKey")
    ad = wrapped[:1] + b"conclave.wrap.account-key.v1\0"
    return xchacha_open(kdf(root, 2, b"conclave"), wrapped[1:25], wrapped[25:], ad) == counting(0x40)


check("auth key and KeyWrap AD (account key)", account_key_wrap)

# --- first contact and local state (state-vectors.txt) ---
alice_id, bob_id, folder_id, item_id, invitation_id = uid(0xA1), uid(0xB0), uid(0x0F), uid(0x01), uid(0xC0)
T = 1700000000000
bob_identity = raw(Ed25519PrivateKey.from_private_bytes(counting(0x60)).public_key())


def pins_v2():
    # alice: InvitationCode (2) at T; bob: ConfirmedChange (4) by alice in the folder at T+3,
    # pinned e0..ff, pending 10..2f. Records sorted by user id.
    alice = alice_id + h("alice.identityPublicKey") + bytes([2]) + struct.pack(">Q", T) + bytes(32) + b"\0"
    bob = bob_id + counting(0xE0) + bytes([4]) + struct.pack(">Q", T + 3) + alice_id + folder_id + b"\1" + \
        counting(0x10)
    return b"conclave.pins.v2\0" + struct.pack(">I", 2) + alice + bob


check("pin store v2 layout", lambda: pins_v2() == h("pins.v2"))
check("security-state key (crypto_kdf, id 1, \"secstate\")",
      lambda: kdf(counting(0x40), 1, b"secstate") == h("state.key"))


def state_body():
    log_head = h("log.add.hash")
    folders = (struct.pack(">I", 1) + folder_id + struct.pack(">Q", 2) + log_head + b"\1"
               + struct.pack(">Q", 5) + counting(0x70))
    items = struct.pack(">I", 1) + folder_id + item_id + struct.pack(">Q", 1) + counting(0x30)
    pins = h("pins.v2")
    return b"conclave.state.body.v1\0" + struct.pack(">I", len(pins)) + pins + folders + items


def state_sealed():
    sealed = h("state.sealed")
    header = (b"conclave.state.v1\0" + alice_id + struct.pack(">Q", 7) + b"\1"
              + struct.pack(">QQ", 3, 64 << 20) + counting(0x00, 16))
    if sealed[:75] != header:
        return False
    nonce, (length,) = sealed[75:99], struct.unpack(">I", sealed[99:103])
    if len(sealed) != 103 + length:
        return False
    plain = xchacha_open(h("state.key"), nonce, sealed[103:], sealed[:75])
    return plain == h("state.body")


check("security-state body layout", lambda: state_body() == h("state.body"))


def state_change_records():
    # Two records after state.sealed (generation 7), per protocol.md §9.2: an empty one
    # (generation 8), then one setting the folder record and two item records (generation 9).
    sealed, records = h("state.sealed"), h("state.change")
    base_nonce, base_mac = sealed[75:99], sealed[-16:]
    tag = b"conclave.state.change.v1\0"
    log_head = h("log.add.hash")
    folder = (folder_id + struct.pack(">Q", 2) + log_head + b"\1" + struct.pack(">Q", 6)
              + counting(0x60))
    item_2 = uid(0x02)
    items = (folder_id + item_id + struct.pack(">Q", 2) + counting(0x40)
             + folder_id + item_2 + struct.pack(">Q", 1) + counting(0x50))
    body = b"conclave.state.change.body.v1\0"
    expected = [body + struct.pack(">IIII", 0, 0, 0, 0),
                body + struct.pack(">I", 1) + folder + struct.pack(">II", 0, 2) + items
                + struct.pack(">I", 0)]
    pos, previous_mac = 0, base_mac
    for generation, plain in zip((8, 9), expected):
        head = records[pos:pos + 61]
        if head[:25] != tag or struct.unpack(">Q", head[25:33])[0] != generation:
            return False
        nonce, (length,) = head[33:57], struct.unpack(">I", head[57:61])
        cipher = records[pos + 61:pos + 61 + length]
        ad = tag + alice_id + struct.pack(">Q", generation) + base_nonce + previous_mac
        if xchacha_open(h("state.key"), nonce, cipher, ad) != plain:
            return False
        pos, previous_mac = pos + 61 + length, cipher[-16:]
    return pos == len(records)


check("security-state change records", state_change_records)


def documented_record_sizes():
    # The sizes protocol.md states for the variable-length records must be the ones the
    # vectors use: pins "(90 or 122 bytes each)", body folders and items "4 + N each".
    doc = (here / ".." / ".." / ".." / "docs" / "security" / "protocol.md").read_text()
    pin_sizes = re.search(r"per user, sorted by id \((\d+) or (\d+) bytes each\)", doc)
    # The body's two tables, then the change body's four (folder, removed folder, item,
    # removed item).
    sizes = [int(n) for n in re.findall(r"\| 4 \+ (\d+) each \|", doc)]
    body_sizes = sizes[:2]
    change_ok = len(sizes) == 6 and sizes[2:] == [sizes[0], 16, sizes[1], 32]
    pins = h("pins.v2")
    body = h("state.body")
    # Two pins: alice without a pending key, bob with one.
    pins_ok = pin_sizes and len(pins) == 17 + 4 + int(pin_sizes.group(1)) + int(pin_sizes.group(2))
    # One folder, one item.
    body_ok = (len(body_sizes) == 2
               and len(body) == 23 + 4 + len(pins) + 4 + body_sizes[0] + 4 + body_sizes[1])
    return bool(pins_ok and body_ok and change_ok)


check("record sizes stated in protocol.md", documented_record_sizes)
check("security-state sealed file", state_sealed)

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def invitation_code_text():
    bits = int.from_bytes(h("invite.codeBytes"), "big") >> 4
    symbols = "".join(CROCKFORD[(bits >> (5 * (19 - i))) & 31] for i in range(20))
    return "-".join(symbols[i:i + 5] for i in range(0, 20, 5)) == vectors["invite.code"]


def invitation_mac():
    key = hashlib.blake2b(b"conclave.invite.key.v1\0" + invitation_id + h("invite.codeBytes"),
                          digest_size=32).digest()
    if key != h("invite.macKey"):
        return False
    answer = h("invite.answer")
    bundle = answer[74:74 + 163]
    expected_prefix = b"conclave.invite.answer.v1\0" + invitation_id + folder_id + alice_id
    Ed25519PrivateKey.from_private_bytes(counting(0x60)).public_key().verify(bundle[-64:], bundle[:-64])
    return (len(answer) == 269 and answer[:74] == expected_prefix and bundle[19:35] == bob_id
            and bundle[35:67] == bob_identity
            and hashlib.blake2b(answer[:-32], digest_size=32, key=key).digest() == answer[-32:])


def invitation_offer_mac():
    # tag | invitation id | folder | inviter | invitee | inviter identity key | MAC over 0-120.
    key = hashlib.blake2b(b"conclave.invite.key.v1\0" + invitation_id + h("invite.codeBytes"),
                          digest_size=32).digest()
    offer = h("invite.offer")
    expected = (b"conclave.invite.offer.v1\0" + invitation_id + folder_id + alice_id + bob_id
                + h("alice.identityPublicKey"))
    return (len(offer) == 153 and offer[:121] == expected
            and hashlib.blake2b(offer[:121], digest_size=32, key=key).digest() == offer[121:])


def invitation_terms():
    # tag | invitation id | folder | inviter | invitee | role | u64 log length | u64 expiry (ms) |
    # u32 length + address | Ed25519 signature by the inviter over everything before it.
    terms = h("invite.terms")
    email = b"bob@example.org"
    expires = 1700000000000 + 7 * 24 * 3600 * 1000
    expected = (b"conclave.invite.terms.v2\0" + invitation_id + folder_id + alice_id + bob_id
                + bytes([2]) + struct.pack(">QQ", 3, expires) + struct.pack(">I", len(email)) + email)
    Ed25519PublicKey.from_public_bytes(h("alice.identityPublicKey")).verify(terms[-64:], terms[:-64])
    return len(terms) == 174 + len(email) and terms[:-64] == expected


check("invitation code text", invitation_code_text)
check("invitation offer MAC", invitation_offer_mac)
check("invitation answer MAC", invitation_mac)
check("invitation terms signature", invitation_terms)


def server_auth_hash():
    # BLAKE2b-256 keyed with the server key over u8 len(tag) || tag || auth key (no NUL).
    tag = b"conclave-auth-key-v1"
    digest = hashlib.blake2b(bytes([len(tag)]) + tag + h("kdf.authKey"), digest_size=32, key=h("server.key"))
    return digest.digest() == h("server.authKeyHash")


check("server auth-key hash", server_auth_hash)



# --- membership log, grants, envelopes and folder states (vectors.txt) ---
def verify(public, message, signature):
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, message)
        return True
    except Exception:
        return False


ORG, FOLDER, ITEM = uid("00000000000a"), uid("00000000000f"), uid("000000000001")
ALICE, BOB, CAROL = uid("0000000000a1"), uid("0000000000b0"), uid("0000000000c0")
identities = {
    "alice": raw(Ed25519PrivateKey.from_private_bytes(counting(0x00)).public_key()),
    "bob": raw(Ed25519PrivateKey.from_private_bytes(counting(0x60)).public_key()),
    "bob2": raw(Ed25519PrivateKey.from_private_bytes(counting(0x11)).public_key()),
    "carol": raw(Ed25519PrivateKey.from_private_bytes(counting(0xE0)).public_key()),
}
FOLDER_KEYS = {1: counting(0xA0), 2: counting(0xC0)}

# Key commitments (§5.8): BLAKE2b-256 keyed by the folder key.
for version, key in FOLDER_KEYS.items():
    data = b"conclave.key.commitment.v1\0" + FOLDER + version.to_bytes(4, "big")
    check(f"commitment v{version}",
          hashlib.blake2b(data, digest_size=32, key=key).digest() == v(f"commitment.v{version}"))

# Membership log (§5.4): 252 bytes each, chained, signed by the key bound to the signer.
LOG = ["create", "add", "addCarol", "role", "remove", "rotate", "confirmKey", "leave"]
bound = {ALICE: identities["alice"]}
previous = bytes(32)
log_hashes = []
for index, name in enumerate(LOG):
    e = v("log." + name)
    action, signer, subject, subject_key = e[78], e[79:95], e[95:111], e[111:143]
    version, commitment = int.from_bytes(e[144:148], "big"), e[148:180]
    ok = len(e) == 252 and e.startswith(b"conclave.log.entry.v2\0") and e[22:38] == FOLDER
    ok = ok and int.from_bytes(e[38:46], "big") == index and e[46:78] == previous
    signer_key = subject_key if action == 1 else bound.get(signer)
    ok = ok and signer_key is not None and verify(signer_key, e[:188], e[188:])
    if action in (1, 5):
        ok = ok and commitment == v(f"commitment.v{version}")
    else:
        ok = ok and commitment == bytes(32)
    if action in (1, 2, 7):
        bound[subject] = subject_key
    entry_hash = tagged(b"conclave.log.hash.v1", e)
    ok = ok and entry_hash == v(f"log.{name}.hash")
    check(f"log {name}", ok)
    previous = entry_hash
    log_hashes.append(entry_hash)
check("log confirmKey binds bob's new key", bound[BOB] == identities["bob2"])

# Grant (§5.5): 258 bytes, v1 to bob at log position 3, signed by alice.
g = v("grant.v1.bob")
check("grant", len(g) == 258 and g.startswith(b"conclave.grant.v2\0") and g[18:34] == FOLDER
      and int.from_bytes(g[34:38], "big") == 1 and int.from_bytes(g[38:46], "big") == 3 and g[46:62] == BOB
      and g[94:110] == ALICE and int.from_bytes(g[110:114], "big") == 80
      and verify(identities["alice"], g[:194], g[194:]))

# Envelopes (§5.7).
authors = {ALICE: identities["alice"], BOB: identities["bob"]}
env_hash = {}
for name, kind, item, revision in [("r1", 1, ITEM, 1), ("r2", 1, ITEM, 2), ("delete", 2, ITEM, 3),
                                   ("folderName", 3, FOLDER, 1)]:
    e = v("envelope." + name)
    c = int.from_bytes(e[155:159], "big")
    ok = e.startswith(b"conclave.envelope.v1\0") and e[21] == 1 and e[22] == kind and e[23:39] == ORG
    ok = ok and e[39:55] == FOLDER and e[55:71] == item and int.from_bytes(e[75:83], "big") == revision
    ok = ok and len(e) == 159 + c + 64 and c % 256 == 16 and c >= 272
    ok = ok and verify(authors[e[115:131]], e[: 159 + c], e[159 + c:])
    env_hash[name] = tagged(b"conclave.envelope.hash.v1", e)
    ok = ok and env_hash[name] == v(f"envelope.{name}.hash")
    if kind == 2:
        ok = ok and c == 272
    check(f"envelope {name}", ok)
check("revision chain", v("envelope.r1")[83:115] == bytes(32) and v("envelope.r2")[83:115] == env_hash["r1"]
      and v("envelope.delete")[83:115] == env_hash["r2"])


# Folder states (§5.9) and the live item digest (§5.10).
def digest(items):
    buckets = [[] for _ in range(256)]
    for item_id, h in items.items():
        buckets[item_id[0]].append((item_id, h))
    top = len(items).to_bytes(4, "big")
    for i, leaves in enumerate(buckets):
        data = bytes([i]) + len(leaves).to_bytes(4, "big") + b"".join(a + b for a, b in sorted(leaves))
        top += tagged(b"conclave.folder.bucket.v1", data)
    return tagged(b"conclave.folder.items.v1", top)


live = {}
previous = bytes(32)
for sequence, (writer, envelope, item) in enumerate([(ALICE, "folderName", FOLDER), (BOB, "r1", ITEM)], 1):
    s = v(f"folderState.{sequence}")
    live[item] = env_hash[envelope]
    ok = len(s) == 294 and s.startswith(b"conclave.folder.state.v1\0") and s[25:41] == FOLDER
    ok = ok and int.from_bytes(s[41:49], "big") == sequence and s[49:81] == previous
    ok = ok and int.from_bytes(s[81:89], "big") == 3 and s[89:121] == log_hashes[2]
    ok = ok and s[121] == 1 and s[122:138] == item and s[138:170] == env_hash[envelope]
    ok = ok and int.from_bytes(s[170:174], "big") == len(live) and s[174:206] == digest(live)
    ok = ok and s[206:222] == writer and verify(authors[writer], s[:230], s[230:])
    previous = tagged(b"conclave.folder.state.hash.v1", s)
    ok = ok and previous == v(f"folderState.{sequence}.hash")
    check(f"folder state {sequence}", ok)

for name, ok in checks.items():
    print(("ok   " if ok else "FAIL ") + name)
sys.exit(0 if all(checks.values()) else 1)
