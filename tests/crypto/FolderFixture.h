// A shared folder for crypto tests: org, folder, three members (alice Manage and creator,
// bob Edit, carol View), the signed membership log, a key ring holding key version 1 (the
// one the create entry commits to) and a pin store that pinned every member when added.
#pragma once

#include "core/crypto/FolderKeyRing.h"
#include "core/crypto/ItemEnvelope.h"
#include "core/crypto/ItemReader.h"
#include "core/crypto/KeyPinStore.h"
#include "core/crypto/MembershipLog.h"
#include "core/crypto/MembershipState.h"
#include "core/crypto/UserKeyBundle.h"
#include "core/crypto/UserKeys.h"

#include <QList>
#include <QUuid>

namespace Conclave::Core::Testing {

struct TestMember
{
    QUuid id = QUuid::createUuid();
    UserKeys keys = UserKeys::generate();
};

class FolderFixture
{
public:
    QUuid orgId = QUuid::createUuid();
    QUuid folderId = QUuid::createUuid();
    TestMember alice;
    TestMember bob;
    TestMember carol;
    QList<MembershipEntry> log;
    MembershipState state{folderId};
    FolderKeyRing ring{folderId};
    KeyPinStore pins;

    FolderFixture()
    {
        ring.insert(1, FolderKeyRing::generateKey());
        append(MembershipLog::create(folderId, alice.id, alice.keys, *ring.key(1), 1000));
        pin(alice);
        add(bob, FolderRole::Edit);
        add(carol, FolderRole::View);
    }

    void pin(const TestMember& member) { (void)pins.check(member.id, member.keys.identityPublicKey()); }
    static UserKeyBundle bundle(const TestMember& member)
    {
        return UserKeyBundle::create(member.id, member.keys);
    }

    // A manager rotates to a new key version; the ring gets the new key.
    void rotate(const TestMember& by)
    {
        SecureBytes key = FolderKeyRing::generateKey();
        append(MembershipLog::rotate(state, by.id, by.keys, key));
        ring.insert(state.currentKeyVersion(), std::move(key));
    }

    // Appends an entry that must be valid.
    void append(const MembershipEntry& entry)
    {
        const Status applied = state.apply(entry);
        if (!applied)
            qFatal("FolderFixture: invalid log entry: %s", qPrintable(applied.error().message));
        log << entry;
    }

    void add(const TestMember& member, FolderRole role)
    {
        append(MembershipLog::next(state, MembershipAction::Add, alice.id, alice.keys, member.id,
                                   member.keys.identityPublicKey(), role, 2000));
        pin(member);
    }

    ItemEnvelope::Header header(const TestMember& author, const QUuid& itemId, quint64 revision = 1,
                                const QByteArray& previousHash = {}) const
    {
        ItemEnvelope::Header h;
        h.orgId = orgId;
        h.folderId = folderId;
        h.itemId = itemId;
        h.keyVersion = state.currentKeyVersion();
        h.revision = revision;
        h.previousHash = previousHash;
        h.authorId = author.id;
        return h;
    }

    ItemEnvelope seal(const TestMember& author, const QUuid& itemId, const QByteArray& plaintext,
                      quint64 revision = 1, const QByteArray& previousHash = {}) const
    {
        return ItemEnvelope::seal(header(author, itemId, revision, previousHash), plaintext,
                                  *ring.key(state.currentKeyVersion()), author.keys)
            .value();
    }

    ItemReader::Expectation expect(const QUuid& itemId) const
    {
        ItemReader::Expectation e;
        e.orgId = orgId;
        e.folderId = folderId;
        e.itemId = itemId;
        return e;
    }
};

} // namespace Conclave::Core::Testing
