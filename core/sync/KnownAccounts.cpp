// The index of accounts seen on this computer; see the header.
#include "core/sync/KnownAccounts.h"

#include "core/crypto/CryptoHash.h"
#include "core/util/FileSync.h"
#include "core/util/LogCategories.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>

namespace Conclave::Core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Conclave::Core::KnownAccounts)
};

constexpr qint64 kMaxIndexBytes = 1024 * 1024;

} // namespace

KnownAccounts::KnownAccounts(QString directory)
    : m_directory(std::move(directory))
{}

QString KnownAccounts::normaliseEmail(const QString& email)
{
    return email.trimmed().toLower();
}

QString KnownAccounts::key(const QUrl& server, const QString& email)
{
    const QByteArray text = server.adjusted(QUrl::StripTrailingSlash).toString().toLower().toUtf8() + '\n' +
                            normaliseEmail(email).toUtf8();
    return QString::fromLatin1(CryptoHash::tagged("conclave.known-account.v1", text).toHex());
}

QString KnownAccounts::indexPath() const
{
    return m_directory + QStringLiteral("/accounts.json");
}

QString KnownAccounts::statePath(const QUuid& userId) const
{
    return m_directory + QStringLiteral("/state-") + userId.toString(QUuid::WithoutBraces) +
           QStringLiteral(".bin");
}

Result<std::optional<KnownAccounts::Entry>> KnownAccounts::find(const QUrl& server,
                                                                const QString& email) const
{
    QFile file(indexPath());
    if (!file.exists())
        return std::optional<Entry>();
    const auto damaged = [this] {
        return Error::make(ErrorCode::Corrupt,
                           Tr::tr("The list of accounts used on this computer (%1) is damaged. Conclave does "
                                  "not sign in until it is repaired or removed.")
                               .arg(QDir::toNativeSeparators(indexPath())));
    };
    if (!file.open(QIODevice::ReadOnly) || file.size() > kMaxIndexBytes)
        return damaged();
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
    if (!doc.isObject())
        return damaged();
    const QJsonValue value =
        doc.object().value(QStringLiteral("accounts")).toObject().value(key(server, email));
    if (value.isUndefined())
        return std::optional<Entry>();
    const QJsonObject object = value.toObject();
    const QUuid userId(object.value(QStringLiteral("userId")).toString());
    const double generation = object.value(QStringLiteral("generation")).toDouble(-1);
    if (userId.isNull() || generation < 0)
        return damaged();
    return std::optional<Entry>(Entry{userId, quint64(generation)});
}

Status KnownAccounts::prepare() const
{
    if (QDir(m_directory).exists())
        return {};
    if (!QDir().mkpath(m_directory) ||
        !QFile::setPermissions(m_directory, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner)) {
        return Error::make(
            ErrorCode::Io,
            Tr::tr("The folder %1 cannot be created.").arg(QDir::toNativeSeparators(m_directory)));
    }
    return {};
}

Status KnownAccounts::remember(const QUrl& server, const QString& email, const Entry& entry)
{
    if (Status ready = prepare(); !ready)
        return ready;
    QJsonObject root;
    QFile existing(indexPath());
    if (existing.exists()) {
        if (!existing.open(QIODevice::ReadOnly) || existing.size() > kMaxIndexBytes)
            return Error::make(ErrorCode::Io,
                               Tr::tr("The list of accounts used on this computer cannot be read."));
        root = QJsonDocument::fromJson(existing.readAll()).object();
        existing.close();
    }
    QJsonObject accounts = root.value(QStringLiteral("accounts")).toObject();
    // The generation never goes down for the same account: a store that loaded an older copy
    // must not make that copy acceptable at the next start.
    quint64 generation = entry.generation;
    const QJsonObject before = accounts.value(key(server, email)).toObject();
    if (QUuid(before.value(QStringLiteral("userId")).toString()) == entry.userId)
        generation = std::max(generation, quint64(before.value(QStringLiteral("generation")).toDouble(0)));
    accounts.insert(key(server, email),
                    QJsonObject{{QStringLiteral("userId"), entry.userId.toString(QUuid::WithoutBraces)},
                                {QStringLiteral("generation"), double(generation)}});
    root.insert(QStringLiteral("version"), 1);
    root.insert(QStringLiteral("accounts"), accounts);
    QSaveFile file(indexPath());
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFile::ReadOwner | QFile::WriteOwner) ||
        file.write(QJsonDocument(root).toJson()) < 0 || !file.commit()) {
        return Error::make(ErrorCode::Io,
                           Tr::tr("The list of accounts used on this computer cannot be saved."));
    }
    // The remembered generation holds only the state files whose entries reached the disk.
    if (!syncDirectoryOf(indexPath()))
        qCWarning(lcCoreSync) << "the account list's directory was not synced to disk";
    return {};
}

} // namespace Conclave::Core
