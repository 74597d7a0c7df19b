// Tests OrgBlocksApi. The parsers take a well-formed list and refuse one hostile variant per
// rule (wrong type, missing field, unknown scope, UUID in another spelling, a value that does
// not fit its scope, an over-long reason, a time that is not one), naming the field. Against
// the real conclave-server (OrgBlocksScenario): the owner lists an empty list, blocks a
// member's address (the list shows it with its reason and time, the member's session ends at
// once) and lifts it, blocks the organisation's domain and lifts it; an address outside the
// organisation, an admin's address and a block lifted twice are refused in words; a member and
// an outsider are refused the list; and a list answer altered on the way is refused in words.
#include "OrgBlocksScenario.h"

#include "SyncFixture.h"

#include "core/sync/OrgBlocksApi.h"

#include <QJsonArray>
#include <QTest>

using namespace Conclave::Core;

namespace {

const QString kId = QStringLiteral("1b6c3c8e-6f0e-4a0c-9d55-2f5e0c1c7a12");

QJsonObject goodBlock()
{
    return {{QStringLiteral("id"), kId},
            {QStringLiteral("scope"), QStringLiteral("email")},
            {QStringLiteral("value"), QStringLiteral("bob@example.com")},
            {QStringLiteral("reason"), QStringLiteral("Left the team")},
            {QStringLiteral("createdAt"), QStringLiteral("2026-12-02T04:41:11.123Z")}};
}

QJsonObject listOf(const QJsonValue& block)
{
    return {{QStringLiteral("blocks"), QJsonArray{block}}};
}

QJsonObject withField(const char* name, const QJsonValue& value)
{
    QJsonObject block = goodBlock();
    if (value.isUndefined())
        block.remove(QLatin1String(name));
    else
        block.insert(QLatin1String(name), value);
    return listOf(block);
}

template<typename T> QByteArray message(const std::optional<Result<T>>& r)
{
    return r && !r->ok() ? r->error().message.toUtf8() : QByteArray("no refusal");
}

} // namespace

class TestOrgBlocksApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void parsesAList();
    void refusesHostileLists_data();
    void refusesHostileLists();
    void refusesAWrongCreatedAnswer();
    void listIsEmptyAtFirst();
    void memberAndOutsiderAreRefused();
    void blockByEmailEndsTheSessionAndLifts();
    void blockByDomainAndLift();
    void refusalsAreSaidInWords();
    void alteredListIsRefused();

private:
    OrgBlocksScenario m_org;
};

void TestOrgBlocksApi::initTestCase()
{
    QVERIFY(m_org.start(QStringLiteral("TestOrgBlocksApi")));
}

void TestOrgBlocksApi::cleanupTestCase()
{
    m_org.server().stop();
}

void TestOrgBlocksApi::parsesAList()
{
    QJsonObject domain = goodBlock();
    domain.insert(QStringLiteral("id"), QStringLiteral("2b6c3c8e-6f0e-4a0c-9d55-2f5e0c1c7a13"));
    domain.insert(QStringLiteral("scope"), QStringLiteral("domain"));
    domain.insert(QStringLiteral("value"), QStringLiteral("example.com"));
    domain.insert(QStringLiteral("reason"), QString());
    QJsonObject org = goodBlock();
    org.insert(QStringLiteral("scope"), QStringLiteral("organisation"));
    org.insert(QStringLiteral("value"), QString());
    const Result<QList<OrgBlocksApi::Block>> parsed =
        OrgBlocksApi::parseBlocks({{QStringLiteral("blocks"), QJsonArray{goodBlock(), domain, org}}});
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().message));
    QCOMPARE(parsed->size(), 3);
    QCOMPARE(parsed->at(0).id, QUuid::fromString(kId));
    QCOMPARE(parsed->at(0).scope, OrgBlocksApi::Scope::Email);
    QCOMPARE(parsed->at(0).value, QStringLiteral("bob@example.com"));
    QCOMPARE(parsed->at(0).reason, QStringLiteral("Left the team"));
    QCOMPARE(parsed->at(0).createdAt, QDateTime(QDate(2026, 12, 2), QTime(4, 41, 11, 123), Qt::UTC));
    QCOMPARE(parsed->at(1).scope, OrgBlocksApi::Scope::Domain);
    QVERIFY(parsed->at(1).reason.isEmpty());
    QCOMPARE(parsed->at(2).scope, OrgBlocksApi::Scope::Organisation);
    QVERIFY(OrgBlocksApi::parseBlocks({{QStringLiteral("blocks"), QJsonArray{}}})->isEmpty());
}

void TestOrgBlocksApi::refusesHostileLists_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QString>("field");
    QTest::newRow("no blocks") << QJsonObject{} << "blocks";
    QTest::newRow("blocks not an array") << QJsonObject{{QStringLiteral("blocks"), 3}} << "blocks";
    QTest::newRow("entry not an object") << listOf(QStringLiteral("x")) << "blocks[0]";
    QTest::newRow("id missing") << withField("id", QJsonValue::Undefined) << "blocks[0].id";
    QTest::newRow("id with braces") << withField("id", QString(QLatin1Char('{') + kId + QLatin1Char('}')))
                                    << "blocks[0].id";
    QTest::newRow("id upper case") << withField("id", kId.toUpper()) << "blocks[0].id";
    QTest::newRow("id a number") << withField("id", 7) << "blocks[0].id";
    QTest::newRow("scope unknown") << withField("scope", QStringLiteral("everyone")) << "blocks[0].scope";
    QTest::newRow("scope capitalised") << withField("scope", QStringLiteral("Email")) << "blocks[0].scope";
    QTest::newRow("scope missing") << withField("scope", QJsonValue::Undefined) << "blocks[0].scope";
    QTest::newRow("value missing") << withField("value", QJsonValue::Undefined) << "blocks[0].value";
    QTest::newRow("value empty for an address") << withField("value", QString()) << "blocks[0].value";
    QTest::newRow("address without @")
        << withField("value", QStringLiteral("example.com")) << "blocks[0].value";
    QTest::newRow("value too long") << withField("value", QString(QString(300, QLatin1Char('a')) +
                                                                  QStringLiteral("@x")))
                                    << "blocks[0].value";
    QJsonObject org = goodBlock();
    org.insert(QStringLiteral("scope"), QStringLiteral("organisation"));
    QTest::newRow("organisation with a value") << listOf(org) << "blocks[0].value";
    QJsonObject domain = goodBlock();
    domain.insert(QStringLiteral("scope"), QStringLiteral("domain"));
    QTest::newRow("domain with @") << listOf(domain) << "blocks[0].value";
    QTest::newRow("reason a number") << withField("reason", 5) << "blocks[0].reason";
    QTest::newRow("reason missing") << withField("reason", QJsonValue::Undefined) << "blocks[0].reason";
    QTest::newRow("reason too long") << withField("reason", QString(501, QLatin1Char('r')))
                                     << "blocks[0].reason";
    QTest::newRow("createdAt not a time")
        << withField("createdAt", QStringLiteral("yesterday")) << "blocks[0].createdAt";
    QTest::newRow("createdAt a number") << withField("createdAt", 1'700'000'000) << "blocks[0].createdAt";
}

void TestOrgBlocksApi::refusesHostileLists()
{
    QFETCH(QJsonObject, json);
    QFETCH(QString, field);
    const Result<QList<OrgBlocksApi::Block>> parsed = OrgBlocksApi::parseBlocks(json);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().code, ErrorCode::Protocol);
    QCOMPARE(parsed.error().field, field);
    QVERIFY(parsed.error().message.contains(field));
}

void TestOrgBlocksApi::refusesAWrongCreatedAnswer()
{
    using Scope = OrgBlocksApi::Scope;
    const QJsonObject good{{QStringLiteral("id"), kId}, {QStringLiteral("scope"), QStringLiteral("email")}};
    QCOMPARE(OrgBlocksApi::parseCreated(good, Scope::Email).value(), QUuid::fromString(kId));
    QCOMPARE(OrgBlocksApi::parseCreated(good, Scope::Domain).error().field, QStringLiteral("scope"));
    QCOMPARE(OrgBlocksApi::parseCreated({{QStringLiteral("scope"), QStringLiteral("email")}}, Scope::Email)
                 .error()
                 .field,
             QStringLiteral("id"));
    QCOMPARE(OrgBlocksApi::parseCreated({{QStringLiteral("id"), kId.toUpper()}, {QStringLiteral("scope"), 1}},
                                        Scope::Email)
                 .error()
                 .code,
             ErrorCode::Protocol);
}

void TestOrgBlocksApi::listIsEmptyAtFirst()
{
    auto ada = m_org.session(m_org.ada);
    OrgBlocksApi api(ada->api);
    const auto listed =
        await<QList<OrgBlocksApi::Block>>([&](QObject* c, auto done) { api.list(m_org.orgId, c, done); });
    VERIFY_OK(listed);
    QVERIFY(listed->value().isEmpty());
}

void TestOrgBlocksApi::memberAndOutsiderAreRefused()
{
    for (const TestAccount* who : {&m_org.carol, &m_org.olga}) {
        auto session = m_org.session(*who);
        OrgBlocksApi api(session->api);
        const auto listed =
            await<QList<OrgBlocksApi::Block>>([&](QObject* c, auto done) { api.list(m_org.orgId, c, done); });
        QVERIFY2(listed && !listed->ok(), qPrintable(who->email));
        QCOMPARE(listed->error().code, ErrorCode::Denied);
        QCOMPARE(listed->error().message,
                 QStringLiteral("Only the organisation's owners and admins can manage "
                                "its blocks."));
        const auto made = await<QUuid>([&](QObject* c, auto done) {
            api.create(m_org.orgId, OrgBlocksApi::Scope::Email, m_org.bob.email, {}, c, done);
        });
        QVERIFY(made && !made->ok());
        QCOMPARE(made->error().code, ErrorCode::Denied);
        // Nothing was set, and the member still works.
        QCOMPARE(m_org.accountStatus(m_org.bob.token), 200);
    }
}

void TestOrgBlocksApi::blockByEmailEndsTheSessionAndLifts()
{
    auto ada = m_org.session(m_org.ada);
    OrgBlocksApi api(ada->api);
    QCOMPARE(m_org.accountStatus(m_org.bob.token), 200);
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-60);
    const auto made = await<QUuid>([&](QObject* c, auto done) {
        api.create(m_org.orgId, OrgBlocksApi::Scope::Email, QStringLiteral("  Bob@") + m_org.domain,
                   QStringLiteral("Left the team"), c, done);
    });
    VERIFY_OK(made);
    QVERIFY(!made->value().isNull());
    // The block revoked Bob's session at once; Ada's (the owner's) goes on.
    QCOMPARE(m_org.accountStatus(m_org.bob.token), 401);
    QCOMPARE(m_org.accountStatus(m_org.ada.token), 200);
    QCOMPARE(m_org.accountStatus(m_org.carol.token), 200);

    const auto listed =
        await<QList<OrgBlocksApi::Block>>([&](QObject* c, auto done) { api.list(m_org.orgId, c, done); });
    VERIFY_OK(listed);
    QCOMPARE(listed->value().size(), 1);
    const OrgBlocksApi::Block& b = listed->value().first();
    QCOMPARE(b.id, made->value());
    QCOMPARE(b.scope, OrgBlocksApi::Scope::Email);
    QCOMPARE(b.value, m_org.bob.email);
    QCOMPARE(b.reason, QStringLiteral("Left the team"));
    QVERIFY(b.createdAt >= before && b.createdAt <= QDateTime::currentDateTimeUtc().addSecs(60));

    const auto lifted = await([&](QObject* c, auto done) { api.lift(m_org.orgId, b.id, c, done); });
    VERIFY_OK(lifted);
    const auto after =
        await<QList<OrgBlocksApi::Block>>([&](QObject* c, auto done) { api.list(m_org.orgId, c, done); });
    VERIFY_OK(after);
    QVERIFY(after->value().isEmpty());

    // Lifted already: said in words.
    const auto again = await([&](QObject* c, auto done) { api.lift(m_org.orgId, b.id, c, done); });
    QVERIFY(again && !again->ok());
    QCOMPARE(again->error().code, ErrorCode::NotFound);
    QVERIFY2(again->error().message.contains(QStringLiteral("lifted already")), message(again).constData());
}

void TestOrgBlocksApi::blockByDomainAndLift()
{
    // An admin sets this one: admins manage blocks as owners do.
    auto dan = m_org.session(m_org.dan);
    OrgBlocksApi api(dan->api);
    QCOMPARE(m_org.accountStatus(m_org.carol.token), 200);
    const auto made = await<QUuid>([&](QObject* c, auto done) {
        api.create(m_org.orgId, OrgBlocksApi::Scope::Domain, m_org.domain, {}, c, done);
    });
    VERIFY_OK(made);
    // Carol is covered by the domain; the owner and the admin are never.
    QCOMPARE(m_org.accountStatus(m_org.carol.token), 401);
    QCOMPARE(m_org.accountStatus(m_org.ada.token), 200);
    QCOMPARE(m_org.accountStatus(m_org.dan.token), 200);
    const auto listed =
        await<QList<OrgBlocksApi::Block>>([&](QObject* c, auto done) { api.list(m_org.orgId, c, done); });
    VERIFY_OK(listed);
    QCOMPARE(listed->value().size(), 1);
    QCOMPARE(listed->value().first().scope, OrgBlocksApi::Scope::Domain);
    QCOMPARE(listed->value().first().value, m_org.domain);
    QVERIFY(listed->value().first().reason.isEmpty());
    const auto lifted = await([&](QObject* c, auto done) { api.lift(m_org.orgId, made->value(), c, done); });
    VERIFY_OK(lifted);
    const auto after =
        await<QList<OrgBlocksApi::Block>>([&](QObject* c, auto done) { api.list(m_org.orgId, c, done); });
    VERIFY_OK(after);
    QVERIFY(after->value().isEmpty());
}

void TestOrgBlocksApi::refusalsAreSaidInWords()
{
    using Scope = OrgBlocksApi::Scope;
    auto ada = m_org.session(m_org.ada);
    OrgBlocksApi api(ada->api);
    const auto create = [&](Scope scope, const QString& value, const QString& reason = {}) {
        return await<QUuid>(
            [&](QObject* c, auto done) { api.create(m_org.orgId, scope, value, reason, c, done); });
    };

    const auto outside = create(Scope::Email, m_org.olga.email);
    QVERIFY(outside && !outside->ok());
    QCOMPARE(outside->error().code, ErrorCode::InvalidInput);
    QVERIFY2(outside->error().message.contains(QStringLiteral("not the address of a member")),
             message(outside).constData());

    const auto otherDomain = create(Scope::Domain, QStringLiteral("other-") + m_org.domain);
    QVERIFY(otherDomain && !otherDomain->ok());
    QVERIFY2(
        otherDomain->error().message.contains(QStringLiteral("neither one of the organisation's domains")),
        message(otherDomain).constData());

    for (const QString& manager : {m_org.dan.email, m_org.ada.email}) {
        const auto admin = create(Scope::Email, manager);
        QVERIFY(admin && !admin->ok());
        QCOMPARE(admin->error().code, ErrorCode::Denied);
        QVERIFY2(admin->error().message.contains(QStringLiteral("owner or admin")),
                 message(admin).constData());
    }

    const auto longReason = create(Scope::Email, m_org.bob.email, QString(501, QLatin1Char('r')));
    QVERIFY(longReason && !longReason->ok());
    QVERIFY2(longReason->error().message.contains(QStringLiteral("at most 500 characters")),
             message(longReason).constData());

    const auto whole = create(Scope::Organisation, {});
    QVERIFY(whole && !whole->ok());
    QCOMPARE(whole->error().code, ErrorCode::InvalidInput);

    // Nothing of it was set.
    const auto listed =
        await<QList<OrgBlocksApi::Block>>([&](QObject* c, auto done) { api.list(m_org.orgId, c, done); });
    VERIFY_OK(listed);
    QVERIFY(listed->value().isEmpty());
}

void TestOrgBlocksApi::alteredListIsRefused()
{
    auto ada = m_org.session(m_org.ada);
    OrgBlocksApi setter(ada->api);
    const auto made = await<QUuid>([&](QObject* c, auto done) {
        setter.create(m_org.orgId, OrgBlocksApi::Scope::Email, m_org.bob.email, QStringLiteral("audit"), c,
                      done);
    });
    VERIFY_OK(made);

    OrgBlocksApi api(ada->api);
    api.setTamper([](const QString& path, QJsonObject& json) {
        if (!path.endsWith(QLatin1String("/blocks")))
            return;
        QJsonArray blocks = json.value(QStringLiteral("blocks")).toArray();
        QJsonObject first = blocks.at(0).toObject();
        first.insert(QStringLiteral("scope"), QStringLiteral("everyone"));
        blocks[0] = first;
        json.insert(QStringLiteral("blocks"), blocks);
    });
    const auto listed =
        await<QList<OrgBlocksApi::Block>>([&](QObject* c, auto done) { api.list(m_org.orgId, c, done); });
    QVERIFY(listed && !listed->ok());
    QCOMPARE(listed->error().code, ErrorCode::Protocol);
    QCOMPARE(listed->error().field, QStringLiteral("blocks[0].scope"));
    QVERIFY2(listed->error().message.contains(QStringLiteral("cannot read")), message(listed).constData());

    api.setTamper(
        [](const QString&, QJsonObject& json) { json.insert(QStringLiteral("blocks"), QJsonValue()); });
    const auto nulled =
        await<QList<OrgBlocksApi::Block>>([&](QObject* c, auto done) { api.list(m_org.orgId, c, done); });
    QVERIFY(nulled && !nulled->ok());
    QCOMPARE(nulled->error().field, QStringLiteral("blocks"));

    const auto lifted =
        await([&](QObject* c, auto done) { setter.lift(m_org.orgId, made->value(), c, done); });
    VERIFY_OK(lifted);
}

QTEST_GUILESS_MAIN(TestOrgBlocksApi)
#include "TestOrgBlocksApi.moc"
