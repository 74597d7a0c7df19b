// SharingFixture: the Team Sharing set-up every sharing suite starts with, against a running
// ServerHarness: an organisation (members by domain) and a second one, verified users with
// real key bundles (core/crypto) published to the server, folders created with a signed
// create entry, members added by signed add entries with a role, and item writes with their
// signed folder state. It keeps each folder's client side (membership state, folder key
// ring, state chain, the newest revision of each item) the way a client would, so a test
// only says what it writes. For the access matrices it makes one fresh caller of each
// Principal kind for a folder.
//
// Usage:
//   ServerHarness server; server.start("TestX"); ApiClient client(server.baseUrl());
//   SharingFixture fx(server, client); QVERIFY(fx.setUp());
//   SharingUser alice = fx.user("alice"); SharedFolder folder = fx.createFolder(alice);
//   SharingUser bob = fx.principal(SharingFixture::Principal::Edit, folder);
//   ApiResponse r = fx.writeItem(folder, bob, QUuid::createUuid(), "payload");
#pragma once

#include "ServerAccounts.h"

#include "core/crypto/FolderKeyRing.h"
#include "core/crypto/FolderRole.h"
#include "core/crypto/FolderStateChain.h"
#include "core/crypto/ItemEnvelope.h"
#include "core/crypto/MembershipEntry.h"
#include "core/crypto/MembershipState.h"
#include "core/crypto/RotationBatch.h"
#include "core/crypto/UserKeys.h"

#include <QHash>
#include <QList>
#include <QUuid>

#include <memory>
#include <optional>

// A rotation built by a manager's client (FolderRotation) and not yet sent: the request body
// and what the client applies once the server accepted it.
struct PreparedRotation
{
    QJsonObject body;
    Conclave::Core::RotationBatch batch;
    QByteArray state; // the rotation's FolderState
};

struct SharingUser
{
    TestAccount account; // email, userId, token (empty token: no session)
    std::shared_ptr<Conclave::Core::UserKeys> keys;
    QByteArray bundle; // UserKeyBundle as published

    QUuid id() const { return QUuid(account.userId); }
    const QString& token() const { return account.token; }
    bool isValid() const { return !account.userId.isEmpty(); }
};

// A folder as its members' clients know it. Copies share the same client state.
struct SharedFolder
{
    QUuid id;
    QString orgId;
    QList<QByteArray> entries; // the membership log as sent
    std::shared_ptr<Conclave::Core::MembershipState> members;
    std::shared_ptr<Conclave::Core::FolderKeyRing> keys;
    std::shared_ptr<Conclave::Core::FolderStateChain> chain;
    // Newest accepted revision per item (revision, envelope hash) and its envelope.
    std::shared_ptr<QHash<QUuid, QPair<quint64, QByteArray>>> revisions;
    std::shared_ptr<QHash<QUuid, QByteArray>> envelopes;
    // The published key bundle of everyone ever added (for grants and rotations).
    std::shared_ptr<QHash<QUuid, QByteArray>> bundles;
    // The server it lives on, whose clock an invitation's signed expiry is counted on.
    const ServerHarness* server = nullptr;

    // A second client of the same folder: its own copy of the membership state, chain and
    // revisions (the folder keys are shared), so two writers can race on one state.
    SharedFolder detached() const;
    QString idText() const { return id.toString(QUuid::WithoutBraces); }
    QString path(const QString& rest = {}) const
    {
        return QStringLiteral("/api/v1/folders/") + idText() + rest;
    }
    bool isValid() const { return !id.isNull() && members != nullptr; }
};

class SharingFixture final
{
public:
    enum class Principal
    {
        NonMember,         // verified member of the folder's organisation, not of the folder
        View,              // folder member with View
        Edit,              // folder member with Edit
        Manage,            // folder member with Manage (not the creator)
        OtherOrganisation, // verified member of another organisation only
        Blocked,           // folder member with Manage whose sharing an org admin blocked
        Unverified,        // signed in with an address never verified
        ExpiredSession,    // folder member with Manage whose session expired
    };

    SharingFixture(ServerHarness& server, ApiClient& client);
    Q_DISABLE_COPY_MOVE(SharingFixture)

    // The [limits] lines a sharing suite gives its server: the sign-up, sign-in and
    // verification budgets per address are sized for a suite that makes hundreds of users.
    static QStringList serverConfig();
    // The reason the organisation's owner gives for the Blocked principal's block.
    static QString blockReason() { return QStringLiteral("Contractor offboarding, ticket 4711"); }
    // The client to talk through from now on (after a restart on a new port).
    void useClient(ApiClient& client) { m_client = &client; }
    static QList<Principal> principals();
    static const char* principalName(Principal principal);
    // The access-matrix rows every sharing route shares: the request pipeline answers the
    // Blocked (403 sharing-blocked), Unverified (403 email-unverified) and ExpiredSession (401
    // unauthenticated) callers before any route decides; nullopt for the others.
    struct Expected
    {
        int status = 0;
        QString reason;
    };
    static std::optional<Expected> pipelineAnswer(Principal principal);
    // "METHOD /pattern" of every route the server binary registers (`conclave-server routes`),
    // for the check that a matrix lists every route of its area.
    static QStringList servedRoutes();

    // Two organisations with a domain each; false (with a QWARN) when a step fails.
    bool setUp();
    const QString& orgId() const { return m_orgId; }
    const QString& otherOrgId() const { return m_otherOrgId; }
    const QString& orgDomain() const { return m_orgDomain; }

    // A user signed in, verified and with published keys; in the organisation (by domain)
    // unless `organisation` is set to the other one's domain.
    SharingUser user(const char* prefix, bool verified = true, const QString& domain = {});
    // Signs in again (after a block or an expiry revoked the session).
    bool signInAgain(SharingUser& user);

    SharedFolder createFolder(const SharingUser& creator, const QString& orgId = {});
    // Signs `entry` as the folder's next (by `signer`) and sends it; on 201 the client state
    // advances. addMember / changeRole / removeMember / leave are the usual entries.
    ApiResponse append(SharedFolder& folder, const Conclave::Core::MembershipEntry& entry,
                       const SharingUser& signer);
    Conclave::Core::MembershipEntry
    nextEntry(const SharedFolder& folder, Conclave::Core::MembershipAction action, const SharingUser& signer,
              const SharingUser* subject = nullptr,
              Conclave::Core::FolderRole role = Conclave::Core::FolderRole::None);
    ApiResponse addMember(SharedFolder& folder, const SharingUser& manager, const SharingUser& member,
                          Conclave::Core::FolderRole role);

    // An envelope of the item's next revision (or revision 1) under the current key.
    Conclave::Core::ItemEnvelope seal(const SharedFolder& folder, const SharingUser& author,
                                      const QUuid& itemId, const QByteArray& plaintext,
                                      Conclave::Core::ItemKind kind = Conclave::Core::ItemKind::Item);
    // Sends the envelope with the next folder state (POST for a new item, PUT otherwise);
    // on success the client state advances.
    ApiResponse writeEnvelope(SharedFolder& folder, const SharingUser& writer,
                              const Conclave::Core::ItemEnvelope& envelope);
    ApiResponse writeItem(SharedFolder& folder, const SharingUser& writer, const QUuid& itemId,
                          const QByteArray& plaintext);
    // The body a write sends, for tests that change it before sending.
    QJsonObject writeBody(SharedFolder& folder, const SharingUser& writer,
                          const Conclave::Core::ItemEnvelope& envelope);
    // Records an accepted write of someone else's into this client's state (a rebase).
    bool absorbWrite(SharedFolder& folder, const QByteArray& envelope, const QByteArray& state);

    // A rotation by `manager` that removes `removed` (or only rotates, after a leave), or that
    // lowers `lowered` to View with it, built with the core's FolderRotation from the client
    // state; null with a QWARN on failure.
    std::shared_ptr<PreparedRotation> prepareRotation(SharedFolder& folder, const SharingUser& manager,
                                                      const SharingUser* removed = nullptr,
                                                      const SharingUser* lowered = nullptr);
    // Applies an accepted rotation to the client state.
    bool absorbRotation(SharedFolder& folder, const PreparedRotation& rotation);
    ApiResponse rotate(SharedFolder& folder, const SharingUser& manager,
                       const SharingUser* removed = nullptr);
    // A grant of key version `version` by `granter` (who must hold Manage) to `recipient`.
    QByteArray grant(const SharedFolder& folder, const SharingUser& granter, const QUuid& recipient,
                     quint32 version = 1);

    // A fresh caller of the kind for `folder`, made a member with the role it names (the
    // folder's first manager `manager` signs the add). Blocked and ExpiredSession come back
    // with the token the server now refuses.
    SharingUser principal(Principal kind, SharedFolder& folder, const SharingUser& manager);

private:
    bool publishKeys(SharingUser& user);
    QString createOrg(const QString& ownerEmail, const QString& domain);

    ServerHarness& m_server;
    ApiClient* m_client;
    QString m_orgDomain;
    QString m_otherDomain;
    QString m_orgId;
    QString m_otherOrgId;
    TestAccount m_owner; // the organisation's owner, who sets blocks
};
