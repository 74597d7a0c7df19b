// Accounts, verification, login and the sharing gate.
#include "server/services/AccountService.h"

#include "server/services/ConstantTime.h"
#include "server/services/EmailAddress.h"
#include "server/services/KeyBundleVerifier.h"
#include "server/services/ServiceLog.h"
#include "server/storage/StorageTransaction.h"

#include "core/crypto/SecureBytes.h"
#include "core/crypto/Sodium.h"

#include <QUuid>

#include <sodium.h>

namespace Conclave::Server {

using Core::Error;
using Core::ErrorCode;
using Core::Result;
using Core::Status;

namespace {
Error wrongCredentials()
{
    return Error::make(ErrorCode::Crypto, QStringLiteral("The email address or password is wrong."));
}

Error wrongCode()
{
    return Error::make(ErrorCode::InvalidInput,
                       QStringLiteral("The verification code is wrong or has expired."),
                       QStringLiteral("code"));
}

constexpr qint64 kUnverifiedPurgeMs = 7LL * 24 * 3600 * 1000;
} // namespace

AccountService::AccountService(SqlDatabase& database, AccountStore& accounts,
                               VerificationStore& verifications, const ServerKey& key,
                               const Core::Clock& clock, const ServerLimits& limits, SessionService& sessions,
                               OrganisationService& orgs, Mailer& mailer, AccessCache& cache)
    : m_database(database)
    , m_accounts(accounts)
    , m_verifications(verifications)
    , m_key(key)
    , m_clock(clock)
    , m_limits(limits)
    , m_sessions(sessions)
    , m_orgs(orgs)
    , m_mailer(mailer)
    , m_cache(cache)
{}

Status AccountService::checkWrapped(const QByteArray& wrapped, qsizetype size, const QString& field)
{
    if (wrapped.size() != size || quint8(wrapped.at(0)) != Core::KeyWrap::kVersion) {
        return Error::make(
            ErrorCode::InvalidInput,
            QStringLiteral("The wrapped key does not have the layout of this protocol version."), field);
    }
    return {};
}

QByteArray AccountService::authHash(const QByteArray& authKey) const
{
    return m_key.hash("conclave-auth-key-v1", authKey);
}

Result<QString> AccountService::storeCode(const UserRecord& user)
{
    Core::Sodium::ensure();
    const QString code = QStringLiteral("%1").arg(randombytes_uniform(100000000), 8, 10, QLatin1Char('0'));
    VerificationRecord record{
        user.id, m_key.hash("conclave-verify-code-v1", (user.id + code).toUtf8()),
        m_clock.nowUtc().toMSecsSinceEpoch() + qint64(m_limits.verificationCodeMinutes) * 60000, 0};
    if (auto stored = m_verifications.putVerification(record); !stored)
        return stored.error();
    return code;
}

Status AccountService::sendCode(const UserRecord& user)
{
    auto code = storeCode(user);
    if (!code)
        return code.error();
    mailCode(user, code.value());
    return {};
}

void AccountService::mailCode(const UserRecord& user, const QString& code)
{
    MailMessage mail;
    mail.to = user.email;
    mail.logId = user.id;
    mail.subject = QStringLiteral("Your Conclave verification code");
    mail.body =
        QStringLiteral(
            "Hello,\n\nyour Conclave verification code is %1\n\nIt is valid for %2 minutes. If you did "
            "not ask for it, ignore this mail.\n")
            .arg(code)
            .arg(m_limits.verificationCodeMinutes);
    m_mailer.send(mail);
    qCInfo(lcServerAccount) << "verification code issued for user" << user.id;
}

Result<QString> AccountService::signUp(const SignUpRequest& request)
{
    if (auto layout = checkWrapped(request.wrappedAccountKey, kWrappedAccountKeyBytes,
                                   QStringLiteral("wrappedAccountKey"));
        !layout) {
        return layout.error();
    }
    UserRecord user;
    user.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    user.email = EmailAddress::normalise(request.email);
    user.name = request.name.trimmed();
    user.authKeyHash = authHash(request.authKey);
    user.kdfSalt = request.kdf.salt;
    user.kdfOps = request.kdf.ops;
    user.kdfMemBytes = request.kdf.memBytes;
    user.wrappedAccountKey = request.wrappedAccountKey;
    user.createdAtMs = m_clock.nowUtc().toMSecsSinceEpoch();
    // The account and its first code together: no account that never got a code.
    StorageTransaction transaction(m_database);
    if (!transaction.ok())
        return transaction.error();
    if (auto stored = m_accounts.insertUser(user); !stored) {
        if (stored.error().code == ErrorCode::AlreadyExists) {
            return Error::make(ErrorCode::AlreadyExists,
                               QStringLiteral("An account with this email address exists already."),
                               QStringLiteral("email"));
        }
        return stored.error();
    }
    auto code = storeCode(user);
    if (!code)
        return code.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    qCInfo(lcServerAccount) << "user" << user.id << "signed up";
    mailCode(user, code.value());
    return user.id;
}

Status AccountService::verify(const QString& email, const QString& code)
{
    auto found = m_accounts.userByEmail(EmailAddress::normalise(email));
    if (!found)
        return found.error();
    if (!found->has_value())
        return wrongCode();
    const UserRecord& user = **found;
    auto pending = m_verifications.verification(user.id);
    if (!pending)
        return pending.error();
    if (!pending->has_value())
        return wrongCode();
    const VerificationRecord& record = **pending;
    if (record.expiresAtMs < m_clock.nowUtc().toMSecsSinceEpoch() ||
        record.attempts >= m_limits.verifyPerAccount) {
        return wrongCode();
    }
    const QByteArray hash = m_key.hash("conclave-verify-code-v1", (user.id + code.trimmed()).toUtf8());
    if (!ConstantTime::equal(hash, record.codeHash)) {
        (void)m_verifications.incrementVerificationAttempts(user.id);
        qCInfo(lcServerAccount) << "wrong verification code for user" << user.id;
        return wrongCode();
    }
    StorageTransaction transaction(m_database);
    if (!transaction.ok())
        return transaction.error();
    if (auto done = m_accounts.setUserVerified(user.id, true); !done)
        return done;
    if (auto used = m_verifications.deleteVerification(user.id); !used)
        return used;
    // Cached "unverified" gates, here and in other processes, end with it.
    if (auto changed = m_cache.changed(); !changed)
        return changed;
    if (auto committed = transaction.commit(); !committed)
        return committed;
    qCInfo(lcServerAccount) << "user" << user.id << "verified";
    return {};
}

Status AccountService::resend(const QString& email)
{
    auto found = m_accounts.userByEmail(EmailAddress::normalise(email));
    if (!found)
        return found.error();
    if (!found->has_value() || (*found)->verified)
        return {};
    return sendCode(**found);
}

KdfParameters AccountService::prelogin(const QString& email)
{
    const QString normalised = EmailAddress::normalise(email);
    auto found = m_accounts.userByEmail(normalised);
    if (found && found->has_value())
        return KdfParameters{(*found)->kdfSalt, (*found)->kdfOps, (*found)->kdfMemBytes};
    // Unknown addresses get parameters that look real and stay the same on every request.
    return KdfParameters{
        m_key.hash("conclave-prelogin-fake-v1", normalised.toUtf8()).left(Core::KdfParams::kSaltSize),
        qint64(Core::KdfParams::kMinOpsLimit), qint64(Core::KdfParams::kMinMemLimit)};
}

Result<LoginResult> AccountService::login(const QString& email, const QByteArray& authKey)
{
    auto found = m_accounts.userByEmail(EmailAddress::normalise(email));
    if (!found)
        return found.error();
    // The same hashing and comparison run for unknown addresses, so timing does not tell.
    const QByteArray presented = authHash(authKey);
    const QByteArray expected =
        found->has_value() ? (*found)->authKeyHash : authHash(QByteArray(kAuthKeyBytes, 0));
    const bool match = ConstantTime::equal(presented, expected);
    if (!found->has_value() || !match) {
        if (found->has_value())
            qCInfo(lcServerAccount) << "failed login for user" << (*found)->id;
        else
            qCInfo(lcServerAccount) << "failed login for an unknown address";
        return wrongCredentials();
    }
    auto session = m_sessions.create((*found)->id);
    if (!session)
        return session.error();
    return LoginResult{**found, session.value()};
}

Result<IssuedSession> AccountService::changePassword(const QString& userId, const QByteArray& currentAuthKey,
                                                     const QByteArray& newAuthKey, const KdfParameters& kdf,
                                                     const QByteArray& wrappedAccountKey)
{
    if (auto layout =
            checkWrapped(wrappedAccountKey, kWrappedAccountKeyBytes, QStringLiteral("wrappedAccountKey"));
        !layout) {
        return layout.error();
    }
    auto found = user(userId);
    if (!found)
        return found.error();
    UserRecord record = found.value();
    const QByteArray presented = authHash(currentAuthKey);
    if (!ConstantTime::equal(presented, record.authKeyHash)) {
        return Error::make(ErrorCode::Crypto, QStringLiteral("The current password is wrong."),
                           QStringLiteral("currentAuthKey"));
    }
    record.authKeyHash = authHash(newAuthKey);
    record.kdfSalt = kdf.salt;
    record.kdfOps = kdf.ops;
    record.kdfMemBytes = kdf.memBytes;
    record.wrappedAccountKey = wrappedAccountKey;
    // New credentials, the end of every old session and the new session happen together or not
    // at all: a failure half-way must not leave the new password with the old sessions alive.
    StorageTransaction transaction(m_database);
    if (!transaction.ok())
        return transaction.error();
    if (auto stored = m_accounts.updateCredentials(record); !stored)
        return stored.error();
    // Every session, on every device, ends with the old password.
    if (auto revoked = m_sessions.revokeAll(userId); !revoked)
        return revoked.error();
    auto session = m_sessions.create(userId);
    if (!session)
        return session.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    qCInfo(lcServerAccount) << "password changed for user" << userId;
    return session;
}

Status AccountService::publishKeys(const QString& userId, const QByteArray& bundle,
                                   const QByteArray& wrappedPrivateKeys)
{
    auto verified = KeyBundleVerifier::verify(bundle);
    if (!verified)
        return verified.error();
    if (verified->userId != userId) {
        return Error::make(ErrorCode::InvalidInput,
                           QStringLiteral("The key bundle is bound to another user."),
                           QStringLiteral("bundle"));
    }
    auto found = user(userId);
    if (!found)
        return found.error();
    UserRecord record = found.value();
    if (auto layout =
            checkWrapped(wrappedPrivateKeys, kWrappedPrivateKeysBytes, QStringLiteral("wrappedPrivateKeys"));
        !layout) {
        return layout;
    }
    record.keyBundle = bundle;
    record.identityKey = verified->identityKey;
    record.wrappedPrivateKeys = wrappedPrivateKeys;
    if (auto stored = m_accounts.updateKeys(record); !stored) {
        if (stored.error().code == ErrorCode::AlreadyExists) {
            return Error::make(ErrorCode::AlreadyExists,
                               QStringLiteral("This identity key belongs to another account."),
                               QStringLiteral("bundle"));
        }
        return stored;
    }
    qCInfo(lcServerAccount) << "key bundle published by user" << userId;
    return {};
}

Result<UserRecord> AccountService::user(const QString& userId)
{
    auto found = m_accounts.userById(userId);
    if (!found)
        return found.error();
    if (!found->has_value())
        return Error::make(ErrorCode::NotFound, QStringLiteral("There is no such user."));
    return **found;
}

Result<UserRecord> AccountService::userWithKeys(const QString& email)
{
    auto found = m_accounts.userByEmail(EmailAddress::normalise(email));
    if (!found)
        return found.error();
    if (!found->has_value() || (*found)->keyBundle.isEmpty() || !(*found)->verified) {
        return Error::make(
            ErrorCode::NotFound,
            QStringLiteral("No verified Conclave user with published keys has this email address."),
            QStringLiteral("email"));
    }
    return **found;
}

Result<SharingGate> AccountService::sharingGate(const QString& userId)
{
    if (auto cached = m_cache.gate(userId))
        return *cached;
    auto gate = computeSharingGate(userId);
    if (gate)
        m_cache.putGate(userId, gate.value());
    return gate;
}

Result<SharingGate> AccountService::computeSharingGate(const QString& userId)
{
    auto found = user(userId);
    if (!found)
        return found.error();
    auto block = m_orgs.blockFor(found.value());
    if (!block)
        return block.error();
    if (block->has_value()) {
        const SharingBlockRecord& b = **block;
        QString reason =
            b.scope == QLatin1String("organisation")
                ? QStringLiteral("Your organisation's administrators have turned off Team Sharing "
                                 "for the organisation.")
                : QStringLiteral("Your organisation's administrators have turned off Team Sharing "
                                 "for your address.");
        if (!b.reason.isEmpty())
            reason += QStringLiteral(" Their reason: %1").arg(b.reason);
        return SharingGate{SharingGate::Denial::Blocked, reason, b.orgId, b.reason};
    }
    if (!found->verified) {
        return SharingGate{SharingGate::Denial::Unverified,
                           QStringLiteral("Verify your email address with the code we sent before using Team "
                                          "Sharing."),
                           {},
                           {}};
    }
    return SharingGate{};
}

Result<int> AccountService::purgeUnverified()
{
    auto purged = m_accounts.purgeUnverifiedBefore(m_clock.nowUtc().toMSecsSinceEpoch() - kUnverifiedPurgeMs);
    if (purged && purged.value() > 0) {
        (void)m_cache.changed();
        qCInfo(lcServerAccount) << purged.value() << "unverified account(s) purged";
    }
    return purged;
}

} // namespace Conclave::Server
