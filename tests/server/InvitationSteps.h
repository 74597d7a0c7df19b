// InvitationSteps: what an inviter's and an invitee's client do around the invitation routes,
// with the real core/crypto Invitation (docs/security/protocol.md §9.1): make an invitation
// and its offer, send it, answer it with the typed code. Shared by the invitation suites.
#pragma once

#include "ServerHarness.h"
#include "SharingFixture.h"

#include "core/crypto/Invitation.h"
#include "core/crypto/UserKeyBundle.h"

#include <QDateTime>
#include <QUrlQuery>

#include <optional>

namespace InvitationSteps {

// The longest an invitation stays open (the server's InvitationService::kLifetimeMs).
constexpr qint64 kLifetimeMs = 7LL * 24 * 60 * 60 * 1000;

// The inviter's side of one invitation: the binding, the code and the offer bytes.
struct Invite
{
    std::shared_ptr<Conclave::Core::Invitation> invitation;
    QByteArray offer;
    std::shared_ptr<Conclave::Core::UserKeys> inviterKeys;
    quint64 logLength = 1;   // the folder's membership log as the inviter read it
    quint64 expiresAtMs = 0; // seven days after now on the server's clock

    // The terms the inviter signs for `email` (normalised as the server keeps it) and `role`.
    Conclave::Core::Invitation::Terms termsFor(const QString& email,
                                               const QString& role = QStringLiteral("view")) const
    {
        using namespace Conclave::Core;
        return {invitation->binding(), folderRoleFromName(role), email.trimmed().toLower(), logLength,
                expiresAtMs};
    }
    QByteArray terms(const QString& email, const QString& role = QStringLiteral("view")) const
    {
        return Conclave::Core::Invitation::signTerms(termsFor(email, role), *inviterKeys);
    }

    QString id() const { return invitation->binding().invitationId.toString(QUuid::WithoutBraces); }
    QString path(const QString& rest = {}) const
    {
        return QStringLiteral("/api/v1/invitations/") + id() + rest;
    }
};

inline Invite makeInvite(const SharedFolder& folder, const SharingUser& inviter, const QUuid& inviteeId)
{
    using Conclave::Core::Invitation;
    Invite invite;
    invite.invitation = std::make_shared<Invitation>(
        Invitation::create({QUuid::createUuid(), folder.id, inviter.id(), inviteeId}));
    invite.offer = invite.invitation->offer(inviter.keys->identityPublicKey());
    invite.inviterKeys = inviter.keys;
    invite.logLength = folder.members ? folder.members->length() : 1;
    const qint64 now = folder.server ? folder.server->nowMs() : QDateTime::currentMSecsSinceEpoch();
    invite.expiresAtMs = quint64(now + kLifetimeMs);
    return invite;
}

inline QJsonObject createBody(const QString& email, const QByteArray& offer, const QByteArray& terms,
                              const QString& role = QStringLiteral("view"))
{
    return {{QStringLiteral("email"), email},
            {QStringLiteral("role"), role},
            {QStringLiteral("offer"), ServerAccounts::b64(offer)},
            {QStringLiteral("signedTerms"), ServerAccounts::b64(terms)}};
}

// What the inviter's client sends for `invite`.
inline QJsonObject createBody(const QString& email, const Invite& invite,
                              const QString& role = QStringLiteral("view"))
{
    return createBody(email, invite.offer, invite.terms(email, role), role);
}

// Invites `email` (for the account `inviteeId`, or a random id for an address without one).
inline ApiResponse invite(ApiClient& client, const SharedFolder& folder, const SharingUser& inviter,
                          const QString& email, const QUuid& inviteeId, Invite* made = nullptr,
                          const QString& role = QStringLiteral("view"))
{
    Invite invite = makeInvite(folder, inviter, inviteeId);
    const ApiResponse r = client.post(folder.path(QStringLiteral("/invitations")),
                                      createBody(email, invite, role), inviter.token());
    if (made)
        *made = invite;
    return r;
}

// The invitee's answer to an invitation it was told the code of, over the binding from the
// offer, with its own published bundle.
inline QByteArray answer(const Invite& invite, const SharingUser& invitee)
{
    using namespace Conclave::Core;
    auto bundle = UserKeyBundle::parseAndVerify(invitee.bundle);
    if (!bundle)
        return {};
    Invitation::Binding binding = invite.invitation->binding();
    return Invitation::answer(invite.invitation->code(), binding, *bundle);
}

inline ApiResponse accept(ApiClient& client, const Invite& invite, const SharingUser& invitee)
{
    return client.post(invite.path(QStringLiteral("/accept")),
                       {{QStringLiteral("answer"), ServerAccounts::b64(answer(invite, invitee))}},
                       invitee.token());
}

inline QString page(const QString& path, int limit = 0, const QString& cursor = {})
{
    QUrlQuery query;
    if (limit != 0)
        query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    if (!cursor.isEmpty())
        query.addQueryItem(QStringLiteral("cursor"), cursor);
    return query.isEmpty() ? path : path + QLatin1Char('?') + query.toString(QUrl::FullyEncoded);
}

} // namespace InvitationSteps
