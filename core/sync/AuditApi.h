// AuditApi: typed calls for the sync server's audit routes (docs/api/openapi.yaml; the log's
// byte layout in docs/admin/server.md, "Audit log layout"): the caller's organisations and
// roles, an organisation's hash-chained log a page at a time, signing its head now, and a
// shared folder's and an item's history. verifyOrgLog() reads a whole organisation log and
// checks it with AuditVerifier against what AuditTrust remembers of this server.
//
// Every answer is parsed by the static parse*() functions through JsonFields, which take the
// JSON object alone (the hostile-answer tests drive them): a missing field, a wrong type, a
// number that is not an exact integer in range, base64 that does not decode strictly, a time
// that is not ISO 8601, a UUID in another spelling or a hash or key of the wrong size is an
// error in words (ErrorCode::Protocol), never a crash and never a default taken for a value.
// An organisation log's entries are shown from their own bytes (decoded here), not from the
// fields the server put beside them, so what the user reads is what the hash chain covers.
#pragma once

#include "core/sync/JsonFields.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QUuid>

#include <functional>
#include <memory>
#include <optional>

namespace Conclave::Core {

class ApiConnection;
class AuditTrust;
struct ApiReply;

class AuditApi final
{
    Q_DISABLE_COPY_MOVE(AuditApi)

public:
    static constexpr qsizetype kMaxEntries = 1000;
    static constexpr int kPageSize = 500;
    static constexpr qint64 kMaxSafeInteger = JsonFields::kMaxSafeInteger; // 2^53 - 1
    static constexpr qsizetype kHashSize = 32;
    static constexpr qsizetype kPublicKeySize = 32;
    static constexpr qsizetype kSignatureSize = 64;

    struct Entry
    {
        qint64 seq = 0;
        QDateTime at;   // UTC
        QString userId; // empty: the operator at the command line
        // The server's word for the actor's address (not covered by the hash chain); empty
        // when it sent none.
        QString actorEmail;
        QString objectKind;
        QString objectId;
        QString action;
        qint64 revision = 0;
        bool refused = false;
        QString reason; // the refusal's code
        // Organisation log only: the bytes the chain hashes and the server's chain value.
        QByteArray bytes;
        QByteArray hash;
        // Organisation log only: false when the bytes do not decode (the fields are empty).
        bool readable = true;
    };

    struct Checkpoint
    {
        qint64 seq = 0;
        qint64 atMs = 0;
        QByteArray head;      // 32 bytes
        QByteArray signature; // 64 bytes
    };

    struct OrgPage
    {
        QUuid orgId;
        QByteArray publicKey; // Ed25519, 32 bytes
        qint64 headSeq = 0;
        std::optional<QByteArray> previousHash;
        QList<Entry> entries;
        QList<Checkpoint> checkpoints;
        std::optional<Checkpoint> latestCheckpoint;
        std::optional<qint64> next; // null at the head
    };

    struct FolderHistory
    {
        QUuid folderId;
        QList<Entry> entries; // newest first
        QList<Entry> reads;   // newest first
    };

    struct Organisation
    {
        QUuid orgId;
        QString role; // owner, admin or member
        bool isAdmin() const { return role == QLatin1String("owner") || role == QLatin1String("admin"); }
    };

    // What verifyOrgLog() found: `problem` empty when the log verified.
    struct Report
    {
        qint64 entries = 0;
        qint64 checkpoints = 0;
        qint64 problemSeq = 0; // the entry (or checkpoint position) at fault, 0 when none
        QString problem;
        QString summary;           // the sentence for the user, either way
        bool keyPinnedNow = false; // the server's key was seen for the first time
        bool intact() const { return problem.isEmpty(); }
    };

    template<typename T> using Done = std::function<void(Result<T>)>;
    // Entries verified so far of the log's `total`.
    using Progress = std::function<void(qint64 done, qint64 total)>;

    explicit AuditApi(ApiConnection& api);

    ApiConnection& connection() const { return m_api; }

    // For tampering tests only (the app never sets it): runs on every successful answer's
    // JSON before it is parsed, as a hostile server or proxy would change it.
    using Tamper = std::function<void(const QString& path, QJsonObject& json)>;
    void setTamper(Tamper tamper) { m_tamper = std::move(tamper); }

    void organisations(QObject* context, Done<QList<Organisation>> done);
    void orgLog(const QUuid& orgId, qint64 after, int limit, QObject* context, Done<OrgPage> done);
    void checkpoint(const QUuid& orgId, QObject* context, Done<Checkpoint> done);
    void folderHistory(const QUuid& folderId, QObject* context, Done<FolderHistory> done);
    void itemHistory(const QUuid& folderId, const QUuid& itemId, QObject* context, Done<QList<Entry>> done);
    // Reads the organisation's whole log page by page and verifies it; on success the server's
    // key is pinned (first use) and the newest checkpoint remembered in `trust`, which must
    // outlive the call. A damaged log is a Report with its problem; a failed request an error.
    void verifyOrgLog(const QUuid& orgId, AuditTrust& trust, QObject* context, Progress progress,
                      Done<Report> done);

    // The parsers (pure functions of one answer).
    static Result<QList<Organisation>> parseOrganisations(const QJsonObject& json);
    static Result<OrgPage> parseOrgPage(const QJsonObject& json);
    static Result<Checkpoint> parseCheckpoint(const QJsonObject& json);
    static Result<FolderHistory> parseFolderHistory(const QJsonObject& json);
    static Result<QList<Entry>> parseItemHistory(const QJsonObject& json);

private:
    struct VerifyRun;
    void call(const QByteArray& method, const QString& path, QObject* context,
              std::function<void(ApiReply)> done);
    void verifyNext(std::shared_ptr<VerifyRun> run);

    ApiConnection& m_api;
    Tamper m_tamper;
};

} // namespace Conclave::Core
