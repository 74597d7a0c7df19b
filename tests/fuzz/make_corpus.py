#!/usr/bin/env python3
# Writes the seed corpus for the fuzz targets from tests/data/crypto/vectors.txt and
# state-vectors.txt: valid envelopes (every kind), grants, key chain links, bundles, pin
# stores, invitation answers and offers, security-state files, log entries (every action) and
# folder states made with the fixed keys the fuzz fixture uses, plus a few truncated and
# empty samples. Re-run after the vectors change:
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


LOG = ["create", "add", "addCarol", "role", "remove", "rotate", "confirmKey", "leave"]
corpus = {
    "fuzz_envelope": {
        "envelope_r1": b("envelope.r1"),
        "envelope_r2": b("envelope.r2"),
        "envelope_delete": b("envelope.delete"),
        "envelope_folder_name": b("envelope.folderName"),
        "envelope_short": b("envelope.r1")[:160],
    },
    "fuzz_grant": {"grant_v1_bob": b("grant.v1.bob"), "keychain_v2": b("keychain.v2")},
    "fuzz_bundle": {
        "bundle_alice": b("alice.bundle"),
        # A pin store with one pinned key and one pending change.
        "pins": b"conclave.pins.v1\0" + (1).to_bytes(4, "big") + bytes(16) + b("alice.identityPublicKey")
        + b"\1" + b("alice.encryptionPublicKey"),
        "pins_v2": b("pins.v2"),
        "invitation_answer": b("invite.answer"),
        "invitation_offer": b("invite.offer"),
        "invitation_terms": b("invite.terms"),
        "security_state": b("state.sealed"),
    },
    "fuzz_log_entry": dict(
        [(name, b("log." + name)) for name in LOG]
        + [("log_whole", b"".join(b("log." + name) for name in LOG))]
    ),
    # A folder state followed by the envelope it records (the fixture's log is the vectors'
    # first three entries, which the states were written against).
    "fuzz_folder_state": {
        "state_1_folder_name": b("folderState.1") + b("envelope.folderName"),
        "state_2_item": b("folderState.2") + b("envelope.r1"),
        "state_only": b("folderState.1"),
    },
}
for target, samples in corpus.items():
    folder = here / "corpus" / target
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in samples.items():
        (folder / name).write_bytes(data)
    (folder / "empty").write_bytes(b"")
print("corpus written to", here / "corpus")
