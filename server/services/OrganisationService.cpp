// Organisations, memberships and Team Sharing blocks.
#include "server/services/OrganisationService.h"

#include "server/services/EmailAddress.h"
#include "server/services/ServiceLog.h"
#include "server/services/TextRules.h"
#include "server/storage/StorageTransaction.h"

#include <QRegularExpression>
#include <QUuid>

namespace Conclave::Server {

using Core::Error;
using Core::ErrorCode;
using Core::Result;
using Core::Status;

namespace {
bool isValidDomain(const QString& domain)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9-]+(\\.[a-z0-9-]+)+$"));
    return domain.size() <= 253 && pattern.match(domain).hasMatch();
}

bool isAdminRole(const QString& role)
{
    return role == QLatin1String("owner") || role == QLatin1String("admin");
}

int roleRank(const QString& role)
{
    return role == QLatin1String("owner") ? 3 : role == QLatin1String("admin") ? 2 : role.isEmpty() ? 0 : 1;
}
} // namespace

OrganisationService::OrganisationService(SqlDatabase& database, OrganisationStore& organisations,
                                         BlockStore& blocks, AccountStore& accounts, SessionService& sessions,
                                         const Core::Clock& clock, ChangeStore& changes, LiveHub& live,
                                         AccessCache& cache)
    : m_database(database)
    , m_organisations(organisations)
    , m_blocks(blocks)
    , m_accounts(accounts)
    , m_sessions(sessions)
    , m_clock(clock)
    , m_changes(changes)
    , m_live(live)
    , m_cache(cache)
{}

Status OrganisationService::requireOrganisation(const QString& orgId)
{
    auto org = m_organisations.organisation(orgId);
    if (!org)
        return org.error();
    if (!org->has_value())
        return Error::make(ErrorCode::NotFound, QStringLiteral("There is no organisation with this id."),
                           QStringLiteral("org"));
    return {};
}

Result<OrganisationRecord> OrganisationService::create(const QString& name, const QString& ownerEmail)
{
    const QString owner = EmailAddress::normalise(ownerEmail);
    if (name.trimmed().isEmpty() || name.size() > 200 || !TextRules::isClean(name))
        return Error::make(
            ErrorCode::InvalidInput,
            QStringLiteral("Give the organisation a name of up to 200 characters, without invisible "
                           "formatting characters."),
            QStringLiteral("name"));
    if (!EmailAddress::isValid(owner))
        return Error::make(ErrorCode::InvalidInput, QStringLiteral("The owner's email address is not valid."),
                           QStringLiteral("owner"));
    OrganisationRecord org{QUuid::createUuid().toString(QUuid::WithoutBraces), name.trimmed(),
                           m_clock.nowUtc().toMSecsSinceEpoch()};
    // No organisation without its owner.
    StorageTransaction transaction(m_database);
    if (!transaction.ok())
        return transaction.error();
    if (auto stored = m_organisations.insertOrganisation(org); !stored)
        return stored.error();
    if (auto member = m_organisations.putMembership({org.id, owner, {}, QStringLiteral("owner")}); !member)
        return member.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    qCInfo(lcServerOrg) << "organisation" << org.id << "created";
    return org;
}

Status OrganisationService::addMember(const QString& orgId, const QString& email, const QString& role)
{
    const QString address = EmailAddress::normalise(email);
    if (!EmailAddress::isValid(address))
        return Error::make(ErrorCode::InvalidInput,
                           QStringLiteral("The member's email address is not valid."),
                           QStringLiteral("email"));
    if (!kRoles.contains(role))
        return Error::make(ErrorCode::InvalidInput,
                           QStringLiteral("The role must be owner, admin or member."),
                           QStringLiteral("role"));
    if (auto exists = requireOrganisation(orgId); !exists)
        return exists;
    // A role decides whether the organisation's blocks cover the address.
    StorageTransaction transaction(m_database);
    if (!transaction.ok())
        return transaction.error();
    if (auto put = m_organisations.putMembership({orgId, address, {}, role}); !put)
        return put;
    if (auto changed = m_cache.changed(); !changed)
        return changed;
    if (auto committed = transaction.commit(); !committed)
        return committed;
    qCInfo(lcServerOrg) << "membership with role" << role << "set in organisation" << orgId;
    return {};
}

Status OrganisationService::addDomain(const QString& orgId, const QString& domain)
{
    const QString normalised = domain.trimmed().toLower();
    if (!isValidDomain(normalised))
        return Error::make(ErrorCode::InvalidInput, QStringLiteral("The domain is not valid."),
                           QStringLiteral("domain"));
    if (auto exists = requireOrganisation(orgId); !exists)
        return exists;
    // The domain's users come under the organisation's blocks.
    StorageTransaction transaction(m_database);
    if (!transaction.ok())
        return transaction.error();
    if (auto put = m_organisations.putMembership({orgId, {}, normalised, QStringLiteral("member")}); !put)
        return put;
    if (auto changed = m_cache.changed(); !changed)
        return changed;
    if (auto committed = transaction.commit(); !committed)
        return committed;
    qCInfo(lcServerOrg) << "domain membership added to organisation" << orgId;
    return {};
}

Result<QList<MembershipRecord>> OrganisationService::membershipsFor(const QString& email)
{
    return m_organisations.membershipsFor(EmailAddress::normalise(email));
}

Result<QString> OrganisationService::roleOf(const QString& orgId, const QString& email)
{
    auto memberships = membershipsFor(email);
    if (!memberships)
        return memberships.error();
    QString best;
    for (const MembershipRecord& m : memberships.value()) {
        if (m.orgId == orgId && roleRank(m.role) > roleRank(best))
            best = m.role;
    }
    return best;
}

Result<SharingBlockRecord> OrganisationService::block(const QString& orgId, const QString& scope,
                                                      const QString& value, const QString& reason)
{
    if (!kScopes.contains(scope))
        return Error::make(ErrorCode::InvalidInput,
                           QStringLiteral("The scope must be organisation, email or domain."),
                           QStringLiteral("scope"));
    QString normalised = value.trimmed().toLower();
    if (scope == QLatin1String("email") && !EmailAddress::isValid(normalised))
        return Error::make(ErrorCode::InvalidInput,
                           QStringLiteral("The blocked address is not a valid email address."),
                           QStringLiteral("value"));
    if (scope == QLatin1String("domain") && !isValidDomain(normalised))
        return Error::make(ErrorCode::InvalidInput, QStringLiteral("The blocked domain is not valid."),
                           QStringLiteral("value"));
    if (scope == QLatin1String("organisation") && !normalised.isEmpty())
        return Error::make(
            ErrorCode::InvalidInput,
            QStringLiteral("A block of the whole organisation names no address or domain; leave out the "
                           "value."),
            QStringLiteral("value"));
    if (reason.size() > 500 || !TextRules::isClean(reason))
        return Error::make(
            ErrorCode::InvalidInput,
            QStringLiteral("The reason must be up to 500 characters, without invisible formatting "
                           "characters."),
            QStringLiteral("reason"));
    if (auto exists = requireOrganisation(orgId); !exists)
        return exists.error();
    if (auto inside = requireInside(orgId, scope, normalised); !inside)
        return inside.error();
    SharingBlockRecord record{QUuid::createUuid().toString(QUuid::WithoutBraces),
                              orgId,
                              scope,
                              normalised,
                              reason.trimmed(),
                              m_clock.nowUtc().toMSecsSinceEpoch()};
    // All or nothing: a block that exists revokes every covered session, and a failure half-way
    // leaves neither the block nor any revocation behind.
    StorageTransaction transaction(m_database);
    if (!transaction.ok())
        return transaction.error();
    if (auto stored = m_blocks.insertBlock(record); !stored)
        return stored.error();
    auto covered = m_blocks.userIdsCoveredBy(record);
    if (!covered)
        return covered.error();
    for (const QString& userId : covered.value()) {
        // Revoked privileges: sessions end now and the address must be verified again.
        if (auto revoked = m_sessions.revokeAll(userId); !revoked)
            return revoked.error();
        if (auto unverified = m_accounts.setUserVerified(userId, false); !unverified)
            return unverified.error();
    }
    if (auto changed = m_cache.changed(); !changed)
        return changed.error();
    // Last before the commit: appends wait for each other from here on (ChangeStore).
    const qint64 now = m_clock.nowUtc().toMSecsSinceEpoch();
    QList<qint64> seqs;
    for (const QString& userId : covered.value()) {
        auto seq = m_changes.append(ChangeRecord{{}, userId, QStringLiteral("blocked"), record.id, now});
        if (!seq)
            return seq.error();
        seqs.append(seq.value());
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    for (qsizetype i = 0; i < seqs.size(); ++i)
        m_live.notify(seqs.at(i), {}, covered->at(i));
    qCInfo(lcServerOrg) << "sharing block" << record.id << "of scope" << scope << "set in organisation"
                        << orgId << "covering" << covered->size() << "user(s)";
    return record;
}

Status OrganisationService::requireInside(const QString& orgId, const QString& scope, const QString& value)
{
    if (scope == QLatin1String("organisation"))
        return {};
    auto members = m_organisations.membershipsOf(orgId);
    if (!members)
        return members.error();
    bool inside = false;
    for (const MembershipRecord& m : members.value()) {
        if (scope == QLatin1String("email")) {
            // By its own membership or by its domain's.
            if (m.email == value || (!m.domain.isEmpty() && value.endsWith(QLatin1Char('@') + m.domain))) {
                inside = true;
                if (m.email == value && isAdminRole(m.role)) {
                    // Blocks never cover the people who manage them (see blockFor); a block
                    // naming one would do nothing, and naming oneself would look like a lock-out.
                    return Error::make(
                        ErrorCode::Denied,
                        QStringLiteral("This address belongs to an owner or admin of the organisation; "
                                       "blocks do not cover them. Change their role to member first."),
                        QStringLiteral("value"));
                }
            }
        } else if (m.domain == value || (!m.email.isEmpty() && m.email.endsWith(QLatin1Char('@') + value))) {
            inside = true;
        }
    }
    if (!inside) {
        return Error::make(
            ErrorCode::InvalidInput,
            scope == QLatin1String("email")
                ? QStringLiteral("The address is not a member of this organisation.")
                : QStringLiteral("The domain is neither one of this organisation's domains nor that of "
                                 "one of its members."),
            QStringLiteral("value"));
    }
    return {};
}

Result<bool> OrganisationService::unblock(const QString& orgId, const QString& blockId)
{
    StorageTransaction transaction(m_database);
    if (!transaction.ok())
        return transaction.error();
    auto blocks = m_blocks.blocksOf(orgId);
    if (!blocks)
        return blocks.error();
    std::optional<SharingBlockRecord> lifted;
    for (const SharingBlockRecord& b : blocks.value()) {
        if (b.id == blockId)
            lifted = b;
    }
    if (!lifted)
        return false;
    // Whom it covered, read before it goes.
    auto covered = m_blocks.userIdsCoveredBy(*lifted);
    if (!covered)
        return covered.error();
    auto removed = m_blocks.deleteBlock(orgId, blockId);
    if (!removed)
        return removed.error();
    if (!removed.value())
        return false;
    // "unblocked" only for those no other block still covers.
    QStringList freed;
    for (const QString& userId : covered.value()) {
        auto user = m_accounts.userById(userId);
        if (!user)
            return user.error();
        if (!user->has_value())
            continue;
        auto still = blockFor(**user);
        if (!still)
            return still.error();
        if (!still->has_value())
            freed.append(userId);
    }
    if (auto changed = m_cache.changed(); !changed)
        return changed.error();
    const qint64 now = m_clock.nowUtc().toMSecsSinceEpoch();
    QList<qint64> seqs;
    for (const QString& userId : std::as_const(freed)) {
        auto seq = m_changes.append(ChangeRecord{{}, userId, QStringLiteral("unblocked"), blockId, now});
        if (!seq)
            return seq.error();
        seqs.append(seq.value());
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    qCInfo(lcServerOrg) << "sharing block" << blockId << "lifted in organisation" << orgId;
    for (qsizetype i = 0; i < seqs.size(); ++i)
        m_live.notify(seqs.at(i), {}, freed.at(i));
    return true;
}

Result<QList<SharingBlockRecord>> OrganisationService::blocks(const QString& orgId)
{
    if (auto exists = requireOrganisation(orgId); !exists)
        return exists.error();
    return m_blocks.blocksOf(orgId);
}

Result<std::optional<SharingBlockRecord>> OrganisationService::blockFor(const UserRecord& user)
{
    auto memberships = m_organisations.membershipsFor(user.email);
    if (!memberships)
        return memberships.error();
    QStringList seen;
    for (const MembershipRecord& m : memberships.value()) {
        if (seen.contains(m.orgId))
            continue;
        seen.append(m.orgId);
        // An organisation's owners and admins are never covered by its blocks: whoever can
        // set a block can always lift it, so no admin locks themselves out.
        auto role = roleOf(m.orgId, user.email);
        if (!role)
            return role.error();
        if (isAdminRole(role.value()))
            continue;
        auto blocks = m_blocks.blocksOf(m.orgId);
        if (!blocks)
            return blocks.error();
        for (const SharingBlockRecord& b : blocks.value()) {
            if (b.scope == QLatin1String("organisation") ||
                (b.scope == QLatin1String("email") && b.value == user.email) ||
                (b.scope == QLatin1String("domain") && b.value == user.domain())) {
                return std::optional<SharingBlockRecord>(b);
            }
        }
    }
    return std::optional<SharingBlockRecord>();
}

} // namespace Conclave::Server
