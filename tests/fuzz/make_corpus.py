#!/usr/bin/env python3
# Writes the seed corpus for the fuzz targets from tests/data/crypto/vectors.txt and
# state-vectors.txt: valid envelopes, grants, key chain links, bundles, pin stores,
# invitation answers, security-state files and log entries made with the fixed keys the fuzz
# fixture uses, plus a few truncated and empty samples. Re-run after the vectors change:
#   python3 tests/fuzz/make_corpus.py
import pathlib

here = pathlib.Path(__file__).parent
vectors = {}
for file in ("vectors.txt", "state-vectors.txt"):
    for line in (here.parent / "data" / "crypto" / file).read_text().splitlines():
        if line and not line.startswith("#"):
            name, value = line.split(": ", 1)
            vectors[name] = value


def b(name):
    return bytes.fromhex(vectors[name])


corpus = {
    "fuzz_envelope": {"envelope_r1": b("envelope.r1"), "envelope_short": b("envelope.r1")[:160]},
    "fuzz_grant": {"grant_v1_bob": b("grant.v1.bob"), "keychain_v2": b("keychain.v2")},
    "fuzz_bundle": {
        "bundle_alice": b("alice.bundle"),
        # A pin store with one pinned key and one pending change.
        "pins": b"conclave.pins.v1\0" + (1).to_bytes(4, "big") + bytes(16) + b("alice.identityPublicKey")
        + b"\1" + b("alice.encryptionPublicKey"),
        "pins_v2": b("pins.v2"),
        "invitation_answer": b("invite.answer"),
        "invitation_offer": b("invite.offer"),
        "security_state": b("state.sealed"),
    },
    "fuzz_log_entry": {
        "create": b("log.create"),
        "add": b("log.add"),
        "log_create_add": b("log.create") + b("log.add"),
    },
}
for target, samples in corpus.items():
    folder = here / "corpus" / target
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in samples.items():
        (folder / name).write_bytes(data)
    (folder / "empty").write_bytes(b"")
print("corpus written to", here / "corpus")
