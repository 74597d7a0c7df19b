// The end-to-end suites' server and organisation; see the header.
#include "SharingTeam.h"

#include "ServerAccounts.h"

#include "core/crypto/Fingerprint.h"
#include "core/crypto/UserKeys.h"

using namespace Conclave::Core;

bool SharingTeam::start(const QString& name)
{
    m_server.setConfig({QStringLiteral("[limits]"), QStringLiteral("loginPerAddress=100000"),
                        QStringLiteral("signupPerAddress=100000"),
                        QStringLiteral("verifyPerAddress=100000")});
    if (!m_server.start(name))
        return false;
    m_url = QUrl(m_server.baseUrl());
    m_domain = QUuid::createUuid().toString(QUuid::Id128).left(10) + QStringLiteral(".e2e.example.com");
    QString orgId;
    if (m_server.admin({QStringLiteral("create-org"), QStringLiteral("--name"), QStringLiteral("Org"),
                        QStringLiteral("--owner"), email("owner")},
                       &orgId) != 0)
        return false;
    m_orgId = QUuid::fromString(orgId.trimmed());
    return !m_orgId.isNull() && m_server.admin({QStringLiteral("add-domain"), QStringLiteral("--org"),
                                                m_orgId.toString(QUuid::WithoutBraces),
                                                QStringLiteral("--domain"), m_domain}) == 0;
}

QString SharingTeam::email(const char* prefix) const
{
    return ServerAccounts::uniqueEmail(prefix, m_domain);
}

bool SharingTeam::signUp(const QString& email, const char* password)
{
    QTemporaryDir scratch;
    SharingDevice device(m_url, scratch.path());
    const auto made = await([&](QObject* c, auto done) {
        device.client.signUp(email, QStringLiteral("Team Member"), securePassword(password), c, done);
    });
    if (!made || !made->ok())
        return false;
    const QString code = m_server.latestCode(email);
    const auto verified =
        await([&](QObject* c, auto done) { device.client.verifyEmail(email, code, c, done); });
    return verified && verified->ok();
}

bool SharingTeam::signIn(SharingDevice& device, const QString& email, const char* password)
{
    const auto signedIn =
        await([&](QObject* c, auto done) { device.client.signIn(email, securePassword(password), c, done); });
    if (!signedIn || !signedIn->ok()) {
        qWarning("sign-in failed: %s", signedIn ? qPrintable(signedIn->error().message) : "timeout");
        return false;
    }
    const auto started = await([&](QObject* c, auto done) { device.engine.start(c, done); });
    if (!started || !started->ok()) {
        qWarning("start failed: %s", started ? qPrintable(started->error().message) : "timeout");
        return false;
    }
    return true;
}

bool SharingTeam::addMember(SharingDevice& manager, const QUuid& folderId, SharingDevice& member,
                            const QString& memberEmail, FolderRole role)
{
    const auto lookup = awaitResult<SharingApi::KeyLookup>(
        [&](QObject* c, auto done) { manager.engine.api().lookupKey(memberEmail, c, done); });
    if (!lookup || !lookup->ok())
        return false;
    // The number the member reads out from their own screen.
    const QString number = Fingerprint::of(member.client.userKeys()->identityPublicKey()).safetyNumber();
    if (Status confirmed = manager.engine.confirmSafetyNumber(lookup->value().bundle, number); !confirmed) {
        qWarning("safety number refused: %s", qPrintable(confirmed.error().message));
        return false;
    }
    const auto added = await([&](QObject* c, auto done) {
        manager.engine.addMember(folderId, lookup->value().bundle, role, c, done);
    });
    if (!added || !added->ok()) {
        qWarning("add failed: %s", added ? qPrintable(added->error().message) : "timeout");
        return false;
    }
    return true;
}
