// Items of shared folders: pages, single items, writes with their folder state, rotations.
#include "server/http/ItemRoutes.h"

#include "server/http/AuditRoutes.h"
#include "server/http/JsonInput.h"
#include "server/http/JsonOutput.h"

#include "core/crypto/FolderKeyGrant.h"
#include "core/crypto/FolderState.h"
#include "core/crypto/ItemEnvelope.h"
#include "core/crypto/MembershipEntry.h"

#include <QHttpServerRequest>
#include <QJsonArray>
#include <QUrlQuery>
#include <QUuid>

namespace Conclave::Server {

namespace {

constexpr int kDefaultPage = 100;
constexpr int kConflictItems = 100;
// An envelope: header, padded ciphertext of at most kMaxPlaintext, signature.
constexpr qsizetype kMaxEnvelope = Core::ItemEnvelope::kMaxPlaintext + 1024;
constexpr qsizetype kMinEnvelope = 159 + 64;
constexpr qsizetype kMaxRotationGrants = 1000;

QString kindName(int kind)
{
    switch (Core::ItemKind(kind)) {
    case Core::ItemKind::Item:
        return QStringLiteral("item");
    case Core::ItemKind::DeleteMarker:
        return QStringLiteral("delete-marker");
    case Core::ItemKind::FolderName:
        return QStringLiteral("folder-name");
    }
    return QStringLiteral("item");
}

QJsonObject itemJson(const ItemRevisionRecord& r)
{
    return {{QStringLiteral("itemId"), r.itemId},
            {QStringLiteral("revision"), r.revision},
            {QStringLiteral("kind"), kindName(r.kind)},
            {QStringLiteral("keyVersion"), r.keyVersion},
            {QStringLiteral("authorId"), r.authorId},
            {QStringLiteral("hash"), JsonOutput::bytes(r.envelopeHash)},
            {QStringLiteral("stateSequence"), r.stateSeq},
            {QStringLiteral("writtenAt"), JsonOutput::time(r.createdAtMs)},
            {QStringLiteral("envelope"), JsonOutput::bytes(r.envelope)}};
}

QJsonValue stateJson(const std::optional<FolderStateRecord>& state)
{
    if (!state)
        return QJsonValue(QJsonValue::Null);
    return QJsonObject{{QStringLiteral("sequence"), state->seq},
                       {QStringLiteral("state"), JsonOutput::bytes(state->state)}};
}

QJsonArray pageItems(const ItemPage& page)
{
    QJsonArray items;
    for (const ItemRevisionRecord& r : page.items)
        items.append(itemJson(r));
    return items;
}

QJsonArray corruptItems(const ItemPage& page)
{
    QJsonArray corrupt;
    for (const QString& itemId : page.corrupt)
        corrupt.append(itemId);
    return corrupt;
}

ApiReply badQuery(const QString& name, const QString& message)
{
    return ApiReply::error(400, ApiReason::InvalidInput, message, name);
}

} // namespace

ItemRoutes::ItemRoutes(ApiServices& services)
    : m_services(services)
{}

void ItemRoutes::add(ApiRouter& router, ItemRoutes* self)
{
    using A = RouteAccess;
    using B = ApiRouter::Body;
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/folders/{folderId}/items"), A::FolderView,
               B::None, ApiRouter::bindCompressible(self, &ItemRoutes::list));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/folders/{folderId}/items"), A::FolderEdit,
               B::Json, ApiRouter::bind(self, &ItemRoutes::create));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/folders/{folderId}/items/{itemId}"),
               A::FolderView, B::None, ApiRouter::bindCompressible(self, &ItemRoutes::read));
    router.add(QStringLiteral("PUT"), QStringLiteral("/api/v1/folders/{folderId}/items/{itemId}"),
               A::FolderEdit, B::Json, ApiRouter::bind(self, &ItemRoutes::update));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/folders/{folderId}/rotation"), A::FolderManage,
               B::Json, ApiRouter::bind(self, &ItemRoutes::rotate));
}

ApiReply ItemRoutes::list(ApiRequest& request)
{
    const QUrlQuery query = request.http.query();
    const QString after = query.queryItemValue(QStringLiteral("after"));
    if (after.size() > 36)
        return badQuery(QStringLiteral("after"), QStringLiteral("The parameter after must be an item id."));
    int limit = kDefaultPage;
    if (query.hasQueryItem(QStringLiteral("limit"))) {
        bool ok = false;
        limit = query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1 || limit > ItemService::kMaxPage) {
            return badQuery(QStringLiteral("limit"),
                            QStringLiteral("The parameter limit must be a whole number "
                                           "from 1 to %1.")
                                .arg(ItemService::kMaxPage));
        }
    }
    qint64 sinceState = -1;
    if (query.hasQueryItem(QStringLiteral("sinceState"))) {
        bool ok = false;
        sinceState = query.queryItemValue(QStringLiteral("sinceState")).toLongLong(&ok);
        if (!ok || sinceState < 0)
            return badQuery(
                QStringLiteral("sinceState"),
                QStringLiteral("The parameter sinceState must be a folder state sequence (0 or more)."));
    }
    const QString folderId = request.param("folderId");
    auto access = m_services.folders.access(folderId, request.session.userId);
    if (!access)
        return ApiReply::fromError(access.error());
    // The state first: a write committed between the two reads then shows as a newer item,
    // never as a state that names an item the page lacks.
    auto state = m_services.items.currentState(access->folder);
    if (!state)
        return ApiReply::fromError(state.error());
    auto page = m_services.items.page(folderId, after, limit, sinceState);
    if (!page)
        return ApiReply::fromError(page.error());
    // A page with no item read nothing: an unchanged client's poll writes no entry.
    if (!page->items.isEmpty()) {
        AuditRoutes::recordRead(m_services, request, access->folder.orgId, QStringLiteral("folder.reads"),
                                folderId, QStringLiteral("items.read"), access->folder.stateSeq);
    }
    return ApiReply::json(200, {{QStringLiteral("state"), stateJson(state.value())},
                                {QStringLiteral("items"), pageItems(page.value())},
                                {QStringLiteral("corrupt"), corruptItems(page.value())},
                                {QStringLiteral("next"), page->next.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                                              : QJsonValue(page->next)}});
}

ApiReply ItemRoutes::read(ApiRequest& request)
{
    auto item = m_services.items.latest(request.param("folderId"), request.param("itemId"));
    if (!item) {
        if (item.error().code == Core::ErrorCode::Corrupt) {
            // The server's fault, said precisely: the row is kept for the administrator.
            return ApiReply::error(500, ApiReason::Internal, item.error().message, QStringLiteral("itemId"));
        }
        return ApiReply::fromError(item.error());
    }
    if (auto access = m_services.folders.access(request.param("folderId"), request.session.userId)) {
        AuditRoutes::recordRead(m_services, request, access->folder.orgId, QStringLiteral("item"),
                                request.param("itemId"), QStringLiteral("item.read"), item->revision);
    }
    return ApiReply::json(200, itemJson(item.value()));
}

ApiReply ItemRoutes::create(ApiRequest& request)
{
    return write(request, {});
}

ApiReply ItemRoutes::update(ApiRequest& request)
{
    const QString itemId = request.param("itemId");
    if (QUuid(itemId).isNull() || QUuid(itemId).toString(QUuid::WithoutBraces) != itemId)
        return ApiReply::error(404, ApiReason::NotFound, QStringLiteral("There is no such item."));
    return write(request, itemId);
}

ApiReply ItemRoutes::write(ApiRequest& request, const QString& itemId)
{
    JsonInput input(request.body);
    const QByteArray envelope = input.base64(QStringLiteral("envelope"), kMinEnvelope, kMaxEnvelope);
    const QByteArray state =
        input.base64(QStringLiteral("state"), Core::FolderState::kSize, Core::FolderState::kSize);
    if (!input.ok())
        return ApiReply::fromError(input.error());
    const QString folderId = request.param("folderId");
    const auto written = m_services.items.write(request.session.userId, folderId, itemId, envelope, state);
    if (written && written->conflict()) {
        // A new item is named only inside its envelope: the refusal is the folder's.
        AuditRoutes::recordRefusal(
            m_services, request, itemId.isEmpty() ? QStringLiteral("folder") : QStringLiteral("item"),
            itemId.isEmpty() ? folderId : itemId,
            itemId.isEmpty() ? QStringLiteral("item.created") : QStringLiteral("item.updated"),
            ApiReason::Conflict);
    }
    return answer(folderId, written, itemId.isEmpty() ? 201 : 200);
}

ApiReply ItemRoutes::answer(const QString& folderId, const Core::Result<ItemWrite>& written,
                            int acceptedStatus)
{
    if (!written)
        return ApiReply::fromError(written.error());
    if (!written->conflict()) {
        QJsonObject body{{QStringLiteral("stateSequence"), written->stateSeq}};
        if (!written->stored->itemId.isEmpty()) {
            body.insert(QStringLiteral("itemId"), written->stored->itemId);
            body.insert(QStringLiteral("revision"), written->stored->revision);
            body.insert(QStringLiteral("hash"), JsonOutput::bytes(written->stored->envelopeHash));
        }
        return ApiReply::json(acceptedStatus, body);
    }
    // The rebase contract (protocol.md): the current state, and the items written after the
    // state the client wrote on, with where to continue when there are more.
    ApiReply reply =
        ApiReply::error(409, ApiReason::Conflict,
                        QStringLiteral("The folder changed since the state this write was made on. "
                                       "Apply the changes below, then write again on the current "
                                       "state."),
                        QStringLiteral("state"));
    const qint64 base = qMax<qint64>(0, qMin(written->writerBase, written->stateSeq));
    auto page = m_services.items.page(folderId, {}, kConflictItems, base);
    if (!page)
        return ApiReply::fromError(page.error());
    reply.body.insert(QStringLiteral("current"), stateJson(written->current));
    reply.body.insert(QStringLiteral("sinceState"), base);
    reply.body.insert(QStringLiteral("changedItems"), pageItems(page.value()));
    reply.body.insert(QStringLiteral("corrupt"), corruptItems(page.value()));
    reply.body.insert(QStringLiteral("next"),
                      page->next.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(page->next));
    return reply;
}

ApiReply ItemRoutes::rotate(ApiRequest& request)
{
    JsonInput input(request.body);
    RotationRequest rotation;
    rotation.entries = input.base64List(QStringLiteral("entries"), Core::MembershipEntry::kSize,
                                        Core::MembershipEntry::kSize, 2);
    rotation.chainLink = input.base64(QStringLiteral("chainLink"), 1, 1024);
    rotation.grants = input.base64List(QStringLiteral("grants"), Core::FolderKeyGrant::kSize,
                                       Core::FolderKeyGrant::kSize, kMaxRotationGrants);
    rotation.items =
        input.base64List(QStringLiteral("items"), kMinEnvelope, kMaxEnvelope, ItemService::kMaxRotationItems);
    rotation.state =
        input.base64(QStringLiteral("state"), Core::FolderState::kSize, Core::FolderState::kSize);
    if (!input.ok())
        return ApiReply::fromError(input.error());
    const QString folderId = request.param("folderId");
    const auto written = m_services.items.rotate(request.session.userId, folderId, rotation);
    if (written && written->conflict()) {
        AuditRoutes::recordRefusal(m_services, request, QStringLiteral("folder"), folderId,
                                   QStringLiteral("key.rotated"), ApiReason::Conflict);
    }
    if (written && !written->conflict()) {
        auto access = m_services.folders.access(folderId, request.session.userId);
        if (!access)
            return ApiReply::fromError(access.error());
        return ApiReply::json(200, {{QStringLiteral("stateSequence"), written->stateSeq},
                                    {QStringLiteral("logLength"), access->folder.logLength},
                                    {QStringLiteral("keyVersion"), access->folder.keyVersion}});
    }
    return answer(folderId, written, 200);
}

} // namespace Conclave::Server
