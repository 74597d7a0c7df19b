// Folder key grants and the key chain: a grant verifies only when signed by someone who held
// Manage for that key version per the log, and only opens for its recipient; altering the
// recipient, folder or version (or any byte) breaks it.
#include "FolderFixture.h"

#include "core/crypto/FolderKeyGrant.h"

#include <QTest>

using namespace Conclave::Core;
using namespace Conclave::Core::Testing;

namespace {
// Offsets in the grant layout (tag is 18 bytes: "conclave.grant.v1\0").
constexpr qsizetype kFolderAt = 18;
constexpr qsizetype kVersionAt = kFolderAt + 16;
constexpr qsizetype kRecipientAt = kVersionAt + 4;
constexpr qsizetype kRecipientKeyAt = kRecipientAt + 16;
constexpr qsizetype kGranterAt = kRecipientKeyAt + 32;
} // namespace

class TestFolderKeyGrant : public QObject
{
    Q_OBJECT

private:
    static FolderKeyGrant grantTo(const FolderFixture& f, const TestMember& to, const TestMember& by)
    {
        return FolderKeyGrant::create(f.folderId, 1, *f.ring.key(1), to.id, to.keys.encryptionPublicKey(),
                                      by.id, by.keys)
            .value();
    }

private slots:
    void managerGrantVerifiesAndOpens()
    {
        FolderFixture f;
        const QByteArray bytes = grantTo(f, f.bob, f.alice).serialize();
        Result<FolderKeyGrant> grant = FolderKeyGrant::parse(bytes);
        QVERIFY(grant.ok());
        QCOMPARE(grant->serialize(), bytes);
        QVERIFY(grant->verify(f.state).ok());
        Result<SecureBytes> key = grant->open(f.bob.id, f.bob.keys);
        QVERIFY(key.ok());
        QVERIFY(*key == *f.ring.key(1));
        // Not for carol, even though she is a member.
        QVERIFY(!grant->open(f.carol.id, f.carol.keys).ok());
        QVERIFY(!grant->open(f.bob.id, f.carol.keys).ok());
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
        const FolderKeyGrant grant = grantTo(f, f.carol, by);
        const Status verified = FolderKeyGrant::parse(grant.serialize())->verify(f.state);
        QVERIFY(!verified.ok());
        QVERIFY(verified.error().code == ErrorCode::Denied || verified.error().code == ErrorCode::Crypto);
    }

    void demotedManagerKeepsOnlyPastVersions()
    {
        FolderFixture f;
        f.append(MembershipLog::next(f.state, MembershipAction::ChangeRole, f.alice.id, f.alice.keys,
                                     f.bob.id, {}, FolderRole::Manage));
        f.append(MembershipLog::next(f.state, MembershipAction::ChangeRole, f.alice.id, f.alice.keys,
                                     f.bob.id, {}, FolderRole::Edit));
        f.append(MembershipLog::next(f.state, MembershipAction::Rotate, f.alice.id, f.alice.keys));
        f.ring.insert(2, FolderKeyRing::generateKey());
        // bob held Manage during version 1, so his grant of version 1 stands; version 2 does not.
        QVERIFY(grantTo(f, f.carol, f.bob).verify(f.state).ok());
        const FolderKeyGrant v2 =
            FolderKeyGrant::create(f.folderId, 2, *f.ring.key(2), f.carol.id,
                                   f.carol.keys.encryptionPublicKey(), f.bob.id, f.bob.keys)
                .value();
        QCOMPARE(v2.verify(f.state).error().code, ErrorCode::Denied);
    }

    void alteredFieldsRejected_data()
    {
        QTest::addColumn<qsizetype>("offset");
        QTest::addColumn<QString>("what");
        QTest::newRow("folder") << kFolderAt << QStringLiteral("folder");
        QTest::newRow("key version") << kVersionAt + 3 << QStringLiteral("version");
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
        QCOMPARE(grantTo(f, eve, f.alice).verify(f.state).error().code, ErrorCode::Denied);
        const FolderKeyGrant future =
            FolderKeyGrant::create(f.folderId, 2, *f.ring.key(1), f.bob.id, f.bob.keys.encryptionPublicKey(),
                                   f.alice.id, f.alice.keys)
                .value();
        QVERIFY(!future.verify(f.state).ok());
    }

    void everyByteFlipRejected()
    {
        FolderFixture f;
        const QByteArray bytes = grantTo(f, f.bob, f.alice).serialize();
        for (qsizetype i = 0; i < bytes.size(); ++i) {
            QByteArray tampered = bytes;
            tampered[i] = char(tampered[i] ^ 0x01);
            Result<FolderKeyGrant> grant = FolderKeyGrant::parse(tampered);
            const bool accepted =
                grant.ok() && grant->verify(f.state).ok() && grant->open(f.bob.id, f.bob.keys).ok();
            QVERIFY2(!accepted, qPrintable(QString::number(i)));
        }
        QVERIFY(!FolderKeyGrant::parse(bytes.chopped(1)).ok());
        QVERIFY(!FolderKeyGrant::parse(QByteArray(bytes + 'x')).ok());
    }

    void keyChainRecoversOlderVersions()
    {
        const QUuid folder = QUuid::createUuid();
        FolderKeyRing writer(folder);
        for (quint32 v = 1; v <= 4; ++v)
            writer.insert(v, FolderKeyRing::generateKey());
        QList<QByteArray> links;
        for (quint32 v = 2; v <= 4; ++v)
            links << writer.makeChainLink(v).value();

        // A new member granted only version 4 recovers 3, 2 and 1 (links in any order).
        FolderKeyRing reader(folder);
        reader.insert(4, writer.key(4)->clone());
        std::reverse(links.begin(), links.end());
        links.swapItemsAt(0, 2);
        QVERIFY(reader.absorbChain(links).ok());
        for (quint32 v = 1; v <= 4; ++v)
            QVERIFY(reader.contains(v) && *reader.key(v) == *writer.key(v));

        // Holding only version 2 gives nothing newer.
        FolderKeyRing old(folder);
        old.insert(2, writer.key(2)->clone());
        QVERIFY(old.absorbChain(links).ok());
        QCOMPARE(old.latestVersion(), 2u);
        QVERIFY(old.contains(1));

        // Tampered link, other folder.
        FolderKeyRing fresh(folder);
        fresh.insert(4, writer.key(4)->clone());
        QByteArray bad = writer.makeChainLink(4).value();
        bad[bad.size() - 1] = char(bad[bad.size() - 1] ^ 1);
        QCOMPARE(fresh.absorbChainLink(bad).error().code, ErrorCode::Crypto);
        FolderKeyRing other(QUuid::createUuid());
        other.insert(4, writer.key(4)->clone());
        QVERIFY(!other.absorbChainLink(writer.makeChainLink(4).value()).ok());
        QVERIFY(!fresh.absorbChainLink(writer.makeChainLink(4).value().chopped(1)).ok());
    }
};

QTEST_GUILESS_MAIN(TestFolderKeyGrant)
#include "TestFolderKeyGrant.moc"
