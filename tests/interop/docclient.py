#!/usr/bin/env python3
"""A second Conclave client, written from docs/security/protocol.md and docs/api/openapi.yaml
alone (Python 3 standard library and libsodium through ctypes), to prove that the two
documents are exact enough to interoperate with the real conclave-server.

Usage: docclient.py <path of conclave-server> <path of docs/security/protocol.md>

It checks the test vectors of protocol.md §7 and §10, then starts the server on an ephemeral
loopback port with SQLite in a temporary data folder and, as a user of that server, signs up,
verifies the address from the outbox, signs in, publishes a key bundle, creates a shared
folder in an organisation made with `conclave-server admin create-org`, grants the folder key
to itself, writes the folder name and an item, and reads everything back. A second pass signs
in as a new device (nothing remembered but the password) and reads the folder with the
reader rules of §5.4, §5.5, §5.7 and §5.9; a row with a broken signature, an item served
under another item's id, an item moved in from another folder and an older revision than the
one seen must be refused (and each opens when its rule is left out). The changes feed (§11)
and the 409 answer to a write on a stale folder state are checked as the documents give them,
and a second member is added, granted the key, reads the folder and is removed again with a
rotation (§6) after which the folder reads under key version 2 and the member gets 404.
Exit code 0 when every check passed.
"""

import base64
import ctypes
import hashlib
import json
import os
import re
import struct
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid

S = ctypes.CDLL("libsodium.so.23")
if S.sodium_init() < 0:
    raise SystemExit("libsodium did not initialise")

ull = ctypes.c_ulonglong
ZERO32 = bytes(32)
NIL = bytes(16)


class Refused(Exception):
    """A value the reader rules refuse; the message says which rule."""


def check(cond, what):
    if not cond:
        raise Refused(what)


# --- primitives (libsodium 1.0.18) -------------------------------------------------------


def buf(n):
    return ctypes.create_string_buffer(n)


def random_bytes(n):
    out = buf(n)
    S.randombytes_buf(out, ctypes.c_size_t(n))
    return out.raw


def pwhash(password, salt, ops, mem):
    out = buf(32)
    rc = S.crypto_pwhash(out, ull(32), password, ull(len(password)), salt, ull(ops), ctypes.c_size_t(mem),
                         ctypes.c_int(2))  # crypto_pwhash_ALG_ARGON2ID13
    check(rc == 0, "crypto_pwhash failed")
    return out.raw


def kdf(key, subkey_id, context):
    assert len(context) == 8
    out = buf(32)
    rc = S.crypto_kdf_derive_from_key(out, ctypes.c_size_t(32), ctypes.c_uint64(subkey_id), context, key)
    check(rc == 0, "crypto_kdf failed")
    return out.raw


def aead_encrypt(key, nonce, plaintext, ad):
    out = buf(len(plaintext) + 16)
    clen = ull(0)
    S.crypto_aead_xchacha20poly1305_ietf_encrypt(out, ctypes.byref(clen), plaintext, ull(len(plaintext)), ad,
                                                 ull(len(ad)), None, nonce, key)
    return out.raw[:clen.value]


def aead_decrypt(key, nonce, ciphertext, ad):
    check(len(ciphertext) >= 16, "ciphertext too short")
    out = buf(len(ciphertext))
    mlen = ull(0)
    rc = S.crypto_aead_xchacha20poly1305_ietf_decrypt(out, ctypes.byref(mlen), None, ciphertext,
                                                      ull(len(ciphertext)), ad, ull(len(ad)), nonce, key)
    check(rc == 0, "AEAD check failed")
    return out.raw[:mlen.value]


def sign_keypair(seed):
    pk, sk = buf(32), buf(64)
    S.crypto_sign_seed_keypair(pk, sk, seed)
    return pk.raw, sk.raw


def sign(sk, message):
    sig = buf(64)
    S.crypto_sign_detached(sig, None, message, ull(len(message)), sk)
    return sig.raw


def verify(pk, message, sig):
    return S.crypto_sign_verify_detached(sig, message, ull(len(message)), pk) == 0


def x25519_public(secret):
    pk = buf(32)
    S.crypto_scalarmult_base(pk, secret)
    return pk.raw


def seal(message, pk):
    out = buf(len(message) + 48)
    S.crypto_box_seal(out, message, ull(len(message)), pk)
    return out.raw


def seal_open(sealed, pk, sk):
    check(len(sealed) >= 48, "sealed box too short")
    out = buf(len(sealed) - 48)
    rc = S.crypto_box_seal_open(out, sealed, ull(len(sealed)), pk, sk)
    check(rc == 0, "sealed box does not open")
    return out.raw


def box_easy(message, nonce, pk, sk):
    out = buf(len(message) + 16)
    S.crypto_box_easy(out, message, ull(len(message)), nonce, pk, sk)
    return out.raw


def chacha20_stream(n, nonce12, key):
    out = buf(n)
    S.crypto_stream_chacha20_ietf(out, ull(n), nonce12, key)
    return out.raw


def h(tag, data, size=32, key=b""):
    """Unkeyed (or keyed) BLAKE2b over tag ‖ NUL ‖ data (§3)."""
    return hashlib.blake2b(tag.encode() + b"\0" + data, digest_size=size, key=key).digest()


def ct_equal(a, b):
    return len(a) == len(b) and S.sodium_memcmp(a, b, ctypes.c_size_t(len(a))) == 0


def pad(plaintext, block=256):
    # sodium_pad: ISO/IEC 7816-4, 0x80 then zeros, always at least one byte of padding.
    padded = plaintext + b"\x80"
    return padded + bytes((-len(padded)) % block)


def unpad(padded, block=256):
    check(len(padded) >= block and len(padded) % block == 0, "bad padding length")
    stripped = padded.rstrip(b"\0")
    check(stripped.endswith(b"\x80") and len(padded) - len(stripped) < block, "bad padding")
    return stripped[:-1]


def b64(data):
    return base64.b64encode(data).decode()


def unb64(text):
    return base64.b64decode(text, validate=True)


def uid(text):
    return uuid.UUID(text).bytes


def uid_text(raw):
    return str(uuid.UUID(bytes=raw))


def tagged(tag):
    return tag.encode() + b"\0"


def now_ms():
    return int(time.time() * 1000)


# --- layouts (§5) ------------------------------------------------------------------------

T_ACCOUNT = tagged("conclave.wrap.account-key.v1")
T_USERKEYS = tagged("conclave.wrap.user-keys.v1")
T_BUNDLE = tagged("conclave.bundle.v1")
T_GRANT = tagged("conclave.grant.v2")
T_CHAIN = tagged("conclave.keychain.v1")
T_ENTRY = tagged("conclave.log.entry.v2")
T_ENVELOPE = tagged("conclave.envelope.v1")
T_STATE = tagged("conclave.folder.state.v1")
T_PINS2 = tagged("conclave.pins.v2")
T_STATEFILE = tagged("conclave.state.v1")
T_STATEBODY = tagged("conclave.state.body.v1")
T_OFFER = tagged("conclave.invite.offer.v1")
T_ANSWER = tagged("conclave.invite.answer.v1")

CREATE, ADD, REMOVE, ROLE, ROTATE, LEAVE, CONFIRM = range(1, 8)
VIEW, EDIT, MANAGE = 1, 2, 3
KIND_ITEM, KIND_DELETE, KIND_NAME = 1, 2, 3


def keywrap(key, secret, purpose_ad, nonce=None):
    nonce = nonce or random_bytes(24)
    return b"\x02" + nonce + aead_encrypt(key, nonce, secret, b"\x02" + purpose_ad)


def keyunwrap(key, wrapped, n, purpose_ad):
    check(len(wrapped) == 1 + 24 + n + 16 and wrapped[0] == 2, "wrapped key layout")
    return aead_decrypt(key, wrapped[1:25], wrapped[25:], b"\x02" + purpose_ad)


def make_bundle(user, id_pk, enc_pk, id_sk):
    body = T_BUNDLE + user + id_pk + enc_pk
    return body + sign(id_sk, body)


def parse_bundle(raw):
    check(len(raw) == 163 and raw[:19] == T_BUNDLE, "bundle layout")
    user, id_pk, enc_pk = raw[19:35], raw[35:67], raw[67:99]
    check(verify(id_pk, raw[:99], raw[99:]), "bundle signature")
    return user, id_pk, enc_pk


def fingerprint(id_pk):
    return h("conclave.fingerprint.v1", id_pk, 64)


def safety_number(id_pk):
    fp = fingerprint(id_pk)
    return " ".join("%05d" % (int.from_bytes(fp[5 * i:5 * i + 5], "big") % 100000) for i in range(12))


def commitment(key, folder, version):
    return h("conclave.key.commitment.v1", folder + struct.pack(">I", version), key=key)


ENTRY_FMT = ">16sQ32sB16s16s32sBI32sQ"


def make_entry(sk, folder, seq, prev, action, signer, subject, subject_key, role, version, commit, at):
    body = T_ENTRY + struct.pack(ENTRY_FMT, folder, seq, prev, action, signer, subject, subject_key, role, version,
                                 commit, at)
    return body + sign(sk, body)


def parse_entry(raw):
    check(len(raw) == 252 and raw[:22] == T_ENTRY, "log entry layout")
    f = struct.unpack(ENTRY_FMT, raw[22:188])
    e = dict(zip(("folder", "seq", "prev", "action", "signer", "subject", "key", "role", "version", "commit", "at"),
                 f))
    check(1 <= e["action"] <= 7 and e["role"] <= 3, "log entry action or role")
    e["raw"], e["sig"] = raw, raw[188:]
    return e


def entry_hash(raw):
    return h("conclave.log.hash.v1", raw)


def make_grant(sk, folder, version, position, recipient, recipient_pk, granter, folder_key):
    sealed = seal(folder_key, recipient_pk)
    body = T_GRANT + folder + struct.pack(">IQ", version, position) + recipient + recipient_pk + granter + \
        struct.pack(">I", 80) + sealed
    return body + sign(sk, body)


def parse_grant(raw):
    check(len(raw) == 258 and raw[:18] == T_GRANT, "grant layout")
    version, position = struct.unpack(">IQ", raw[34:46])
    check(struct.unpack(">I", raw[110:114])[0] == 80, "grant sealed key length")
    return dict(folder=raw[18:34], version=version, position=position, recipient=raw[46:62], recipient_pk=raw[62:94],
                granter=raw[94:110], sealed=raw[114:194], sig=raw[194:], raw=raw)


def make_envelope(sk, key, kind, org, folder, item, version, revision, prev, author, plaintext, nonce=None):
    nonce = nonce or random_bytes(24)
    padded = pad(plaintext)
    header = T_ENVELOPE + bytes([1, kind]) + org + folder + item + struct.pack(">IQ", version, revision) + prev + \
        author + nonce
    assert len(header) == 155
    ct = aead_encrypt(key, nonce, padded, header)
    body = header + struct.pack(">I", len(ct)) + ct
    return body + sign(sk, body)


def parse_envelope(raw):
    check(len(raw) >= 223 and raw[:21] == T_ENVELOPE, "envelope layout")
    check(raw[21] != 0, "envelope format version 0")
    check(raw[21] == 1, "envelope from a newer version")
    kind = raw[22]
    check(kind in (1, 2, 3), "envelope kind")
    version, revision = struct.unpack(">IQ", raw[71:83])
    (c,) = struct.unpack(">I", raw[155:159])
    check(c >= 272 and (c - 16) % 256 == 0 and c <= 2**20 + 256 + 16, "envelope ciphertext length")
    check(len(raw) == 159 + c + 64, "envelope size")
    check(revision >= 1 and version >= 1, "envelope revision or key version 0")
    prev = raw[83:115]
    check((prev == ZERO32) == (revision == 1), "envelope previous hash")
    return dict(kind=kind, org=raw[23:39], folder=raw[39:55], item=raw[55:71], version=version, revision=revision,
                prev=prev, author=raw[115:131], nonce=raw[131:155], ct=raw[159:159 + c], signed=raw[:159 + c],
                sig=raw[159 + c:], raw=raw)


def envelope_hash(raw):
    return h("conclave.envelope.hash.v1", raw)


STATE_FMT = ">16sQ32sQ32sB16s32sI32s16sQ"


def make_state(sk, folder, seq, prev, log_len, log_head, change, item, env_hash, count, digest, writer, at):
    body = T_STATE + struct.pack(STATE_FMT, folder, seq, prev, log_len, log_head, change, item, env_hash, count, digest,
                                 writer, at)
    return body + sign(sk, body)


def parse_state(raw):
    check(len(raw) == 294 and raw[:25] == T_STATE, "folder state layout")
    f = struct.unpack(STATE_FMT, raw[25:230])
    s = dict(zip(("folder", "seq", "prev", "log_len", "log_head", "change", "item", "env_hash", "count", "digest",
                  "writer", "at"), f))
    check(s["seq"] >= 1 and (s["prev"] == ZERO32) == (s["seq"] == 1), "folder state sequence")
    check(s["log_len"] >= 1 and s["change"] in (1, 2), "folder state log length or change")
    if s["change"] == 1:
        check(s["item"] != NIL, "write state without an item")
    else:
        check(s["item"] == NIL and s["env_hash"] == ZERO32, "rotation state naming an item")
    s["raw"], s["sig"] = raw, raw[230:]
    return s


def state_hash(raw):
    return h("conclave.folder.state.hash.v1", raw)


def items_digest(live):
    """§5.10: live maps item id (16 bytes) to its latest envelope hash."""
    buckets = [[] for _ in range(256)]
    for item, env in live.items():
        buckets[item[0]].append((item, env))
    parts = b""
    for i, leaves in enumerate(buckets):
        leaves.sort()
        parts += h("conclave.folder.bucket.v1",
                   bytes([i]) + struct.pack(">I", len(leaves)) + b"".join(a + b for a, b in leaves))
    return h("conclave.folder.items.v1", struct.pack(">I", len(live)) + parts)


# --- membership log replay (§5.4) --------------------------------------------------------


class Membership:
    """The state after replaying a log: roles, bound identity keys, key versions."""

    def __init__(self, folder):
        self.folder = folder
        self.entries = []
        self.roles = {}
        self.keys = {}
        self.version = 0
        self.commitments = {}
        self.pending_rotation = False
        self.history = []  # (roles, keys, version) after each entry

    def apply(self, raw):
        e = parse_entry(raw)
        n = len(self.entries)
        check(e["folder"] == self.folder, "log entry of another folder")
        check(e["seq"] == n, "log entry sequence")
        check(e["prev"] == (entry_hash(self.entries[-1]) if n else ZERO32), "log entry chain")
        a, signer = e["action"], e["signer"]
        empty_key = a not in (CREATE, ADD, CONFIRM)
        check((e["key"] == ZERO32) == empty_key, "unused subject key not empty")
        check((e["role"] == 0) == (a not in (CREATE, ADD, ROLE)), "unused role not empty")
        check((e["subject"] == NIL) == (a == ROTATE), "subject of a rotate")
        check((e["commit"] == ZERO32) == (a not in (CREATE, ROTATE)), "key commitment of this action")
        if n == 0:
            check(a == CREATE and signer == e["subject"] and e["role"] == MANAGE and e["version"] == 1,
                  "first entry is not a create")
            check(verify(e["key"], raw[:188], e["sig"]), "create signature")
            self.roles[signer], self.keys[signer] = MANAGE, e["key"]
            self.version = 1
            self.commitments[1] = e["commit"]
        else:
            check(a != CREATE, "second create")
            check(signer in self.roles, "signer is not a member")
            check(verify(self.keys[signer], raw[:188], e["sig"]), "log entry signature")
            if a in (ADD, REMOVE, ROLE, ROTATE, CONFIRM):
                check(self.roles[signer] == MANAGE, "signer lacks Manage")
            sub = e["subject"]
            if a == ADD:
                check(sub not in self.roles and e["role"] >= 1, "add of a member")
                self.roles[sub], self.keys[sub] = e["role"], e["key"]
            elif a == REMOVE:
                check(sub in self.roles and sub != signer, "remove")
                del self.roles[sub]
                self.pending_rotation = True
            elif a == ROLE:
                check(sub in self.roles and e["role"] >= 1, "change role")
                self.roles[sub] = e["role"]
            elif a == LEAVE:
                check(sub == signer, "leave by another")
                del self.roles[sub]
                self.pending_rotation = True
            elif a == CONFIRM:
                check(sub in self.roles and sub != signer and e["key"] != self.keys[sub], "confirm key")
                self.keys[sub] = e["key"]
                self.pending_rotation = True
            if a == ROTATE:
                check(e["version"] == self.version + 1, "rotate version")
                self.version += 1
                self.commitments[self.version] = e["commit"]
                self.pending_rotation = False
            else:
                check(e["version"] == self.version, "key version changed")
            check(MANAGE in self.roles.values(), "no manager left")
        self.entries.append(raw)
        self.history.append((dict(self.roles), dict(self.keys), self.version))

    def at(self, length):
        return self.history[length - 1]

    def head(self):
        return entry_hash(self.entries[-1])


def verify_grant(g, log):
    """§5.5 verify(state): position, version, granter's signature and Manage at that position."""
    check(g["folder"] == log.folder, "grant of another folder")
    check(1 <= g["position"] <= len(log.entries), "grant position")
    roles, keys, version = log.at(g["position"])
    check(1 <= g["version"] <= version, "grant key version")
    check(g["granter"] in keys and verify(keys[g["granter"]], g["raw"][:194], g["sig"]), "grant signature")
    check(roles.get(g["granter"]) == MANAGE, "granter lacks Manage at the grant's position")
    check(g["recipient"] in roles and g["recipient"] in log.roles, "grant recipient not a member")


def open_grant(g, log, me, enc_pk, enc_sk):
    verify_grant(g, log)
    check(g["recipient"] == me and g["recipient_pk"] == enc_pk, "grant names someone else")
    key = seal_open(g["sealed"], enc_pk, enc_sk)
    check(ct_equal(commitment(key, log.folder, g["version"]), log.commitments[g["version"]]),
          "grant key does not match the log's commitment")
    return key


def open_envelope(raw, org, folder, item, log, keys, last_seen=None, skip=()):
    """§5.7 reader rules, in order, for a current (not historical) read. `skip` names rules
    left out, only to show that an attack succeeds without them."""
    e = parse_envelope(raw)
    if "moved item" not in skip:
        check(e["org"] == org and e["folder"] == folder and folder == log.folder, "moved item")
    if "swapped id" not in skip:
        check(e["item"] == item, "swapped id")
    check(e["author"] in log.keys, "author unknown to the log")
    if "envelope signature" not in skip:
        check(verify(log.keys[e["author"]], e["signed"], e["sig"]), "envelope signature")
    check(log.roles.get(e["author"], 0) >= EDIT, "author lacks Edit")
    if last_seen and "rollback" not in skip:
        r, lh = last_seen
        check(e["revision"] >= r, "rollback")
        check(e["revision"] != r or envelope_hash(raw) == lh, "fork")
        check(e["revision"] != r + 1 or e["prev"] == lh, "broken chain")
    check(e["version"] in log.commitments, "key version unknown to the log")
    newer = not last_seen or e["revision"] > last_seen[0]
    if newer:
        check(not log.pending_rotation, "rotation pending")
        check(e["version"] == log.version, "stale key version")
    check((e["kind"] == KIND_NAME) == (e["item"] == (e["folder"] if "moved item" in skip else folder)),
          "folder name id")
    check(e["kind"] != KIND_DELETE or len(e["ct"]) == 272, "delete marker length")
    check(e["version"] in keys, "no key for this version")
    plaintext = unpad(aead_decrypt(keys[e["version"]], e["nonce"], e["ct"], raw[:155]))
    check(e["kind"] != KIND_DELETE or plaintext == b"", "delete marker with content")
    return e, plaintext


def check_snapshot(state_raw, live, log):
    """§5.9 acceptSnapshot: the newest state's signature, log view and the live set's digest."""
    s = parse_state(state_raw)
    check(s["folder"] == log.folder, "state of another folder")
    check(1 <= s["log_len"] <= len(log.entries), "state log length")
    check(entry_hash(log.entries[s["log_len"] - 1]) == s["log_head"], "state log head")
    roles, keys, _ = log.at(s["log_len"])
    check(s["writer"] in keys and verify(keys[s["writer"]], state_raw[:230], s["sig"]), "state signature")
    check(roles.get(s["writer"], 0) >= (EDIT if s["change"] == 1 else MANAGE), "state writer lacks the role")
    check(s["count"] == len(live) and s["digest"] == items_digest(live), "live item set does not match the state")
    return s


# --- test vectors (§7, §10) --------------------------------------------------------------


def doc_vectors(protocol_md):
    vectors = {}
    for line in open(protocol_md, encoding="utf-8"):
        m = re.match(r"^([A-Za-z0-9.]+): (.+)$", line.rstrip("\n"))
        if m:
            vectors[m.group(1)] = m.group(2)
    return vectors


def det_random(label, n):
    """§7 test randomness: the first call after reseed(label)."""
    seed = hashlib.blake2b(label.encode(), digest_size=32).digest()
    return chacha20_stream(n, struct.pack("<Q", 0) + bytes(4), seed)


def seq_bytes(a, b):
    return bytes(range(a, b + 1))


def check_vectors(protocol_md):
    v = doc_vectors(protocol_md)
    x = lambda name: bytes.fromhex(v[name])
    P = "00000000-0000-4000-8000-"
    alice, bob, carol = uid(P + "0000000000a1"), uid(P + "0000000000b0"), uid(P + "0000000000c0")
    org, folder, item = uid(P + "00000000000a"), uid(P + "00000000000f"), uid(P + "000000000001")
    a_pk, a_sk = sign_keypair(seq_bytes(0x00, 0x1f))
    b_pk, b_sk = sign_keypair(seq_bytes(0x60, 0x7f))
    b2_pk, _ = sign_keypair(seq_bytes(0x11, 0x30))
    c_pk, _ = sign_keypair(seq_bytes(0xe0, 0xff))
    a_enc_sk, b_enc_sk = seq_bytes(0x20, 0x3f), seq_bytes(0x80, 0x9f)
    a_enc, b_enc = x25519_public(a_enc_sk), x25519_public(b_enc_sk)
    done = []

    def same(name, value):
        if x(name) != value:
            raise Refused("vector %s differs" % name)
        done.append(name)

    # KDF, account key
    password = x("kdf.password")
    root = pwhash(password, x("kdf.salt"), 3, 64 << 20)
    same("kdf.authKey", kdf(root, 1, b"conclave"))
    kek = kdf(root, 2, b"conclave")
    account = seq_bytes(0x40, 0x5f)
    same("kdf.wrappedAccountKey", keywrap(kek, account, T_ACCOUNT, det_random("account-key", 24)))
    check(keyunwrap(kek, x("kdf.wrappedAccountKey"), 32, T_ACCOUNT) == account, "account key unwrap")
    # identities
    same("alice.identityPublicKey", a_pk)
    same("alice.encryptionPublicKey", a_enc)
    same("alice.fingerprint", fingerprint(a_pk))
    if safety_number(a_pk) != v["alice.safetyNumber"]:
        raise Refused("vector alice.safetyNumber differs")
    same("alice.bundle", make_bundle(alice, a_pk, a_enc, a_sk))
    same("alice.wrappedUserKeys",
         keywrap(account, seq_bytes(0x00, 0x1f) + a_enc_sk, T_USERKEYS + alice, det_random("user-keys", 24)))
    # log
    k1, k2 = seq_bytes(0xa0, 0xbf), seq_bytes(0xc0, 0xdf)
    same("commitment.v1", commitment(k1, folder, 1))
    same("commitment.v2", commitment(k2, folder, 2))
    t = 1700000000000
    plan = [("create", a_sk, CREATE, alice, alice, a_pk, MANAGE, 1, commitment(k1, folder, 1)),
            ("add", a_sk, ADD, alice, bob, b_pk, EDIT, 1, ZERO32),
            ("addCarol", a_sk, ADD, alice, carol, c_pk, VIEW, 1, ZERO32),
            ("role", a_sk, ROLE, alice, bob, ZERO32, MANAGE, 1, ZERO32),
            ("remove", b_sk, REMOVE, bob, carol, ZERO32, 0, 1, ZERO32),
            ("rotate", a_sk, ROTATE, alice, NIL, ZERO32, 0, 2, commitment(k2, folder, 2)),
            ("confirmKey", a_sk, CONFIRM, alice, bob, b2_pk, 0, 2, ZERO32),
            ("leave", a_sk, LEAVE, alice, alice, ZERO32, 0, 2, ZERO32)]
    log = Membership(folder)
    prev = ZERO32
    for i, (name, sk, action, signer, subject, key, role, version, commit) in enumerate(plan):
        raw = make_entry(sk, folder, i, prev, action, signer, subject, key, role, version, commit, t + i)
        same("log." + name, raw)
        same("log.%s.hash" % name, entry_hash(raw))
        log.apply(raw)  # every vector entry also passes the replay rules
        prev = entry_hash(raw)
    # grant: v1 to bob by alice at position 3; the seal's ephemeral key from the stream
    g = parse_grant(x("grant.v1.bob"))
    eph_sk = det_random("grant", 32)
    eph_pk = x25519_public(eph_sk)
    nonce = hashlib.blake2b(eph_pk + b_enc, digest_size=24).digest()
    sealed = eph_pk + box_easy(k1, nonce, b_enc, eph_sk)
    body = T_GRANT + folder + struct.pack(">IQ", 1, 3) + bob + b_enc + alice + struct.pack(">I", 80) + sealed
    same("grant.v1.bob", body + sign(a_sk, body))
    check(seal_open(g["sealed"], b_enc, b_enc_sk) == k1, "grant opens to v1")
    # key chain link v2 -> v1
    header = T_CHAIN + folder + struct.pack(">III", 2, 1, 73)
    same("keychain.v2", header + keywrap(k2, k1, header[:45], det_random("key-chain", 24)))
    # envelopes
    r1 = make_envelope(b_sk, k1, KIND_ITEM, org, folder, item, 1, 1, ZERO32, bob, x("envelope.plaintext"),
                       det_random("envelope", 24))
    same("envelope.r1", r1)
    same("envelope.r1.hash", envelope_hash(r1))
    r2 = make_envelope(a_sk, k1, KIND_ITEM, org, folder, item, 1, 2, envelope_hash(r1), alice,
                       x("envelope.r2.plaintext"), det_random("envelope-r2", 24))
    same("envelope.r2", r2)
    same("envelope.r2.hash", envelope_hash(r2))
    dm = make_envelope(a_sk, k1, KIND_DELETE, org, folder, item, 1, 3, envelope_hash(r2), alice, b"",
                       det_random("delete-marker", 24))
    same("envelope.delete", dm)
    same("envelope.delete.hash", envelope_hash(dm))
    fn = make_envelope(a_sk, k1, KIND_NAME, org, folder, folder, 1, 1, ZERO32, alice, b"Production",
                       det_random("folder-name", 24))
    same("envelope.folderName.plaintext", b"Production")
    same("envelope.folderName", fn)
    same("envelope.folderName.hash", envelope_hash(fn))
    head3 = x("log.addCarol.hash")  # both states were written at log length 3
    live = {folder: envelope_hash(fn)}
    s1 = make_state(a_sk, folder, 1, ZERO32, 3, head3, 1, folder, envelope_hash(fn), 1, items_digest(live), alice,
                    t + 10)
    same("folderState.1", s1)
    same("folderState.1.hash", state_hash(s1))
    live[item] = envelope_hash(r1)
    s2 = make_state(b_sk, folder, 2, state_hash(s1), 3, head3, 1, item, envelope_hash(r1), 2, items_digest(live), bob,
                    t + 11)
    same("folderState.2", s2)
    same("folderState.2.hash", state_hash(s2))

    # §10: pin store, security state, invitation, server hash
    t0 = 1700000000000
    alice_rec = alice + a_pk + bytes([2]) + struct.pack(">Q", t0) + NIL + NIL + b"\0"
    bob_rec = bob + seq_bytes(0xe0, 0xff) + bytes([4]) + struct.pack(">Q", t0 + 3) + alice + folder + b"\1" + \
        seq_bytes(0x10, 0x2f)
    pins = T_PINS2 + struct.pack(">I", 2) + alice_rec + bob_rec
    same("pins.v2", pins)
    state_key = kdf(account, 1, b"secstate")
    same("state.key", state_key)
    folders = struct.pack(">I", 1) + folder + struct.pack(">Q", 2) + entry_hash(x("log.add")) + b"\1" + \
        struct.pack(">Q", 5) + seq_bytes(0x70, 0x8f)
    items = struct.pack(">I", 1) + folder + item + struct.pack(">Q", 1) + seq_bytes(0x30, 0x4f)
    body = T_STATEBODY + struct.pack(">I", len(pins)) + pins + folders + items
    same("state.body", body)
    header = T_STATEFILE + alice + struct.pack(">QBQQ", 7, 1, 3, 64 << 20) + x("kdf.salt")
    nonce = det_random("security-state", 24)
    ct = aead_encrypt(state_key, nonce, body, header)
    same("state.sealed", header + nonce + struct.pack(">I", len(ct)) + ct)
    code = x("invite.codeBytes")
    alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
    bits = int.from_bytes(code, "big") >> 4
    symbols = "".join(alphabet[(bits >> (5 * (19 - i))) & 31] for i in range(20))
    if "-".join(symbols[i:i + 5] for i in range(0, 20, 5)) != v["invite.code"]:
        raise Refused("vector invite.code differs")
    invitation = carol  # the invitation id 00000000-0000-4000-8000-0000000000c0
    mac_key = h("conclave.invite.key.v1", invitation + code)
    same("invite.macKey", mac_key)
    offer = T_OFFER + invitation + folder + alice + bob + a_pk
    same("invite.offer", offer + hashlib.blake2b(offer, digest_size=32, key=mac_key).digest())
    answer = T_ANSWER + invitation + folder + alice + make_bundle(bob, b_pk, b_enc, b_sk)
    same("invite.answer", answer + hashlib.blake2b(answer, digest_size=32, key=mac_key).digest())
    tag = b"conclave-auth-key-v1"
    same("server.authKeyHash",
         hashlib.blake2b(bytes([len(tag)]) + tag + x("kdf.authKey"), digest_size=32, key=x("server.key")).digest())
    return done


# --- the server and its HTTP API ---------------------------------------------------------


class ApiError(Exception):
    def __init__(self, status, body):
        super().__init__("%s %s" % (status, body))
        self.status, self.body = status, body


class Server:
    def __init__(self, binary, root):
        self.binary, self.root = binary, root
        self.data = os.path.join(root, "data")
        self.port_file = os.path.join(root, "port")
        os.makedirs(self.data)
        self.process = None

    def start(self):
        logs = os.path.join(self.root, "logs")
        os.makedirs(logs, exist_ok=True)
        self.process = subprocess.Popen(
            [self.binary, "serve", "--data-dir", self.data, "--listen", "127.0.0.1:0", "--port-file", self.port_file,
             "--log-dir", logs], stdout=open(os.path.join(logs, "stdout.txt"), "wb"), stderr=subprocess.STDOUT)
        deadline = time.time() + 20
        while time.time() < deadline:
            if os.path.exists(self.port_file) and os.path.getsize(self.port_file) > 0:
                self.port = int(open(self.port_file).read().strip())
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        raise SystemExit("conclave-server did not start")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)

    def admin(self, *args):
        out = subprocess.run([self.binary, "admin", *args, "--data-dir", self.data], capture_output=True, text=True,
                             timeout=30)
        if out.returncode != 0:
            raise SystemExit("admin %s failed: %s" % (args[0], out.stderr))
        return out.stdout.strip()

    def code_for(self, email):
        outbox = os.path.join(self.data, "outbox")
        for name in sorted(os.listdir(outbox), reverse=True):
            text = open(os.path.join(outbox, name), encoding="utf-8", errors="replace", newline="").read()
            if ("To: %s\r\n" % email) in text:
                m = re.search(r"code is (\d{8})", text)
                if m:
                    return m.group(1)
        raise SystemExit("no verification code for %s in the outbox" % email)

    def call(self, method, path, body=None, token=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request("http://127.0.0.1:%d%s" % (self.port, path), data=data, method=method)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        if token:
            req.add_header("Authorization", "Bearer " + token)
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                text = resp.read()
                return json.loads(text) if text else {}
        except urllib.error.HTTPError as err:
            raise ApiError(err.code, err.read().decode(errors="replace")) from None


# --- the client --------------------------------------------------------------------------


class Client:
    MIN_OPS, MIN_MEM = 3, 64 << 20

    def __init__(self, server, email, password):
        self.server, self.email, self.password = server, email, password

    def derive(self, kdf_params):
        salt = unb64(kdf_params["salt"])
        ops, mem = kdf_params["opsLimit"], kdf_params["memLimitBytes"]
        check(len(salt) == 16 and self.MIN_OPS <= ops <= 64 and self.MIN_MEM <= mem <= 4 << 30,
              "KDF parameters below the floor")
        root = pwhash(self.password, salt, ops, mem)
        return kdf(root, 1, b"conclave"), kdf(root, 2, b"conclave")

    def sign_up(self):
        params = {"salt": b64(random_bytes(16)), "opsLimit": 3, "memLimitBytes": 64 << 20}
        auth, kek = self.derive(params)
        self.account_key = random_bytes(32)
        r = self.server.call("POST", "/api/v1/accounts",
                             {"email": self.email, "name": "Doc Client", "authKey": b64(auth), "kdf": params,
                              "wrappedAccountKey": b64(keywrap(kek, self.account_key, T_ACCOUNT))})
        self.user = uid(r["userId"])
        check(r["verified"] is False, "new account verified already")
        self.server.call("POST", "/api/v1/accounts/verify", {"email": self.email,
                                                             "code": self.server.code_for(self.email)})

    def sign_in(self):
        pre = self.server.call("POST", "/api/v1/accounts/prelogin", {"email": self.email})
        auth, kek = self.derive(pre["kdf"])
        r = self.server.call("POST", "/api/v1/sessions", {"email": self.email, "authKey": b64(auth)})
        self.token, self.user = r["token"], uid(r["userId"])
        check(r["verified"] is True, "address not verified")
        self.account_key = keyunwrap(kek, unb64(r["wrappedAccountKey"]), 32, T_ACCOUNT)
        return r

    def publish_keys(self):
        seed, self.enc_sk = random_bytes(32), random_bytes(32)
        self.id_pk, self.id_sk = sign_keypair(seed)
        self.enc_pk = x25519_public(self.enc_sk)
        self.server.call("PUT", "/api/v1/account/keys",
                         {"bundle": b64(make_bundle(self.user, self.id_pk, self.enc_pk, self.id_sk)),
                          "wrappedPrivateKeys": b64(keywrap(self.account_key, seed + self.enc_sk,
                                                            T_USERKEYS + self.user))}, self.token)

    def unlock_keys(self, session):
        """A new device: the private keys from the session answer, checked against the bundle."""
        secrets = keyunwrap(self.account_key, unb64(session["wrappedPrivateKeys"]), 64, T_USERKEYS + self.user)
        self.id_pk, self.id_sk = sign_keypair(secrets[:32])
        self.enc_sk = secrets[32:]
        self.enc_pk = x25519_public(self.enc_sk)
        user, id_pk, enc_pk = parse_bundle(unb64(session["keyBundle"]))
        check(user == self.user and id_pk == self.id_pk and enc_pk == self.enc_pk, "bundle is not ours")

    def call(self, method, path, body=None):
        return self.server.call(method, path, body, self.token)

    def create_folder(self, org, key=None):
        folder = uuid.uuid4()
        self.folder_key = key or random_bytes(32)
        f = folder.bytes
        entry = make_entry(self.id_sk, f, 0, ZERO32, CREATE, self.user, self.user, self.id_pk, MANAGE, 1,
                           commitment(self.folder_key, f, 1), now_ms())
        self.call("POST", "/api/v1/folders", {"orgId": str(org), "folderId": str(folder), "entry": b64(entry)})
        grant = make_grant(self.id_sk, f, 1, 1, self.user, self.enc_pk, self.user, self.folder_key)
        self.call("POST", "/api/v1/folders/%s/grants" % folder, {"grants": [b64(grant)]})
        self.log = Membership(f)
        self.log.apply(entry)
        self.live, self.state, self.revisions = {}, None, {}
        return folder

    def write(self, org, folder, item, kind, plaintext):
        f = folder.bytes
        rev, prev = self.revisions.get(item, (0, ZERO32))
        env = make_envelope(self.id_sk, self.folder_key, kind, org.bytes, f, item, 1, rev + 1, prev, self.user,
                            plaintext)
        eh = envelope_hash(env)
        if kind == KIND_DELETE:
            self.live.pop(item, None)
        else:
            self.live[item] = eh
        seq = self.state["seq"] + 1 if self.state else 1
        prev_state = state_hash(self.state["raw"]) if self.state else ZERO32
        st = make_state(self.id_sk, f, seq, prev_state, len(self.log.entries), self.log.head(), 1, item, eh,
                        len(self.live), items_digest(self.live), self.user, now_ms())
        body = {"envelope": b64(env), "state": b64(st)}
        if rev == 0:
            r = self.call("POST", "/api/v1/folders/%s/items" % folder, body)
        else:
            r = self.call("PUT", "/api/v1/folders/%s/items/%s" % (folder, uid_text(item)), body)
        check(r["revision"] == rev + 1 and unb64(r["hash"]) == eh and r["stateSequence"] == seq, "write answer")
        self.state = parse_state(st)
        self.revisions[item] = (rev + 1, eh)
        return env

    def read_folder(self, org, folder, page_limit=100, tamper=None, seen=None):
        """A full read by the reader rules: log, own grant, every page, the snapshot check."""
        f = folder.bytes
        detail = self.call("GET", "/api/v1/folders/%s" % folder)
        log = Membership(f)
        for row in sorted(detail["log"], key=lambda r: r["sequence"]):
            log.apply(unb64(row["entry"]))
        check(log.roles.get(self.user) is not None, "not a member by the log")
        keys = {}
        for row in self.call("GET", "/api/v1/folders/%s/grants" % folder)["grants"]:
            g = parse_grant(unb64(row["grant"]))
            if g["recipient"] == self.user:
                keys[g["version"]] = open_grant(g, log, self.user, self.enc_pk, self.enc_sk)
        for link in detail.get("keyLinks", []):
            raw = unb64(link["link"])
            check(len(raw) == 122 and raw[:21] == T_CHAIN and raw[21:37] == f, "key chain link layout")
            new, old, size = struct.unpack(">III", raw[37:49])
            check(new == link["keyVersion"] and old == new - 1 and size == 73, "key chain link versions")
            if new in keys:
                recovered = keyunwrap(keys[new], raw[49:], 32, raw[:45])
                check(ct_equal(commitment(recovered, f, old), log.commitments[old]), "chain link key commitment")
                check(keys.setdefault(old, recovered) == recovered, "chain link replaces a held key")
        rows, after, state = [], None, None
        while True:
            q = "?limit=%d" % page_limit + ("&after=%s" % after if after else "")
            page = self.call("GET", "/api/v1/folders/%s/items%s" % (folder, q))
            check(not page.get("corrupt"), "page lists corrupt items")
            if state is not None:
                check(page["state"] == state, "state changed between pages")
            state = page["state"]
            rows += page["items"]
            after = page.get("next")
            if not after:
                break
        if tamper:
            rows = tamper(rows)
        live, plain = {}, {}
        for row in rows:
            raw = unb64(row["envelope"])
            e, text = open_envelope(raw, org.bytes, f, uid(row["itemId"]), log, keys,
                                    last_seen=(seen or {}).get(uid(row["itemId"])))
            check(unb64(row["hash"]) == envelope_hash(raw), "row hash")
            if e["kind"] != KIND_DELETE:
                live[e["item"]] = envelope_hash(raw)
                plain[e["item"]] = text
        check(state is not None, "folder without a state")
        if seen is not None:
            for row in rows:
                seen[uid(row["itemId"])] = (row["revision"], unb64(row["hash"]))
        check_snapshot(unb64(state["state"]), live, log)
        return plain


def check_feed(client, folder, written):
    """§11: changes in increasing seq, an `item` change per write (objectId the item id), the
    user-addressed `grant` naming the folder, an exclusive cursor, a cursor past the head 400."""
    page = client.call("GET", "/api/v1/feed?cursor=0&limit=500")
    check(page["more"] is False, "feed wants another page")
    seqs = [c["seq"] for c in page["changes"]]
    check(seqs == sorted(set(seqs)) and seqs and page["cursor"] >= seqs[-1], "feed order or cursor")
    items = [c for c in page["changes"] if c["kind"] == "item" and c.get("folderId") == str(folder)]
    check({uid(c["objectId"]) for c in items} == written, "feed item changes")
    check(len(items) == 5, "one item change per write")
    created = [c for c in page["changes"] if c["kind"] == "membership" and c.get("folderId") == str(folder)]
    check([c["objectId"] for c in created] == ["0"], "folder creation's membership change")
    grants = [c for c in page["changes"] if c["kind"] == "grant" and "folderId" not in c]
    check([c["objectId"] for c in grants] == [str(folder)], "user-addressed grant change")
    again = client.call("GET", "/api/v1/feed?cursor=%d" % page["cursor"])
    check(again["changes"] == [] and again["cursor"] >= page["cursor"], "cursor is not exclusive")
    try:
        client.call("GET", "/api/v1/feed?cursor=%d" % (page["cursor"] + 1000))
        raise Refused("a cursor past the head was accepted")
    except ApiError as err:
        check(err.status == 400 and json.loads(err.body)["error"].get("field") == "cursor", "cursor past head")


def share_and_rotate(server, org, folder, k1, alice, device, plain):
    """Add bob (Edit) by his published bundle, grant him key v1, let him read; then remove him
    in one rotation (§6): [remove, rotate], the chain link, a v2 grant per remaining member and
    every live item as its next revision under v2, with the rotation's folder state."""
    bob = Client(server, "bob@interop.example", b"another long interop passphrase")
    bob.sign_up()
    bob.sign_in()
    bob.publish_keys()
    server.admin("add-member", "--org", str(org), "--email", bob.email, "--role", "member")
    found = alice.call("POST", "/api/v1/keys/lookup", {"email": bob.email})
    bob_id, bob_pk, bob_enc = parse_bundle(unb64(found["bundle"]))
    check(bob_id == uid(found["userId"]) == bob.user, "looked-up bundle")
    f = folder.bytes
    log = Membership(f)  # alice's own view: the log as she verifies it from the server
    for row in alice.call("GET", "/api/v1/folders/%s" % folder)["log"]:
        log.apply(unb64(row["entry"]))
    add = make_entry(alice.id_sk, f, len(log.entries), log.head(), ADD, alice.user, bob_id, bob_pk, EDIT, 1, ZERO32,
                     now_ms())
    r = alice.call("POST", "/api/v1/folders/%s/log" % folder, {"entry": b64(add)})
    log.apply(add)
    check(r["logLength"] == len(log.entries), "log append answer")
    grant = make_grant(alice.id_sk, f, 1, len(log.entries), bob_id, bob_enc, alice.user, k1)
    alice.call("POST", "/api/v1/folders/%s/grants" % folder, {"grants": [b64(grant)]})
    check(bob.read_folder(org, folder) == plain, "the added member reads something else")

    # The rotation. The state named by the rotation follows the newest one on the server.
    current = alice.call("GET", "/api/v1/folders/%s" % folder)["state"]
    cur = parse_state(unb64(current["state"]))
    rows = alice.call("GET", "/api/v1/folders/%s/items" % folder)["items"]
    remove = make_entry(alice.id_sk, f, len(log.entries), log.head(), REMOVE, alice.user, bob_id, ZERO32, 0, 1,
                        ZERO32, now_ms())
    log.apply(remove)
    k2 = random_bytes(32)
    rotate = make_entry(alice.id_sk, f, len(log.entries), log.head(), ROTATE, alice.user, NIL, ZERO32, 0, 2,
                        commitment(k2, f, 2), now_ms())
    log.apply(rotate)
    header = T_CHAIN + f + struct.pack(">III", 2, 1, 73)
    link = header + keywrap(k2, k1, header[:45])
    grants = [make_grant(alice.id_sk, f, 2, len(log.entries), alice.user, alice.enc_pk, alice.user, k2)]
    items, live = [], {}
    for row in rows:
        old = parse_envelope(unb64(row["envelope"]))
        text = unpad(aead_decrypt(k1, old["nonce"], old["ct"], unb64(row["envelope"])[:155]))
        env = make_envelope(alice.id_sk, k2, old["kind"], org.bytes, f, old["item"], 2, old["revision"] + 1,
                            envelope_hash(unb64(row["envelope"])), alice.user, text)
        items.append(b64(env))
        if old["kind"] != KIND_DELETE:  # a delete marker is carried too, and stays out of the live set
            live[old["item"]] = envelope_hash(env)
    state = make_state(alice.id_sk, f, cur["seq"] + 1, state_hash(cur["raw"]), len(log.entries), log.head(), 2, NIL,
                       ZERO32, len(live), items_digest(live), alice.user, now_ms())
    r = alice.call("POST", "/api/v1/folders/%s/rotation" % folder,
                   {"entries": [b64(remove), b64(rotate)], "chainLink": b64(link), "grants": [b64(g) for g in grants],
                    "items": items, "state": b64(state)})
    check(r["keyVersion"] == 2 and r["logLength"] == len(log.entries) and r["stateSequence"] == cur["seq"] + 1,
          "rotation answer")
    check(device.read_folder(org, folder) == plain, "after the rotation the folder reads something else")
    try:
        bob.call("GET", "/api/v1/folders/%s" % folder)
        raise Refused("a removed member still reads the folder")
    except ApiError as err:
        check(err.status == 404, "removed member answered %d" % err.status)
    removed = [c for c in bob.call("GET", "/api/v1/feed?cursor=0&limit=500")["changes"] if c["kind"] == "removed"]
    check([c["objectId"] for c in removed] == [str(folder)] and all("folderId" not in c for c in removed),
          "the removed member's feed")


def expect_refused(what, fn):
    try:
        fn()
    except Refused as err:
        return str(err)
    raise SystemExit("FAIL: %s was accepted" % what)


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    binary, protocol_md = sys.argv[1], sys.argv[2]
    done = check_vectors(protocol_md)
    print("PASS vectors: %d of protocol.md §7 and §10 reproduced byte for byte" % len(done))

    with tempfile.TemporaryDirectory(prefix="conclave-docclient-") as root:
        server = Server(binary, root)
        server.start()
        try:
            run(server)
        finally:
            server.stop()
    print("PASS docclient")


def run(server):
    email, password = "doc.client@interop.example", b"a long interop passphrase"
    alice = Client(server, email, password)
    alice.sign_up()
    alice.sign_in()
    alice.publish_keys()
    print("PASS sign-up, verification from the outbox, sign-in, key bundle")
    org = uuid.UUID(server.admin("create-org", "--name", "Interop", "--owner", email).split()[-1])
    orgs = alice.call("GET", "/api/v1/orgs")["organisations"]
    check(any(o["orgId"] == str(org) for o in orgs), "organisation not listed")
    folder = alice.create_folder(org)
    alice_key = alice.folder_key
    alice.write(org, folder, folder.bytes, KIND_NAME, "Interop folder".encode())
    item = uuid.uuid4().bytes
    secret_item = json.dumps({"name": "prod", "host": "db.interop.example:5432"}).encode()
    first_revision = alice.write(org, folder, item, KIND_ITEM, secret_item)
    changed = json.dumps({"name": "prod", "host": "db2.interop.example:5432"}).encode()
    alice.write(org, folder, item, KIND_ITEM, changed)
    gone = uuid.uuid4().bytes
    alice.write(org, folder, gone, KIND_ITEM, b'{"name":"old"}')
    alice.write(org, folder, gone, KIND_DELETE, b"")
    plain = alice.read_folder(org, folder)
    check(plain == {folder.bytes: b"Interop folder", item: changed}, "read back differs")
    print("PASS folder create, key commitment, grant to self, writes, read back")

    check_feed(alice, folder, {folder.bytes, item, gone})
    print("PASS the changes feed names every write and the grant, and its cursor behaves as §11 says")

    # A new device: only the password. Every page of one item at a time.
    device = Client(server, email, password)
    device.unlock_keys(device.sign_in())
    seen = {}
    check(device.read_folder(org, folder, page_limit=1, seen=seen) == plain, "second device reads something else")
    check(device.read_folder(org, folder, seen=seen) == plain, "a second read against what was seen differs")
    print("PASS second device reads and verifies the folder by the reader rules")

    # A second folder of the same member under the same key (a member may choose any key), so
    # an item moved in from it decrypts: only the placement rule refuses it.
    other = alice.create_folder(org, key=alice_key)
    alice.write(org, other, other.bytes, KIND_NAME, b"Other")
    foreign = uuid.uuid4().bytes
    alice.write(org, other, foreign, KIND_ITEM, b'{"name":"elsewhere"}')
    foreign_row = device.call("GET", "/api/v1/folders/%s/items/%s" % (other, uid_text(foreign)))
    item_row = device.call("GET", "/api/v1/folders/%s/items/%s" % (folder, uid_text(item)))
    flipped = bytearray(unb64(item_row["envelope"]))
    flipped[-1] ^= 1
    flipped = b64(bytes(flipped))

    def bad_signature(rows):
        return [dict(r, envelope=flipped) if uid(r["itemId"]) == item else r for r in rows]

    def swapped(rows):
        by = {uid(r["itemId"]): r for r in rows}
        return [dict(by[item], itemId=uid_text(folder.bytes)), dict(by[folder.bytes], itemId=uid_text(item))]

    def rolled_back(rows):
        return [dict(r, envelope=b64(first_revision), hash=b64(envelope_hash(first_revision)), revision=1)
                if uid(r["itemId"]) == item else r for r in rows]

    def moved(rows):
        return [foreign_row if uid(r["itemId"]) == item else r for r in rows]

    f = folder.bytes
    log = Membership(f)
    for row in device.call("GET", "/api/v1/folders/%s" % folder)["log"]:
        log.apply(unb64(row["entry"]))
    keys = {1: open_grant(parse_grant(unb64(device.call("GET", "/api/v1/folders/%s/grants" % folder)["grants"][0]
                                           ["grant"])), log, device.user, device.enc_pk, device.enc_sk)}
    attacks = [("envelope signature", bad_signature, flipped, item),
               ("swapped id", swapped, item_row["envelope"], folder.bytes),
               ("moved item", moved, foreign_row["envelope"], foreign),
               ("rollback", rolled_back, b64(first_revision), item)]
    for rule, tamper, envelope, asked in attacks:
        # Without the rule the hostile row opens: the attack works (on a first read, which has
        # no remembered revision; the rollback against the one remembered)...
        open_envelope(unb64(envelope), org.bytes, f, asked, log, keys,
                      last_seen=seen.get(asked) if rule == "rollback" else None, skip=(rule,))
        # ...and with it the whole read is refused for that reason, nothing of it applied.
        reason = expect_refused(rule, lambda: device.read_folder(org, folder, tamper=tamper, seen=dict(seen)))
        check(reason == rule, "%s refused as: %s" % (rule, reason))
    print("PASS a broken signature, a swapped id, a moved item and a rolled-back revision open without their rule"
          " and are refused with it")

    share_and_rotate(server, org, folder, alice_key, alice, device, plain)
    print("PASS add a member, grant, the member reads; remove with rotation, the folder reads under key v2")

    # The server refuses what the docs say it refuses: a write on a stale state is 409.
    stale = make_state(alice.id_sk, f, 1, ZERO32, 1, entry_hash(log.entries[0]), 1, item, envelope_hash(
        unb64(item_row["envelope"])), 1, ZERO32, alice.user, now_ms())
    try:
        alice.call("PUT", "/api/v1/folders/%s/items/%s" % (folder, uid_text(item)),
                   {"envelope": item_row["envelope"], "state": b64(stale)})
        raise SystemExit("FAIL: a stale write was stored")
    except ApiError as err:
        answer = json.loads(err.body)
        check(err.status == 409 and answer["error"]["code"] == "conflict" and answer["error"]["field"] == "state",
              "stale write answered %d %s" % (err.status, err.body))
        newest = alice.call("GET", "/api/v1/folders/%s" % folder)["state"]
        check(answer["sinceState"] == 0 and answer["current"] == newest and len(answer["changedItems"]) == 3,
              "409 without the rebase data")
    print("PASS the server refuses a write not made on its current state")


if __name__ == "__main__":
    try:
        main()
    except Refused as err:
        raise SystemExit("FAIL: %s" % err)
