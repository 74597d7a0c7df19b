// Tests InvitationApi's parsers against well-formed invitations and one hostile variant per
// rule (missing field, wrong type, unknown status or role, oversize list, loose base64, wrong
// byte size, a time that is not one, UUID in another spelling, an empty page cursor): each
// is an error in words that names the field, never a crash and never a default taken.
#include "core/crypto/Invitation.h"
#include "core/sync/ApiReply.h"
#include "core/sync/InvitationApi.h"

#include <QJsonArray>
#include <QTest>

using namespace Conclave::Core;

namespace {

QString b64(int size, char fill = 'x')
{
    return QString::fromLatin1(QByteArray(size, fill).toBase64());
}

const QString kId = QStringLiteral("0b6c3c8e-6f0e-4a0c-9d55-2f5e0c1c7a11");
const QString kFolder = QStringLiteral("1b6c3c8e-6f0e-4a0c-9d55-2f5e0c1c7a12");
const QString kUser = QStringLiteral("2b6c3c8e-6f0e-4a0c-9d55-2f5e0c1c7a13");
const QString kOther = QStringLiteral("3b6c3c8e-6f0e-4a0c-9d55-2f5e0c1c7a14");

QJsonObject managed()
{
    return {{QStringLiteral("id"), kId},
            {QStringLiteral("folderId"), kFolder},
            {QStringLiteral("inviterId"), kUser},
            {QStringLiteral("inviteeEmail"), QStringLiteral("bob@example.com")},
            {QStringLiteral("inviteeId"), kOther},
            {QStringLiteral("role"), QStringLiteral("edit")},
            {QStringLiteral("status"), QStringLiteral("accepted")},
            {QStringLiteral("offer"), b64(153)},
            {QStringLiteral("answer"), b64(269)},
            {QStringLiteral("signedTerms"), b64(173)},
            {QStringLiteral("sealedFolderLabel"), b64(60)},
            {QStringLiteral("createdAt"), QStringLiteral("2026-12-01T10:00:00.000Z")},
            {QStringLiteral("expiresAt"), QStringLiteral("2026-12-08T10:00:00.000Z")}};
}

QJsonObject received()
{
    return {
        {QStringLiteral("id"), kId},
        {QStringLiteral("folderId"), kFolder},
        {QStringLiteral("inviter"), QJsonObject{{QStringLiteral("id"), kUser},
                                                {QStringLiteral("email"), QStringLiteral("ada@example.com")},
                                                {QStringLiteral("name"), QStringLiteral("Ada")}}},
        {QStringLiteral("role"), QStringLiteral("view")},
        {QStringLiteral("status"), QStringLiteral("pending")},
        {QStringLiteral("offer"), b64(153)},
        {QStringLiteral("createdAt"), QStringLiteral("2026-12-01T10:00:00.000Z")},
        {QStringLiteral("expiresAt"), QStringLiteral("2026-12-08T10:00:00.000Z")}};
}

QJsonObject page(const QJsonObject& one, int count, const QJsonValue& next = QJsonValue::Null)
{
    QJsonArray list;
    for (int i = 0; i < count; ++i)
        list.append(one);
    return {{QStringLiteral("invitations"), list}, {QStringLiteral("nextCursor"), next}};
}

} // namespace

class TestInvitationApi : public QObject
{
    Q_OBJECT

private slots:
    void wellFormed()
    {
        const auto m = InvitationApi::parseManaged(managed());
        QVERIFY2(m.ok(), m.ok() ? "" : qPrintable(m.error().message));
        QCOMPARE(m->state, InvitationApi::State::Accepted);
        QCOMPARE(m->answer.size(), 269);
        QCOMPARE(m->terms.size(), 173);
        QJsonObject unsigned_ = managed();
        unsigned_.remove(QStringLiteral("signedTerms"));
        QVERIFY(InvitationApi::parseManaged(unsigned_)->terms.isEmpty());
        QCOMPARE(m->role, QStringLiteral("edit"));
        QCOMPARE(m->expiresAt, QDateTime(QDate(2026, 12, 8), QTime(10, 0), Qt::UTC));

        const auto r = InvitationApi::parseReceived(received());
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        QCOMPARE(r->inviterEmail, QStringLiteral("ada@example.com"));
        QCOMPARE(r->inviterId, QUuid::fromString(kUser));

        const auto p = InvitationApi::parseReceivedPage(page(received(), 20, QStringLiteral("123~abc")));
        QVERIFY(p.ok());
        QCOMPARE(p->invitations.size(), 20);
        QCOMPARE(p->nextCursor, QStringLiteral("123~abc"));
        QVERIFY(InvitationApi::parseManagedPage(page(managed(), 0))->nextCursor.isEmpty());
    }

    void hostileManaged_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value"); // undefined: the field is removed
        QTest::newRow("missing id") << "id" << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("id upper case") << "id" << QJsonValue(kId.toUpper());
        QTest::newRow("id with braces") << "id" << QJsonValue(QLatin1Char('{') + kId + QLatin1Char('}'));
        QTest::newRow("id nil") << "id" << QJsonValue(QStringLiteral("00000000-0000-0000-0000-000000000000"));
        QTest::newRow("folder number") << "folderId" << QJsonValue(5);
        QTest::newRow("invitee missing") << "inviteeId" << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("email number") << "inviteeEmail" << QJsonValue(1);
        QTest::newRow("email oversize") << "inviteeEmail" << QJsonValue(QString(400, QLatin1Char('a')));
        QTest::newRow("role unknown") << "role" << QJsonValue(QStringLiteral("owner"));
        QTest::newRow("role capitalised") << "role" << QJsonValue(QStringLiteral("Edit"));
        QTest::newRow("role empty") << "role" << QJsonValue(QString());
        QTest::newRow("status unknown") << "status" << QJsonValue(QStringLiteral("approved"));
        QTest::newRow("status missing") << "status" << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("offer short") << "offer" << QJsonValue(b64(152));
        QTest::newRow("offer loose base64") << "offer" << QJsonValue(QStringLiteral("!!") + b64(150));
        QTest::newRow("offer url alphabet")
            << "offer"
            << QJsonValue(
                   QString::fromLatin1(QByteArray(153, char(0xfb)).toBase64(QByteArray::Base64UrlEncoding)));
        QTest::newRow("answer long") << "answer" << QJsonValue(b64(270));
        QTest::newRow("accepted without answer") << "answer" << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("answer array") << "answer" << QJsonValue(QJsonArray{1});
        QTest::newRow("terms empty") << "signedTerms" << QJsonValue(QString());
        QTest::newRow("terms oversize")
            << "signedTerms" << QJsonValue(b64(int(Invitation::kMaxTermsSize) + 1));
        QTest::newRow("terms number") << "signedTerms" << QJsonValue(3);
        QTest::newRow("sealed label empty") << "sealedFolderLabel" << QJsonValue(QString());
        QTest::newRow("sealed label oversize") << "sealedFolderLabel" << QJsonValue(b64(1025));
        QTest::newRow("created not a time") << "createdAt" << QJsonValue(QStringLiteral("yesterday"));
        QTest::newRow("expires number") << "expiresAt" << QJsonValue(1764583200000.0);
    }

    void hostileManaged()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QJsonObject json = managed();
        if (value.isUndefined())
            json.remove(key);
        else
            json.insert(key, value);
        const auto m = InvitationApi::parseManaged(json);
        QVERIFY(!m.ok());
        QCOMPARE(m.error().code, ErrorCode::Protocol);
        QCOMPARE(m.error().field, key);
        QVERIFY(m.error().message.contains(key));
    }

    void hostileReceived_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("field");
        QTest::newRow("inviter missing") << "inviter" << QJsonValue(QJsonValue::Undefined) << "inviter";
        QTest::newRow("inviter string") << "inviter" << QJsonValue(QStringLiteral("ada")) << "inviter";
        QTest::newRow("inviter id spelling")
            << "inviter"
            << QJsonValue(QJsonObject{{QStringLiteral("id"), kUser.toUpper()},
                                      {QStringLiteral("email"), QStringLiteral("a@b.c")}})
            << "inviter.id";
        QTest::newRow("inviter email missing")
            << "inviter" << QJsonValue(QJsonObject{{QStringLiteral("id"), kUser}}) << "inviter.email";
        QTest::newRow("label number") << "folderLabel" << QJsonValue(7) << "folderLabel";
        QTest::newRow("label oversize")
            << "folderLabel" << QJsonValue(QString(201, QLatin1Char('x'))) << "folderLabel";
        QTest::newRow("offer missing") << "offer" << QJsonValue(QJsonValue::Undefined) << "offer";
    }

    void hostileReceived()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, field);
        QJsonObject json = received();
        if (value.isUndefined())
            json.remove(key);
        else
            json.insert(key, value);
        const auto r = InvitationApi::parseReceived(json);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Protocol);
        QCOMPARE(r.error().field, field);
    }

    void hostilePage_data()
    {
        QTest::addColumn<QJsonObject>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("oversize list") << page(received(), 21) << "invitations";
        QTest::newRow("list missing")
            << QJsonObject{{QStringLiteral("nextCursor"), QJsonValue::Null}} << "invitations";
        QTest::newRow("list object") << QJsonObject{{QStringLiteral("invitations"), QJsonObject{}},
                                                    {QStringLiteral("nextCursor"), QJsonValue::Null}}
                                     << "invitations";
        QTest::newRow("cursor missing")
            << QJsonObject{{QStringLiteral("invitations"), QJsonArray{}}} << "nextCursor";
        QTest::newRow("cursor empty") << page(received(), 1, QString()) << "nextCursor";
        QTest::newRow("cursor number") << page(received(), 1, 5) << "nextCursor";
        QJsonObject bad = received();
        bad.insert(QStringLiteral("id"), 1);
        QJsonObject list = page(received(), 2);
        QJsonArray items = list.value(QStringLiteral("invitations")).toArray();
        items.append(bad);
        list.insert(QStringLiteral("invitations"), items);
        QTest::newRow("third entry bad") << list << "invitations[2].id";
        QTest::newRow("entry not object") << QJsonObject{{QStringLiteral("invitations"), QJsonArray{1}},
                                                         {QStringLiteral("nextCursor"), QJsonValue::Null}}
                                          << "invitations[0]";
    }

    void hostilePage()
    {
        QFETCH(QJsonObject, json);
        QFETCH(QString, field);
        const auto p = InvitationApi::parseReceivedPage(json);
        QVERIFY(!p.ok());
        QCOMPARE(p.error().code, ErrorCode::Protocol);
        QCOMPARE(p.error().field, field);
        QVERIFY(!p.error().message.isEmpty());
    }

    void refusalsInWords_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("words");
        QTest::newRow("50 pending") << 409 << "too-many-pending"
                                    << "email"
                                    << "50";
        QTest::newRow("100 a day") << 429 << "rate-limited"
                                   << ""
                                   << "100";
        QTest::newRow("expired") << 410 << "gone"
                                 << ""
                                 << "7 days";
        QTest::newRow("open already") << 409 << "conflict"
                                      << "email"
                                      << "open invitation";
        QTest::newRow("no guests") << 403 << "not-in-organisation"
                                   << "email"
                                   << "guests";
    }

    void refusalsInWords()
    {
        QFETCH(int, status);
        QFETCH(QString, reason);
        QFETCH(QString, field);
        QFETCH(QString, words);
        ApiReply reply;
        reply.status = status;
        reply.error.kind = ApiError::Kind::Server;
        reply.error.status = status;
        reply.error.reason = reason;
        reply.error.field = field;
        const Error e = InvitationApi::refusal(reply);
        QVERIFY2(e.message.contains(words), qPrintable(e.message));
    }
};

QTEST_GUILESS_MAIN(TestInvitationApi)
#include "TestInvitationApi.moc"
