// Tests PendingInvitationStore's sealing (label sync): a kept invitation opens only with the
// account key it was sealed under and only as the invitation, folder and account it was
// sealed for; any changed byte is refused. The code bytes never appear in the sealed row.
#include "core/crypto/InvitationCode.h"
#include "core/crypto/UserKeyBundle.h"
#include "core/crypto/UserKeys.h"
#include "core/sync/PendingInvitationStore.h"

#include <QTest>

using namespace Conclave::Core;

class TestPendingInvitationStore : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip();
    void tamperedRowIsRefused_data();
    void tamperedRowIsRefused();
};

namespace {

PendingInvitationStore::Record sample(const SecureBytes& code)
{
    PendingInvitationStore::Record r;
    r.invitationId = QUuid::fromString(QStringLiteral("{11111111-1111-4111-8111-111111111111}"));
    r.folderId = QUuid::fromString(QStringLiteral("{22222222-2222-4222-8222-222222222222}"));
    r.inviteeId = QUuid::fromString(QStringLiteral("{33333333-3333-4333-8333-333333333333}"));
    r.mode = PendingInvitationStore::Mode::Code;
    r.role = FolderRole::Edit;
    r.email = QStringLiteral("kim@example.com");
    r.code = std::make_shared<const SecureBytes>(code.clone());
    r.bundle = UserKeyBundle::create(r.inviteeId, UserKeys::generate()).serialize();
    return r;
}

const QUuid kUser = QUuid::fromString(QStringLiteral("{44444444-4444-4444-8444-444444444444}"));

} // namespace

void TestPendingInvitationStore::roundTrip()
{
    const SecureBytes accountKey = SecureBytes::random(32);
    const InvitationCode code = InvitationCode::generate();
    const PendingInvitationStore::Record r = sample(code.bytes());
    const QByteArray sealed = PendingInvitationStore::seal(r, accountKey, kUser);
    QVERIFY(!sealed.contains(code.bytes().view().toByteArray()));
    QVERIFY(!sealed.contains(r.email.toUtf8()));
    const Result<PendingInvitationStore::Record> opened =
        PendingInvitationStore::open(r.invitationId, r.folderId, sealed, accountKey, kUser);
    QVERIFY(opened.ok());
    QVERIFY(opened->code && *opened->code == code.bytes());
    QCOMPARE(opened->email, r.email);
    QCOMPARE(opened->bundle, r.bundle);
    QCOMPARE(opened->inviteeId, r.inviteeId);
    QCOMPARE(int(opened->role), int(FolderRole::Edit));
}

void TestPendingInvitationStore::tamperedRowIsRefused_data()
{
    QTest::addColumn<QString>("change");
    QTest::newRow("another account key") << QStringLiteral("key");
    QTest::newRow("another account") << QStringLiteral("user");
    QTest::newRow("moved to another invitation") << QStringLiteral("invitation");
    QTest::newRow("moved to another folder") << QStringLiteral("folder");
    QTest::newRow("a byte changed") << QStringLiteral("byte");
    QTest::newRow("cut short") << QStringLiteral("short");
}

void TestPendingInvitationStore::tamperedRowIsRefused()
{
    QFETCH(QString, change);
    const SecureBytes accountKey = SecureBytes::random(32);
    const InvitationCode code = InvitationCode::generate();
    const PendingInvitationStore::Record r = sample(code.bytes());
    QByteArray sealed = PendingInvitationStore::seal(r, accountKey, kUser);
    const SecureBytes otherKey = SecureBytes::random(32);
    QUuid user = kUser;
    QUuid invitation = r.invitationId;
    QUuid folder = r.folderId;
    if (change == QLatin1String("user"))
        user = QUuid::createUuid();
    else if (change == QLatin1String("invitation"))
        invitation = QUuid::createUuid();
    else if (change == QLatin1String("folder"))
        folder = QUuid::createUuid();
    else if (change == QLatin1String("byte"))
        sealed[sealed.size() / 2] = char(sealed[sealed.size() / 2] ^ 0x01);
    else if (change == QLatin1String("short"))
        sealed.truncate(20);
    const Result<PendingInvitationStore::Record> opened = PendingInvitationStore::open(
        invitation, folder, sealed, change == QLatin1String("key") ? otherKey : accountKey, user);
    QVERIFY(!opened.ok());
    QVERIFY(!opened.error().message.isEmpty());
}

QTEST_GUILESS_MAIN(TestPendingInvitationStore)
#include "TestPendingInvitationStore.moc"
