// Domain separation: a signature made for one kind of structure never verifies as another.
// For each signed structure, the same payload is signed under every other tag (and with no
// tag); grafting that signature onto the structure must fail, while the control signed
// under the structure's own tag passes. Hashes differ by tag too.
#include "FolderFixture.h"

#include "core/crypto/ByteWriter.h"
#include "core/crypto/CryptoHash.h"
#include "core/crypto/DomainTags.h"
#include "core/crypto/FolderKeyGrant.h"
#include "core/crypto/FolderStateChain.h"
#include "core/crypto/KeyWrap.h"
#include "core/crypto/UserKeyBundle.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

#include <cstring>
#include <functional>

using namespace Conclave::Core;
using namespace Conclave::Core::Testing;

namespace {
const char* const kSignedTags[] = {DomainTags::kBundle, DomainTags::kGrant, DomainTags::kLogEntry,
                                   DomainTags::kEnvelope, DomainTags::kFolderState};

QByteArray tagBytes(const char* tag)
{
    return QByteArray(tag, qsizetype(std::strlen(tag)) + 1);
}
} // namespace

class TestDomainSeparation : public QObject
{
    Q_OBJECT

private slots:
    void signatureFromOtherContextRejected_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("foreignTag");
        for (const char* target : kSignedTags) {
            for (const char* foreign : kSignedTags) {
                if (foreign != target)
                    QTest::newRow(qPrintable(
                        QStringLiteral("%1 <- %2").arg(QLatin1String(target), QLatin1String(foreign))))
                        << QString::fromLatin1(target) << QString::fromLatin1(foreign);
            }
            QTest::newRow(qPrintable(QStringLiteral("%1 <- untagged").arg(QLatin1String(target))))
                << QString::fromLatin1(target) << QString();
        }
    }

    void signatureFromOtherContextRejected()
    {
        QFETCH(QString, target);
        QFETCH(QString, foreignTag);
        FolderFixture f;
        const QUuid item = QUuid::createUuid();

        // Each target: its serialized bytes (signed by alice), and a checker for the whole thing.
        QByteArray bytes;
        std::function<bool(const QByteArray&)> accepts;
        const QByteArray t = target.toLatin1();
        if (t == DomainTags::kBundle) {
            bytes = UserKeyBundle::create(f.alice.id, f.alice.keys).serialize();
            accepts = [](const QByteArray& b) {
                return UserKeyBundle::parseAndVerify(b).ok();
            };
        } else if (t == DomainTags::kGrant) {
            bytes = FolderKeyGrant::create(f.state, 1, *f.ring.key(1), FolderFixture::bundle(f.bob), f.pins,
                                           f.alice.id, f.alice.keys)
                        ->serialize();
            accepts = [&](const QByteArray& b) {
                Result<FolderKeyGrant> g = FolderKeyGrant::parse(b);
                return g.ok() && g->verify(f.state).ok();
            };
        } else if (t == DomainTags::kLogEntry) {
            TestMember dave;
            bytes = MembershipLog::next(f.state, MembershipAction::Add, f.alice.id, f.alice.keys, dave.id,
                                        dave.keys.identityPublicKey(), FolderRole::View)
                        .serialize();
            accepts = [&](const QByteArray& b) {
                Result<MembershipEntry> e = MembershipEntry::parse(b);
                MembershipState copy = f.state;
                return e.ok() && copy.apply(*e).ok();
            };
        } else if (t == DomainTags::kFolderState) {
            const ItemEnvelope env = f.seal(f.alice, item, "payload");
            FolderStateChain chain(f.folderId);
            bytes = chain.makeWrite(env, f.state, f.alice.id, f.alice.keys, 5000).serialize();
            accepts = [&f, env](const QByteArray& b) {
                Result<FolderState> s = FolderState::parse(b);
                FolderStateChain fresh(f.folderId);
                return s.ok() && fresh.acceptWrite(*s, env, f.state, FolderStateChain::LogView::Current).ok();
            };
        } else {
            bytes = f.seal(f.alice, item, "payload").serialize();
            accepts = [&](const QByteArray& b) {
                return ItemReader::open(b, f.expect(item), f.state, f.ring).ok();
            };
        }
        QVERIFY(accepts(bytes));

        const QByteArray ownTag = tagBytes(t.constData());
        QVERIFY(bytes.startsWith(ownTag));
        const QByteArray payload = bytes.mid(ownTag.size(), bytes.size() - ownTag.size() - 64);
        const QByteArray prefix =
            foreignTag.isEmpty() ? QByteArray() : tagBytes(foreignTag.toLatin1().constData());

        // Control: re-signing the same payload under the structure's own tag is accepted.
        QVERIFY(accepts(ownTag + payload + f.alice.keys.sign(QByteArray(ownTag + payload))));
        // The same signer's signature over the payload in the other context is refused.
        QVERIFY(!accepts(ownTag + payload + f.alice.keys.sign(QByteArray(prefix + payload))));
        // And the original bytes under the other tag do not parse as anything valid there.
        QVERIFY(!accepts(prefix + payload + f.alice.keys.sign(QByteArray(prefix + payload))));
    }

    void hashesAreTagged()
    {
        const QByteArray data("same bytes");
        QVERIFY(CryptoHash::tagged(DomainTags::kLogEntryHash, data) !=
                CryptoHash::tagged(DomainTags::kEnvelopeHash, data));
        QVERIFY(CryptoHash::tagged("a", QByteArray("b")) != CryptoHash::tagged("ab", QByteArray()));
        QVERIFY(CryptoHash::tagged(DomainTags::kFolderStateHash, data) !=
                CryptoHash::tagged(DomainTags::kFolderBucket, data));
        QVERIFY(CryptoHash::tagged(DomainTags::kFolderItems, data) !=
                CryptoHash::tagged(DomainTags::kFolderBucket, data));
    }

    void wrappedKeysCannotChangePurpose()
    {
        // An account key blob presented as a user key blob (or the reverse) does not unwrap.
        const SecureBytes key = SecureBytes::random(32);
        const SecureBytes secret = SecureBytes::random(64);
        const QUuid user = QUuid::createUuid();
        const QByteArray asAccountKey =
            KeyWrap::wrap(key, secret, ByteWriter(DomainTags::kAccountKeyWrap).bytes());
        QVERIFY(!UserKeys::unwrap(key, user, asAccountKey).ok());
        const UserKeys keys = UserKeys::generate();
        QVERIFY(UserKeys::unwrap(key, user, keys.wrap(key, user)).ok());
        QVERIFY(
            !KeyWrap::unwrap(key, keys.wrap(key, user), ByteWriter(DomainTags::kAccountKeyWrap).bytes(), 64)
                 .ok());
    }

    void tagsAreDistinct()
    {
        const char* const all[] = {DomainTags::kAccountKeyWrap,
                                   DomainTags::kUserKeysWrap,
                                   DomainTags::kBundle,
                                   DomainTags::kFingerprint,
                                   DomainTags::kPinStore,
                                   DomainTags::kGrant,
                                   DomainTags::kKeyChainLink,
                                   DomainTags::kLogEntry,
                                   DomainTags::kLogEntryHash,
                                   DomainTags::kEnvelope,
                                   DomainTags::kEnvelopeHash,
                                   DomainTags::kPinStoreV2,
                                   DomainTags::kInvitationKey,
                                   DomainTags::kInvitationAnswer,
                                   DomainTags::kInvitationOffer,
                                   DomainTags::kInvitationTerms,
                                   DomainTags::kSecurityState,
                                   DomainTags::kSecurityStateBody,
                                   DomainTags::kKeyCommitment,
                                   DomainTags::kFolderState,
                                   DomainTags::kFolderStateHash,
                                   DomainTags::kFolderBucket,
                                   DomainTags::kFolderItems,
                                   DomainTags::kSecurityStateChange,
                                   DomainTags::kSecurityStateChangeBody};
        QSet<QByteArray> seen;
        for (const char* tag : all) {
            QVERIFY(QByteArray(tag).startsWith("conclave."));
            seen.insert(QByteArray(tag));
        }
        QCOMPARE(seen.size(), qsizetype(std::size(all)));

        // The list above is complete: it names every tag DomainTags.h defines, and
        // docs/security/protocol.md documents each of them (plus the crypto_kdf context).
        QFile header(QStringLiteral(CONCLAVE_SOURCE_DIR "/core/crypto/DomainTags.h"));
        QFile doc(QStringLiteral(CONCLAVE_SOURCE_DIR "/docs/security/protocol.md"));
        QVERIFY(header.open(QIODevice::ReadOnly | QIODevice::Text));
        QVERIFY(doc.open(QIODevice::ReadOnly | QIODevice::Text));
        const QString docText = QString::fromUtf8(doc.readAll());
        static const QRegularExpression definition(
            QStringLiteral("constexpr char k\\w+\\[\\] = \"([^\"]+)\";"));
        QSet<QByteArray> defined;
        for (const QRegularExpressionMatch& m : definition.globalMatch(QString::fromUtf8(header.readAll()))) {
            defined.insert(m.captured(1).toLatin1());
            QVERIFY2(docText.contains(QLatin1Char('`') + m.captured(1) + QLatin1Char('`')),
                     qPrintable(m.captured(1)));
        }
        seen.insert(QByteArray(DomainTags::kKdfContext));
        seen.insert(QByteArray(DomainTags::kKdfStateContext));
        QVERIFY(QByteArray(DomainTags::kKdfContext) != QByteArray(DomainTags::kKdfStateContext));
        QCOMPARE(defined, seen);
    }
};

QTEST_GUILESS_MAIN(TestDomainSeparation)
#include "TestDomainSeparation.moc"
