// Organisations and their sharing blocks.
#include "server/http/OrganisationRoutes.h"

#include "server/http/JsonInput.h"
#include "server/http/JsonOutput.h"

#include <QJsonArray>

namespace Conclave::Server {

OrganisationRoutes::OrganisationRoutes(ApiServices& services)
    : m_services(services)
{}

void OrganisationRoutes::add(ApiRouter& router, OrganisationRoutes* self)
{
    using A = RouteAccess;
    using B = ApiRouter::Body;
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/orgs"), A::SignedIn, B::None,
               ApiRouter::bind(self, &OrganisationRoutes::mine));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/orgs/{orgId}/blocks"), A::OrgAdmin, B::None,
               ApiRouter::bind(self, &OrganisationRoutes::listBlocks));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/orgs/{orgId}/blocks"), A::OrgAdmin, B::Json,
               ApiRouter::bind(self, &OrganisationRoutes::addBlock));
    router.add(QStringLiteral("DELETE"), QStringLiteral("/api/v1/orgs/{orgId}/blocks/{blockId}"), A::OrgAdmin,
               B::None, ApiRouter::bind(self, &OrganisationRoutes::removeBlock));

    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/orgs/{orgId}/guests"), A::OrgAdmin, B::None,
               ApiRouter::bind(self, &OrganisationRoutes::guests));
    router.add(QStringLiteral("PUT"), QStringLiteral("/api/v1/orgs/{orgId}/guests"), A::OrgAdmin, B::Json,
               ApiRouter::bind(self, &OrganisationRoutes::setGuests));
}

ApiReply OrganisationRoutes::mine(ApiRequest& request)
{
    auto user = m_services.accounts.user(request.session.userId);
    if (!user)
        return ApiReply::fromError(user.error());
    QJsonArray list;
    // Memberships follow from the address, so only a verified address shows any.
    if (user->verified) {
        auto memberships = m_services.orgs.membershipsFor(user->email);
        if (!memberships)
            return ApiReply::fromError(memberships.error());
        for (const MembershipRecord& m : memberships.value()) {
            list.append(QJsonObject{{QStringLiteral("orgId"), m.orgId},
                                    {QStringLiteral("role"), m.role},
                                    {QStringLiteral("via"), m.domain.isEmpty() ? QStringLiteral("email")
                                                                               : QStringLiteral("domain")}});
        }
    }
    return ApiReply::json(200, {{QStringLiteral("organisations"), list}});
}

ApiReply OrganisationRoutes::listBlocks(ApiRequest& request)
{
    auto blocks = m_services.orgs.blocks(request.param("orgId"));
    if (!blocks)
        return ApiReply::fromError(blocks.error());
    QJsonArray list;
    for (const SharingBlockRecord& b : blocks.value()) {
        list.append(QJsonObject{{QStringLiteral("id"), b.id},
                                {QStringLiteral("scope"), b.scope},
                                {QStringLiteral("value"), b.value},
                                {QStringLiteral("reason"), b.reason},
                                {QStringLiteral("createdAt"), JsonOutput::time(b.createdAtMs)}});
    }
    return ApiReply::json(200, {{QStringLiteral("blocks"), list}});
}

ApiReply OrganisationRoutes::addBlock(ApiRequest& request)
{
    JsonInput input(request.body);
    const QString scope = input.string(QStringLiteral("scope"), 32);
    if (input.ok() && scope == QLatin1String("organisation") &&
        request.body.contains(QStringLiteral("value"))) {
        return ApiReply::error(400, ApiReason::InvalidInput,
                               QStringLiteral("A block of the whole organisation names no address or domain; "
                                              "leave out value."),
                               QStringLiteral("value"));
    }
    const QString value =
        scope == QLatin1String("organisation") ? QString() : input.string(QStringLiteral("value"), 254);
    const QString reason = input.optionalString(QStringLiteral("reason"), 500);
    if (!input.ok())
        return ApiReply::fromError(input.error());
    auto block = m_services.orgs.block(request.param("orgId"), scope, value, reason, request.session.userId);
    if (!block) {
        if (block.error().code == Core::ErrorCode::Denied)
            return ApiReply::error(403, ApiReason::WouldLockOut, block.error().message, block.error().field);
        return ApiReply::fromError(block.error());
    }
    return ApiReply::json(201, {{QStringLiteral("id"), block->id}, {QStringLiteral("scope"), block->scope}});
}

ApiReply OrganisationRoutes::removeBlock(ApiRequest& request)
{
    auto removed =
        m_services.orgs.unblock(request.param("orgId"), request.param("blockId"), request.session.userId);
    if (!removed)
        return ApiReply::fromError(removed.error());
    if (!removed.value())
        return ApiReply::error(404, ApiReason::NotFound,
                               QStringLiteral("The organisation has no block with this id."));
    return ApiReply::json(200, {{QStringLiteral("removed"), true}});
}

ApiReply OrganisationRoutes::guests(ApiRequest& request)
{
    auto allowed = m_services.invitations.allowsGuests(request.param("orgId"));
    if (!allowed)
        return ApiReply::fromError(allowed.error());
    return ApiReply::json(200, {{QStringLiteral("allowGuests"), allowed.value()}});
}

ApiReply OrganisationRoutes::setGuests(ApiRequest& request)
{
    const QJsonValue allow = request.body.value(QStringLiteral("allowGuests"));
    if (!allow.isBool())
        return ApiReply::error(400, ApiReason::InvalidInput,
                               QStringLiteral("The field allowGuests must be true or false."),
                               QStringLiteral("allowGuests"));
    if (auto set = m_services.invitations.setAllowsGuests(request.param("orgId"), allow.toBool()); !set)
        return ApiReply::fromError(set.error());
    return ApiReply::json(200, {{QStringLiteral("allowGuests"), allow.toBool()}});
}

} // namespace Conclave::Server
