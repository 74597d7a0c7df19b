// SQLite connection set-up and schema history.
#include "server/storage/SqliteStorage.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace Conclave::Server {

using Core::Error;
using Core::ErrorCode;

SqliteStorage::SqliteStorage(QString path)
    : m_path(std::move(path))
{}

Core::Status SqliteStorage::connect()
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    const bool existed = QFile::exists(m_path);
    database() = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName());
    database().setDatabaseName(m_path);
    database().setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!database().open()) {
        return Error::make(ErrorCode::Io, QCoreApplication::translate(
                                              "SqliteStorage", "The SQLite database cannot be opened."));
    }
    if (!existed) {
        QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    QSqlQuery pragma(database());
    for (const char* statement :
         {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON"}) {
        if (!pragma.exec(QString::fromLatin1(statement))) {
            return Error::make(ErrorCode::Io, QCoreApplication::translate(
                                                  "SqliteStorage", "The SQLite database cannot be set up."));
        }
    }
    return {};
}

QList<QStringList> SqliteStorage::migrations() const
{
    return {
        // 1: accounts, sessions, organisations, sharing blocks.
        {
            QStringLiteral("CREATE TABLE users (id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, "
                           "domain TEXT NOT NULL, name TEXT NOT NULL, auth_key_hash TEXT NOT NULL, "
                           "kdf_salt TEXT NOT NULL, kdf_ops INTEGER NOT NULL, kdf_mem INTEGER NOT NULL, "
                           "wrapped_account_key TEXT NOT NULL, key_bundle TEXT NOT NULL DEFAULT '', "
                           "wrapped_private_keys TEXT NOT NULL DEFAULT '', verified INTEGER NOT NULL, "
                           "ever_verified INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL)"),
            QStringLiteral("CREATE INDEX users_domain ON users (domain)"),
            QStringLiteral("CREATE TABLE verifications (user_id TEXT PRIMARY KEY REFERENCES users (id) "
                           "ON DELETE CASCADE, code_hash TEXT NOT NULL, expires_at INTEGER NOT NULL, "
                           "attempts INTEGER NOT NULL)"),
            QStringLiteral("CREATE TABLE sessions (id TEXT PRIMARY KEY, user_id TEXT NOT NULL "
                           "REFERENCES users (id) ON DELETE CASCADE, token_hash TEXT NOT NULL UNIQUE, "
                           "created_at INTEGER NOT NULL, last_seen INTEGER NOT NULL)"),
            QStringLiteral("CREATE INDEX sessions_user ON sessions (user_id)"),
            QStringLiteral("CREATE TABLE organisations (id TEXT PRIMARY KEY, name TEXT NOT NULL, "
                           "created_at INTEGER NOT NULL)"),
            QStringLiteral("CREATE TABLE org_members (org_id TEXT NOT NULL REFERENCES organisations (id) "
                           "ON DELETE CASCADE, email TEXT NOT NULL, role TEXT NOT NULL, "
                           "PRIMARY KEY (org_id, email))"),
            QStringLiteral("CREATE INDEX org_members_email ON org_members (email)"),
            QStringLiteral("CREATE TABLE org_domains (org_id TEXT NOT NULL REFERENCES organisations (id) "
                           "ON DELETE CASCADE, domain TEXT NOT NULL, PRIMARY KEY (org_id, domain))"),
            QStringLiteral("CREATE INDEX org_domains_domain ON org_domains (domain)"),
            QStringLiteral("CREATE TABLE sharing_blocks (id TEXT PRIMARY KEY, org_id TEXT NOT NULL "
                           "REFERENCES organisations (id) ON DELETE CASCADE, scope TEXT NOT NULL, "
                           "value TEXT NOT NULL, reason TEXT NOT NULL, created_at INTEGER NOT NULL)"),
            QStringLiteral("CREATE INDEX sharing_blocks_org ON sharing_blocks (org_id)"),
        },
    };
}

QString SqliteStorage::beginStatement() const
{
    // Takes the write lock at once: a deferred transaction that reads first and writes later
    // fails with SQLITE_BUSY, without waiting, when another process wrote in between.
    return QStringLiteral("BEGIN IMMEDIATE");
}

bool SqliteStorage::isUniqueViolation(const QSqlError& error) const
{
    // SQLITE_CONSTRAINT_UNIQUE (2067) and SQLITE_CONSTRAINT_PRIMARYKEY (1555).
    const QString code = error.nativeErrorCode();
    return code == QLatin1String("2067") || code == QLatin1String("1555") || code == QLatin1String("19");
}

} // namespace Conclave::Server
