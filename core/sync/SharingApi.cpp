// The Team Sharing routes and their defensive parsers; see the header.
#include "core/sync/SharingApi.h"

#include "core/crypto/FolderRole.h"
#include "core/sync/ApiConnection.h"
#include "core/sync/JsonFields.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QUrlQuery>

namespace Conclave::Core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Conclave::Core::SharingApi)
};

constexpr qsizetype kEntrySize = 252;
constexpr qsizetype kStateSize = 294;
constexpr qsizetype kGrantSize = 258;
constexpr qsizetype kLinkSize = 122;
constexpr qsizetype kHashSize = 32;
constexpr qsizetype kMaxEnvelope = 2 * 1024 * 1024;

Error unreadable(const QString& field)
{
    return Error::make(ErrorCode::Protocol,
                       Tr::tr("The sharing server sent an answer that Conclave cannot read (at \"%1\"). "
                              "Nothing was changed.")
                           .arg(field),
                       field);
}

QString idText(const QUuid& id)
{
    return id.toString(QUuid::WithoutBraces);
}

std::optional<SharingApi::StateRef> readState(JsonFields& outer, const char* name)
{
    if (!outer.has(name))
        return std::nullopt;
    JsonFields f = outer.nested(outer.value(name), QLatin1String(name));
    SharingApi::StateRef ref;
    ref.sequence = f.integer("sequence");
    ref.state = f.bytes("state", kStateSize);
    if (ref.sequence == 0)
        f.fail(QStringLiteral("sequence"));
    return ref;
}

SharingApi::Item readItem(JsonFields& outer, const QJsonValue& value, const QString& name)
{
    JsonFields f = outer.nested(value, name);
    SharingApi::Item item;
    item.itemId = f.uuid("itemId");
    item.revision = f.integer("revision");
    item.stateSequence = f.integer("stateSequence");
    item.hash = f.bytes("hash", kHashSize);
    item.envelope = f.bytes("envelope", 0, kMaxEnvelope);
    if (item.revision == 0)
        f.fail(QStringLiteral("revision"));
    return item;
}

QList<SharingApi::Item> readItems(JsonFields& f, const char* name)
{
    QList<SharingApi::Item> items;
    const QJsonArray array = f.array(name, SharingApi::kMaxListEntries);
    items.reserve(array.size());
    for (qsizetype i = 0; i < array.size() && !f.failed(); ++i)
        items.append(readItem(f, array.at(i), QStringLiteral("%1[%2]").arg(QLatin1String(name)).arg(i)));
    return items;
}

QList<QUuid> readIds(JsonFields& f, const char* name)
{
    QList<QUuid> ids;
    const QJsonArray array = f.optionalArray(name, SharingApi::kMaxListEntries);
    for (qsizetype i = 0; i < array.size() && !f.failed(); ++i)
        ids.append(f.uuidValue(array.at(i), QStringLiteral("%1[%2]").arg(QLatin1String(name)).arg(i)));
    return ids;
}

QJsonArray base64Array(const QList<QByteArray>& values)
{
    QJsonArray array;
    for (const QByteArray& value : values)
        array.append(QString::fromLatin1(value.toBase64()));
    return array;
}

QString folderPath(const QUuid& folderId, const QString& rest = {})
{
    return QStringLiteral("/api/v1/folders/") + idText(folderId) + rest;
}

bool isStateConflict(const ApiReply& reply)
{
    return reply.error.kind == ApiError::Kind::Server && reply.error.status == 409 &&
           reply.error.isReason("conflict") && reply.error.field == QLatin1String("state");
}

} // namespace

SharingApi::SharingApi(ApiConnection& api)
    : m_api(api)
{}

void SharingApi::call(const QByteArray& method, const QString& path, const QJsonObject& body,
                      QObject* context, std::function<void(ApiReply)> done)
{
    m_api.send(method, path, body, {}, true, context,
               [this, path, done = std::move(done)](ApiReply reply) mutable {
                   if (reply.ok() && m_tamper)
                       m_tamper(path, reply.json);
                   done(std::move(reply));
               });
}

// --- calls ------------------------------------------------------------------------------

void SharingApi::createFolder(const QUuid& orgId, const QUuid& folderId, const QByteArray& createEntry,
                              QObject* context, Done<Folder> done)
{
    const QJsonObject body{{QStringLiteral("orgId"), idText(orgId)},
                           {QStringLiteral("folderId"), idText(folderId)},
                           {QStringLiteral("entry"), QString::fromLatin1(createEntry.toBase64())}};
    call("POST", QStringLiteral("/api/v1/folders"), body, context, [done = std::move(done)](ApiReply reply) {
        if (!reply.ok())
            return done(reply.error.toError());
        done(parseFolder(reply.json));
    });
}

void SharingApi::listFolders(QObject* context, Done<QList<Folder>> done)
{
    call("GET", QStringLiteral("/api/v1/folders"), {}, context, [done = std::move(done)](ApiReply reply) {
        if (!reply.ok())
            return done(reply.error.toError());
        done(parseFolderList(reply.json));
    });
}

void SharingApi::organisations(QObject* context, Done<QList<QUuid>> done)
{
    call("GET", QStringLiteral("/api/v1/orgs"), {}, context, [done = std::move(done)](ApiReply reply) {
        if (!reply.ok())
            return done(reply.error.toError());
        QList<QUuid> ids;
        const QJsonArray list = reply.json.value(QStringLiteral("organisations")).toArray();
        for (const QJsonValue& entry : list) {
            const QUuid id = QUuid::fromString(entry.toObject().value(QStringLiteral("orgId")).toString());
            if (id.isNull() || ids.size() >= kMaxListEntries)
                return done(Error::make(
                    ErrorCode::Protocol,
                    QCoreApplication::translate("Conclave::Core::SharingApi",
                                                "The server's list of organisations is malformed.")));
            ids.append(id);
        }
        done(ids);
    });
}

void SharingApi::folder(const QUuid& folderId, QObject* context, Done<FolderDetail> done)
{
    call("GET", folderPath(folderId), {}, context, [done = std::move(done)](ApiReply reply) {
        if (!reply.ok())
            return done(reply.error.toError());
        done(parseFolderDetail(reply.json));
    });
}

void SharingApi::appendLog(const QUuid& folderId, const QByteArray& entry, QObject* context,
                           Done<quint64> done)
{
    const QJsonObject body{{QStringLiteral("entry"), QString::fromLatin1(entry.toBase64())}};
    call("POST", folderPath(folderId, QStringLiteral("/log")), body, context,
         [done = std::move(done)](ApiReply reply) {
             if (!reply.ok()) {
                 Error error = reply.error.toError();
                 if (reply.error.status == 409)
                     error.code = ErrorCode::AlreadyExists;
                 return done(error);
             }
             done(parseLogAppended(reply.json));
         });
}

void SharingApi::grants(const QUuid& folderId, QObject* context, Done<QList<Grant>> done)
{
    call("GET", folderPath(folderId, QStringLiteral("/grants")), {}, context,
         [done = std::move(done)](ApiReply reply) {
             if (!reply.ok())
                 return done(reply.error.toError());
             done(parseGrants(reply.json));
         });
}

void SharingApi::postGrants(const QUuid& folderId, const QList<QByteArray>& grants, QObject* context,
                            StatusDone done)
{
    const QJsonObject body{{QStringLiteral("grants"), base64Array(grants)}};
    call("POST", folderPath(folderId, QStringLiteral("/grants")), body, context,
         [done = std::move(done)](ApiReply reply) {
             if (!reply.ok())
                 return done(reply.error.toError());
             done({});
         });
}

void SharingApi::items(const QUuid& folderId, const QUuid& after, quint64 sinceState, QObject* context,
                       Done<ItemPage> done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("500"));
    if (!after.isNull())
        query.addQueryItem(QStringLiteral("after"), idText(after));
    if (sinceState > 0)
        query.addQueryItem(QStringLiteral("sinceState"), QString::number(sinceState));
    call("GET", folderPath(folderId, QStringLiteral("/items?") + query.toString()), {}, context,
         [done = std::move(done)](ApiReply reply) {
             if (!reply.ok())
                 return done(reply.error.toError());
             done(parseItemPage(reply.json));
         });
}

void SharingApi::writeItem(const QUuid& folderId, const QUuid& itemId, bool isNew, const QByteArray& envelope,
                           const QByteArray& state, QObject* context, Done<WriteOutcome> done)
{
    const QJsonObject body{{QStringLiteral("envelope"), QString::fromLatin1(envelope.toBase64())},
                           {QStringLiteral("state"), QString::fromLatin1(state.toBase64())}};
    const QString path = isNew ? folderPath(folderId, QStringLiteral("/items"))
                               : folderPath(folderId, QStringLiteral("/items/") + idText(itemId));
    call(isNew ? "POST" : "PUT", path, body, context, [done = std::move(done)](ApiReply reply) {
        WriteOutcome outcome;
        if (isStateConflict(reply)) {
            Result<Conflict> conflict = parseConflict(reply.json);
            if (!conflict)
                return done(conflict.error());
            outcome.conflict = std::move(*conflict);
            return done(std::move(outcome));
        }
        if (!reply.ok())
            return done(reply.error.toError());
        Result<Written> written = parseWritten(reply.json);
        if (!written)
            return done(written.error());
        outcome.written = std::move(*written);
        done(std::move(outcome));
    });
}

void SharingApi::rotate(const QUuid& folderId, const QList<QByteArray>& entries, const QByteArray& chainLink,
                        const QList<QByteArray>& grants, const QList<QByteArray>& items,
                        const QByteArray& state, QObject* context, Done<WriteOutcome> done)
{
    const QJsonObject body{{QStringLiteral("entries"), base64Array(entries)},
                           {QStringLiteral("chainLink"), QString::fromLatin1(chainLink.toBase64())},
                           {QStringLiteral("grants"), base64Array(grants)},
                           {QStringLiteral("items"), base64Array(items)},
                           {QStringLiteral("state"), QString::fromLatin1(state.toBase64())}};
    call("POST", folderPath(folderId, QStringLiteral("/rotation")), body, context,
         [done = std::move(done)](ApiReply reply) {
             WriteOutcome outcome;
             if (isStateConflict(reply)) {
                 Result<Conflict> conflict = parseConflict(reply.json);
                 if (!conflict)
                     return done(conflict.error());
                 outcome.conflict = std::move(*conflict);
                 return done(std::move(outcome));
             }
             if (!reply.ok())
                 return done(reply.error.toError());
             outcome.written = Written{};
             done(std::move(outcome));
         });
}

void SharingApi::feed(quint64 cursor, QObject* context, Done<FeedPage> done)
{
    const QString path = QStringLiteral("/api/v1/feed?cursor=%1&limit=500").arg(cursor);
    call("GET", path, {}, context, [cursor, done = std::move(done)](ApiReply reply) {
        if (!reply.ok())
            return done(reply.error.toError());
        Result<FeedPage> page = parseFeedPage(reply.json);
        // A cursor that moves backwards would make the client read forever.
        if (page && page->cursor < cursor)
            return done(unreadable(QStringLiteral("cursor")));
        done(std::move(page));
    });
}

void SharingApi::lookupKey(const QString& email, QObject* context, Done<KeyLookup> done)
{
    call("POST", QStringLiteral("/api/v1/keys/lookup"), {{QStringLiteral("email"), email}}, context,
         [done = std::move(done)](ApiReply reply) {
             if (!reply.ok())
                 return done(reply.error.toError());
             done(parseKeyLookup(reply.json));
         });
}

// --- parsers ----------------------------------------------------------------------------

Result<SharingApi::Folder> SharingApi::parseFolder(const QJsonObject& json)
{
    JsonFields f(json);
    Folder folder;
    folder.folderId = f.uuid("folderId");
    folder.orgId = f.uuid("orgId");
    folder.role = f.string("role", 256);
    if (folderRoleFromName(folder.role) == FolderRole::None)
        f.fail(QStringLiteral("role"));
    folder.logLength = f.integer("logLength");
    folder.keyVersion = quint32(f.integer("keyVersion", 0, 0xffffffff));
    folder.stateSequence = f.integer("stateSequence");
    folder.deleted = f.has("deletedAt");
    if (f.failed())
        return unreadable(f.failure());
    return folder;
}

Result<QList<SharingApi::Folder>> SharingApi::parseFolderList(const QJsonObject& json)
{
    JsonFields f(json);
    const QJsonArray array = f.array("folders", kMaxListEntries);
    QList<Folder> folders;
    for (qsizetype i = 0; i < array.size() && !f.failed(); ++i) {
        Result<Folder> folder = parseFolder(f.object(array.at(i), QStringLiteral("folders[%1]").arg(i)));
        if (!folder)
            return unreadable(QStringLiteral("folders[%1].%2").arg(i).arg(folder.error().field));
        folders.append(*folder);
    }
    if (f.failed())
        return unreadable(f.failure());
    return folders;
}

Result<SharingApi::FolderDetail> SharingApi::parseFolderDetail(const QJsonObject& json)
{
    Result<Folder> folder = parseFolder(json);
    if (!folder)
        return folder.error();
    JsonFields f(json);
    FolderDetail detail;
    detail.folder = *folder;
    const QJsonArray log = f.array("log", kMaxListEntries);
    for (qsizetype i = 0; i < log.size() && !f.failed(); ++i) {
        const QString name = QStringLiteral("log[%1]").arg(i);
        JsonFields e = f.nested(log.at(i), name);
        LogEntry entry;
        entry.sequence = e.integer("sequence");
        entry.entry = e.bytes("entry", kEntrySize);
        if (entry.sequence != quint64(i))
            e.fail(QStringLiteral("sequence"));
        detail.log.append(entry);
    }
    const QJsonArray links = f.optionalArray("keyLinks", kMaxListEntries);
    for (qsizetype i = 0; i < links.size() && !f.failed(); ++i) {
        const QString name = QStringLiteral("keyLinks[%1]").arg(i);
        JsonFields l = f.nested(links.at(i), name);
        l.integer("keyVersion", 0, 0xffffffff);
        detail.keyLinks.append(l.bytes("link", kLinkSize));
    }
    detail.state = readState(f, "state");
    // Emails are shown next to the members the log establishes; nothing is believed from them.
    const QJsonArray members = f.optionalArray("members", kMaxListEntries);
    for (qsizetype i = 0; i < members.size() && !f.failed(); ++i) {
        const QString name = QStringLiteral("members[%1]").arg(i);
        JsonFields m = f.nested(members.at(i), name);
        const QUuid userId = m.uuid("userId");
        const QString email = m.optionalString("email", 320);
        if (!email.isEmpty())
            detail.memberEmails.append({userId, email});
    }
    if (f.failed())
        return unreadable(f.failure());
    return detail;
}

Result<QList<SharingApi::Grant>> SharingApi::parseGrants(const QJsonObject& json)
{
    JsonFields f(json);
    const QJsonArray array = f.array("grants", kMaxListEntries);
    QList<Grant> grants;
    for (qsizetype i = 0; i < array.size() && !f.failed(); ++i) {
        const QString name = QStringLiteral("grants[%1]").arg(i);
        JsonFields g = f.nested(array.at(i), name);
        Grant grant;
        grant.recipientId = g.uuid("recipientId");
        grant.keyVersion = quint32(g.integer("keyVersion", 0, 0xffffffff));
        grant.grant = g.bytes("grant", kGrantSize);
        grants.append(grant);
    }
    if (f.failed())
        return unreadable(f.failure());
    return grants;
}

Result<SharingApi::ItemPage> SharingApi::parseItemPage(const QJsonObject& json)
{
    JsonFields f(json);
    ItemPage page;
    page.state = readState(f, "state");
    page.items = readItems(f, "items");
    page.corrupt = readIds(f, "corrupt");
    page.next = f.optionalUuid("next");
    if (f.failed())
        return unreadable(f.failure());
    return page;
}

Result<SharingApi::Conflict> SharingApi::parseConflict(const QJsonObject& json)
{
    JsonFields f(json);
    Conflict conflict;
    conflict.current = readState(f, "current");
    conflict.sinceState = f.integer("sinceState");
    conflict.changedItems = readItems(f, "changedItems");
    conflict.corrupt = readIds(f, "corrupt");
    conflict.next = f.optionalUuid("next");
    if (f.failed())
        return unreadable(f.failure());
    return conflict;
}

Result<SharingApi::Written> SharingApi::parseWritten(const QJsonObject& json)
{
    JsonFields f(json);
    Written written;
    written.itemId = f.uuid("itemId");
    written.revision = f.integer("revision");
    written.hash = f.bytes("hash", kHashSize);
    written.stateSequence = f.integer("stateSequence");
    if (f.failed())
        return unreadable(f.failure());
    return written;
}

Result<SharingApi::FeedPage> SharingApi::parseFeedPage(const QJsonObject& json)
{
    JsonFields f(json);
    FeedPage page;
    const QJsonArray changes = f.array("changes", kMaxListEntries);
    quint64 previous = 0;
    for (qsizetype i = 0; i < changes.size() && !f.failed(); ++i) {
        const QString name = QStringLiteral("changes[%1]").arg(i);
        JsonFields c = f.nested(changes.at(i), name);
        Change change;
        change.seq = c.integer("seq");
        change.kind = c.string("kind", 64);
        change.folderId = c.optionalUuid("folderId");
        if (c.has("objectId"))
            change.objectId = c.string("objectId", 256);
        // Strictly increasing: a page that repeats or reorders changes is not the feed.
        if (change.seq <= previous)
            c.fail(QStringLiteral("seq"));
        previous = change.seq;
        page.changes.append(change);
    }
    page.cursor = f.integer("cursor");
    page.more = f.boolean("more");
    if (!f.failed() && !page.changes.isEmpty() && page.cursor < previous)
        f.fail(QStringLiteral("cursor"));
    if (f.failed())
        return unreadable(f.failure());
    return page;
}

Result<SharingApi::CarriedPage> SharingApi::parseCarriedPage(const QJsonObject& json)
{
    JsonFields f(json);
    CarriedPage carried;
    carried.after = f.integer("after");
    if (f.failed())
        return unreadable(f.failure());
    if (json.value(QStringLiteral("changes")).toArray().size() > kMaxCarriedChanges)
        return unreadable(QStringLiteral("changes"));
    // The feed page's own checks; a hint's page is always complete (a `more` is refused).
    if (json.contains(QStringLiteral("more")))
        return unreadable(QStringLiteral("more"));
    QJsonObject page = json;
    page.insert(QStringLiteral("more"), false);
    Result<FeedPage> parsed = parseFeedPage(page);
    if (!parsed)
        return parsed.error();
    carried.page = std::move(*parsed);
    // Every change after `after`, and the cursor past it: anything else is not a page of it.
    if (carried.page.cursor <= carried.after ||
        (!carried.page.changes.isEmpty() && carried.page.changes.front().seq <= carried.after))
        return unreadable(QStringLiteral("after"));
    return carried;
}

Result<SharingApi::KeyLookup> SharingApi::parseKeyLookup(const QJsonObject& json)
{
    JsonFields f(json);
    KeyLookup lookup;
    lookup.userId = f.uuid("userId");
    lookup.bundle = f.bytes("bundle", 0, 4096);
    if (f.failed())
        return unreadable(f.failure());
    return lookup;
}

Result<quint64> SharingApi::parseLogAppended(const QJsonObject& json)
{
    JsonFields f(json);
    const quint64 length = f.integer("logLength");
    if (f.failed())
        return unreadable(f.failure());
    return length;
}

} // namespace Conclave::Core
