// BenchMemberRemoval: what removing one member costs the manager's client (DESIGN §8) in a
// shared folder of N items (default 1,000) and M members (default 50), against the real
// conclave-server: the client's CPU time (getrusage of this process, every thread; the server
// is another process) and the requests the removal sends, of which exactly one is the
// rotation (remove + rotate entries, key chain link, a grant per remaining member and every
// item re-encrypted). Prints; asserts nothing but the single rotation request.
//   build/<dir>/tests/benchmarks/BenchMemberRemoval [items] [members]
#include "ServerAccounts.h"
#include "ServerHarness.h"
#include "SyncFixture.h"

#include "core/crypto/Fingerprint.h"
#include "core/crypto/UserKeys.h"
#include "core/sync/SyncEngine.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <sys/resource.h>

using namespace Conclave::Core;

namespace {

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

double cpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto ms = [](const timeval& t) {
        return double(t.tv_sec) * 1000.0 + double(t.tv_usec) / 1000.0;
    };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

SecureBytes pw(const QByteArray& text)
{
    return SecureBytes(text.constData(), std::size_t(text.size()));
}

struct Device
{
    Device(const QUrl& server, const QString& directory)
        : settings(EffectiveSettings::merge(SyncFixture::userSettings(server), MachinePolicy()))
        , gate(settings)
        , network(gate)
        , api(network, server, Clock::system())
        , client(api, directory)
        , engine(client, directory)
    {
        client.setNewPasswordCost(KdfParams::kMinOpsLimit, KdfParams::kMinMemLimit);
    }

    EffectiveSettings settings;
    SharingGate gate;
    GatedNetworkAccessManager network;
    ApiConnection api;
    AccountClient client;
    SyncEngine engine;
};

bool ok(const std::optional<Status>& status, const char* what)
{
    if (status && status->ok())
        return true;
    out() << what << " failed: " << (status ? status->error().message : QStringLiteral("no answer in time"))
          << Qt::endl;
    return false;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int items = argc > 1 ? QByteArray(argv[1]).toInt() : 1000;
    const int members = argc > 2 ? QByteArray(argv[2]).toInt() : 50;
    ServerHarness server;
    server.setConfig({QStringLiteral("[limits]"), QStringLiteral("loginPerAddress=100000"),
                      QStringLiteral("signupPerAddress=100000"), QStringLiteral("verifyPerAddress=100000"),
                      QStringLiteral("lookupPerAccount=100000")});
    if (!server.start(QStringLiteral("BenchMemberRemoval")))
        return 1;
    const QUrl url(server.baseUrl());
    const QString domain = QStringLiteral("bench-removal.example.com");
    QString orgId;
    if (server.admin({QStringLiteral("create-org"), QStringLiteral("--name"), QStringLiteral("Org"),
                      QStringLiteral("--owner"), ServerAccounts::uniqueEmail("owner", domain)},
                     &orgId) != 0 ||
        server.admin({QStringLiteral("add-domain"), QStringLiteral("--org"), orgId.trimmed(),
                      QStringLiteral("--domain"), domain}) != 0)
        return 1;

    // The members: each signs up, verifies and signs in once (which publishes their keys).
    QTemporaryDir managerDir;
    std::unique_ptr<Device> manager;
    QList<QPair<QString, QByteArray>> others; // email, safety number
    QUuid lastMember;
    for (int i = 0; i < members; ++i) {
        const QString email = ServerAccounts::uniqueEmail("member", domain);
        const QByteArray password = "a long password for member " + QByteArray::number(i);
        QTemporaryDir scratch;
        auto device = std::make_unique<Device>(url, i == 0 ? managerDir.path() : scratch.path());
        if (!ok(await([&](QObject* c, auto done) {
                    device->client.signUp(email, QStringLiteral("Member"), pw(password), c, done);
                }),
                "sign-up"))
            return 1;
        const QString code = server.latestCode(email);
        if (!ok(await([&](QObject* c, auto done) { device->client.verifyEmail(email, code, c, done); }),
                "verification") ||
            !ok(await([&](QObject* c, auto done) { device->client.signIn(email, pw(password), c, done); }),
                "sign-in"))
            return 1;
        if (i == 0) {
            manager = std::move(device);
            continue;
        }
        others.append(
            {email,
             Fingerprint::of(device->client.userKeys()->identityPublicKey()).safetyNumber().toLatin1()});
        lastMember = device->client.account().userId;
    }
    if (!ok(await([&](QObject* c, auto done) { manager->engine.start(c, done); }), "engine start"))
        return 1;
    SyncEngine& engine = manager->engine;
    std::optional<Result<QUuid>> folder;
    engine.createFolder(QUuid::fromString(orgId.trimmed()), QStringLiteral("Bench"), nullptr,
                        [&](Result<QUuid> r) { folder.emplace(std::move(r)); });
    if (!QTest::qWaitFor([&] { return folder.has_value(); }, 60'000) || !folder->ok())
        return 1;
    for (const auto& [email, number] : others) {
        std::optional<Result<SharingApi::KeyLookup>> lookup;
        engine.api().lookupKey(email, nullptr,
                               [&](Result<SharingApi::KeyLookup> r) { lookup.emplace(std::move(r)); });
        if (!QTest::qWaitFor([&] { return lookup.has_value(); }, 60'000) || !lookup->ok())
            return 1;
        if (!engine.confirmSafetyNumber(lookup->value().bundle, QString::fromLatin1(number)).ok() ||
            !ok(await([&](QObject* c, auto done) {
                    engine.addMember(folder->value(), lookup->value().bundle, FolderRole::Edit, c, done);
                }),
                "add"))
            return 1;
    }
    QElapsedTimer fill;
    fill.start();
    for (int i = 0; i < items; ++i) {
        std::optional<Result<QUuid>> written;
        const QByteArray plaintext = R"({"format":"conclave.connection","v":1,"fields":{"name":"db-)" +
                                     QByteArray::number(i) +
                                     R"(","kind":"postgresql","hosts":["db.internal:5432"]}})";
        engine.writeItem(folder->value(), {}, plaintext, nullptr,
                         [&](Result<QUuid> r) { written.emplace(std::move(r)); });
        if (!QTest::qWaitFor([&] { return written.has_value(); }, 60'000) || !written->ok()) {
            out() << "write " << i << " failed" << Qt::endl;
            return 1;
        }
    }
    out() << "folder of " << items << " items and " << members << " members filled in " << fill.elapsed()
          << " ms" << Qt::endl;

    QStringList requests;
    engine.api().setTamper([&requests](const QString& path, QJsonObject&) { requests.append(path); });
    const double cpuBefore = cpuMs();
    QElapsedTimer wall;
    wall.start();
    const auto removed =
        await([&](QObject* c, auto done) { engine.removeMember(folder->value(), lastMember, c, done); });
    const qint64 wallMs = wall.elapsed();
    const double cpu = cpuMs() - cpuBefore;
    engine.api().setTamper({});
    if (!ok(removed, "removal"))
        return 1;
    const qsizetype rotations = requests.filter(QStringLiteral("/rotation")).size();
    out() << "member removal: client CPU " << QString::number(cpu, 'f', 1) << " ms (target <= 300), wall "
          << wallMs << " ms, requests " << requests.size() << ", rotation requests " << rotations << Qt::endl;
    return rotations == 1 ? 0 : 2;
}
