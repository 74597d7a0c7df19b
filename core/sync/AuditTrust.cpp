// The audit key pins and the checkpoints seen; see the header.
#include "core/sync/AuditTrust.h"

#include "core/crypto/CryptoHash.h"
#include "core/util/FileSync.h"
#include "core/util/LogCategories.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace Conclave::Core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Conclave::Core::AuditTrust)
};

constexpr qint64 kMaxFileBytes = 4 * 1024 * 1024;

QByteArray fromBase64(const QJsonValue& value)
{
    auto decoded =
        QByteArray::fromBase64Encoding(value.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    return decoded ? *decoded : QByteArray();
}

} // namespace

AuditTrust::AuditTrust(QString directory, QUrl server)
    : m_directory(std::move(directory))
    , m_server(std::move(server))
{}

QString AuditTrust::path() const
{
    return m_directory + QStringLiteral("/audit-trust.json");
}

QString AuditTrust::serverKey() const
{
    const QByteArray text = m_server.adjusted(QUrl::StripTrailingSlash).toString().toLower().toUtf8();
    return QString::fromLatin1(CryptoHash::tagged("conclave.audit-trust.server.v1", text).toHex());
}

Result<QJsonObject> AuditTrust::readServer() const
{
    QFile file(path());
    if (!file.exists())
        return QJsonObject();
    const auto damaged = [this] {
        return Error::make(ErrorCode::Corrupt,
                           Tr::tr("The record of the audit keys this computer trusts (%1) is damaged. Remove "
                                  "it to trust the server's key again on the next check.")
                               .arg(QDir::toNativeSeparators(path())));
    };
    if (!file.open(QIODevice::ReadOnly) || file.size() > kMaxFileBytes)
        return damaged();
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
    if (!doc.isObject())
        return damaged();
    const QJsonValue server = doc.object().value(QStringLiteral("servers")).toObject().value(serverKey());
    if (server.isUndefined())
        return QJsonObject();
    if (!server.isObject())
        return damaged();
    return server.toObject();
}

Result<QByteArray> AuditTrust::pinnedKey() const
{
    Result<QJsonObject> server = readServer();
    if (!server)
        return server.error();
    const QJsonValue key = server->value(QStringLiteral("publicKey"));
    if (key.isUndefined())
        return QByteArray();
    const QByteArray bytes = fromBase64(key);
    if (bytes.size() != AuditApi::kPublicKeySize)
        return Error::make(ErrorCode::Corrupt,
                           Tr::tr("The pinned audit key of the sharing server is damaged."));
    return bytes;
}

Result<std::optional<AuditVerifier::Seen>> AuditTrust::seen(const QUuid& orgId) const
{
    Result<QJsonObject> server = readServer();
    if (!server)
        return server.error();
    const QJsonValue org =
        server->value(QStringLiteral("orgs")).toObject().value(orgId.toString(QUuid::WithoutBraces));
    if (org.isUndefined())
        return std::optional<AuditVerifier::Seen>();
    const QJsonObject object = org.toObject();
    const double seq = object.value(QStringLiteral("seq")).toDouble(-1);
    const QByteArray head = fromBase64(object.value(QStringLiteral("head")));
    if (seq < 1 || head.size() != AuditApi::kHashSize)
        return Error::make(
            ErrorCode::Corrupt,
            Tr::tr("The audit checkpoint this computer remembers for the organisation is damaged."));
    return std::optional<AuditVerifier::Seen>(AuditVerifier::Seen{qint64(seq), head});
}

Status AuditTrust::remember(const QByteArray& key, const QUuid& orgId,
                            const std::optional<AuditVerifier::Seen>& checkpoint)
{
    Result<QByteArray> pinned = pinnedKey();
    if (!pinned)
        return pinned.error();
    Result<std::optional<AuditVerifier::Seen>> before = seen(orgId);
    if (!before)
        return before.error();
    if (!pinned->isEmpty() && *pinned != key)
        return Error::make(ErrorCode::Crypto,
                           Tr::tr("The sharing server's audit key differs from the pinned one."));

    if (!QDir(m_directory).exists() &&
        (!QDir().mkpath(m_directory) ||
         !QFile::setPermissions(m_directory, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner)))
        return Error::make(
            ErrorCode::Io,
            Tr::tr("The folder %1 cannot be created.").arg(QDir::toNativeSeparators(m_directory)));
    QJsonObject root;
    if (QFile existing(path()); existing.exists()) {
        if (!existing.open(QIODevice::ReadOnly))
            return Error::make(ErrorCode::Io, Tr::tr("The record of trusted audit keys cannot be read."));
        root = QJsonDocument::fromJson(existing.readAll()).object();
    }
    QJsonObject servers = root.value(QStringLiteral("servers")).toObject();
    QJsonObject server = servers.value(serverKey()).toObject();
    server.insert(QStringLiteral("publicKey"), QString::fromLatin1(key.toBase64()));
    if (checkpoint && (!*before || (*before)->seq < checkpoint->seq)) {
        QJsonObject orgs = server.value(QStringLiteral("orgs")).toObject();
        orgs.insert(orgId.toString(QUuid::WithoutBraces),
                    QJsonObject{{QStringLiteral("seq"), double(checkpoint->seq)},
                                {QStringLiteral("head"), QString::fromLatin1(checkpoint->head.toBase64())}});
        server.insert(QStringLiteral("orgs"), orgs);
    }
    servers.insert(serverKey(), server);
    root.insert(QStringLiteral("version"), 1);
    root.insert(QStringLiteral("servers"), servers);
    QSaveFile file(path());
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFile::ReadOwner | QFile::WriteOwner) ||
        file.write(QJsonDocument(root).toJson()) < 0 || !file.commit())
        return Error::make(ErrorCode::Io, Tr::tr("The record of trusted audit keys cannot be saved."));
    if (!syncDirectoryOf(path()))
        qCWarning(lcCoreSync) << "the audit trust record's directory was not synced to disk";
    return {};
}

} // namespace Conclave::Core
