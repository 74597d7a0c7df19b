// Shared folders, their membership log and key grants.
#include "server/http/FolderRoutes.h"

#include "server/http/AuditRoutes.h"
#include "server/http/JsonInput.h"
#include "server/http/JsonOutput.h"
#include "server/services/SharingValues.h"

#include "core/crypto/FolderKeyGrant.h"
#include "core/crypto/MembershipEntry.h"

#include <QHttpServerRequest>
#include <QJsonArray>
#include <QUrlQuery>
#include <QUuid>

namespace Conclave::Server {

namespace {

constexpr qsizetype kMaxGrants = 1000;

QJsonValue timeOrNull(qint64 ms)
{
    return ms > 0 ? QJsonValue(JsonOutput::time(ms)) : QJsonValue(QJsonValue::Null);
}

QJsonObject folderJson(const FolderRecord& f, Core::FolderRole role)
{
    return {{QStringLiteral("folderId"), f.id},
            {QStringLiteral("orgId"), f.orgId},
            {QStringLiteral("role"), SharingValues::roleName(role)},
            {QStringLiteral("createdBy"), f.createdBy},
            {QStringLiteral("createdAt"), JsonOutput::time(f.createdAtMs)},
            {QStringLiteral("logLength"), f.logLength},
            {QStringLiteral("keyVersion"), f.keyVersion},
            {QStringLiteral("stateSequence"), f.stateSeq},
            {QStringLiteral("deletedAt"), timeOrNull(f.deletedAtMs)},
            {QStringLiteral("restorableUntil"),
             timeOrNull(f.deletedAtMs > 0 ? f.deletedAtMs + FolderService::kRecoveryMs : 0)}};
}

QJsonObject entryJson(const MembershipEntryRecord& e)
{
    return {{QStringLiteral("sequence"), e.seq},
            {QStringLiteral("entry"), JsonOutput::bytes(e.entry)},
            {QStringLiteral("signerId"), e.signerId},
            {QStringLiteral("receivedAt"), JsonOutput::time(e.createdAtMs)}};
}

QJsonObject grantJson(const GrantRecord& g)
{
    return {{QStringLiteral("recipientId"), g.recipientId},
            {QStringLiteral("keyVersion"), g.keyVersion},
            {QStringLiteral("logPosition"), g.logPosition},
            {QStringLiteral("granterId"), g.granterId},
            {QStringLiteral("grant"), JsonOutput::bytes(g.grant)}};
}

// A non-negative whole number from the query string; `fallback` when absent.
std::optional<qint64> queryNumber(const ApiRequest& request, const QString& name, qint64 fallback)
{
    const QUrlQuery query = request.http.query();
    if (!query.hasQueryItem(name))
        return fallback;
    bool ok = false;
    const qint64 value = query.queryItemValue(name).toLongLong(&ok);
    if (!ok || value < 0)
        return std::nullopt;
    return value;
}

} // namespace

FolderRoutes::FolderRoutes(ApiServices& services)
    : m_services(services)
{}

void FolderRoutes::add(ApiRouter& router, FolderRoutes* self)
{
    using A = RouteAccess;
    using B = ApiRouter::Body;
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/folders"), A::Sharing, B::Json,
               ApiRouter::bind(self, &FolderRoutes::create));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/folders"), A::Sharing, B::None,
               ApiRouter::bind(self, &FolderRoutes::list));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/folders/{folderId}"), A::FolderView, B::None,
               ApiRouter::bind(self, &FolderRoutes::read));
    router.add(QStringLiteral("DELETE"), QStringLiteral("/api/v1/folders/{folderId}"), A::FolderManage,
               B::None, ApiRouter::bind(self, &FolderRoutes::remove));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/folders/{folderId}/restore"), A::FolderRestore,
               B::None, ApiRouter::bind(self, &FolderRoutes::restore));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/folders/{folderId}/log"), A::FolderView,
               B::None, ApiRouter::bindCompressible(self, &FolderRoutes::readLog));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/folders/{folderId}/log"), A::FolderView,
               B::Json, ApiRouter::bind(self, &FolderRoutes::appendLog));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/folders/{folderId}/grants"), A::FolderView,
               B::None, ApiRouter::bindCompressible(self, &FolderRoutes::readGrants));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/folders/{folderId}/grants"), A::FolderManage,
               B::Json, ApiRouter::bind(self, &FolderRoutes::addGrants));
}

ApiReply FolderRoutes::create(ApiRequest& request)
{
    JsonInput input(request.body);
    const QString orgId = input.string(QStringLiteral("orgId"), 36);
    const QString folderId = input.string(QStringLiteral("folderId"), 36);
    const QByteArray entry =
        input.base64(QStringLiteral("entry"), Core::MembershipEntry::kSize, Core::MembershipEntry::kSize);
    if (!input.ok())
        return ApiReply::fromError(input.error());
    if (QUuid(folderId).isNull() || QUuid(folderId).toString(QUuid::WithoutBraces) != folderId) {
        return ApiReply::error(400, ApiReason::InvalidInput,
                               QStringLiteral("The folder id must be a lower-case UUID without braces."),
                               QStringLiteral("folderId"));
    }
    auto created = m_services.folders.create(request.session.userId, orgId, folderId, entry);
    if (!created)
        return ApiReply::fromError(created.error());
    return ApiReply::json(201, folderJson(created.value(), Core::FolderRole::Manage));
}

ApiReply FolderRoutes::list(ApiRequest& request)
{
    auto folders = m_services.folders.foldersOf(request.session.userId);
    if (!folders)
        return ApiReply::fromError(folders.error());
    QJsonArray list;
    for (const FolderAccess& a : folders.value())
        list.append(folderJson(a.folder, a.role));
    return ApiReply::json(200, {{QStringLiteral("folders"), list}});
}

ApiReply FolderRoutes::read(ApiRequest& request)
{
    const QString folderId = request.param("folderId");
    auto access = m_services.folders.access(folderId, request.session.userId);
    if (!access)
        return ApiReply::fromError(access.error());
    auto entries = m_services.folders.log(folderId, 0);
    if (!entries)
        return ApiReply::fromError(entries.error());
    auto members = m_services.folders.members(folderId);
    if (!members)
        return ApiReply::fromError(members.error());
    auto state = m_services.items.currentState(access->folder);
    if (!state)
        return ApiReply::fromError(state.error());
    auto links = m_services.folders.keyLinks(folderId);
    if (!links)
        return ApiReply::fromError(links.error());
    QJsonObject body = folderJson(access->folder, access->role);
    QJsonArray log;
    for (const MembershipEntryRecord& e : entries.value())
        log.append(entryJson(e));
    QJsonArray memberList;
    for (const FolderMemberRecord& m : members.value())
        memberList.append(QJsonObject{{QStringLiteral("userId"), m.userId},
                                      {QStringLiteral("role"), m.role},
                                      {QStringLiteral("email"), m.email}});
    QJsonArray linkList;
    for (const auto& [version, link] : links.value())
        linkList.append(QJsonObject{{QStringLiteral("keyVersion"), version},
                                    {QStringLiteral("link"), JsonOutput::bytes(link)}});
    body.insert(QStringLiteral("log"), log);
    body.insert(QStringLiteral("members"), memberList);
    body.insert(QStringLiteral("keyLinks"), linkList);
    body.insert(QStringLiteral("state"),
                state->has_value()
                    ? QJsonValue(QJsonObject{{QStringLiteral("sequence"), (*state)->seq},
                                             {QStringLiteral("state"), JsonOutput::bytes((*state)->state)}})
                    : QJsonValue(QJsonValue::Null));
    return ApiReply::json(200, body);
}

ApiReply FolderRoutes::remove(ApiRequest& request)
{
    auto removed = m_services.folders.remove(request.session.userId, request.param("folderId"));
    if (!removed)
        return ApiReply::fromError(removed.error());
    return ApiReply::json(200, folderJson(removed.value(), Core::FolderRole::Manage));
}

ApiReply FolderRoutes::restore(ApiRequest& request)
{
    auto restored = m_services.folders.restore(request.session.userId, request.param("folderId"));
    if (!restored)
        return ApiReply::fromError(restored.error());
    return ApiReply::json(200, folderJson(restored.value(), Core::FolderRole::Manage));
}

ApiReply FolderRoutes::readLog(ApiRequest& request)
{
    const auto from = queryNumber(request, QStringLiteral("from"), 0);
    if (!from) {
        return ApiReply::error(
            400, ApiReason::InvalidInput,
            QStringLiteral("The parameter from must be a log sequence number (0 or more)."),
            QStringLiteral("from"));
    }
    auto entries = m_services.folders.log(request.param("folderId"), *from);
    if (!entries)
        return ApiReply::fromError(entries.error());
    QJsonArray log;
    for (const MembershipEntryRecord& e : entries.value())
        log.append(entryJson(e));
    return ApiReply::json(200, {{QStringLiteral("entries"), log}});
}

ApiReply FolderRoutes::appendLog(ApiRequest& request)
{
    JsonInput input(request.body);
    const QByteArray entry =
        input.base64(QStringLiteral("entry"), Core::MembershipEntry::kSize, Core::MembershipEntry::kSize);
    if (!input.ok())
        return ApiReply::fromError(input.error());
    const QString folderId = request.param("folderId");
    auto appended = m_services.folders.append(request.session.userId, folderId, entry);
    if (!appended) {
        ApiReply reply = ApiReply::fromError(appended.error());
        if (appended.error().code == Core::ErrorCode::AlreadyExists ||
            appended.error().code == Core::ErrorCode::Denied) {
            AuditRoutes::recordRefusal(
                m_services, request, QStringLiteral("folder"), folderId, QStringLiteral("membership.entry"),
                appended.error().code == Core::ErrorCode::Denied ? ApiReason::Forbidden
                                                                 : ApiReason::Conflict);
        }
        if (appended.error().code == Core::ErrorCode::AlreadyExists) {
            // What the client needs to try again: how long the log is now.
            if (auto access = m_services.folders.access(folderId, request.session.userId))
                reply.body.insert(QStringLiteral("logLength"), access->folder.logLength);
        }
        return reply;
    }
    return ApiReply::json(
        201, {{QStringLiteral("sequence"), appended->seq}, {QStringLiteral("logLength"), appended->seq + 1}});
}

ApiReply FolderRoutes::readGrants(ApiRequest& request)
{
    const QString folderId = request.param("folderId");
    auto access = m_services.folders.access(folderId, request.session.userId);
    if (!access)
        return ApiReply::fromError(access.error());
    auto grants = m_services.folders.grants(request.session.userId, folderId, access->role);
    if (!grants)
        return ApiReply::fromError(grants.error());
    QJsonArray list;
    for (const GrantRecord& g : grants.value())
        list.append(grantJson(g));
    return ApiReply::json(200, {{QStringLiteral("grants"), list}});
}

ApiReply FolderRoutes::addGrants(ApiRequest& request)
{
    JsonInput input(request.body);
    const QList<QByteArray> grants = input.base64List(QStringLiteral("grants"), Core::FolderKeyGrant::kSize,
                                                      Core::FolderKeyGrant::kSize, kMaxGrants);
    if (!input.ok())
        return ApiReply::fromError(input.error());
    if (grants.isEmpty()) {
        return ApiReply::error(400, ApiReason::InvalidInput, QStringLiteral("Send at least one grant."),
                               QStringLiteral("grants"));
    }
    if (auto stored = m_services.folders.putGrants(request.session.userId, request.param("folderId"), grants);
        !stored)
        return ApiReply::fromError(stored.error());
    return ApiReply::json(201, {{QStringLiteral("stored"), int(grants.size())}});
}

} // namespace Conclave::Server
