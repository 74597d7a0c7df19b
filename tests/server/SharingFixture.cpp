// Team Sharing set-up shared by the sharing suites.
#include "SharingFixture.h"

#include "core/crypto/FolderKeyGrant.h"
#include "core/crypto/FolderRotation.h"
#include "core/crypto/FolderState.h"
#include "core/crypto/ItemReader.h"
#include "core/crypto/KeyPinStore.h"
#include "core/crypto/MembershipLog.h"
#include "core/crypto/SecureBytes.h"
#include "core/crypto/UserKeyBundle.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>

using namespace ServerAccounts;
using namespace Conclave::Core;

namespace {

quint64 nowMs()
{
    return quint64(QDateTime::currentMSecsSinceEpoch());
}

} // namespace

SharedFolder SharedFolder::detached() const
{
    SharedFolder copy = *this;
    copy.members = std::make_shared<MembershipState>(*members);
    copy.chain = std::make_shared<FolderStateChain>(*chain);
    copy.revisions = std::make_shared<QHash<QUuid, QPair<quint64, QByteArray>>>(*revisions);
    copy.envelopes = std::make_shared<QHash<QUuid, QByteArray>>(*envelopes);
    return copy;
}

SharingFixture::SharingFixture(ServerHarness& server, ApiClient& client)
    : m_server(server)
    , m_client(&client)
{}

QStringList SharingFixture::serverConfig()
{
    return {QStringLiteral("[limits]"), QStringLiteral("loginPerAddress=100000"),
            QStringLiteral("signupPerAddress=100000"), QStringLiteral("verifyPerAddress=100000")};
}

std::optional<SharingFixture::Expected> SharingFixture::pipelineAnswer(Principal principal)
{
    switch (principal) {
    case Principal::Blocked:
        return Expected{403, QStringLiteral("sharing-blocked")};
    case Principal::Unverified:
        return Expected{403, QStringLiteral("email-unverified")};
    case Principal::ExpiredSession:
        return Expected{401, QStringLiteral("unauthenticated")};
    default:
        return std::nullopt;
    }
}

QStringList SharingFixture::servedRoutes()
{
    QProcess process;
    process.start(ServerHarness::binary(), {QStringLiteral("routes")});
    if (!process.waitForFinished(20000)) {
        qWarning("SharingFixture: conclave-server routes did not finish");
        return {};
    }
    QStringList routes;
    for (const QByteArray& raw : process.readAllStandardOutput().split('\n')) {
        const QString line = QString::fromUtf8(raw.trimmed());
        if (!line.isEmpty())
            routes.append(line);
    }
    return routes;
}

QList<SharingFixture::Principal> SharingFixture::principals()
{
    return {
        Principal::NonMember,         Principal::View,    Principal::Edit,       Principal::Manage,
        Principal::OtherOrganisation, Principal::Blocked, Principal::Unverified, Principal::ExpiredSession};
}

const char* SharingFixture::principalName(Principal principal)
{
    switch (principal) {
    case Principal::NonMember:
        return "non-member";
    case Principal::View:
        return "view";
    case Principal::Edit:
        return "edit";
    case Principal::Manage:
        return "manage";
    case Principal::OtherOrganisation:
        return "member of another organisation";
    case Principal::Blocked:
        return "blocked user";
    case Principal::Unverified:
        return "unverified user";
    case Principal::ExpiredSession:
        return "expired session";
    }
    return "?";
}

QString SharingFixture::createOrg(const QString& ownerEmail, const QString& domain)
{
    QString orgId;
    if (m_server.admin({QStringLiteral("create-org"), QStringLiteral("--name"), QStringLiteral("Org"),
                        QStringLiteral("--owner"), ownerEmail},
                       &orgId) != 0)
        return {};
    orgId = orgId.trimmed();
    if (m_server.admin({QStringLiteral("add-domain"), QStringLiteral("--org"), orgId,
                        QStringLiteral("--domain"), domain}) != 0)
        return {};
    return orgId;
}

bool SharingFixture::setUp()
{
    const QString tag = QUuid::createUuid().toString(QUuid::Id128).left(10);
    m_orgDomain = tag + QStringLiteral(".sharing.example.com");
    m_otherDomain = tag + QStringLiteral(".other.example.net");
    const QString ownerEmail = uniqueEmail("owner", m_orgDomain);
    m_orgId = createOrg(ownerEmail, m_orgDomain);
    m_otherOrgId = createOrg(uniqueEmail("otherowner", m_otherDomain), m_otherDomain);
    if (m_orgId.isEmpty() || m_otherOrgId.isEmpty()) {
        qWarning("SharingFixture: the organisations could not be created");
        return false;
    }
    m_owner = ready(*m_client, m_server, ownerEmail);
    if (m_owner.token.isEmpty()) {
        qWarning("SharingFixture: the organisation's owner could not sign in");
        return false;
    }
    return true;
}

bool SharingFixture::publishKeys(SharingUser& user)
{
    user.keys = std::make_shared<UserKeys>(UserKeys::generate());
    user.bundle = UserKeyBundle::create(user.id(), *user.keys).serialize();
    const QByteArray wrapped = user.keys->wrap(SecureBytes::random(32), user.id());
    const ApiResponse r = m_client->put(
        QStringLiteral("/api/v1/account/keys"),
        {{QStringLiteral("bundle"), b64(user.bundle)}, {QStringLiteral("wrappedPrivateKeys"), b64(wrapped)}},
        user.token());
    if (r.status != 200)
        qWarning("SharingFixture: publishing keys answered %d", r.status);
    return r.status == 200;
}

SharingUser SharingFixture::user(const char* prefix, bool verified, const QString& domain)
{
    SharingUser user;
    user.account =
        ready(*m_client, m_server, uniqueEmail(prefix, domain.isEmpty() ? m_orgDomain : domain), verified);
    if (user.account.token.isEmpty()) {
        qWarning("SharingFixture: user %s could not be signed up", prefix);
        return {};
    }
    if (!publishKeys(user))
        return {};
    return user;
}

bool SharingFixture::signInAgain(SharingUser& user)
{
    return signIn(*m_client, user.account);
}

SharedFolder SharingFixture::createFolder(const SharingUser& creator, const QString& orgId)
{
    SharedFolder folder;
    folder.id = QUuid::createUuid();
    folder.orgId = orgId.isEmpty() ? m_orgId : orgId;
    folder.server = &m_server;
    folder.keys = std::make_shared<FolderKeyRing>(folder.id);
    SecureBytes key = FolderKeyRing::generateKey();
    const MembershipEntry create =
        MembershipLog::create(folder.id, creator.id(), *creator.keys, key, nowMs());
    folder.keys->insert(1, std::move(key));
    const ApiResponse r = m_client->post(QStringLiteral("/api/v1/folders"),
                                         {{QStringLiteral("orgId"), folder.orgId},
                                          {QStringLiteral("folderId"), folder.idText()},
                                          {QStringLiteral("entry"), b64(create.serialize())}},
                                         creator.token());
    if (r.status != 201) {
        qWarning("SharingFixture: creating a folder answered %d: %s", r.status, r.raw.constData());
        return {};
    }
    folder.members = std::make_shared<MembershipState>(folder.id);
    if (!folder.members->apply(create))
        return {};
    folder.entries.append(create.serialize());
    folder.chain = std::make_shared<FolderStateChain>(folder.id);
    folder.revisions = std::make_shared<QHash<QUuid, QPair<quint64, QByteArray>>>();
    folder.envelopes = std::make_shared<QHash<QUuid, QByteArray>>();
    folder.bundles = std::make_shared<QHash<QUuid, QByteArray>>();
    folder.bundles->insert(creator.id(), creator.bundle);
    return folder;
}

MembershipEntry SharingFixture::nextEntry(const SharedFolder& folder, MembershipAction action,
                                          const SharingUser& signer, const SharingUser* subject,
                                          FolderRole role)
{
    const bool bindsKey = action == MembershipAction::Add || action == MembershipAction::ConfirmKey;
    return MembershipLog::next(
        *folder.members, action, signer.id(), *signer.keys, subject ? subject->id() : QUuid(),
        bindsKey && subject ? subject->keys->identityPublicKey() : QByteArray(), role, nowMs());
}

ApiResponse SharingFixture::append(SharedFolder& folder, const MembershipEntry& entry,
                                   const SharingUser& signer)
{
    const ApiResponse r = m_client->post(folder.path(QStringLiteral("/log")),
                                         {{QStringLiteral("entry"), b64(entry.serialize())}}, signer.token());
    if (r.status == 201 && folder.members->apply(entry))
        folder.entries.append(entry.serialize());
    return r;
}

ApiResponse SharingFixture::addMember(SharedFolder& folder, const SharingUser& manager,
                                      const SharingUser& member, FolderRole role)
{
    const ApiResponse r =
        append(folder, nextEntry(folder, MembershipAction::Add, manager, &member, role), manager);
    if (r.status == 201)
        folder.bundles->insert(member.id(), member.bundle);
    return r;
}

ItemEnvelope SharingFixture::seal(const SharedFolder& folder, const SharingUser& author, const QUuid& itemId,
                                  const QByteArray& plaintext, ItemKind kind)
{
    ItemEnvelope::Header header;
    header.kind = kind;
    header.orgId = QUuid(folder.orgId);
    header.folderId = folder.id;
    header.itemId = itemId;
    header.keyVersion = folder.members->currentKeyVersion();
    const auto seen = folder.revisions->value(itemId);
    header.revision = seen.first + 1;
    header.previousHash = seen.second;
    header.authorId = author.id();
    // A version this client holds no key for (a test's made-up one) is sealed under the newest.
    const SecureBytes* key = folder.keys->key(header.keyVersion);
    if (!key)
        key = folder.keys->key(folder.keys->latestVersion());
    auto envelope = ItemEnvelope::seal(header, plaintext, *key, *author.keys);
    if (!envelope)
        qFatal("SharingFixture: sealing an envelope failed: %s", qPrintable(envelope.error().message));
    return envelope.value();
}

QJsonObject SharingFixture::writeBody(SharedFolder& folder, const SharingUser& writer,
                                      const ItemEnvelope& envelope)
{
    const FolderState state =
        folder.chain->makeWrite(envelope, *folder.members, writer.id(), *writer.keys, nowMs());
    return {{QStringLiteral("envelope"), b64(envelope.serialize())},
            {QStringLiteral("state"), b64(state.serialize())}};
}

ApiResponse SharingFixture::writeEnvelope(SharedFolder& folder, const SharingUser& writer,
                                          const ItemEnvelope& envelope)
{
    const QJsonObject body = writeBody(folder, writer, envelope);
    const QString itemId = envelope.header().itemId.toString(QUuid::WithoutBraces);
    const bool isNew = envelope.header().revision == 1;
    const ApiResponse r =
        isNew ? m_client->post(folder.path(QStringLiteral("/items")), body, writer.token())
              : m_client->put(folder.path(QStringLiteral("/items/")) + itemId, body, writer.token());
    if (r.status == 200 || r.status == 201) {
        const QByteArray state =
            QByteArray::fromBase64(body.value(QStringLiteral("state")).toString().toLatin1());
        if (!absorbWrite(folder, envelope.serialize(), state))
            qWarning("SharingFixture: the client refused its own accepted write");
    }
    return r;
}

ApiResponse SharingFixture::writeItem(SharedFolder& folder, const SharingUser& writer, const QUuid& itemId,
                                      const QByteArray& plaintext)
{
    return writeEnvelope(folder, writer, seal(folder, writer, itemId, plaintext));
}

bool SharingFixture::absorbWrite(SharedFolder& folder, const QByteArray& envelopeBytes,
                                 const QByteArray& stateBytes)
{
    auto envelope = ItemEnvelope::parse(envelopeBytes);
    auto state = FolderState::parse(stateBytes);
    if (!envelope || !state)
        return false;
    if (!folder.chain->acceptWrite(state.value(), envelope.value(), *folder.members,
                                   FolderStateChain::LogView::Known))
        return false;
    folder.revisions->insert(envelope->header().itemId, {envelope->header().revision, envelope->hash()});
    folder.envelopes->insert(envelope->header().itemId, envelopeBytes);
    return true;
}

namespace {

// Every member's key pinned as compared out of band, the way a manager's client holds them.
KeyPinStore pinsOf(const SharedFolder& folder)
{
    KeyPinStore pins;
    for (const QUuid& member : folder.members->members())
        (void)pins.pinVerified(member, folder.members->identityKeyOf(member),
                               KeyPinStore::Origin::SafetyNumber, 1);
    return pins;
}

QJsonArray base64Array(const QList<QByteArray>& values)
{
    QJsonArray array;
    for (const QByteArray& value : values)
        array.append(b64(value));
    return array;
}

} // namespace

QByteArray SharingFixture::grant(const SharedFolder& folder, const SharingUser& granter,
                                 const QUuid& recipient, quint32 version)
{
    auto bundle = UserKeyBundle::parseAndVerify(folder.bundles->value(recipient));
    const SecureBytes* key = folder.keys->key(version);
    if (!bundle || !key)
        return {};
    auto made = FolderKeyGrant::create(*folder.members, version, *key, bundle.value(), pinsOf(folder),
                                       granter.id(), *granter.keys);
    if (!made) {
        qWarning("SharingFixture: the grant could not be made: %s", qPrintable(made.error().message));
        return {};
    }
    return made->serialize();
}

std::shared_ptr<PreparedRotation> SharingFixture::prepareRotation(SharedFolder& folder,
                                                                  const SharingUser& manager,
                                                                  const SharingUser* removed,
                                                                  const SharingUser* lowered)
{
    FolderRotation::Request request;
    request.orgId = QUuid(folder.orgId);
    request.managerId = manager.id();
    if (removed)
        request.removedId = removed->id();
    if (lowered)
        request.roleChange = FolderRotation::Request::RoleChange{lowered->id(), FolderRole::View};
    for (const QUuid& member : folder.members->members()) {
        if (removed && member == removed->id())
            continue;
        auto bundle = UserKeyBundle::parseAndVerify(folder.bundles->value(member));
        if (!bundle) {
            qWarning("SharingFixture: no bundle for a member");
            return nullptr;
        }
        request.bundles.append(bundle.value());
    }
    for (auto it = folder.envelopes->cbegin(); it != folder.envelopes->cend(); ++it) {
        request.items.append(it.value());
        const auto seen = folder.revisions->value(it.key());
        request.seen.insert(it.key(), ItemReader::Seen{seen.first, seen.second});
    }
    request.timeMs = nowMs();
    auto batch =
        FolderRotation::rotate(*folder.members, *folder.keys, *manager.keys, pinsOf(folder), request);
    if (!batch) {
        qWarning("SharingFixture: the rotation could not be built: %s", qPrintable(batch.error().message));
        return nullptr;
    }
    MembershipState after = *folder.members;
    for (const MembershipEntry& entry : batch->logEntries) {
        if (!after.apply(entry))
            return nullptr;
    }
    auto prepared = std::make_shared<PreparedRotation>();
    const FolderState state =
        folder.chain->makeRotation(batch->items, after, manager.id(), *manager.keys, nowMs());
    QList<QByteArray> entries;
    QList<QByteArray> grants;
    QList<QByteArray> items;
    for (const MembershipEntry& entry : batch->logEntries)
        entries.append(entry.serialize());
    for (const FolderKeyGrant& g : batch->grants)
        grants.append(g.serialize());
    for (const ItemEnvelope& envelope : batch->items)
        items.append(envelope.serialize());
    prepared->state = state.serialize();
    prepared->body = {{QStringLiteral("entries"), base64Array(entries)},
                      {QStringLiteral("chainLink"), b64(batch->chainLink)},
                      {QStringLiteral("grants"), base64Array(grants)},
                      {QStringLiteral("items"), base64Array(items)},
                      {QStringLiteral("state"), b64(prepared->state)}};
    prepared->batch = std::move(batch.value());
    return prepared;
}

bool SharingFixture::absorbRotation(SharedFolder& folder, const PreparedRotation& rotation)
{
    for (const MembershipEntry& entry : rotation.batch.logEntries) {
        if (!folder.members->apply(entry))
            return false;
        folder.entries.append(entry.serialize());
    }
    auto state = FolderState::parse(rotation.state);
    if (!state || !folder.chain->acceptRotation(state.value(), rotation.batch.items, *folder.members,
                                                FolderStateChain::LogView::Known))
        return false;
    folder.keys->insert(rotation.batch.newKeyVersion, rotation.batch.newFolderKey.clone());
    for (const ItemEnvelope& envelope : rotation.batch.items) {
        folder.revisions->insert(envelope.header().itemId, {envelope.header().revision, envelope.hash()});
        folder.envelopes->insert(envelope.header().itemId, envelope.serialize());
    }
    return true;
}

ApiResponse SharingFixture::rotate(SharedFolder& folder, const SharingUser& manager,
                                   const SharingUser* removed)
{
    auto prepared = prepareRotation(folder, manager, removed);
    if (!prepared)
        return {};
    const ApiResponse r =
        m_client->post(folder.path(QStringLiteral("/rotation")), prepared->body, manager.token());
    if (r.status == 200 && !absorbRotation(folder, *prepared))
        qWarning("SharingFixture: the client refused its own accepted rotation");
    return r;
}

SharingUser SharingFixture::principal(Principal kind, SharedFolder& folder, const SharingUser& manager)
{
    auto member = [&](const char* prefix, FolderRole role) {
        SharingUser u = user(prefix);
        if (!u.isValid() || addMember(folder, manager, u, role).status != 201) {
            qWarning("SharingFixture: %s could not be added to the folder", prefix);
            return SharingUser{};
        }
        return u;
    };
    switch (kind) {
    case Principal::NonMember:
        return user("nonmember");
    case Principal::View:
        return member("viewer", FolderRole::View);
    case Principal::Edit:
        return member("editor", FolderRole::Edit);
    case Principal::Manage:
        return member("manager", FolderRole::Manage);
    case Principal::OtherOrganisation:
        return user("outsider", true, m_otherDomain);
    case Principal::Blocked: {
        SharingUser u = member("blocked", FolderRole::Manage);
        if (!u.isValid() || !signIn(*m_client, m_owner))
            return {};
        const ApiResponse r =
            m_client->post(QStringLiteral("/api/v1/orgs/") + m_orgId + QStringLiteral("/blocks"),
                           {{QStringLiteral("scope"), QStringLiteral("email")},
                            {QStringLiteral("value"), u.account.email},
                            {QStringLiteral("reason"), blockReason()}},
                           m_owner.token);
        // The block revoked the user's sessions; a new one is refused Team Sharing.
        if (r.status != 201 || !signInAgain(u)) {
            qWarning("SharingFixture: blocking answered %d", r.status);
            return {};
        }
        return u;
    }
    case Principal::Unverified:
        return user("unverified", false);
    case Principal::ExpiredSession: {
        SharingUser u = member("expired", FolderRole::Manage);
        m_server.advanceClock(qint64(16) * 60 * 1000);
        return u;
    }
    }
    return {};
}
