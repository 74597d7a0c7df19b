// The organisation's audit log for its admins.
#include "server/http/AuditRoutes.h"

#include "server/http/HttpLog.h"
#include "server/http/JsonOutput.h"
#include "server/services/AuditLayout.h"

#include <QHash>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QUrlQuery>
#include <QUuid>

#include <limits>
#include <optional>

namespace Conclave::Server {

namespace {

// A whole number in [min, max] from the query string; `fallback` when absent.
std::optional<qint64> queryNumber(const QUrlQuery& query, const QString& name, qint64 fallback, qint64 min,
                                  qint64 max)
{
    if (!query.hasQueryItem(name))
        return fallback;
    bool ok = false;
    const qint64 value = query.queryItemValue(name).toLongLong(&ok);
    if (!ok || value < min || value > max)
        return std::nullopt;
    return value;
}

} // namespace

AuditRoutes::AuditRoutes(ApiServices& services)
    : m_services(services)
{}

void AuditRoutes::add(ApiRouter& router, AuditRoutes* self)
{
    using A = RouteAccess;
    using B = ApiRouter::Body;
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/orgs/{orgId}/audit"), A::OrgAdmin, B::None,
               ApiRouter::bind(self, &AuditRoutes::orgLog));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/orgs/{orgId}/audit/checkpoints"), A::OrgAdmin,
               B::None, ApiRouter::bind(self, &AuditRoutes::orgCheckpoint));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/folders/{folderId}/audit"), A::FolderManage,
               B::None, ApiRouter::bind(self, &AuditRoutes::folderHistory));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/folders/{folderId}/items/{itemId}/audit"),
               A::FolderManage, B::None, ApiRouter::bind(self, &AuditRoutes::itemHistory));
}

void AuditRoutes::recordRefusal(ApiServices& services, const ApiRequest& request, const QString& objectKind,
                                const QString& objectId, const QString& action, ApiReason reason)
{
    auto access = services.folders.access(request.param("folderId"), request.session.userId);
    const QString orgId = access ? access->folder.orgId : QString();
    if (auto recorded = services.audit.recordAlone(AuditService::refused(
            orgId, objectKind, objectId, request.session.userId, action, reasonName(reason)));
        !recorded) {
        qCWarning(lcServerHttp) << "a refused request could not be audited for user"
                                << request.session.userId;
    }
}

void AuditRoutes::recordRead(ApiServices& services, const ApiRequest& request, const QString& orgId,
                             const QString& objectKind, const QString& objectId, const QString& action,
                             qint64 revision)
{
    // The items were read whether or not the entry could be written; the answer stands.
    if (auto recorded = services.audit.recordAlone(
            AuditService::done(orgId, objectKind, objectId, request.session.userId, action, revision));
        !recorded) {
        qCWarning(lcServerHttp) << "a read could not be audited for user" << request.session.userId;
    }
}

Core::Result<QString> AuditRoutes::folderOrg(const ApiRequest& request)
{
    auto access = m_services.folders.access(request.param("folderId"), request.session.userId);
    if (!access)
        return access.error();
    return access->folder.orgId;
}

ApiReply AuditRoutes::folderHistory(ApiRequest& request)
{
    auto orgId = folderOrg(request);
    if (!orgId)
        return ApiReply::fromError(orgId.error());
    const QString folderId = request.param("folderId");
    auto changes = m_services.audit.history({orgId.value(), QStringLiteral("folder"), folderId});
    if (!changes)
        return ApiReply::fromError(changes.error());
    auto reads = m_services.audit.history({orgId.value(), QStringLiteral("folder.reads"), folderId});
    if (!reads)
        return ApiReply::fromError(reads.error());
    QJsonArray entries;
    for (const AuditEvent& e : changes.value())
        entries.append(eventJson(e));
    QJsonArray readEntries;
    for (const AuditEvent& e : reads.value())
        readEntries.append(eventJson(e));
    addActorEmails(entries);
    addActorEmails(readEntries);
    return ApiReply::json(200, {{QStringLiteral("folderId"), folderId},
                                {QStringLiteral("entries"), entries},
                                {QStringLiteral("reads"), readEntries}});
}

ApiReply AuditRoutes::itemHistory(ApiRequest& request)
{
    const QString itemId = request.param("itemId");
    if (QUuid(itemId).isNull() || QUuid(itemId).toString(QUuid::WithoutBraces) != itemId)
        return ApiReply::error(404, ApiReason::NotFound, QStringLiteral("There is no such item."));
    auto orgId = folderOrg(request);
    if (!orgId)
        return ApiReply::fromError(orgId.error());
    auto events = m_services.audit.history({orgId.value(), QStringLiteral("item"), itemId});
    if (!events)
        return ApiReply::fromError(events.error());
    QJsonArray entries;
    for (const AuditEvent& e : events.value())
        entries.append(eventJson(e));
    addActorEmails(entries);
    return ApiReply::json(200, {{QStringLiteral("itemId"), itemId}, {QStringLiteral("entries"), entries}});
}

QJsonObject AuditRoutes::eventJson(const AuditEvent& e)
{
    QJsonObject json{{QStringLiteral("seq"), e.seq},
                     {QStringLiteral("at"), JsonOutput::time(e.atMs)},
                     {QStringLiteral("userId"), e.userId},
                     {QStringLiteral("objectKind"), e.objectKind},
                     {QStringLiteral("objectId"), e.objectId},
                     {QStringLiteral("action"), e.action},
                     {QStringLiteral("revision"), e.revision},
                     {QStringLiteral("outcome"), e.outcome == AuditEvent::Outcome::Done
                                                     ? QStringLiteral("done")
                                                     : QStringLiteral("refused")}};
    if (!e.reason.isEmpty())
        json.insert(QStringLiteral("reason"), e.reason);
    return json;
}

void AuditRoutes::addActorEmails(QJsonArray& entries)
{
    // An organisation's log (and so a folder's or item's history) only names actors who were
    // members of the folder or the organisation when they acted: refusals of outsiders go to
    // the server's own log. Their addresses are what the readers know them by.
    QHash<QString, QJsonValue> emails;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        QJsonObject entry = entries.at(i).toObject();
        const QString userId = entry.value(QStringLiteral("userId")).toString();
        if (userId.isEmpty())
            continue;
        auto known = emails.constFind(userId);
        if (known == emails.constEnd()) {
            auto user = m_services.accounts.user(userId);
            known = emails.insert(userId, user ? QJsonValue(user->email) : QJsonValue(QJsonValue::Null));
        }
        entry.insert(QStringLiteral("actorEmail"), *known);
        entries.replace(i, entry);
    }
}

QJsonObject AuditRoutes::entryJson(const AuditLogRecord& record)
{
    // A stored entry that no longer decodes is still shown by its bytes: the reader's check
    // (or `audit verify`) says what is wrong with it.
    auto event = AuditLayout::decode(record.entry);
    QJsonObject json = event ? eventJson(event.value()) : QJsonObject{};
    json.insert(QStringLiteral("seq"), record.seq);
    json.insert(QStringLiteral("entry"), JsonOutput::bytes(record.entry));
    json.insert(QStringLiteral("hash"), JsonOutput::bytes(record.hash));
    return json;
}

QJsonObject AuditRoutes::checkpointJson(const AuditCheckpointRecord& c)
{
    return QJsonObject{{QStringLiteral("seq"), c.seq},
                       {QStringLiteral("at"), JsonOutput::time(c.atMs)},
                       {QStringLiteral("atMs"), c.atMs},
                       {QStringLiteral("head"), JsonOutput::bytes(c.head)},
                       {QStringLiteral("signature"), JsonOutput::bytes(c.signature)}};
}

ApiReply AuditRoutes::orgLog(ApiRequest& request)
{
    const QUrlQuery query = request.http.query();
    const auto after = queryNumber(query, QStringLiteral("after"), 0, 0, std::numeric_limits<qint64>::max());
    if (!after)
        return ApiReply::error(400, ApiReason::InvalidInput,
                               QStringLiteral("after must be an entry number of 0 or more."),
                               QStringLiteral("after"));
    const auto limit = queryNumber(query, QStringLiteral("limit"), kDefaultPage, 1, kMaxPage);
    if (!limit)
        return ApiReply::error(400, ApiReason::InvalidInput,
                               QStringLiteral("limit must be a whole number from 1 to %1.").arg(kMaxPage),
                               QStringLiteral("limit"));
    const QString orgId = request.param("orgId");
    auto page = m_services.audit.page(orgId, *after, int(*limit));
    if (!page)
        return ApiReply::fromError(page.error());
    QJsonArray entries;
    for (const AuditLogRecord& r : page->entries)
        entries.append(entryJson(r));
    addActorEmails(entries);
    QJsonArray checkpoints;
    for (const AuditCheckpointRecord& c : page->checkpoints)
        checkpoints.append(checkpointJson(c));
    const qint64 last = page->entries.isEmpty() ? *after : page->entries.last().seq;
    QJsonObject body{
        {QStringLiteral("orgId"), orgId},
        {QStringLiteral("publicKey"), JsonOutput::bytes(m_services.audit.publicKey())},
        {QStringLiteral("headSeq"), page->headSeq},
        {QStringLiteral("entries"), entries},
        {QStringLiteral("checkpoints"), checkpoints},
        {QStringLiteral("latestCheckpoint"),
         page->latest ? QJsonValue(checkpointJson(*page->latest)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("next"),
         !page->entries.isEmpty() && last < page->headSeq ? QJsonValue(last) : QJsonValue(QJsonValue::Null)}};
    if (!page->previousHash.isEmpty())
        body.insert(QStringLiteral("previousHash"), JsonOutput::bytes(page->previousHash));
    return ApiReply::json(200, body);
}

ApiReply AuditRoutes::orgCheckpoint(ApiRequest& request)
{
    auto made = m_services.audit.checkpoint(request.param("orgId"));
    if (!made)
        return ApiReply::fromError(made.error());
    if (!made->has_value())
        return ApiReply::error(409, ApiReason::Conflict,
                               QStringLiteral("The organisation's audit log has no entries to sign yet."));
    return ApiReply::json(200, checkpointJson(**made));
}

} // namespace Conclave::Server
