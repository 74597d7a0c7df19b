// OrgBlocksApi: typed calls for an organisation's Team Sharing blocks (docs/api/openapi.yaml,
// schema Block; the rules in docs/admin/server.md, "Organisations"): list them, block an
// address or a domain of the organisation with a reason the blocked people read, and lift a
// block. Only the organisation's owners and admins may; the server decides, the app only
// offers the dialog to them.
//
// Answers are parsed by the static parse*() functions through JsonFields, so a hostile
// server's malformed answer (a missing field, a wrong type, an unknown scope, a UUID in another
// spelling, a time that is not one) is an error in words (ErrorCode::Protocol), never a crash
// and never a default taken for a value. The server's refusals that concern blocks (an address
// outside the organisation, an owner's or admin's address, a block already lifted) get their
// own translated sentence; every other error is ApiError's.
#pragma once

#include "core/util/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QUuid>

#include <functional>
#include <optional>

namespace Conclave::Core {

class ApiConnection;
struct ApiReply;

class OrgBlocksApi final
{
    Q_DISABLE_COPY_MOVE(OrgBlocksApi)

public:
    static constexpr qsizetype kMaxBlocks = 10'000;
    static constexpr qsizetype kMaxReason = 500; // the server's limit
    static constexpr qsizetype kMaxValue = 254;  // an address or a domain

    enum class Scope
    {
        Organisation, // everyone in it but its owners and admins (set at the command line)
        Email,
        Domain,
    };

    struct Block
    {
        QUuid id;
        Scope scope = Scope::Email;
        QString value; // the address or the domain; empty for Organisation
        QString reason;
        QDateTime createdAt; // UTC
    };

    template<typename T> using Done = std::function<void(Result<T>)>;

    // `api` must outlive this object.
    explicit OrgBlocksApi(ApiConnection& api);

    // For tampering tests only (the app never sets it): runs on every successful answer's
    // JSON before it is parsed, as a hostile server or proxy would change it.
    using Tamper = std::function<void(const QString& path, QJsonObject& json)>;
    void setTamper(Tamper tamper) { m_tamper = std::move(tamper); }

    void list(const QUuid& orgId, QObject* context, Done<QList<Block>> done);
    // Email or Domain only; gives the new block's id. The covered people's sessions end at once.
    void create(const QUuid& orgId, Scope scope, const QString& value, const QString& reason,
                QObject* context, Done<QUuid> done);
    void lift(const QUuid& orgId, const QUuid& blockId, QObject* context, std::function<void(Status)> done);

    static QString scopeName(Scope scope);
    static std::optional<Scope> scopeFromName(const QString& name);

    // The parsers (pure functions of one answer).
    static Result<QList<Block>> parseBlocks(const QJsonObject& json);
    // The answer to create(): the new id, and the scope asked for.
    static Result<QUuid> parseCreated(const QJsonObject& json, Scope asked);
    // The sentence for a refused create() or lift().
    static Error refusal(const ApiReply& reply, std::optional<Scope> scope);

private:
    void call(const QByteArray& method, const QString& path, const QJsonObject& body, QObject* context,
              std::function<void(ApiReply)> done);

    ApiConnection& m_api;
    Tamper m_tamper;
};

} // namespace Conclave::Core
