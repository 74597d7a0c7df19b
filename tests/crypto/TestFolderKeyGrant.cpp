// Folder key grants and the key chain: a grant verifies only when its granter held Manage at
// the log position it names and its recipient was a member then and is now; it opens only
// for its recipient and only to the key the log committed to; it is made only from a key
// bundle matching the log and the pin. Altering any byte breaks it. Key chain links yield
// only committed keys and never replace a held one.
#include "FolderFixture.h"

#include "core/crypto/ByteWriter.h"
#include "core/crypto/DomainTags.h"
#include "core/crypto/FolderKeyGrant.h"

#include <QTest>

using namespace Conclave::Core;
using namespace Conclave::Core::Testing;

namespace {
// Offsets in the grant layout (tag is 18 bytes: "conclave.grant.v2\0").
constexpr qsizetype kFolderAt = 18;
constexpr qsizetype kVersionAt = kFolderAt + 16;
constexpr qsizetype kPositionAt = kVersionAt + 4;
constexpr qsizetype kRecipientAt = kPositionAt + 8;
constexpr qsizetype kRecipientKeyAt = kRecipientAt + 16;
constexpr qsizetype kGranterAt = kRecipientKeyAt + 32;

// A grant built byte by byte, for granters whose own client would refuse to make it.
QByteArray rawGrant(const QUuid& folder, quint32 version, quint64 position, const SecureBytes& key,
                    const TestMember& to, const TestMember& by)
{
    const QByteArray body = ByteWriter(DomainTags::kGrant)
                                .uuid(folder)
                                .u32(version)
                                .u64(position)
                                .uuid(to.id)
                                .fixed(to.keys.encryptionPublicKey())
                                .uuid(by.id)
                                .blob(UserKeys::seal(to.keys.encryptionPublicKey(), key))
                                .bytes();
    return body + by.keys.sign(body);
}

Status verifyRaw(const QByteArray& bytes, const MembershipState& state)
{
    Result<FolderKeyGrant> grant = FolderKeyGrant::parse(bytes);
    return grant ? grant->verify(state) : Status(grant.error());
}

// The error code of a refusal, or -1 when accepted (so an accepted grant fails the compare
// instead of asserting in error()).
int refusal(const Status& status)
{
    return status.ok() ? -1 : int(status.error().code);
}
} // namespace

class TestFolderKeyGrant : public QObject
{
    Q_OBJECT

private:
    static FolderKeyGrant grantTo(const FolderFixture& f, const TestMember& to, const TestMember& by)
    {
        return FolderKeyGrant::create(f.state, 1, *f.ring.key(1), FolderFixture::bundle(to), f.pins, by.id,
                                      by.keys)
            .value();
    }

private slots:
    void managerGrantVerifiesAndOpens()
    {
        FolderFixture f;
        const QByteArray bytes = grantTo(f, f.bob, f.alice).serialize();
        QCOMPARE(bytes.size(), FolderKeyGrant::kSize);
        Result<FolderKeyGrant> grant = FolderKeyGrant::parse(bytes);
        QVERIFY(grant.ok());
        QCOMPARE(grant->serialize(), bytes);
        QCOMPARE(grant->logPosition(), f.state.length());
        QVERIFY(grant->verify(f.state).ok());
        Result<SecureBytes> key = grant->open(f.state, f.bob.id, f.bob.keys);
        QVERIFY(key.ok());
        QVERIFY(*key == *f.ring.key(1));
        // Not for carol, even though she is a member.
        QVERIFY(!grant->open(f.state, f.carol.id, f.carol.keys).ok());
        QVERIFY(!grant->open(f.state, f.bob.id, f.carol.keys).ok());
    }

    void grantByNonManagerRejected_data()
    {
        QTest::addColumn<QString>("granter");
        QTest::newRow("edit member") << QStringLiteral("bob");
        QTest::newRow("view member") << QStringLiteral("carol");
        QTest::newRow("outsider") << QStringLiteral("eve");
    }

    void grantByNonManagerRejected()
    {
        QFETCH(QString, granter);
        FolderFixture f;
        TestMember eve;
        const TestMember& by = granter == QLatin1String("bob")     ? f.bob
                               : granter == QLatin1String("carol") ? f.carol
                                                                   : eve;
        // Their own client refuses to make it...
        QVERIFY(!FolderKeyGrant::create(f.state, 1, *f.ring.key(1), FolderFixture::bundle(f.carol), f.pins,
                                        by.id, by.keys)
                     .ok());
        // ...and readers refuse one made by hand.
        const Status verified =
            verifyRaw(rawGrant(f.folderId, 1, f.state.length(), *f.ring.key(1), f.carol, by), f.state);
        QVERIFY(!verified.ok());
        QVERIFY(verified.error().code == ErrorCode::Denied || verified.error().code == ErrorCode::Crypto);
    }

    void demotedManagerKeepsOnlyPastVersions()
    {
        // bob is a manager at log length 4, an editor again from length 5, and version 2 starts
        // at length 6. A grant counts at the position it names, so bob's grant of version 1
        // made while he was a manager stands; nothing he grants after his demotion does.
        FolderFixture f;
        f.append(MembershipLog::next(f.state, MembershipAction::ChangeRole, f.alice.id, f.alice.keys,
                                     f.bob.id, {}, FolderRole::Manage));
        const quint64 whileManager = f.state.length();
        f.append(MembershipLog::next(f.state, MembershipAction::ChangeRole, f.alice.id, f.alice.keys,
                                     f.bob.id, {}, FolderRole::Edit));
        const quint64 afterDemotion = f.state.length();
        f.rotate(f.alice);
        QVERIFY(
            verifyRaw(rawGrant(f.folderId, 1, whileManager, *f.ring.key(1), f.carol, f.bob), f.state).ok());
        QCOMPARE(refusal(verifyRaw(rawGrant(f.folderId, 1, afterDemotion, *f.ring.key(1), f.carol, f.bob),
                                   f.state)),
                 int(ErrorCode::Denied));
        QCOMPARE(refusal(verifyRaw(rawGrant(f.folderId, 2, f.state.length(), *f.ring.key(2), f.carol, f.bob),
                                   f.state)),
                 int(ErrorCode::Denied));
        // Version 2 did not exist while he was a manager.
        QCOMPARE(refusal(verifyRaw(rawGrant(f.folderId, 2, whileManager, *f.ring.key(2), f.carol, f.bob),
                                   f.state)),
                 int(ErrorCode::Protocol));
    }

    void demotedManagerGrantingCurrentVersionRefused_data()
    {
        QTest::addColumn<bool>("atOldPosition");
        QTest::newRow("naming the current position") << false;
        QTest::newRow("naming a position where he was a manager") << true;
    }

    void demotedManagerGrantingCurrentVersionRefused()
    {
        // bob was a manager for a while during version 1 and was demoted; version 1 is still
        // current. alice then adds dave. bob grants dave a key of his own making as "version
        // 1", so dave would write items nobody else can read.
        QFETCH(bool, atOldPosition);
        FolderFixture f;
        f.append(MembershipLog::next(f.state, MembershipAction::ChangeRole, f.alice.id, f.alice.keys,
                                     f.bob.id, {}, FolderRole::Manage));
        const quint64 whileManager = f.state.length();
        f.append(MembershipLog::next(f.state, MembershipAction::ChangeRole, f.alice.id, f.alice.keys,
                                     f.bob.id, {}, FolderRole::Edit));
        TestMember dave;
        f.add(dave, FolderRole::Edit);
        const SecureBytes bogus = FolderKeyRing::generateKey();
        const QByteArray bytes =
            rawGrant(f.folderId, 1, atOldPosition ? whileManager : f.state.length(), bogus, dave, f.bob);
        const Status verified = verifyRaw(bytes, f.state);
        QVERIFY(!verified.ok());
        QCOMPARE(verified.error().code, ErrorCode::Denied);
        QVERIFY(!FolderKeyGrant::parse(bytes)->open(f.state, dave.id, dave.keys).ok());
    }

    void grantOfUncommittedKeyRefused()
    {
        // Even a current manager cannot hand out a key other than the one the log committed to.
        FolderFixture f;
        const QByteArray bytes =
            rawGrant(f.folderId, 1, f.state.length(), FolderKeyRing::generateKey(), f.bob, f.alice);
        Result<FolderKeyGrant> grant = FolderKeyGrant::parse(bytes);
        QVERIFY(grant->verify(f.state).ok()); // the server cannot tell
        Result<SecureBytes> opened = grant->open(f.state, f.bob.id, f.bob.keys);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, ErrorCode::Crypto);
        QVERIFY(!FolderKeyGrant::create(f.state, 1, FolderKeyRing::generateKey(),
                                        FolderFixture::bundle(f.bob), f.pins, f.alice.id, f.alice.keys)
                     .ok());
    }

    void grantNeedsBundleMatchingLogAndPin_data()
    {
        QTest::addColumn<QString>("variant");
        for (const char* v :
             {"bundle key not in the log", "pinned key differs", "not pinned", "not a member"})
            QTest::newRow(v) << QString::fromLatin1(v);
    }

    void grantNeedsBundleMatchingLogAndPin()
    {
        // The server hands alice a bundle for bob with its own keys (validly self-signed).
        QFETCH(QString, variant);
        FolderFixture f;
        TestMember swapped{f.bob.id, UserKeys::generate()};
        TestMember dave;
        UserKeyBundle bundle = FolderFixture::bundle(f.bob);
        KeyPinStore pins = std::move(KeyPinStore::parse(f.pins.serialize()).value());
        if (variant == QLatin1String("bundle key not in the log")) {
            bundle = FolderFixture::bundle(swapped);
        } else if (variant == QLatin1String("pinned key differs")) {
            pins = KeyPinStore();
            (void)pins.check(f.bob.id, swapped.keys.identityPublicKey());
        } else if (variant == QLatin1String("not pinned")) {
            pins = KeyPinStore();
        } else {
            bundle = FolderFixture::bundle(dave);
            (void)pins.check(dave.id, dave.keys.identityPublicKey());
        }
        QVERIFY(FolderKeyGrant::create(f.state, 1, *f.ring.key(1), FolderFixture::bundle(f.bob), f.pins,
                                       f.alice.id, f.alice.keys)
                    .ok()); // control
        const Result<FolderKeyGrant> grant =
            FolderKeyGrant::create(f.state, 1, *f.ring.key(1), bundle, pins, f.alice.id, f.alice.keys);
        QVERIFY(!grant.ok());
        QCOMPARE(grant.error().code, ErrorCode::Denied);
        // A manager's grant to themself needs no pin, only their own key in the bundle.
        QVERIFY(FolderKeyGrant::create(f.state, 1, *f.ring.key(1), FolderFixture::bundle(f.alice),
                                       KeyPinStore(), f.alice.id, f.alice.keys)
                    .ok());
    }

    void forgedChainLinkRefused()
    {
        // Any holder of key version 2 can wrap a key of their choosing as "version 1". A
        // reader must neither take it nor let it replace the version 1 key it holds.
        FolderFixture f;
        f.rotate(f.alice);
        const SecureBytes bogus = FolderKeyRing::generateKey();
        const QByteArray forged = FolderKeyRing::makeChainLink(f.folderId, 2, *f.ring.key(2), bogus);

        FolderKeyRing fresh(f.folderId);
        fresh.insert(2, f.ring.key(2)->clone());
        QVERIFY(!fresh.absorbChainLink(forged, f.state).ok());
        QVERIFY(!fresh.contains(1));
        QVERIFY(fresh.absorbChainLink(f.ring.makeChainLink(2).value(), f.state).ok()); // the real one

        FolderKeyRing holder(f.folderId);
        holder.insert(1, f.ring.key(1)->clone());
        holder.insert(2, f.ring.key(2)->clone());
        (void)holder.absorbChainLink(forged, f.state);
        QVERIFY(*holder.key(1) == *f.ring.key(1));
        // Nor does anything else replace a held key.
        QVERIFY(!holder.insert(1, bogus.clone()));
        QVERIFY(!holder.accept(1, bogus.clone(), f.state).ok());
        QVERIFY(holder.accept(1, f.ring.key(1)->clone(), f.state).ok());
        QVERIFY(*holder.key(1) == *f.ring.key(1));
    }

    void alteredFieldsRejected_data()
    {
        QTest::addColumn<qsizetype>("offset");
        QTest::addColumn<QString>("what");
        QTest::newRow("folder") << kFolderAt << QStringLiteral("folder");
        QTest::newRow("key version") << kVersionAt + 3 << QStringLiteral("version");
        QTest::newRow("log position") << kPositionAt + 7 << QStringLiteral("position");
        QTest::newRow("recipient") << kRecipientAt << QStringLiteral("recipient");
        QTest::newRow("recipient key") << kRecipientKeyAt << QStringLiteral("recipientKey");
        QTest::newRow("granter") << kGranterAt << QStringLiteral("granter");
    }

    void alteredFieldsRejected()
    {
        QFETCH(qsizetype, offset);
        FolderFixture f;
        const QByteArray bytes = grantTo(f, f.bob, f.alice).serialize();
        QByteArray tampered = bytes;
        tampered[offset] = char(tampered[offset] ^ 0x01);
        Result<FolderKeyGrant> grant = FolderKeyGrant::parse(tampered);
        QVERIFY(!grant.ok() || !grant->verify(f.state).ok());
    }

    void recipientSwapByServerRejected()
    {
        // The server re-addresses bob's grant to carol (keeping the sealed box): the signature breaks.
        FolderFixture f;
        QByteArray bytes = grantTo(f, f.bob, f.alice).serialize();
        bytes.replace(kRecipientAt, 16, f.carol.id.toRfc4122());
        bytes.replace(kRecipientKeyAt, 32, f.carol.keys.encryptionPublicKey());
        Result<FolderKeyGrant> grant = FolderKeyGrant::parse(bytes);
        QVERIFY(grant.ok());
        QCOMPARE(grant->verify(f.state).error().code, ErrorCode::Crypto);
    }

    void grantToNonMemberOrUnknownVersionRejected()
    {
        FolderFixture f;
        TestMember eve;
        QCOMPARE(refusal(verifyRaw(rawGrant(f.folderId, 1, f.state.length(), *f.ring.key(1), eve, f.alice),
                                   f.state)),
                 int(ErrorCode::Denied));
        QVERIFY(!verifyRaw(rawGrant(f.folderId, 2, f.state.length(), *f.ring.key(1), f.bob, f.alice), f.state)
                     .ok());
        QVERIFY(
            !verifyRaw(rawGrant(f.folderId, 1, f.state.length() + 1, *f.ring.key(1), f.bob, f.alice), f.state)
                 .ok());
        QVERIFY(!verifyRaw(rawGrant(f.folderId, 1, 0, *f.ring.key(1), f.bob, f.alice), f.state).ok());
        // A member removed after the grant was made no longer counts as its recipient.
        const QByteArray toCarol =
            rawGrant(f.folderId, 1, f.state.length(), *f.ring.key(1), f.carol, f.alice);
        QVERIFY(verifyRaw(toCarol, f.state).ok());
        f.append(
            MembershipLog::next(f.state, MembershipAction::Remove, f.alice.id, f.alice.keys, f.carol.id));
        QCOMPARE(refusal(verifyRaw(toCarol, f.state)), int(ErrorCode::Denied));
    }

    void everyByteFlipRejected()
    {
        FolderFixture f;
        const QByteArray bytes = grantTo(f, f.bob, f.alice).serialize();
        for (qsizetype i = 0; i < bytes.size(); ++i) {
            QByteArray tampered = bytes;
            tampered[i] = char(tampered[i] ^ 0x01);
            Result<FolderKeyGrant> grant = FolderKeyGrant::parse(tampered);
            const bool accepted = grant.ok() && grant->open(f.state, f.bob.id, f.bob.keys).ok();
            QVERIFY2(!accepted, qPrintable(QString::number(i)));
        }
        QVERIFY(!FolderKeyGrant::parse(bytes.chopped(1)).ok());
        QVERIFY(!FolderKeyGrant::parse(QByteArray(bytes + 'x')).ok());
    }

    void keyChainRecoversOlderVersions()
    {
        FolderFixture f;
        for (int i = 0; i < 3; ++i)
            f.rotate(f.alice);
        QList<QByteArray> links;
        for (quint32 v = 2; v <= 4; ++v)
            links << f.ring.makeChainLink(v).value();

        // A new member granted only version 4 recovers 3, 2 and 1 (links in any order).
        FolderKeyRing reader(f.folderId);
        QVERIFY(reader.accept(4, f.ring.key(4)->clone(), f.state).ok());
        std::reverse(links.begin(), links.end());
        links.swapItemsAt(0, 2);
        QVERIFY(reader.absorbChain(links, f.state).ok());
        for (quint32 v = 1; v <= 4; ++v)
            QVERIFY(reader.contains(v) && *reader.key(v) == *f.ring.key(v));

        // Holding only version 2 gives nothing newer.
        FolderKeyRing old(f.folderId);
        old.insert(2, f.ring.key(2)->clone());
        QVERIFY(old.absorbChain(links, f.state).ok());
        QCOMPARE(old.latestVersion(), 2u);
        QVERIFY(old.contains(1));

        // Tampered link, other folder.
        FolderKeyRing fresh(f.folderId);
        fresh.insert(4, f.ring.key(4)->clone());
        QByteArray bad = f.ring.makeChainLink(4).value();
        bad[bad.size() - 1] = char(bad[bad.size() - 1] ^ 1);
        QCOMPARE(fresh.absorbChainLink(bad, f.state).error().code, ErrorCode::Crypto);
        FolderKeyRing other(QUuid::createUuid());
        other.insert(4, f.ring.key(4)->clone());
        QVERIFY(!other.absorbChainLink(f.ring.makeChainLink(4).value(), f.state).ok());
        QVERIFY(!fresh.absorbChainLink(f.ring.makeChainLink(4).value().chopped(1), f.state).ok());
    }
};

QTEST_GUILESS_MAIN(TestFolderKeyGrant)
#include "TestFolderKeyGrant.moc"
