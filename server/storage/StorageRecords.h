// StorageRecords: the rows the server keeps, as plain values passed to and from the stores.
// Times are milliseconds since the Unix epoch (UTC); binary values are raw bytes.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QtGlobal>

namespace Conclave::Server {

struct UserRecord
{
    QString id;    // UUID without braces
    QString email; // normalised (trimmed, lower case)
    QString name;
    QByteArray authKeyHash; // keyed BLAKE2b of the client's auth key
    QByteArray kdfSalt;
    qint64 kdfOps = 0;
    qint64 kdfMemBytes = 0;
    QByteArray wrappedAccountKey;
    QByteArray keyBundle;          // signed bundle as the client published it
    QByteArray identityKey;        // the bundle's Ed25519 key; unique among accounts
    QByteArray wrappedPrivateKeys; // opaque to the server
    bool verified = false;
    qint64 createdAtMs = 0;

    QString domain() const { return email.section(QLatin1Char('@'), -1); }
};

struct VerificationRecord
{
    QString userId;
    QByteArray codeHash;
    qint64 expiresAtMs = 0;
    int attempts = 0;
};

struct SessionRecord
{
    QString id;
    QString userId;
    QByteArray tokenHash;
    qint64 createdAtMs = 0;
    qint64 lastSeenMs = 0;
};

struct OrganisationRecord
{
    QString id;
    QString name;
    qint64 createdAtMs = 0;
};

// A membership: by explicit address (role owner/admin/member) or by the address's domain
// (always member).
struct MembershipRecord
{
    QString orgId;
    QString email;  // empty for domain memberships
    QString domain; // empty for address memberships
    QString role;
};

struct SharingBlockRecord
{
    QString id;
    QString orgId;
    QString scope; // "organisation", "email" or "domain"
    QString value; // address or domain; empty for organisation
    QString reason;
    qint64 createdAtMs = 0;
};

} // namespace Conclave::Server
