// PostgreSQL connection set-up and schema history.
#include "server/storage/PostgresStorage.h"

#include "core/crypto/SecureBytes.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QUrlQuery>

namespace Conclave::Server {

using Core::Error;
using Core::ErrorCode;

PostgresStorage::PostgresStorage(QUrl url, QByteArray password)
    : m_url(std::move(url))
    , m_password(std::move(password))
{}

PostgresStorage::~PostgresStorage()
{
    Core::secureWipe(m_password);
}

Core::Status PostgresStorage::connect()
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        return Error::make(ErrorCode::Unavailable,
                           QCoreApplication::translate("PostgresStorage",
                                                       "Qt's PostgreSQL driver is not installed "
                                                       "(Debian package libqt6sql6-psql)."));
    }
    database() = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName());
    database().setHostName(m_url.host());
    database().setPort(m_url.port(5432));
    database().setUserName(m_url.userName());
    database().setDatabaseName(m_url.path().mid(1));
    if (!m_password.isEmpty())
        database().setPassword(QString::fromUtf8(m_password));
    QStringList options{QStringLiteral("connect_timeout=10")};
    const QUrlQuery query(m_url);
    for (const auto& item : query.queryItems()) {
        // Only libpq's TLS options are passed on; anything else is ignored on purpose.
        if (item.first.startsWith(QLatin1String("ssl")))
            options.append(item.first + QLatin1Char('=') + item.second);
    }
    database().setConnectOptions(options.join(QLatin1Char(';')));
    const bool opened = database().open();
    database().setPassword(QString());
    if (!opened) {
        return Error::make(ErrorCode::Unavailable,
                           QCoreApplication::translate("PostgresStorage",
                                                       "The PostgreSQL database cannot be reached or "
                                                       "refused the credentials."));
    }
    return {};
}

QList<QStringList> PostgresStorage::migrations() const
{
    return {
        // 1: accounts, sessions, organisations, sharing blocks.
        {
            QStringLiteral("CREATE TABLE users (id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, "
                           "domain TEXT NOT NULL, name TEXT NOT NULL, auth_key_hash TEXT NOT NULL, "
                           "kdf_salt TEXT NOT NULL, kdf_ops BIGINT NOT NULL, kdf_mem BIGINT NOT NULL, "
                           "wrapped_account_key TEXT NOT NULL, key_bundle TEXT NOT NULL DEFAULT '', "
                           "wrapped_private_keys TEXT NOT NULL DEFAULT '', verified INTEGER NOT NULL, "
                           "ever_verified INTEGER NOT NULL DEFAULT 0, created_at BIGINT NOT NULL)"),
            QStringLiteral("CREATE INDEX users_domain ON users (domain)"),
            QStringLiteral("CREATE TABLE verifications (user_id TEXT PRIMARY KEY REFERENCES users (id) "
                           "ON DELETE CASCADE, code_hash TEXT NOT NULL, expires_at BIGINT NOT NULL, "
                           "attempts INTEGER NOT NULL)"),
            QStringLiteral("CREATE TABLE sessions (id TEXT PRIMARY KEY, user_id TEXT NOT NULL "
                           "REFERENCES users (id) ON DELETE CASCADE, token_hash TEXT NOT NULL UNIQUE, "
                           "created_at BIGINT NOT NULL, last_seen BIGINT NOT NULL)"),
            QStringLiteral("CREATE INDEX sessions_user ON sessions (user_id)"),
            QStringLiteral("CREATE TABLE organisations (id TEXT PRIMARY KEY, name TEXT NOT NULL, "
                           "created_at BIGINT NOT NULL)"),
            QStringLiteral("CREATE TABLE org_members (org_id TEXT NOT NULL REFERENCES organisations (id) "
                           "ON DELETE CASCADE, email TEXT NOT NULL, role TEXT NOT NULL, "
                           "PRIMARY KEY (org_id, email))"),
            QStringLiteral("CREATE INDEX org_members_email ON org_members (email)"),
            QStringLiteral("CREATE TABLE org_domains (org_id TEXT NOT NULL REFERENCES organisations (id) "
                           "ON DELETE CASCADE, domain TEXT NOT NULL, PRIMARY KEY (org_id, domain))"),
            QStringLiteral("CREATE INDEX org_domains_domain ON org_domains (domain)"),
            QStringLiteral("CREATE TABLE sharing_blocks (id TEXT PRIMARY KEY, org_id TEXT NOT NULL "
                           "REFERENCES organisations (id) ON DELETE CASCADE, scope TEXT NOT NULL, "
                           "value TEXT NOT NULL, reason TEXT NOT NULL, created_at BIGINT NOT NULL)"),
            QStringLiteral("CREATE INDEX sharing_blocks_org ON sharing_blocks (org_id)"),
        },
    };
}

bool PostgresStorage::isUniqueViolation(const QSqlError& error) const
{
    return error.nativeErrorCode() == QLatin1String("23505");
}

} // namespace Conclave::Server
