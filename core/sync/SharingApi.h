// SharingApi: typed calls for the sync server's Team Sharing routes (docs/api/openapi.yaml,
// protocol.md §5.11 and §11): folders, the membership log, key grants, items with their
// folder state, rotation, the changes feed and key look-up, over ApiConnection.
//
// Every answer is parsed defensively by the static parse*() functions through JsonFields
// (the rules InvitationApi and AuditApi read by too), which take the JSON object alone and are
// what the fuzz and hostile-answer tests drive: a missing field, a wrong type, a number that is
// not an exact integer in range, base64 that does not decode strictly, a UUID in another
// spelling, or a byte value of the wrong size is an error in words (ErrorCode::Protocol),
// never a crash and never a default taken for a value. The
// parsers check only the shape; what the bytes say is for core/crypto to believe or not.
#pragma once

#include "core/sync/JsonFields.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QUuid>

#include <functional>
#include <optional>

namespace Conclave::Core {

class ApiConnection;
struct ApiReply;

class SharingApi final
{
    Q_DISABLE_COPY_MOVE(SharingApi)

public:
    // Upper bounds a client accepts from a server, far above what the server sends.
    static constexpr qsizetype kMaxListEntries = 20'000;
    static constexpr qint64 kMaxSafeInteger = JsonFields::kMaxSafeInteger; // 2^53 - 1

    struct Folder
    {
        QUuid folderId;
        QUuid orgId;
        QString role; // view, edit or manage
        quint64 logLength = 0;
        quint32 keyVersion = 0;
        quint64 stateSequence = 0;
        bool deleted = false;
    };

    struct LogEntry
    {
        quint64 sequence = 0;
        QByteArray entry; // 252 bytes as signed
    };

    struct StateRef
    {
        quint64 sequence = 0;
        QByteArray state; // 294 bytes
    };

    struct FolderDetail
    {
        Folder folder;
        QList<LogEntry> log;
        QList<QByteArray> keyLinks; // 122 bytes each
        std::optional<StateRef> state;
        // members[].email where the server gives it (user id, address); for display only.
        QList<QPair<QUuid, QString>> memberEmails;
    };

    struct Grant
    {
        QUuid recipientId;
        quint32 keyVersion = 0;
        QByteArray grant; // 258 bytes
    };

    struct Item
    {
        QUuid itemId;
        quint64 revision = 0;
        quint64 stateSequence = 0;
        QByteArray hash;     // 32 bytes, as the server claims it
        QByteArray envelope; // as received
    };

    struct ItemPage
    {
        std::optional<StateRef> state;
        QList<Item> items;
        QList<QUuid> corrupt;
        QUuid next; // null on the last page
    };

    // The 409 rebase data of an item write or rotation.
    struct Conflict
    {
        std::optional<StateRef> current;
        quint64 sinceState = 0;
        QList<Item> changedItems;
        QList<QUuid> corrupt;
        QUuid next;
    };

    struct Written
    {
        QUuid itemId;
        quint64 revision = 0;
        QByteArray hash;
        quint64 stateSequence = 0;
    };

    // An item write's answer: stored, or refused for a state that is not the current one.
    struct WriteOutcome
    {
        std::optional<Written> written;
        std::optional<Conflict> conflict;
    };

    struct Change
    {
        quint64 seq = 0;
        QString kind;   // kinds the client does not know are kept and skipped by the engine
        QUuid folderId; // null: addressed to the caller
        QString objectId;
    };

    struct FeedPage
    {
        QList<Change> changes;
        quint64 cursor = 0;
        bool more = false;
    };

    // A live hint's feed page (protocol.md §11): every change the caller may see after
    // `after` up to `page.cursor`, what the feed would answer for cursor `after`.
    struct CarriedPage
    {
        quint64 after = 0;
        FeedPage page;
    };
    // The most changes a hint may carry (the server sends up to 8).
    static constexpr qsizetype kMaxCarriedChanges = 64;

    struct KeyLookup
    {
        QUuid userId;
        QByteArray bundle;
    };

    template<typename T> using Done = std::function<void(Result<T>)>;
    using StatusDone = std::function<void(Status)>;

    explicit SharingApi(ApiConnection& api);

    ApiConnection& connection() const { return m_api; }

    // For tampering tests only (the app never sets it): runs on every successful answer's
    // JSON before it is parsed, as a hostile server or proxy would change it.
    using Tamper = std::function<void(const QString& path, QJsonObject& json)>;
    void setTamper(Tamper tamper) { m_tamper = std::move(tamper); }

    void createFolder(const QUuid& orgId, const QUuid& folderId, const QByteArray& createEntry,
                      QObject* context, Done<Folder> done);
    void listFolders(QObject* context, Done<QList<Folder>> done);
    void folder(const QUuid& folderId, QObject* context, Done<FolderDetail> done);
    // Ok(log length) when appended; a log that moved on is ErrorCode::AlreadyExists.
    void appendLog(const QUuid& folderId, const QByteArray& entry, QObject* context, Done<quint64> done);
    void grants(const QUuid& folderId, QObject* context, Done<QList<Grant>> done);
    void postGrants(const QUuid& folderId, const QList<QByteArray>& grants, QObject* context,
                    StatusDone done);
    // `after` null: the first page. `sinceState` 0: every item.
    void items(const QUuid& folderId, const QUuid& after, quint64 sinceState, QObject* context,
               Done<ItemPage> done);
    // POST for a new item (`isNew`), else PUT.
    void writeItem(const QUuid& folderId, const QUuid& itemId, bool isNew, const QByteArray& envelope,
                   const QByteArray& state, QObject* context, Done<WriteOutcome> done);
    void rotate(const QUuid& folderId, const QList<QByteArray>& entries, const QByteArray& chainLink,
                const QList<QByteArray>& grants, const QList<QByteArray>& items, const QByteArray& state,
                QObject* context, Done<WriteOutcome> done);
    void feed(quint64 cursor, QObject* context, Done<FeedPage> done);
    void lookupKey(const QString& email, QObject* context, Done<KeyLookup> done);
    // Ids of the organisations the caller belongs to (GET /api/v1/orgs), where a shared
    // folder can be created.
    void organisations(QObject* context, Done<QList<QUuid>> done);

    // The parsers (pure functions of one answer).
    static Result<Folder> parseFolder(const QJsonObject& json);
    static Result<QList<Folder>> parseFolderList(const QJsonObject& json);
    static Result<FolderDetail> parseFolderDetail(const QJsonObject& json);
    static Result<QList<Grant>> parseGrants(const QJsonObject& json);
    static Result<ItemPage> parseItemPage(const QJsonObject& json);
    static Result<Conflict> parseConflict(const QJsonObject& json);
    static Result<Written> parseWritten(const QJsonObject& json);
    static Result<FeedPage> parseFeedPage(const QJsonObject& json);
    // A hint's {"cursor", "after", "changes"}: the changes after `after`, none past `cursor`.
    static Result<CarriedPage> parseCarriedPage(const QJsonObject& json);
    static Result<KeyLookup> parseKeyLookup(const QJsonObject& json);
    static Result<quint64> parseLogAppended(const QJsonObject& json);

private:
    void call(const QByteArray& method, const QString& path, const QJsonObject& body, QObject* context,
              std::function<void(ApiReply)> done);

    ApiConnection& m_api;
    Tamper m_tamper;
};

} // namespace Conclave::Core
