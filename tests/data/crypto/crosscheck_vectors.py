#!/usr/bin/env python3
# Checks vectors.txt with an implementation independent of libsodium (Python's hashlib and
# the `cryptography` package), from docs/security/protocol.md alone: key derivation from the
# fixed seeds, the bundle signature and fingerprint, every membership log entry (layout,
# signature by the key the log binds to its signer, hash chain), the key commitments, the
# grant, the envelopes (layout, signature, hash, revision chain, delete marker and folder
# name rules) and the folder states (layout, signature, chain, item digest). AEAD
# ciphertexts are not decrypted here (no XChaCha20-Poly1305 in `cryptography`).
# Runs from ctest (CryptoVectorsCrosscheck, label crypto) and by hand:
#   python3 tests/data/crypto/crosscheck_vectors.py
import hashlib
import pathlib
import sys
import uuid

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

vectors = {}
for line in (pathlib.Path(__file__).parent / "vectors.txt").read_text().splitlines():
    if line and not line.startswith("#"):
        name, value = line.split(": ", 1)
        vectors[name] = value


def v(name):
    return bytes.fromhex(vectors[name])


def raw(key):
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def tagged(tag, data, size=32):
    return hashlib.blake2b(tag + b"\0" + data, digest_size=size).digest()


def counting(start, n=32):
    return bytes((start + i) & 0xFF for i in range(n))


def verify(public, message, signature):
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, message)
        return True
    except Exception:
        return False


def uid(tail):
    return uuid.UUID("00000000-0000-4000-8000-" + tail).bytes


ORG, FOLDER, ITEM = uid("00000000000a"), uid("00000000000f"), uid("000000000001")
ALICE, BOB, CAROL = uid("0000000000a1"), uid("0000000000b0"), uid("0000000000c0")
identity = {
    "alice": raw(Ed25519PrivateKey.from_private_bytes(counting(0x00)).public_key()),
    "bob": raw(Ed25519PrivateKey.from_private_bytes(counting(0x60)).public_key()),
    "bob2": raw(Ed25519PrivateKey.from_private_bytes(counting(0x11)).public_key()),
    "carol": raw(Ed25519PrivateKey.from_private_bytes(counting(0xE0)).public_key()),
}
FOLDER_KEYS = {1: counting(0xA0), 2: counting(0xC0)}
checks = {}


def check(name, ok):
    checks[name] = bool(ok)


check("identity key", identity["alice"] == v("alice.identityPublicKey"))
check("encryption key",
      raw(X25519PrivateKey.from_private_bytes(counting(0x20)).public_key()) == v("alice.encryptionPublicKey"))
check("fingerprint",
      tagged(b"conclave.fingerprint.v1", v("alice.identityPublicKey"), 64) == v("alice.fingerprint"))
bundle = v("alice.bundle")
check("bundle signature",
      bundle.startswith(b"conclave.bundle.v1\0") and verify(identity["alice"], bundle[:-64], bundle[-64:]))

# Key commitments (§5.8): BLAKE2b-256 keyed by the folder key.
for version, key in FOLDER_KEYS.items():
    data = b"conclave.key.commitment.v1\0" + FOLDER + version.to_bytes(4, "big")
    check(f"commitment v{version}",
          hashlib.blake2b(data, digest_size=32, key=key).digest() == v(f"commitment.v{version}"))

# Membership log (§5.4): 252 bytes each, chained, signed by the key bound to the signer.
LOG = ["create", "add", "addCarol", "role", "remove", "rotate", "confirmKey", "leave"]
bound = {ALICE: identity["alice"]}
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
check("log confirmKey binds bob's new key", bound[BOB] == identity["bob2"])

# Grant (§5.5): 258 bytes, v1 to bob at log position 3, signed by alice.
g = v("grant.v1.bob")
check("grant", len(g) == 258 and g.startswith(b"conclave.grant.v2\0") and g[18:34] == FOLDER
      and int.from_bytes(g[34:38], "big") == 1 and int.from_bytes(g[38:46], "big") == 3 and g[46:62] == BOB
      and g[94:110] == ALICE and int.from_bytes(g[110:114], "big") == 80
      and verify(identity["alice"], g[:194], g[194:]))

# Envelopes (§5.7).
authors = {ALICE: identity["alice"], BOB: identity["bob"]}
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
