// Invitations to shared folders.
#include "server/http/InvitationRoutes.h"

#include "server/http/JsonInput.h"
#include "server/http/JsonOutput.h"

#include "core/crypto/Invitation.h"

#include <QHttpServerRequest>
#include <QJsonArray>
#include <QUrlQuery>
#include <QUuid>

namespace Conclave::Server {

namespace {

// Ids in paths are UUIDs without braces; anything else names nothing.
bool isId(const QString& id)
{
    const QUuid uuid = QUuid::fromString(id);
    return !uuid.isNull() && uuid.toString(QUuid::WithoutBraces) == id;
}

ApiReply noInvitation()
{
    return ApiReply::error(404, ApiReason::NotFound,
                           QStringLiteral("There is no invitation with this id for you."));
}

// The page asked for by ?limit=&cursor= .
struct PageQuery
{
    InvitationCursor after;
    int limit = 0;
};

Core::Result<PageQuery> pageQuery(const ApiRequest& request)
{
    const QUrlQuery query(request.http.url());
    PageQuery out;
    if (query.hasQueryItem(QStringLiteral("limit"))) {
        bool ok = false;
        const int limit = query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit == 0)
            return Core::Error::make(
                Core::ErrorCode::InvalidInput,
                QStringLiteral("A page holds 1 to %1 invitations.").arg(InvitationService::kMaxPageSize),
                QStringLiteral("limit"));
        out.limit = limit;
    }
    auto size = InvitationService::pageSize(out.limit);
    if (!size)
        return size.error();
    out.limit = size.value();
    auto cursor = InvitationService::parseCursor(query.queryItemValue(QStringLiteral("cursor")));
    if (!cursor)
        return cursor.error();
    out.after = cursor.value();
    return out;
}

} // namespace

InvitationRoutes::InvitationRoutes(ApiServices& services)
    : m_services(services)
{}

void InvitationRoutes::add(ApiRouter& router, InvitationRoutes* self)
{
    using A = RouteAccess;
    using B = ApiRouter::Body;
    // The pipeline checks the Manage role in {folderId}; the service checks it again.
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/folders/{folderId}/invitations"),
               A::FolderManage, B::Json, ApiRouter::bind(self, &InvitationRoutes::create));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/folders/{folderId}/invitations"),
               A::FolderManage, B::None, ApiRouter::bind(self, &InvitationRoutes::listOfFolder));
    // The two fixed names first: the first matching route wins over {invitationId}.
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/invitations/received"), A::Sharing, B::None,
               ApiRouter::bind(self, &InvitationRoutes::listReceived));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/invitations/sent"), A::Sharing, B::None,
               ApiRouter::bind(self, &InvitationRoutes::listSent));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/invitations/{invitationId}"), A::Sharing,
               B::None, ApiRouter::bind(self, &InvitationRoutes::read));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/invitations/{invitationId}/accept"),
               A::Sharing, B::Json, ApiRouter::bind(self, &InvitationRoutes::accept));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/invitations/{invitationId}/decline"),
               A::Sharing, B::None, ApiRouter::bind(self, &InvitationRoutes::decline));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/invitations/{invitationId}/cancel"),
               A::Sharing, B::None, ApiRouter::bind(self, &InvitationRoutes::cancel));
}

ApiReply InvitationRoutes::refused(const InvitationOutcome& outcome)
{
    const Core::Error& e = outcome.error;
    switch (outcome.refusal) {
    case InvitationRefusal::None:
    case InvitationRefusal::Failed:
        break;
    case InvitationRefusal::Invalid:
        return ApiReply::error(400, ApiReason::InvalidInput, e.message, e.field);
    case InvitationRefusal::Forbidden:
        return ApiReply::error(403, ApiReason::Forbidden, e.message);
    case InvitationRefusal::NotInOrganisation:
        return ApiReply::error(403, ApiReason::NotInOrganisation, e.message, e.field);
    case InvitationRefusal::NotFound:
        return ApiReply::error(404, ApiReason::NotFound, e.message);
    case InvitationRefusal::Conflict:
        return ApiReply::error(409, ApiReason::Conflict, e.message, e.field);
    case InvitationRefusal::TooManyPending:
        return ApiReply::error(409, ApiReason::TooManyPending, e.message, e.field);
    case InvitationRefusal::Expired:
        return ApiReply::error(410, ApiReason::Gone, e.message);
    case InvitationRefusal::TooManySent: {
        ApiReply reply = ApiReply::tooManyRequests(outcome.retryAfterSeconds);
        reply.body = ApiReply::error(429, ApiReason::RateLimited, e.message).body;
        return reply;
    }
    }
    return ApiReply::fromError(e);
}

QJsonObject InvitationRoutes::managedJson(const InvitationRecord& r, qint64 nowMs) const
{
    QJsonObject o{{QStringLiteral("id"), r.id},
                  {QStringLiteral("folderId"), r.folderId},
                  {QStringLiteral("inviterId"), r.inviterId},
                  {QStringLiteral("inviteeEmail"), r.inviteeEmail},
                  {QStringLiteral("inviteeId"), r.inviteeId},
                  {QStringLiteral("role"), r.role},
                  {QStringLiteral("status"), InvitationService::status(r, nowMs)},
                  {QStringLiteral("offer"), JsonOutput::bytes(r.offer)},
                  {QStringLiteral("createdAt"), JsonOutput::time(r.createdAtMs)},
                  {QStringLiteral("expiresAt"), JsonOutput::time(r.expiresAtMs)}};
    // Invitations stored before the terms were signed have none.
    if (!r.terms.isEmpty())
        o.insert(QStringLiteral("signedTerms"), JsonOutput::bytes(r.terms));
    if (!r.folderLabel.isEmpty())
        o.insert(QStringLiteral("folderLabel"), r.folderLabel);
    if (!r.sealedFolderLabel.isEmpty())
        o.insert(QStringLiteral("sealedFolderLabel"), JsonOutput::bytes(r.sealedFolderLabel));
    if (!r.answer.isEmpty())
        o.insert(QStringLiteral("answer"), JsonOutput::bytes(r.answer));
    if (r.decidedAtMs != 0) {
        o.insert(QStringLiteral("decidedAt"), JsonOutput::time(r.decidedAtMs));
        o.insert(QStringLiteral("decidedBy"), r.decidedBy);
    }
    return o;
}

QJsonObject InvitationRoutes::receivedJson(const InvitationRecord& r, qint64 nowMs) const
{
    QJsonObject inviter{{QStringLiteral("id"), r.inviterId}};
    if (auto user = m_services.accounts.user(r.inviterId)) {
        inviter.insert(QStringLiteral("email"), user->email);
        inviter.insert(QStringLiteral("name"), user->name);
    }
    QJsonObject o{{QStringLiteral("id"), r.id},
                  {QStringLiteral("folderId"), r.folderId},
                  {QStringLiteral("inviter"), inviter},
                  {QStringLiteral("role"), r.role},
                  {QStringLiteral("status"), InvitationService::status(r, nowMs)},
                  {QStringLiteral("offer"), JsonOutput::bytes(r.offer)},
                  {QStringLiteral("createdAt"), JsonOutput::time(r.createdAtMs)},
                  {QStringLiteral("expiresAt"), JsonOutput::time(r.expiresAtMs)}};
    if (!r.folderLabel.isEmpty())
        o.insert(QStringLiteral("folderLabel"), r.folderLabel);
    if (!r.sealedFolderLabel.isEmpty())
        o.insert(QStringLiteral("sealedFolderLabel"), JsonOutput::bytes(r.sealedFolderLabel));
    return o;
}

ApiReply InvitationRoutes::page(const Core::Result<InvitationPage>& result, bool managed) const
{
    if (!result)
        return ApiReply::fromError(result.error());
    const qint64 now = m_services.invitations.nowMs();
    QJsonArray list;
    for (const InvitationRecord& r : result->invitations)
        list.append(managed ? managedJson(r, now) : receivedJson(r, now));
    return ApiReply::json(
        200, {{QStringLiteral("invitations"), list},
              {QStringLiteral("nextCursor"), result->nextCursor.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                                          : QJsonValue(result->nextCursor)}});
}

ApiReply InvitationRoutes::create(ApiRequest& request)
{
    const QString folderId = request.param("folderId");
    if (!isId(folderId))
        return ApiReply::error(404, ApiReason::NotFound,
                               QStringLiteral("There is no shared folder with this id."));
    JsonInput input(request.body);
    InvitationRequest invite;
    invite.folderId = folderId;
    invite.email = input.email(QStringLiteral("email"));
    invite.role = input.string(QStringLiteral("role"), 16);
    invite.offer =
        input.base64(QStringLiteral("offer"), Core::Invitation::kOfferSize, Core::Invitation::kOfferSize);
    invite.folderLabel =
        input.optionalString(QStringLiteral("folderLabel"), InvitationService::kMaxLabelLength);
    if (request.body.contains(QStringLiteral("sealedFolderLabel")))
        invite.sealedFolderLabel =
            input.base64(QStringLiteral("sealedFolderLabel"), 1, InvitationService::kMaxSealedLabelBytes);
    invite.terms = input.base64(QStringLiteral("signedTerms"), Core::Invitation::kMinTermsSize,
                                Core::Invitation::kMaxTermsSize);
    if (!input.ok())
        return ApiReply::fromError(input.error());
    const InvitationOutcome outcome = m_services.invitations.create(request.session.userId, invite);
    if (!outcome.ok())
        return refused(outcome);
    return ApiReply::json(201, managedJson(outcome.invitation, outcome.invitation.createdAtMs));
}

ApiReply InvitationRoutes::listOfFolder(ApiRequest& request)
{
    const QString folderId = request.param("folderId");
    if (!isId(folderId))
        return ApiReply::error(404, ApiReason::NotFound,
                               QStringLiteral("There is no shared folder with this id."));
    auto query = pageQuery(request);
    if (!query)
        return ApiReply::fromError(query.error());
    return page(m_services.invitations.ofFolder(request.session.userId, folderId, query->after, query->limit),
                true);
}

ApiReply InvitationRoutes::listReceived(ApiRequest& request)
{
    auto query = pageQuery(request);
    if (!query)
        return ApiReply::fromError(query.error());
    return page(m_services.invitations.received(request.session.userId, query->after, query->limit), false);
}

ApiReply InvitationRoutes::listSent(ApiRequest& request)
{
    auto query = pageQuery(request);
    if (!query)
        return ApiReply::fromError(query.error());
    return page(m_services.invitations.sent(request.session.userId, query->after, query->limit), true);
}

ApiReply InvitationRoutes::read(ApiRequest& request)
{
    const QString id = request.param("invitationId");
    if (!isId(id))
        return noInvitation();
    bool managed = false;
    const InvitationOutcome outcome = m_services.invitations.invitation(request.session.userId, id, &managed);
    if (!outcome.ok())
        return refused(outcome);
    const qint64 now = m_services.invitations.nowMs();
    return ApiReply::json(200, managed ? managedJson(outcome.invitation, now)
                                       : receivedJson(outcome.invitation, now));
}

ApiReply InvitationRoutes::accept(ApiRequest& request)
{
    const QString id = request.param("invitationId");
    if (!isId(id))
        return noInvitation();
    JsonInput input(request.body);
    const QByteArray answer =
        input.base64(QStringLiteral("answer"), Core::Invitation::kAnswerSize, Core::Invitation::kAnswerSize);
    if (!input.ok())
        return ApiReply::fromError(input.error());
    const InvitationOutcome outcome = m_services.invitations.accept(request.session.userId, id, answer);
    if (!outcome.ok())
        return refused(outcome);
    return ApiReply::json(200, receivedJson(outcome.invitation, m_services.invitations.nowMs()));
}

ApiReply InvitationRoutes::decline(ApiRequest& request)
{
    const QString id = request.param("invitationId");
    if (!isId(id))
        return noInvitation();
    const InvitationOutcome outcome = m_services.invitations.decline(request.session.userId, id);
    if (!outcome.ok())
        return refused(outcome);
    return ApiReply::json(200, receivedJson(outcome.invitation, m_services.invitations.nowMs()));
}

ApiReply InvitationRoutes::cancel(ApiRequest& request)
{
    const QString id = request.param("invitationId");
    if (!isId(id))
        return noInvitation();
    const InvitationOutcome outcome = m_services.invitations.cancel(request.session.userId, id);
    if (!outcome.ok())
        return refused(outcome);
    return ApiReply::json(200, managedJson(outcome.invitation, m_services.invitations.nowMs()));
}

} // namespace Conclave::Server
