// The audit routes, their defensive parsers and the whole-log verification; see the header.
#include "core/sync/AuditApi.h"

#include "core/sync/ApiConnection.h"
#include "core/sync/AuditTrust.h"
#include "core/sync/AuditVerifier.h"
#include "core/sync/JsonFields.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>
#include <QPointer>

#include <memory>

namespace Conclave::Core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Conclave::Core::AuditApi)
};

Error unreadable(const QString& field)
{
    return Error::make(
        ErrorCode::Protocol,
        Tr::tr("The sharing server sent an audit answer that Conclave cannot read (at \"%1\").").arg(field),
        field);
}

QString idText(const QUuid& id)
{
    return id.toString(QUuid::WithoutBraces);
}

// An entry of a folder's or an item's history: the decoded fields, all required.
AuditApi::Entry readEvent(JsonFields& r)
{
    AuditApi::Entry e;
    e.seq = r.integer("seq", 1);
    e.at = r.time("at", 64);
    e.userId = r.string("userId", 64);
    if (!e.userId.isEmpty() &&
        (QUuid::fromString(e.userId).isNull() || idText(QUuid::fromString(e.userId)) != e.userId))
        r.fail(QStringLiteral("userId"));
    e.actorEmail = r.optionalString("actorEmail", 320);
    e.objectKind = r.string("objectKind", 64);
    e.objectId = r.string("objectId", 128);
    e.action = r.string("action", 256);
    e.revision = r.integer("revision");
    const QString outcome = r.string("outcome", 16);
    if (outcome != QLatin1String("done") && outcome != QLatin1String("refused"))
        r.fail(QStringLiteral("outcome"));
    e.refused = outcome == QLatin1String("refused");
    e.reason = r.optionalString("reason", 64);
    return e;
}

QList<AuditApi::Entry> readEvents(JsonFields& r, const char* name)
{
    QList<AuditApi::Entry> entries;
    const QJsonArray array = r.array(name, AuditApi::kMaxEntries);
    for (qsizetype i = 0; i < array.size() && !r.failed(); ++i) {
        JsonFields e = r.nested(array.at(i), QStringLiteral("%1[%2]").arg(QLatin1String(name)).arg(i));
        entries.append(readEvent(e));
    }
    return entries;
}

AuditApi::Checkpoint readCheckpoint(JsonFields& r)
{
    AuditApi::Checkpoint c;
    c.seq = r.integer("seq", 1);
    c.atMs = r.integer("atMs");
    c.head = r.bytes("head", AuditApi::kHashSize);
    c.signature = r.bytes("signature", AuditApi::kSignatureSize);
    return c;
}

} // namespace

// --- calls ------------------------------------------------------------------------------

AuditApi::AuditApi(ApiConnection& api)
    : m_api(api)
{}

void AuditApi::call(const QByteArray& method, const QString& path, QObject* context,
                    std::function<void(ApiReply)> done)
{
    m_api.send(method, path, {}, {}, true, context, [this, path, done = std::move(done)](ApiReply reply) {
        if (reply.ok() && m_tamper)
            m_tamper(path, reply.json);
        done(std::move(reply));
    });
}

void AuditApi::organisations(QObject* context, Done<QList<Organisation>> done)
{
    call("GET", QStringLiteral("/api/v1/orgs"), context, [done = std::move(done)](ApiReply reply) {
        if (!reply.ok())
            return done(reply.error.toError());
        done(parseOrganisations(reply.json));
    });
}

void AuditApi::orgLog(const QUuid& orgId, qint64 after, int limit, QObject* context, Done<OrgPage> done)
{
    const QString path =
        QStringLiteral("/api/v1/orgs/%1/audit?after=%2&limit=%3").arg(idText(orgId)).arg(after).arg(limit);
    call("GET", path, context, [orgId, after, done = std::move(done)](ApiReply reply) {
        if (!reply.ok())
            return done(reply.error.toError());
        Result<OrgPage> page = parseOrgPage(reply.json);
        if (page && page->orgId != orgId)
            return done(unreadable(QStringLiteral("orgId")));
        // A page that does not start after `after` or whose next page does not move on would make
        // a reader go round for ever.
        if (page && ((!page->entries.isEmpty() && page->entries.first().seq <= after) ||
                     (page->next && (page->entries.isEmpty() || *page->next <= after))))
            return done(unreadable(QStringLiteral("next")));
        done(std::move(page));
    });
}

void AuditApi::checkpoint(const QUuid& orgId, QObject* context, Done<Checkpoint> done)
{
    call("POST", QStringLiteral("/api/v1/orgs/%1/audit/checkpoints").arg(idText(orgId)), context,
         [done = std::move(done)](ApiReply reply) {
             if (!reply.ok())
                 return done(reply.error.toError());
             done(parseCheckpoint(reply.json));
         });
}

void AuditApi::folderHistory(const QUuid& folderId, QObject* context, Done<FolderHistory> done)
{
    call("GET", QStringLiteral("/api/v1/folders/%1/audit").arg(idText(folderId)), context,
         [folderId, done = std::move(done)](ApiReply reply) {
             if (!reply.ok())
                 return done(reply.error.toError());
             Result<FolderHistory> history = parseFolderHistory(reply.json);
             if (history && history->folderId != folderId)
                 return done(unreadable(QStringLiteral("folderId")));
             done(std::move(history));
         });
}

void AuditApi::itemHistory(const QUuid& folderId, const QUuid& itemId, QObject* context,
                           Done<QList<Entry>> done)
{
    call("GET", QStringLiteral("/api/v1/folders/%1/items/%2/audit").arg(idText(folderId), idText(itemId)),
         context, [itemId, done = std::move(done)](ApiReply reply) {
             if (!reply.ok())
                 return done(reply.error.toError());
             if (reply.json.value(QStringLiteral("itemId")).toString() != idText(itemId))
                 return done(unreadable(QStringLiteral("itemId")));
             done(parseItemHistory(reply.json));
         });
}

// --- verification -----------------------------------------------------------------------

struct AuditApi::VerifyRun
{
    QUuid orgId;
    AuditTrust* trust = nullptr;
    QPointer<QObject> context;
    Progress progress;
    Done<Report> done;
    std::unique_ptr<AuditVerifier> verifier;
    bool keyPinnedNow = false;
};

void AuditApi::verifyOrgLog(const QUuid& orgId, AuditTrust& trust, QObject* context, Progress progress,
                            Done<Report> done)
{
    Result<QByteArray> key = trust.pinnedKey();
    if (!key)
        return done(key.error());
    Result<std::optional<AuditVerifier::Seen>> seen = trust.seen(orgId);
    if (!seen)
        return done(seen.error());
    auto run = std::make_shared<VerifyRun>();
    run->orgId = orgId;
    run->trust = &trust;
    run->context = context;
    run->progress = std::move(progress);
    run->done = std::move(done);
    run->keyPinnedNow = key->isEmpty();
    run->verifier = std::make_unique<AuditVerifier>(orgId, *key, *seen);
    verifyNext(run);
}

void AuditApi::verifyNext(std::shared_ptr<VerifyRun> run)
{
    orgLog(
        run->orgId, run->verifier->verifiedSeq(), kPageSize, run->context, [this, run](Result<OrgPage> page) {
            if (!page)
                return run->done(page.error());
            AuditVerifier& v = *run->verifier;
            Report report;
            const auto finishReport = [&] {
                report.entries = v.verifiedSeq();
                report.checkpoints = v.checkpointsVerified();
                report.problemSeq = v.problemSeq();
                report.problem = v.problem();
                report.keyPinnedNow = run->keyPinnedNow && !v.failed();
                if (v.failed()) {
                    report.summary =
                        Tr::tr("The audit log is damaged. %1 Entries before this point verified.")
                            .arg(v.problem());
                    return;
                }
                const QLocale locale;
                QString text =
                    Tr::tr("The audit log is intact: %1 entries and %2 checkpoints verified.")
                        .arg(locale.toString(v.verifiedSeq()), locale.toString(v.checkpointsVerified()));
                const qint64 covered = v.newestCheckpoint() ? v.newestCheckpoint()->seq : 0;
                if (covered == 0 && v.verifiedSeq() > 0)
                    text += QLatin1Char(' ') + Tr::tr("No entry is signed by a checkpoint yet.");
                else if (covered < v.verifiedSeq())
                    text += QLatin1Char(' ') +
                            Tr::tr("Entries after entry %1 are not signed by a checkpoint yet.")
                                .arg(locale.toString(covered));
                if (run->keyPinnedNow)
                    text +=
                        QLatin1Char(' ') +
                        Tr::tr(
                            "This computer checked the server's audit key for the first time and now trusts "
                            "it: %1. Compare it with the key your server's operator publishes.")
                            .arg(QString::fromLatin1(v.publicKey().toBase64()));
                report.summary = text;
            };
            if (!v.addPage(*page)) {
                finishReport();
                return run->done(std::move(report));
            }
            if (run->progress)
                run->progress(v.verifiedSeq(), v.headSeq());
            if (page->next)
                return verifyNext(run);
            if (v.finish()) {
                if (Status kept = run->trust->remember(v.publicKey(), run->orgId, v.newestCheckpoint());
                    !kept)
                    return run->done(kept.error());
            }
            finishReport();
            run->done(std::move(report));
        });
}

// --- parsers ----------------------------------------------------------------------------

Result<QList<AuditApi::Organisation>> AuditApi::parseOrganisations(const QJsonObject& json)
{
    JsonFields r(json);
    QList<Organisation> orgs;
    const QJsonArray array = r.array("organisations", kMaxEntries);
    for (qsizetype i = 0; i < array.size() && !r.failed(); ++i) {
        JsonFields o = r.nested(array.at(i), QStringLiteral("organisations[%1]").arg(i));
        Organisation org;
        org.orgId = o.uuid("orgId");
        org.role = o.string("role", 16);
        if (org.role != QLatin1String("owner") && org.role != QLatin1String("admin") &&
            org.role != QLatin1String("member"))
            o.fail(QStringLiteral("role"));
        orgs.append(org);
    }
    if (r.failed())
        return unreadable(r.failure());
    return orgs;
}

Result<AuditApi::OrgPage> AuditApi::parseOrgPage(const QJsonObject& json)
{
    JsonFields r(json);
    OrgPage page;
    page.orgId = r.uuid("orgId");
    page.publicKey = r.bytes("publicKey", kPublicKeySize);
    page.headSeq = r.integer("headSeq");
    if (r.has("previousHash"))
        page.previousHash = r.bytes("previousHash", kHashSize);
    const QJsonArray entries = r.array("entries", kMaxEntries);
    for (qsizetype i = 0; i < entries.size() && !r.failed(); ++i) {
        JsonFields e = r.nested(entries.at(i), QStringLiteral("entries[%1]").arg(i));
        Entry entry;
        const qint64 seq = e.integer("seq", 1);
        entry.bytes = e.bytes("entry", 0, 64 * 1024);
        entry.hash = e.bytes("hash", kHashSize);
        entry.actorEmail = e.optionalString("actorEmail", 320);
        if (e.failed())
            break;
        // What is shown comes from the bytes the chain covers, never from the fields beside them.
        QString orgId;
        entry.readable = AuditVerifier::decode(entry.bytes, entry, orgId).ok();
        if (!entry.readable) {
            Entry blank;
            blank.actorEmail = entry.actorEmail;
            blank.bytes = entry.bytes;
            blank.hash = entry.hash;
            blank.readable = false;
            entry = blank;
        }
        entry.seq = seq;
        page.entries.append(entry);
    }
    const QJsonArray checkpoints = r.array("checkpoints", kMaxEntries);
    for (qsizetype i = 0; i < checkpoints.size() && !r.failed(); ++i) {
        JsonFields c = r.nested(checkpoints.at(i), QStringLiteral("checkpoints[%1]").arg(i));
        page.checkpoints.append(readCheckpoint(c));
    }
    if (!r.value("latestCheckpoint").isNull()) {
        JsonFields c = r.nested(r.value("latestCheckpoint"), QStringLiteral("latestCheckpoint"));
        page.latestCheckpoint = readCheckpoint(c);
    }
    if (!r.value("next").isNull())
        page.next = r.integer("next");
    if (!r.failed() && page.headSeq > 0 && page.entries.size() > 0 && page.entries.last().seq > page.headSeq)
        r.fail(QStringLiteral("headSeq"));
    if (r.failed())
        return unreadable(r.failure());
    return page;
}

Result<AuditApi::Checkpoint> AuditApi::parseCheckpoint(const QJsonObject& json)
{
    JsonFields r(json);
    Checkpoint c = readCheckpoint(r);
    if (r.failed())
        return unreadable(r.failure());
    return c;
}

Result<AuditApi::FolderHistory> AuditApi::parseFolderHistory(const QJsonObject& json)
{
    JsonFields r(json);
    FolderHistory history;
    history.folderId = r.uuid("folderId");
    history.entries = readEvents(r, "entries");
    history.reads = readEvents(r, "reads");
    if (r.failed())
        return unreadable(r.failure());
    return history;
}

Result<QList<AuditApi::Entry>> AuditApi::parseItemHistory(const QJsonObject& json)
{
    JsonFields r(json);
    r.uuid("itemId");
    QList<Entry> entries = readEvents(r, "entries");
    if (r.failed())
        return unreadable(r.failure());
    return entries;
}

} // namespace Conclave::Core
