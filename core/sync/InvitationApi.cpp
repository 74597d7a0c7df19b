// The invitation routes and their defensive parsers; see the header.
#include "core/sync/InvitationApi.h"

#include "core/crypto/FolderRole.h"
#include "core/crypto/Invitation.h"
#include "core/sync/ApiConnection.h"
#include "core/sync/JsonFields.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QUrlQuery>

namespace Conclave::Core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Conclave::Core::InvitationApi)
};

// An opaque page cursor is short; a longer one is not the server's.
constexpr qsizetype kMaxCursor = 200;
// An ISO 8601 time with milliseconds and a zone is at most 29 characters; a little room.
constexpr qsizetype kMaxTime = 40;

Error unreadable(const QString& field)
{
    return Error::make(ErrorCode::Protocol,
                       Tr::tr("The sharing server sent an invitation that Conclave cannot read (at \"%1\"). "
                              "Nothing was changed.")
                           .arg(field),
                       field);
}

QString idText(const QUuid& id)
{
    return id.toString(QUuid::WithoutBraces);
}

// One of the three folder roles; anything else is not the server's.
QString readRole(JsonFields& r, const char* name)
{
    const QString text = r.string(name, 16);
    if (!r.failed() && folderRoleFromName(text) == FolderRole::None)
        r.fail(QLatin1String(name));
    return text;
}

InvitationApi::State readState(JsonFields& r, const char* name)
{
    static const std::pair<const char*, InvitationApi::State> kStates[] = {
        {"pending", InvitationApi::State::Pending},   {"expired", InvitationApi::State::Expired},
        {"accepted", InvitationApi::State::Accepted}, {"added", InvitationApi::State::Added},
        {"declined", InvitationApi::State::Declined}, {"cancelled", InvitationApi::State::Cancelled},
    };
    const QString text = r.string(name, 16);
    for (const auto& [known, state] : kStates) {
        if (text == QLatin1String(known))
            return state;
    }
    r.fail(QLatin1String(name));
    return InvitationApi::State::Pending;
}

QString pagePath(const QString& path, const QString& cursor)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(InvitationApi::kPageSize));
    if (!cursor.isEmpty())
        query.addQueryItem(QStringLiteral("cursor"), cursor);
    return path + QLatin1Char('?') + query.toString(QUrl::FullyEncoded);
}

QString invitationPath(const QUuid& invitationId, const QString& rest = {})
{
    return QStringLiteral("/api/v1/invitations/") + idText(invitationId) + rest;
}

template<typename T, typename Parse>
Result<InvitationApi::Page<T>> parsePage(const QJsonObject& json, Parse parse)
{
    JsonFields r(json);
    InvitationApi::Page<T> page;
    const QJsonValue list = r.value("invitations");
    if (!list.isArray() || list.toArray().size() > InvitationApi::kPageSize)
        return unreadable(QStringLiteral("invitations"));
    const QJsonArray array = list.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject())
            return unreadable(QStringLiteral("invitations[%1]").arg(i));
        Result<T> one = parse(array.at(i).toObject());
        if (!one)
            return unreadable(QStringLiteral("invitations[%1].%2").arg(i).arg(one.error().field));
        page.invitations.append(*one);
    }
    const QJsonValue next = r.value("nextCursor");
    if (next.isUndefined())
        return unreadable(QStringLiteral("nextCursor"));
    if (!next.isNull())
        page.nextCursor = r.string("nextCursor", kMaxCursor);
    // An empty cursor would read the first page again, for ever.
    if (!next.isNull() && !r.failed() && page.nextCursor.isEmpty())
        r.fail(QStringLiteral("nextCursor"));
    if (r.failed())
        return unreadable(r.failure());
    return page;
}

} // namespace

InvitationApi::InvitationApi(ApiConnection& api)
    : m_api(api)
{}

void InvitationApi::call(const QByteArray& method, const QString& path, QObject* context,
                         std::function<void(ApiReply)> done, const QJsonObject& body)
{
    m_api.send(method, path, body, {}, true, context,
               [this, path, done = std::move(done)](ApiReply reply) mutable {
                   if (reply.ok() && m_tamper)
                       m_tamper(path, reply.json);
                   done(std::move(reply));
               });
}

Error InvitationApi::refusal(const ApiReply& reply)
{
    const ApiError& e = reply.error;
    if (e.kind == ApiError::Kind::Server) {
        if (e.isReason("too-many-pending"))
            return Error::make(ErrorCode::Denied,
                               Tr::tr("This address has 50 open invitations already. It can be invited "
                                      "again once some of them are answered or have expired."),
                               QStringLiteral("email"));
        if (e.isReason("not-in-organisation"))
            return Error::make(ErrorCode::Denied,
                               Tr::tr("This address is not in the folder's organisation, and the "
                                      "organisation does not allow guests."),
                               QStringLiteral("email"));
        if (e.isReason("conflict") && e.field == QLatin1String("email"))
            return Error::make(ErrorCode::AlreadyExists,
                               Tr::tr("This address has an open invitation to this folder already."),
                               QStringLiteral("email"));
        if (e.isReason("gone"))
            return Error::make(ErrorCode::NotFound,
                               Tr::tr("The invitation has expired (invitations last 7 days), or the "
                                      "folder was deleted."));
        if (e.isReason("conflict"))
            return Error::make(ErrorCode::AlreadyExists,
                               Tr::tr("The invitation was answered, cancelled or used already."));
        if (e.isReason("rate-limited")) {
            const QString sentence =
                e.retryAt.isValid()
                    ? Tr::tr("You have sent 100 invitations in the last 24 hours. You can "
                             "invite again at %1.")
                          .arg(QLocale().toString(e.retryAt.toLocalTime(), QLocale::ShortFormat))
                    : Tr::tr("You have sent 100 invitations in the last 24 hours. Try "
                             "again later.");
            return Error::make(ErrorCode::Unavailable, sentence);
        }
        if (e.isReason("not-found"))
            return Error::make(ErrorCode::NotFound, Tr::tr("The sharing server knows no such invitation."));
    }
    return e.toError();
}

// --- calls ------------------------------------------------------------------------------

void InvitationApi::create(const QUuid& folderId, const QString& email, const QString& role,
                           const QByteArray& offer, const QByteArray& terms,
                           const QByteArray& sealedFolderLabel, QObject* context, Done<Managed> done)
{
    QJsonObject body{{QStringLiteral("email"), email},
                     {QStringLiteral("role"), role},
                     {QStringLiteral("offer"), QString::fromLatin1(offer.toBase64())},
                     {QStringLiteral("signedTerms"), QString::fromLatin1(terms.toBase64())}};
    if (!sealedFolderLabel.isEmpty())
        body.insert(QStringLiteral("sealedFolderLabel"), QString::fromLatin1(sealedFolderLabel.toBase64()));
    call(
        "POST", QStringLiteral("/api/v1/folders/") + idText(folderId) + QStringLiteral("/invitations"),
        context,
        [done = std::move(done)](ApiReply reply) {
            if (!reply.ok())
                return done(refusal(reply));
            done(parseManaged(reply.json));
        },
        body);
}

void InvitationApi::folderInvitations(const QUuid& folderId, const QString& cursor, QObject* context,
                                      Done<Page<Managed>> done)
{
    call("GET",
         pagePath(QStringLiteral("/api/v1/folders/") + idText(folderId) + QStringLiteral("/invitations"),
                  cursor),
         context, [done = std::move(done)](ApiReply reply) {
             if (!reply.ok())
                 return done(refusal(reply));
             done(parseManagedPage(reply.json));
         });
}

void InvitationApi::sent(const QString& cursor, QObject* context, Done<Page<Managed>> done)
{
    call("GET", pagePath(QStringLiteral("/api/v1/invitations/sent"), cursor), context,
         [done = std::move(done)](ApiReply reply) {
             if (!reply.ok())
                 return done(refusal(reply));
             done(parseManagedPage(reply.json));
         });
}

void InvitationApi::received(const QString& cursor, QObject* context, Done<Page<Received>> done)
{
    call("GET", pagePath(QStringLiteral("/api/v1/invitations/received"), cursor), context,
         [done = std::move(done)](ApiReply reply) {
             if (!reply.ok())
                 return done(refusal(reply));
             done(parseReceivedPage(reply.json));
         });
}

void InvitationApi::receivedOne(const QUuid& invitationId, QObject* context, Done<Received> done)
{
    call("GET", invitationPath(invitationId), context, [done = std::move(done)](ApiReply reply) {
        if (!reply.ok())
            return done(refusal(reply));
        done(parseReceived(reply.json));
    });
}

void InvitationApi::accept(const QUuid& invitationId, const QByteArray& answer, QObject* context,
                           Done<Received> done)
{
    call("POST", invitationPath(invitationId, QStringLiteral("/accept")), context,
         [done = std::move(done)](ApiReply reply) {
             if (!reply.ok())
                 return done(refusal(reply));
             done(parseReceived(reply.json));
         },
         {{QStringLiteral("answer"), QString::fromLatin1(answer.toBase64())}});
}

void InvitationApi::decline(const QUuid& invitationId, QObject* context, Done<Received> done)
{
    call("POST", invitationPath(invitationId, QStringLiteral("/decline")), context,
         [done = std::move(done)](ApiReply reply) {
             if (!reply.ok())
                 return done(refusal(reply));
             done(parseReceived(reply.json));
         });
}

void InvitationApi::cancel(const QUuid& invitationId, QObject* context, Done<Managed> done)
{
    call("POST", invitationPath(invitationId, QStringLiteral("/cancel")), context,
         [done = std::move(done)](ApiReply reply) {
             if (!reply.ok())
                 return done(refusal(reply));
             done(parseManaged(reply.json));
         });
}

// --- parsers ----------------------------------------------------------------------------

Result<InvitationApi::Managed> InvitationApi::parseManaged(const QJsonObject& json)
{
    JsonFields r(json);
    Managed m;
    m.id = r.uuid("id");
    m.folderId = r.uuid("folderId");
    m.inviterId = r.uuid("inviterId");
    m.inviteeEmail = r.string("inviteeEmail", 320);
    m.inviteeId = r.uuid("inviteeId");
    m.role = readRole(r, "role");
    m.state = readState(r, "status");
    m.offer = r.bytes("offer", kOfferSize);
    m.answer = r.optionalBytes("answer", kAnswerSize);
    m.terms = r.optionalBytes("signedTerms", 0, Invitation::kMaxTermsSize);
    m.folderLabel = r.optionalString("folderLabel", kMaxLabel);
    m.sealedFolderLabel = r.optionalBytes("sealedFolderLabel", 0, kMaxSealedLabel);
    m.createdAt = r.time("createdAt", kMaxTime);
    m.expiresAt = r.time("expiresAt", kMaxTime);
    // An accepted invitation without the answer cannot be checked, so it is no answer at all.
    if (!r.failed() && m.state == State::Accepted && m.answer.isEmpty())
        r.fail(QStringLiteral("answer"));
    if (r.failed())
        return unreadable(r.failure());
    return m;
}

Result<InvitationApi::Received> InvitationApi::parseReceived(const QJsonObject& json)
{
    JsonFields r(json);
    Received m;
    m.id = r.uuid("id");
    m.folderId = r.uuid("folderId");
    JsonFields who = r.nested(r.value("inviter"), QStringLiteral("inviter"));
    m.inviterId = who.uuid("id");
    m.inviterEmail = who.string("email", 320);
    m.inviterName = who.optionalString("name", 200);
    m.role = readRole(r, "role");
    m.state = readState(r, "status");
    m.offer = r.bytes("offer", kOfferSize);
    m.folderLabel = r.optionalString("folderLabel", kMaxLabel);
    m.sealedFolderLabel = r.optionalBytes("sealedFolderLabel", 0, kMaxSealedLabel);
    m.createdAt = r.time("createdAt", kMaxTime);
    m.expiresAt = r.time("expiresAt", kMaxTime);
    if (r.failed())
        return unreadable(r.failure());
    return m;
}

Result<InvitationApi::Page<InvitationApi::Managed>> InvitationApi::parseManagedPage(const QJsonObject& json)
{
    return parsePage<Managed>(json, &InvitationApi::parseManaged);
}

Result<InvitationApi::Page<InvitationApi::Received>> InvitationApi::parseReceivedPage(const QJsonObject& json)
{
    return parsePage<Received>(json, &InvitationApi::parseReceived);
}

QString InvitationApi::stateName(State state)
{
    switch (state) {
    case State::Pending:
        return QStringLiteral("pending");
    case State::Expired:
        return QStringLiteral("expired");
    case State::Accepted:
        return QStringLiteral("accepted");
    case State::Added:
        return QStringLiteral("added");
    case State::Declined:
        return QStringLiteral("declined");
    case State::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

} // namespace Conclave::Core
