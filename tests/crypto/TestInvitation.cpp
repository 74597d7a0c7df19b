// First contact (DESIGN §6): a server that swaps the invitee's key bundle before the manager
// adds them is caught on both paths, the invitation code (MAC over binding and bundle) and the
// safety-number comparison; a server posing as the inviter is caught by the invitee through
// the offer; a wrong code is refused, an invitation is used at most once, and the server can
// check an answer's shape without the code.
#include "core/crypto/Fingerprint.h"
#include "core/crypto/FolderKeyRing.h"
#include "core/crypto/Invitation.h"
#include "core/crypto/KeyPinStore.h"
#include "core/crypto/MemberAdmission.h"
#include "core/crypto/MembershipLog.h"
#include "core/crypto/UserKeys.h"

#include <QRegularExpression>
#include <QTest>
#include <QtEndian>
#include <sodium.h>

using namespace Conclave::Core;

namespace {
// A log length and an expiry (2026-12-08) with a byte in each of their eight.
constexpr quint64 kLogLength = 0x0102030405060708ULL;
constexpr quint64 kExpiresAtMs = 1'796'688'000'000ULL;

struct Party
{
    QUuid id = QUuid::createUuid();
    UserKeys keys = UserKeys::generate();
    UserKeyBundle bundle() const { return UserKeyBundle::create(id, keys); }
};

struct Scene
{
    Party alice; // manager, inviter
    Party bob;   // invitee
    Party carol; // someone else with an account
    QUuid folderId = QUuid::createUuid();
    KeyPinStore pins; // alice's client
    Invitation invitation = Invitation::create({QUuid::createUuid(), folderId, alice.id, bob.id});

    // What bob's client sends after bob typed the code alice read out to him.
    QByteArray genuineAnswer() const
    {
        const InvitationCode typed = InvitationCode::parse(invitation.code().text()).value();
        return Invitation::answer(typed, invitation.binding(), bob.bundle());
    }
};
} // namespace

class TestInvitation : public QObject
{
    Q_OBJECT

private slots:
    void codeTextRoundTrip()
    {
        const InvitationCode code = InvitationCode::generate();
        static const QRegularExpression format(
            QStringLiteral("^([0-9A-HJKMNP-TV-Z]{5}-){3}[0-9A-HJKMNP-TV-Z]{5}$"));
        QVERIFY2(format.match(code.text()).hasMatch(), qPrintable(code.text()));
        QCOMPARE(code.bytes().size(), InvitationCode::kSize);
        QCOMPARE(code.bytes().data()[12] & 0x0f, 0);
        QVERIFY(InvitationCode::parse(code.text()).value().bytes() == code.bytes());
        QVERIFY(InvitationCode::parse(code.text().toLower().remove(QLatin1Char('-'))).value().bytes() ==
                code.bytes());
        QVERIFY(InvitationCode::generate().bytes() != code.bytes());
    }

    void codeTyping_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("canonical"); // empty: refused
        QTest::newRow("canonical") << "7K2QD-M9XTR-4HN6B-C0PWE"
                                   << "7K2QD-M9XTR-4HN6B-C0PWE";
        QTest::newRow("lower case, spaces") << " 7k2qd m9xtr 4hn6b c0pwe "
                                            << "7K2QD-M9XTR-4HN6B-C0PWE";
        QTest::newRow("O for 0, I and L for 1") << "7K2QD-M9XTR-4HN6B-COPWE"
                                                << "7K2QD-M9XTR-4HN6B-C0PWE";
        QTest::newRow("L and I") << "LLLLL-IIIII-11111-00000"
                                 << "11111-11111-11111-00000";
        QTest::newRow("one symbol short") << "7K2QD-M9XTR-4HN6B-C0PW"
                                          << "";
        QTest::newRow("one symbol long") << "7K2QD-M9XTR-4HN6B-C0PWEX"
                                         << "";
        QTest::newRow("U is not a symbol") << "7K2QD-M9XTR-4HN6B-C0PWU"
                                           << "";
        QTest::newRow("punctuation") << "7K2QD.M9XTR.4HN6B.C0PWE"
                                     << "";
        QTest::newRow("non-Latin letter") << QStringLiteral("7K2QD-M9XTR-4HN6B-C0PW\u00c4") << "";
        QTest::newRow("empty") << ""
                               << "";
    }

    void codeTyping()
    {
        QFETCH(QString, typed);
        QFETCH(QString, canonical);
        const Result<InvitationCode> code = InvitationCode::parse(typed);
        QCOMPARE(code.ok(), !canonical.isEmpty());
        if (code.ok())
            QCOMPARE(code->text(), canonical);
        else
            QCOMPARE(code.error().code, ErrorCode::InvalidInput);
    }

    void genuineAnswerAccepted()
    {
        Scene s;
        const Result<UserKeyBundle> bundle = s.invitation.accept(s.genuineAnswer(), s.pins, 42);
        QVERIFY2(bundle.ok(), bundle.ok() ? "" : qPrintable(bundle.error().message));
        QCOMPARE(bundle->identityPublicKey(), s.bob.keys.identityPublicKey());
        QCOMPARE(s.pins.pin(s.bob.id)->origin, KeyPinStore::Origin::InvitationCode);
        QVERIFY(s.pins.checkFirstContact(s.bob.id, s.bob.keys.identityPublicKey()).ok());
    }

    void serverSwapIsCaughtWithCode_data()
    {
        QTest::addColumn<QString>("attack");
        QTest::newRow("own bundle for bob, bob's MAC kept") << "swap keep mac";
        QTest::newRow("own bundle for bob, MAC under a guessed code") << "swap guessed code";
        QTest::newRow("another user's real bundle, MAC under a guessed code") << "other user";
        QTest::newRow("bob's answer replayed for another folder") << "other folder";
        QTest::newRow("bob's answer naming another inviter") << "other inviter";
        QTest::newRow("bit flip in the MAC") << "flip mac";
    }

    void serverSwapIsCaughtWithCode()
    {
        QFETCH(QString, attack);
        Scene s;
        const Party server; // keys the server made up for "bob"
        const InvitationCode guessed = InvitationCode::generate();
        const QByteArray genuine = s.genuineAnswer();
        QByteArray forged;
        if (attack == u"swap keep mac") {
            forged = Invitation::answer(guessed, s.invitation.binding(),
                                        UserKeyBundle::create(s.bob.id, server.keys));
            forged.replace(forged.size() - Invitation::kMacSize, Invitation::kMacSize, genuine.right(32));
        } else if (attack == u"swap guessed code") {
            forged = Invitation::answer(guessed, s.invitation.binding(),
                                        UserKeyBundle::create(s.bob.id, server.keys));
        } else if (attack == u"other user") {
            Invitation::Binding b = s.invitation.binding();
            b.inviteeId = s.carol.id;
            forged = Invitation::answer(guessed, b, s.carol.bundle());
        } else if (attack == u"other folder" || attack == u"other inviter") {
            Invitation::Binding b = s.invitation.binding();
            (attack == u"other folder" ? b.folderId : b.inviterId) = QUuid::createUuid();
            forged = Invitation::answer(InvitationCode::parse(s.invitation.code().text()).value(), b,
                                        s.bob.bundle());
        } else {
            forged = genuine;
            forged[forged.size() - 1] = char(forged[forged.size() - 1] ^ 1);
        }
        // The server only relays bytes: its own shape check passes, so only the MAC can tell.
        QVERIFY(Invitation::parseAnswer(forged, s.invitation.binding().invitationId).ok());

        const Result<UserKeyBundle> accepted = s.invitation.accept(forged, s.pins, 42);
        QVERIFY(!accepted.ok());
        QCOMPARE(accepted.error().code, ErrorCode::Crypto);
        // Nothing was pinned as verified, so *add* is refused for either key.
        QVERIFY(!s.pins.checkFirstContact(s.bob.id, server.keys.identityPublicKey()).ok());
        QVERIFY(!s.pins.checkFirstContact(s.bob.id, s.bob.keys.identityPublicKey()).ok());
        QVERIFY(!s.pins.checkFirstContact(s.carol.id, s.carol.keys.identityPublicKey()).ok());
        // The genuine answer still goes through afterwards.
        QVERIFY(s.invitation.accept(genuine, s.pins, 43).ok());
        QVERIFY(s.pins.checkFirstContact(s.bob.id, s.bob.keys.identityPublicKey()).ok());
    }

    void serverSwapIsCaughtWithSafetyNumber()
    {
        // No code: alice's client shows the safety number of the bundle the server handed
        // over; bob reads out the one his client shows for his own key. They differ.
        Scene s;
        const Party server;
        const UserKeyBundle shown = UserKeyBundle::create(s.bob.id, server.keys);
        const QString readOut = Fingerprint::of(s.bob.keys.identityPublicKey()).safetyNumber();
        const Status compared =
            s.pins.recordSafetyNumberMatch(s.bob.id, shown.identityPublicKey(), readOut, 42);
        QVERIFY(!compared.ok());
        QCOMPARE(compared.error().code, ErrorCode::Denied);
        QVERIFY(!s.pins.checkFirstContact(s.bob.id, shown.identityPublicKey()).ok());

        // Without a swap the numbers agree and the add may go ahead.
        Scene honest;
        const QString ownNumber = Fingerprint::of(honest.bob.keys.identityPublicKey()).safetyNumber();
        QVERIFY(
            honest.pins
                .recordSafetyNumberMatch(honest.bob.id, honest.bob.keys.identityPublicKey(), ownNumber, 42)
                .ok());
        QVERIFY(honest.pins.checkFirstContact(honest.bob.id, honest.bob.keys.identityPublicKey()).ok());
    }

    void addIsSignedOnlyForAVerifiedKey_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("bundle as the server handed it over (first use)") << "server" << false;
        QTest::newRow("swapped bundle after a failed code check") << "swapped" << false;
        QTest::newRow("invitation code") << "code" << true;
        QTest::newRow("safety number") << "safety number" << true;
    }

    void addIsSignedOnlyForAVerifiedKey()
    {
        // The manager's client signs *add* only after the first-contact check; the entry then
        // binds the key that was verified.
        QFETCH(QString, path);
        QFETCH(bool, accepted);
        Scene s;
        const Party server;
        MembershipState state(s.folderId);
        QVERIFY(state
                    .apply(MembershipLog::create(s.folderId, s.alice.id, s.alice.keys,
                                                 FolderKeyRing::generateKey(), 1))
                    .ok());
        UserKeyBundle shown = s.bob.bundle();
        if (path == u"server") {
            shown = UserKeyBundle::create(s.bob.id, server.keys);
            QVERIFY(s.pins.check(s.bob.id, shown.identityPublicKey()).ok());
        } else if (path == u"swapped") {
            shown = UserKeyBundle::create(s.bob.id, server.keys);
            QVERIFY(
                !s.invitation
                     .accept(Invitation::answer(InvitationCode::generate(), s.invitation.binding(), shown),
                             s.pins, 2)
                     .ok());
        } else if (path == u"code") {
            QVERIFY(s.invitation.accept(s.genuineAnswer(), s.pins, 2).ok());
        } else {
            QVERIFY(s.pins
                        .recordSafetyNumberMatch(
                            s.bob.id, shown.identityPublicKey(),
                            Fingerprint::of(s.bob.keys.identityPublicKey()).safetyNumber(), 2)
                        .ok());
        }
        const Result<MembershipEntry> add =
            MemberAdmission::addEntry(s.pins, state, s.alice.id, s.alice.keys, shown, FolderRole::Edit, 3);
        QCOMPARE(add.ok(), accepted);
        if (!accepted) {
            QCOMPARE(add.error().code, ErrorCode::Denied);
            return;
        }
        QCOMPARE(add->fields().subjectIdentityKey, s.bob.keys.identityPublicKey());
        QVERIFY(state.apply(*add).ok());
        QCOMPARE(state.roleOf(s.bob.id), FolderRole::Edit);
    }

    void wrongCodeRefused()
    {
        Scene s;
        QString typo = s.invitation.code().text();
        typo[0] = typo[0] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
        const QByteArray answer =
            Invitation::answer(InvitationCode::parse(typo).value(), s.invitation.binding(), s.bob.bundle());
        const Result<UserKeyBundle> accepted = s.invitation.accept(answer, s.pins, 1);
        QVERIFY(!accepted.ok());
        QCOMPARE(accepted.error().code, ErrorCode::Crypto);
        QVERIFY(s.pins.pinnedKey(s.bob.id).isEmpty());
    }

    void codeIsSingleUse()
    {
        Scene s;
        const QByteArray answer = s.genuineAnswer();
        QVERIFY(s.invitation.accept(answer, s.pins, 1).ok());
        QVERIFY(!s.invitation.isUsable());
        const Result<UserKeyBundle> again = s.invitation.accept(answer, s.pins, 2);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, ErrorCode::Denied);
    }

    void tooManyWrongCodesVoidTheInvitation()
    {
        Scene s;
        for (int i = 0; i < Invitation::kMaxFailedAttempts; ++i) {
            const QByteArray guess =
                Invitation::answer(InvitationCode::generate(), s.invitation.binding(), s.bob.bundle());
            QVERIFY(!s.invitation.accept(guess, s.pins, 1).ok());
        }
        QVERIFY(!s.invitation.isUsable());
        QVERIFY(!s.invitation.accept(s.genuineAnswer(), s.pins, 2).ok());
        QVERIFY(!s.pins.checkFirstContact(s.bob.id, s.bob.keys.identityPublicKey()).ok());
    }

    // The code authenticates the inviter to the invitee too. Without it a server could show
    // the invitee a folder it wrote itself in the inviter's name (create and add signed with a
    // key of its own); the invitee's client would pin that key on first use and put its items
    // into a folder the server reads.
    void serverPosingAsTheInviterIsCaughtByTheInvitee()
    {
        Scene scene;
        const QByteArray offer = scene.invitation.offer(scene.alice.keys.identityPublicKey());
        const InvitationCode typed = InvitationCode::parse(scene.invitation.code().text()).value();
        KeyPinStore bobPins;
        const Result<Invitation::Binding> binding =
            Invitation::acceptOffer(offer, typed, scene.bob.id, bobPins, 5);
        QVERIFY(binding.ok());
        QCOMPARE(binding->invitationId, scene.invitation.binding().invitationId);
        QCOMPARE(binding->folderId, scene.folderId);
        QCOMPARE(binding->inviterId, scene.alice.id);
        QCOMPARE(binding->inviteeId, scene.bob.id);
        QCOMPARE(bobPins.pin(scene.alice.id)->origin, KeyPinStore::Origin::InvitationCode);

        const UserKeys server = UserKeys::generate();
        MembershipState forged(scene.folderId);
        QVERIFY(forged
                    .apply(MembershipLog::create(scene.folderId, scene.alice.id, server,
                                                 FolderKeyRing::generateKey(), 10))
                    .ok());
        QVERIFY(forged
                    .apply(MembershipLog::next(forged, MembershipAction::Add, scene.alice.id, server,
                                               scene.bob.id, scene.bob.keys.identityPublicKey(),
                                               FolderRole::Edit, 11))
                    .ok());
        const Status checked = bobPins.checkMembers(forged, 12);
        QVERIFY(!checked.ok());
        QCOMPARE(checked.error().code, ErrorCode::Denied);
        QVERIFY(bobPins.isBlocked(scene.alice.id));

        MembershipState genuine(scene.folderId);
        QVERIFY(genuine
                    .apply(MembershipLog::create(scene.folderId, scene.alice.id, scene.alice.keys,
                                                 FolderKeyRing::generateKey(), 10))
                    .ok());
        QVERIFY(genuine
                    .apply(MembershipLog::next(genuine, MembershipAction::Add, scene.alice.id,
                                               scene.alice.keys, scene.bob.id,
                                               scene.bob.keys.identityPublicKey(), FolderRole::Edit, 11))
                    .ok());
        KeyPinStore freshBobPins;
        QVERIFY(Invitation::acceptOffer(offer, typed, scene.bob.id, freshBobPins, 5).ok());
        QVERIFY(freshBobPins.checkMembers(genuine, 12).ok());
    }

    // Without a code the invitee compares the inviter's safety number: the number of the key
    // a server-written folder binds to the inviter is not the one the inviter reads out.
    void serverPosingAsTheInviterIsCaughtBySafetyNumber()
    {
        Scene scene;
        const UserKeys server = UserKeys::generate();
        MembershipState forged(scene.folderId);
        QVERIFY(forged
                    .apply(MembershipLog::create(scene.folderId, scene.alice.id, server,
                                                 FolderKeyRing::generateKey(), 10))
                    .ok());
        KeyPinStore bobPins;
        QVERIFY(bobPins.checkMembers(forged, 11).ok()); // trust on first use alone cannot tell
        const QString readOut = Fingerprint::of(scene.alice.keys.identityPublicKey()).safetyNumber();
        QVERIFY(
            !bobPins
                 .recordSafetyNumberMatch(scene.alice.id, forged.identityKeyOf(scene.alice.id), readOut, 12)
                 .ok());
        QVERIFY(!bobPins.checkFirstContact(scene.alice.id, forged.identityKeyOf(scene.alice.id)).ok());

        // The genuine key matches, and from then on the forged folder is refused.
        QVERIFY(
            bobPins.recordSafetyNumberMatch(scene.alice.id, scene.alice.keys.identityPublicKey(), readOut, 13)
                .ok());
        QVERIFY(!bobPins.checkMembers(forged, 14).ok());
        QVERIFY(bobPins.isBlocked(scene.alice.id));
    }

    // An invitation that was moved from holds no code. Its MAC key would be the hash of the
    // tag and the public invitation id alone, which the server can compute: it must refuse
    // every answer instead of checking against that key.
    void movedFromInvitationRefusesAnswers()
    {
        Scene scene;
        const Invitation::Binding binding = scene.invitation.binding();
        Invitation kept = std::move(scene.invitation);
        const QByteArray genuine = Invitation::answer(kept.code(), binding, scene.bob.bundle());
        const QByteArray maced = genuine.first(Invitation::kAnswerSize - Invitation::kMacSize);
        QByteArray emptyCodeKey(32, Qt::Uninitialized);
        crypto_generichash_state state;
        crypto_generichash_init(&state, nullptr, 0, 32);
        crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>("conclave.invite.key.v1"),
                                  23);
        const QByteArray id = binding.invitationId.toRfc4122();
        crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(id.constData()), 16);
        crypto_generichash_final(&state, reinterpret_cast<unsigned char*>(emptyCodeKey.data()), 32);
        QByteArray mac(32, Qt::Uninitialized);
        crypto_generichash(reinterpret_cast<unsigned char*>(mac.data()), 32,
                           reinterpret_cast<const unsigned char*>(maced.constData()),
                           std::size_t(maced.size()),
                           reinterpret_cast<const unsigned char*>(emptyCodeKey.constData()), 32);

        QVERIFY(!scene.invitation.accept(QByteArray(maced + mac), scene.pins, 1).ok());
        QVERIFY(!scene.pins.pin(scene.bob.id).has_value());
        QVERIFY(!scene.invitation.isUsable());
        QVERIFY(kept.accept(genuine, scene.pins, 2).ok());

        // The invitee's side: an offer checked with a moved-from code is refused as well.
        InvitationCode typed = InvitationCode::generate();
        const InvitationCode keptCode = std::move(typed);
        QByteArray offer = Invitation::offer(keptCode, binding, scene.alice.keys.identityPublicKey());
        offer.chop(Invitation::kMacSize);
        QByteArray offerMac(32, Qt::Uninitialized);
        crypto_generichash(reinterpret_cast<unsigned char*>(offerMac.data()), 32,
                           reinterpret_cast<const unsigned char*>(offer.constData()),
                           std::size_t(offer.size()),
                           reinterpret_cast<const unsigned char*>(emptyCodeKey.constData()), 32);
        KeyPinStore bobPins;
        QVERIFY(!Invitation::acceptOffer(QByteArray(offer + offerMac), typed, scene.bob.id, bobPins, 3).ok());
        QVERIFY(!bobPins.pin(scene.alice.id).has_value());
    }

    void offerRefused_data()
    {
        QTest::addColumn<QString>("variant");
        QTest::newRow("inviter key swapped by the server") << "swapped key";
        QTest::newRow("inviter id changed") << "other inviter";
        QTest::newRow("folder changed") << "other folder";
        QTest::newRow("offer made for someone else") << "other invitee";
        QTest::newRow("mistyped code") << "wrong code";
        QTest::newRow("the invitee's own answer reflected as an offer") << "reflected answer";
        QTest::newRow("trailing byte") << "trailing";
        QTest::newRow("truncated") << "truncated";
    }

    void offerRefused()
    {
        QFETCH(QString, variant);
        Scene scene;
        const QByteArray alicesKey = scene.alice.keys.identityPublicKey();
        QByteArray offer = scene.invitation.offer(alicesKey);
        QCOMPARE(offer.size(), Invitation::kOfferSize);
        InvitationCode typed = InvitationCode::parse(scene.invitation.code().text()).value();
        QUuid self = scene.bob.id;
        if (variant == u"swapped key")
            offer.replace(offer.indexOf(alicesKey), 32, UserKeys::generate().identityPublicKey());
        else if (variant == u"other inviter")
            offer.replace(offer.indexOf(scene.alice.id.toRfc4122()), 16, scene.carol.id.toRfc4122());
        else if (variant == u"other folder")
            offer.replace(offer.indexOf(scene.folderId.toRfc4122()), 16, QUuid::createUuid().toRfc4122());
        else if (variant == u"other invitee")
            self = scene.carol.id;
        else if (variant == u"wrong code")
            typed = InvitationCode::generate();
        else if (variant == u"reflected answer")
            offer = scene.genuineAnswer();
        else if (variant == u"trailing")
            offer.append('\0');
        else if (variant == u"truncated")
            offer.chop(1);
        KeyPinStore bobPins;
        const Result<Invitation::Binding> accepted = Invitation::acceptOffer(offer, typed, self, bobPins, 5);
        QVERIFY(!accepted.ok());
        QVERIFY(!accepted.error().message.isEmpty());
        QVERIFY(!bobPins.pin(scene.alice.id).has_value());
        QVERIFY(!bobPins.pin(scene.carol.id).has_value());
    }

    // Neither message verifies as the other: an offer handed to the inviter as an answer is
    // refused like any wrong answer.
    void offerReflectedAsAnswerRefused()
    {
        Scene scene;
        const QByteArray offer = scene.invitation.offer(scene.alice.keys.identityPublicKey());
        QVERIFY(!Invitation::parseAnswer(offer, scene.invitation.binding().invitationId).ok());
        QVERIFY(!scene.invitation.accept(offer, scene.pins, 1).ok());
        QVERIFY(!scene.pins.pin(scene.alice.id).has_value());
    }

    void serverShapeCheck_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("intact") << "" << true;
        QTest::newRow("one byte short") << "short" << false;
        QTest::newRow("one byte long") << "long" << false;
        QTest::newRow("other invitation id") << "id" << false;
        QTest::newRow("bundle signature broken") << "bundle" << false;
        QTest::newRow("wrong tag") << "tag" << false;
    }

    void serverShapeCheck()
    {
        QFETCH(QString, damage);
        QFETCH(bool, accepted);
        Scene s;
        QByteArray answer = s.genuineAnswer();
        QCOMPARE(answer.size(), Invitation::kAnswerSize);
        QUuid expectedId = s.invitation.binding().invitationId;
        if (damage == u"short")
            answer.chop(1);
        else if (damage == u"long")
            answer += 'x';
        else if (damage == u"id")
            expectedId = QUuid::createUuid();
        else if (damage == u"bundle")
            answer[26 + 48 + 40] = char(answer[26 + 48 + 40] ^ 1);
        else if (damage == u"tag")
            answer[0] = 'C';
        QCOMPARE(Invitation::parseAnswer(answer, expectedId).ok(), accepted);
    }

    // The terms (who is invited to which role) open only under the inviter's key and only as
    // signed: each field changed, each role, a forged signature, another key, every kind of
    // broken layout.
    void termsOpenAsSigned_data()
    {
        QTest::addColumn<int>("role");
        QTest::newRow("view") << int(FolderRole::View);
        QTest::newRow("edit") << int(FolderRole::Edit);
        QTest::newRow("manage") << int(FolderRole::Manage);
    }

    void termsOpenAsSigned()
    {
        QFETCH(int, role);
        Scene s;
        const Invitation::Terms terms{s.invitation.binding(), FolderRole(role),
                                      QStringLiteral("bob@example.org"), kLogLength, kExpiresAtMs};
        const QByteArray bytes = Invitation::signTerms(terms, s.alice.keys);
        QCOMPARE(bytes.size(), Invitation::kMinTermsSize - 1 + 15);
        const Result<Invitation::Terms> opened =
            Invitation::openTerms(bytes, s.alice.keys.identityPublicKey());
        QVERIFY2(opened.ok(), qPrintable(opened ? QString() : opened.error().message));
        QCOMPARE(opened->binding.invitationId, terms.binding.invitationId);
        QCOMPARE(opened->binding.folderId, terms.binding.folderId);
        QCOMPARE(opened->binding.inviterId, terms.binding.inviterId);
        QCOMPARE(opened->binding.inviteeId, terms.binding.inviteeId);
        QCOMPARE(int(opened->role), role);
        QCOMPARE(opened->email, terms.email);
        QCOMPARE(opened->logLength, kLogLength);
        QCOMPARE(opened->expiresAtMs, kExpiresAtMs);
        QVERIFY(*opened == terms);
    }

    void termsRefused_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("role raised from view to manage") << "role up";
        QTest::newRow("role 0") << "role 0";
        QTest::newRow("role 4") << "role 4";
        QTest::newRow("address changed") << "email";
        QTest::newRow("address empty") << "email empty";
        QTest::newRow("address not UTF-8") << "email utf8";
        QTest::newRow("address length past the end") << "email length";
        QTest::newRow("address over the limit") << "email long";
        QTest::newRow("invitation id changed") << "invitation";
        QTest::newRow("folder changed") << "folder";
        QTest::newRow("inviter changed") << "inviter";
        QTest::newRow("invitee changed") << "invitee";
        QTest::newRow("log length changed") << "log length";
        QTest::newRow("log length 0") << "log length 0";
        QTest::newRow("expiry moved later") << "expiry";
        QTest::newRow("expiry 0") << "expiry 0";
        QTest::newRow("signed by someone else") << "other signer";
        QTest::newRow("opened with someone else's key") << "other key";
        QTest::newRow("key of the wrong size") << "short key";
        QTest::newRow("signature flipped") << "signature";
        QTest::newRow("wrong tag") << "tag";
        QTest::newRow("the offer's tag") << "offer tag";
        QTest::newRow("one byte short") << "short";
        QTest::newRow("one byte long") << "long";
        QTest::newRow("empty") << "empty";
    }

    void termsRefused()
    {
        QFETCH(QString, damage);
        Scene s;
        Invitation::Terms terms{s.invitation.binding(), FolderRole::View, QStringLiteral("bob@example.org"),
                                kLogLength, kExpiresAtMs};
        const UserKeys* signer = &s.alice.keys;
        QByteArray key = s.alice.keys.identityPublicKey();
        const UserKeys other = UserKeys::generate();
        if (damage == u"other signer")
            signer = &other;
        else if (damage == u"other key")
            key = other.identityPublicKey();
        else if (damage == u"short key")
            key.chop(1);
        QByteArray bytes = Invitation::signTerms(terms, *signer);
        const qsizetype roleAt = 25 + 64;
        const qsizetype logAt = roleAt + 1;
        const qsizetype expiryAt = logAt + 8;
        const qsizetype emailAt = expiryAt + 8 + 4;
        auto resign = [&](const QByteArray& body) -> QByteArray {
            return body + signer->sign(body);
        };
        auto body = [&]() -> QByteArray {
            return bytes.left(bytes.size() - Invitation::kSignatureSize);
        };
        auto lengthPrefixed = [](const QByteArray& text) -> QByteArray {
            QByteArray out(4, '\0');
            qToBigEndian(quint32(text.size()), out.data());
            return out + text;
        };
        if (damage == u"role up")
            bytes[roleAt] = char(FolderRole::Manage);
        else if (damage == u"role 0")
            bytes = resign(body().replace(roleAt, 1, QByteArray(1, '\0')));
        else if (damage == u"role 4")
            bytes = resign(body().replace(roleAt, 1, QByteArray(1, '\4')));
        else if (damage == u"email")
            bytes.replace(emailAt, 3, "eve");
        else if (damage == u"email empty")
            bytes = resign(body().left(emailAt - 4) + lengthPrefixed({}));
        else if (damage == u"email utf8")
            bytes = resign(body().left(emailAt - 4) + lengthPrefixed("bob\xff@example.org"));
        else if (damage == u"email length")
            bytes =
                resign(body().left(emailAt - 4) + lengthPrefixed("bob@example.org").replace(3, 1, "\x40"));
        else if (damage == u"email long")
            bytes = resign(body().left(emailAt - 4) +
                           lengthPrefixed(QByteArray(Invitation::kMaxTermsEmailBytes + 1, 'b')));
        else if (damage == u"log length")
            bytes[logAt + 7] = char(bytes[logAt + 7] ^ 1);
        else if (damage == u"log length 0")
            bytes = resign(body().replace(logAt, 8, QByteArray(8, '\0')));
        else if (damage == u"expiry")
            bytes[expiryAt + 3] = char(bytes[expiryAt + 3] + 1);
        else if (damage == u"expiry 0")
            bytes = resign(body().replace(expiryAt, 8, QByteArray(8, '\0')));
        else if (damage == u"invitation")
            bytes[25] = char(bytes[25] ^ 1);
        else if (damage == u"folder")
            bytes[41] = char(bytes[41] ^ 1);
        else if (damage == u"inviter")
            bytes[57] = char(bytes[57] ^ 1);
        else if (damage == u"invitee")
            bytes[73] = char(bytes[73] ^ 1);
        else if (damage == u"signature")
            bytes[bytes.size() - 1] = char(bytes[bytes.size() - 1] ^ 1);
        else if (damage == u"tag")
            bytes = resign(body().replace(0, 1, "C"));
        else if (damage == u"offer tag")
            bytes = resign(body().replace(0, 25, QByteArray("conclave.invite.offer.v1", 25)));
        else if (damage == u"short")
            bytes.chop(1);
        else if (damage == u"long")
            bytes.append('\0');
        else if (damage == u"empty")
            bytes.clear();
        const Result<Invitation::Terms> opened = Invitation::openTerms(bytes, key);
        QVERIFY(!opened.ok());
        QVERIFY(!opened.error().message.isEmpty());
    }

    // The longest address the layout takes opens; the terms stay apart from the offer.
    void termsAtTheirLimits()
    {
        Scene s;
        const QString longest = QString(int(Invitation::kMaxTermsEmailBytes) - 12, QLatin1Char('b')) +
                                QStringLiteral("@example.org");
        const QByteArray bytes =
            Invitation::signTerms({s.invitation.binding(), FolderRole::Edit, longest, 1, 1}, s.alice.keys);
        QCOMPARE(bytes.size(), Invitation::kMaxTermsSize);
        const Result<Invitation::Terms> opened =
            Invitation::openTerms(bytes, s.alice.keys.identityPublicKey());
        QVERIFY(opened.ok());
        QCOMPARE(opened->email, longest);
        const QString accented = QStringLiteral("j\u00f6rg@example.org");
        const Result<Invitation::Terms> utf8 = Invitation::openTerms(
            Invitation::signTerms(
                {s.invitation.binding(), FolderRole::Edit, accented, kLogLength, kExpiresAtMs}, s.alice.keys),
            s.alice.keys.identityPublicKey());
        QVERIFY(utf8.ok());
        QCOMPARE(utf8->email, accented);
        QVERIFY(!Invitation::parseAnswer(bytes, s.invitation.binding().invitationId).ok());
    }
};

QTEST_GUILESS_MAIN(TestInvitation)
#include "TestInvitation.moc"
