// SharedConnection: a connection as it travels inside a shared folder's item (Team Sharing,
// docs/security/protocol.md "Shared item plaintext"). The plaintext is compact UTF-8 JSON:
//   {"format":"conclave.connection","v":1,"createdBy":"<uuid>","createdAt":"<ISO UTC ms>",
//    "changedAt":"<ISO UTC ms>","fields":{name, kind, srv, hosts, defaultDatabase, options,
//    tls, ssh, color, tags, notes, group}}
// Every field is its own merge unit. What is never in it: the user name, any password or
// passphrase, secret options, CA paths, client certificates, the ssh user. Each member keeps
// their own credentials for a shared item in their keychain (SharedCredentials).
//
// Decoding is strict because the bytes come from other people: a wrong type, an unknown
// kind, a value out of range or an oversize plaintext is refused in words. Keys this version
// does not know (top level or field) are kept and written back unchanged, so an older
// client never drops what a newer one added.
#pragma once

#include "core/model/Connection.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUuid>

namespace Conclave::Core {

struct SharedConnection
{
    static constexpr qsizetype kMaxBytes = 64 * 1024; // far above any real connection
    static constexpr int kVersion = 1;
    static constexpr qsizetype kMaxGroupLength = 1000;

    // id, name, kind, srv, hosts, defaultDatabase, options, tls.{enabled,
    // allowInvalidHostnames}, ssh.{enabled, host, port, auth}, color, tags, notes; folderId,
    // username and the rest stay empty (the reader sets id and folderId).
    Connection connection;
    // The sub-folder path inside the shared folder ("Production/EU"), "" at its top.
    QString group;
    // The author's claims, inside the signed plaintext; who really wrote a revision is the
    // envelope's authenticated author id.
    QUuid createdBy;
    QDateTime createdAt; // UTC
    QDateTime changedAt; // UTC
    // What this version does not understand, carried through.
    QJsonObject unknownTop;
    QJsonObject unknownFields;

    // A conflict copy (ItemMerge::conflictCopy; the keys stay in unknownTop, so an edit of the
    // copy keeps them): the id of the item it is a copy of, null for any other item or when
    // the key is not an id.
    QUuid conflictOf() const;
    // When the conflict copy was made (UTC); invalid when not said or not a time.
    QDateTime conflictAt() const;
    bool isConflictCopy() const { return !conflictOf().isNull(); }

    // A local connection to share: only the shareable fields are taken (secret options are
    // dropped); createdAt = changedAt = `now`.
    static SharedConnection fromConnection(const Connection& local, const QString& group,
                                           const QUuid& createdBy, const QDateTime& now);
    // The next revision of this item with `edited`'s shareable fields; the metadata and the
    // unknown keys stay, changedAt becomes `now`.
    SharedConnection edited(const Connection& edited, const QString& group, const QDateTime& now) const;

    QByteArray encode() const;
    // `itemId` becomes connection.id.
    static Result<SharedConnection> decode(QByteArrayView plaintext, const QUuid& itemId);

    // "Production/EU" split into its names; empty segments dropped.
    static QStringList groupSegments(const QString& group);
};

} // namespace Conclave::Core
