// InvitationApi: typed calls for the sync server's invitation routes (docs/api/openapi.yaml:
// /folders/{id}/invitations, /invitations/received, /sent, /{id}, accept, decline, cancel),
// over ApiConnection. The bytes that bind an invitation (offer, answer) are core/crypto's
// Invitation; this class only carries them.
//
// Every answer is parsed by the static parse*() functions through JsonFields, as strictly as
// SharingApi's: a missing field, a wrong type, an unknown status or role, a list longer than a
// page, base64 that does not decode strictly or has the wrong size, a time that is not ISO
// 8601, or a UUID in another spelling is an error in words (ErrorCode::Protocol), never a crash and
// never a default taken for a value. The server's refusals of invitations (limits, expiry,
// open invitation, organisation) are turned into sentences here, where their meaning is known.
#pragma once

#include "core/util/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QUuid>

#include <functional>

namespace Conclave::Core {

class ApiConnection;
struct ApiReply;

class InvitationApi final
{
    Q_DISABLE_COPY_MOVE(InvitationApi)

public:
    // The server sends at most 20 invitations a page (openapi.yaml: InvitationLimit).
    static constexpr int kPageSize = 20;
    static constexpr qsizetype kOfferSize = 153;
    static constexpr qsizetype kAnswerSize = 269;
    static constexpr qsizetype kMaxSealedLabel = 1024;
    static constexpr qsizetype kMaxLabel = 200;

    enum class State
    {
        Pending,
        Expired,
        Accepted, // answered; waiting for a manager to check the answer and add the member
        Added,
        Declined,
        Cancelled,
    };

    // As the inviter and the folder's managers see an invitation.
    struct Managed
    {
        QUuid id;
        QUuid folderId;
        QUuid inviterId;
        QString inviteeEmail;
        QUuid inviteeId;
        QString role; // view, edit or manage
        State state = State::Pending;
        QByteArray offer;  // 153 bytes
        QByteArray answer; // 269 bytes once accepted, else empty
        QByteArray terms;  // Invitation::signTerms by the inviter; empty when stored before them
        QString folderLabel;
        QByteArray sealedFolderLabel;
        QDateTime createdAt;
        QDateTime expiresAt;
    };

    // As the invitee sees an invitation: nothing else about the folder.
    struct Received
    {
        QUuid id;
        QUuid folderId;
        QUuid inviterId;
        QString inviterEmail;
        QString inviterName;
        QString role;
        State state = State::Pending;
        QByteArray offer;
        QString folderLabel;
        QByteArray sealedFolderLabel;
        QDateTime createdAt;
        QDateTime expiresAt;
    };

    template<typename T> struct Page
    {
        QList<T> invitations;
        QString nextCursor; // empty on the last page
    };

    template<typename T> using Done = std::function<void(Result<T>)>;

    explicit InvitationApi(ApiConnection& api);

    // For tampering tests only (the app never sets it): runs on every successful answer's
    // JSON before it is parsed, as a hostile server or proxy would change it.
    using Tamper = std::function<void(const QString& path, QJsonObject& json)>;
    void setTamper(Tamper tamper) { m_tamper = std::move(tamper); }

    // `offer` is Invitation::offer's 153 bytes, `terms` Invitation::signTerms over the same
    // invitation, address and role; `sealedFolderLabel` may be empty.
    void create(const QUuid& folderId, const QString& email, const QString& role, const QByteArray& offer,
                const QByteArray& terms, const QByteArray& sealedFolderLabel, QObject* context,
                Done<Managed> done);
    // `cursor` empty: the first page.
    void folderInvitations(const QUuid& folderId, const QString& cursor, QObject* context,
                           Done<Page<Managed>> done);
    void sent(const QString& cursor, QObject* context, Done<Page<Managed>> done);
    void received(const QString& cursor, QObject* context, Done<Page<Received>> done);
    // One invitation as its invitee sees it (in any state).
    void receivedOne(const QUuid& invitationId, QObject* context, Done<Received> done);
    void accept(const QUuid& invitationId, const QByteArray& answer, QObject* context, Done<Received> done);
    void decline(const QUuid& invitationId, QObject* context, Done<Received> done);
    void cancel(const QUuid& invitationId, QObject* context, Done<Managed> done);

    // The parsers (pure functions of one answer).
    static Result<Managed> parseManaged(const QJsonObject& json);
    static Result<Received> parseReceived(const QJsonObject& json);
    static Result<Page<Managed>> parseManagedPage(const QJsonObject& json);
    static Result<Page<Received>> parseReceivedPage(const QJsonObject& json);
    // The sentence for a refusal of an invitation route.
    static Error refusal(const ApiReply& reply);

    static QString stateName(State state);

private:
    void call(const QByteArray& method, const QString& path, QObject* context,
              std::function<void(ApiReply)> done, const QJsonObject& body = {});

    ApiConnection& m_api;
    Tamper m_tamper;
};

} // namespace Conclave::Core
