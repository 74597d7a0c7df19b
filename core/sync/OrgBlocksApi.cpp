// An organisation's Team Sharing blocks: the calls, their strict parsers and the refusals'
// sentences; see the header.
#include "core/sync/OrgBlocksApi.h"

#include "core/sync/ApiConnection.h"
#include "core/sync/JsonFields.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace Conclave::Core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Conclave::Core::OrgBlocksApi)
};

Error unreadable(const QString& field)
{
    return Error::make(
        ErrorCode::Protocol,
        Tr::tr("The sharing server sent a list of blocks that Conclave cannot read (at \"%1\").").arg(field),
        field);
}

QString idText(const QUuid& id)
{
    return id.toString(QUuid::WithoutBraces);
}

QString blocksPath(const QUuid& orgId)
{
    return QStringLiteral("/api/v1/orgs/%1/blocks").arg(idText(orgId));
}

} // namespace

OrgBlocksApi::OrgBlocksApi(ApiConnection& api)
    : m_api(api)
{}

QString OrgBlocksApi::scopeName(Scope scope)
{
    switch (scope) {
    case Scope::Organisation:
        return QStringLiteral("organisation");
    case Scope::Email:
        return QStringLiteral("email");
    case Scope::Domain:
        return QStringLiteral("domain");
    }
    return {};
}

std::optional<OrgBlocksApi::Scope> OrgBlocksApi::scopeFromName(const QString& name)
{
    for (Scope scope : {Scope::Organisation, Scope::Email, Scope::Domain}) {
        if (name == scopeName(scope))
            return scope;
    }
    return std::nullopt;
}

void OrgBlocksApi::call(const QByteArray& method, const QString& path, const QJsonObject& body,
                        QObject* context, std::function<void(ApiReply)> done)
{
    m_api.send(method, path, body, {}, true, context, [this, path, done = std::move(done)](ApiReply reply) {
        if (reply.ok() && m_tamper)
            m_tamper(path, reply.json);
        done(std::move(reply));
    });
}

void OrgBlocksApi::list(const QUuid& orgId, QObject* context, Done<QList<Block>> done)
{
    call("GET", blocksPath(orgId), {}, context, [done = std::move(done)](ApiReply reply) {
        if (!reply.ok())
            return done(refusal(reply, std::nullopt));
        done(parseBlocks(reply.json));
    });
}

void OrgBlocksApi::create(const QUuid& orgId, Scope scope, const QString& value, const QString& reason,
                          QObject* context, Done<QUuid> done)
{
    if (scope == Scope::Organisation) {
        // The app blocks addresses and domains only; the whole organisation is the operator's.
        return done(Error::make(ErrorCode::InvalidInput,
                                Tr::tr("Enter an email address or a domain to block."),
                                QStringLiteral("value")));
    }
    QJsonObject body{{QStringLiteral("scope"), scopeName(scope)}, {QStringLiteral("value"), value.trimmed()}};
    if (!reason.trimmed().isEmpty())
        body.insert(QStringLiteral("reason"), reason.trimmed());
    call("POST", blocksPath(orgId), body, context, [scope, done = std::move(done)](ApiReply reply) {
        if (!reply.ok())
            return done(refusal(reply, scope));
        done(parseCreated(reply.json, scope));
    });
}

void OrgBlocksApi::lift(const QUuid& orgId, const QUuid& blockId, QObject* context,
                        std::function<void(Status)> done)
{
    call("DELETE", blocksPath(orgId) + QLatin1Char('/') + idText(blockId), {}, context,
         [done = std::move(done)](ApiReply reply) {
             if (!reply.ok())
                 return done(refusal(reply, std::nullopt));
             done(Status());
         });
}

Error OrgBlocksApi::refusal(const ApiReply& reply, std::optional<Scope> scope)
{
    const ApiError& e = reply.error;
    if (e.kind == ApiError::Kind::Server) {
        if (e.isReason("would-lock-out")) {
            return Error::make(ErrorCode::Denied,
                               Tr::tr("This address belongs to an owner or admin of the organisation, and "
                                      "blocks never cover them. Make them a member first."),
                               QStringLiteral("value"));
        }
        if (e.isReason("invalid-input") && e.field == QLatin1String("value")) {
            const QString text =
                scope == Scope::Domain
                    ? Tr::tr(
                          "The sharing server refused this domain: it is neither one of the organisation's "
                          "domains nor that of one of its members.")
                    : Tr::tr("The sharing server refused this address: it is not the address of a member of "
                             "the organisation.");
            return Error::make(ErrorCode::InvalidInput, text, e.field);
        }
        if (e.isReason("invalid-input") && e.field == QLatin1String("reason")) {
            return Error::make(ErrorCode::InvalidInput,
                               Tr::tr("Enter a reason of at most %1 characters, without invisible formatting "
                                      "characters.")
                                   .arg(kMaxReason),
                               e.field);
        }
        if (e.isReason("not-org-admin") || e.isReason("forbidden")) {
            return Error::make(ErrorCode::Denied,
                               Tr::tr("Only the organisation's owners and admins can manage its blocks."));
        }
        if (e.isReason("not-found")) {
            return Error::make(
                ErrorCode::NotFound,
                Tr::tr("The sharing server has no such block; it may have been lifted already."));
        }
    }
    return e.toError();
}

// --- parsers ----------------------------------------------------------------------------

Result<QList<OrgBlocksApi::Block>> OrgBlocksApi::parseBlocks(const QJsonObject& json)
{
    JsonFields r(json);
    QList<Block> blocks;
    const QJsonArray array = r.array("blocks", kMaxBlocks);
    for (qsizetype i = 0; i < array.size() && !r.failed(); ++i) {
        JsonFields b = r.nested(array.at(i), QStringLiteral("blocks[%1]").arg(i));
        Block block;
        block.id = b.uuid("id");
        const std::optional<Scope> scope = scopeFromName(b.string("scope", 16));
        if (!scope)
            b.fail(QStringLiteral("scope"));
        block.scope = scope.value_or(Scope::Email);
        block.value = b.string("value", kMaxValue);
        // An address or a domain block names one; a block of the whole organisation none.
        if (!b.failed() && (block.value.isEmpty() != (block.scope == Scope::Organisation) ||
                            (block.scope == Scope::Email && !block.value.contains(QLatin1Char('@'))) ||
                            (block.scope == Scope::Domain && block.value.contains(QLatin1Char('@')))))
            b.fail(QStringLiteral("value"));
        block.reason = b.string("reason", kMaxReason);
        block.createdAt = b.time("createdAt", 64);
        blocks.append(block);
    }
    if (r.failed())
        return unreadable(r.failure());
    return blocks;
}

Result<QUuid> OrgBlocksApi::parseCreated(const QJsonObject& json, Scope asked)
{
    JsonFields r(json);
    const QUuid id = r.uuid("id");
    if (!r.failed() && r.string("scope", 16) != scopeName(asked))
        r.fail(QStringLiteral("scope"));
    if (r.failed())
        return unreadable(r.failure());
    return id;
}

} // namespace Conclave::Core
