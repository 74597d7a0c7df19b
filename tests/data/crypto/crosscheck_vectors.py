#!/usr/bin/env python3
# Checks parts of vectors.txt with an implementation independent of libsodium (Python's
# hashlib and the `cryptography` package): key derivation from the fixed seeds, the bundle
# signature, the fingerprint and the log/envelope hashes. Run by hand:
#   python3 tests/data/crypto/crosscheck_vectors.py
import hashlib
import pathlib
import sys

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

vectors = {}
for line in (pathlib.Path(__file__).parent / "vectors.txt").read_text().splitlines():
    if line and not line.startswith("#"):
        name, value = line.split(": ", 1)
        vectors[name] = value


def raw(key):
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw).hex()


def tagged(tag, data, size=32):
    return hashlib.blake2b(tag + b"\0" + data, digest_size=size).hexdigest()


identity = Ed25519PrivateKey.from_private_bytes(bytes(range(0x00, 0x20)))
checks = {
    "identity key": raw(identity.public_key()) == vectors["alice.identityPublicKey"],
    "encryption key": raw(X25519PrivateKey.from_private_bytes(bytes(range(0x20, 0x40))).public_key())
    == vectors["alice.encryptionPublicKey"],
    "fingerprint": tagged(b"conclave.fingerprint.v1", bytes.fromhex(vectors["alice.identityPublicKey"]), 64)
    == vectors["alice.fingerprint"],
    "log hash": tagged(b"conclave.log.hash.v1", bytes.fromhex(vectors["log.create"])) == vectors["log.create.hash"],
    "envelope hash": tagged(b"conclave.envelope.hash.v1", bytes.fromhex(vectors["envelope.r1"]))
    == vectors["envelope.r1.hash"],
}
bundle = bytes.fromhex(vectors["alice.bundle"])
try:
    identity.public_key().verify(bundle[-64:], bundle[:-64])
    checks["bundle signature"] = bundle.startswith(b"conclave.bundle.v1\0")
except Exception:
    checks["bundle signature"] = False
for name, ok in checks.items():
    print(("ok   " if ok else "FAIL ") + name)
sys.exit(0 if all(checks.values()) else 1)
