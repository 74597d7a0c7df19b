// PostgreSQL connection set-up and schema history.
#include "server/storage/PostgresDatabase.h"

#include "server/storage/StorageLog.h"

#include "core/crypto/SecureBytes.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrlQuery>

namespace Conclave::Server {

using Core::Error;
using Core::ErrorCode;

PostgresDatabase::PostgresDatabase(QUrl url, QByteArray password)
    : m_url(std::move(url))
    , m_password(std::move(password))
{}

PostgresDatabase::~PostgresDatabase()
{
    Core::secureWipe(m_password);
}

Core::Status PostgresDatabase::connect()
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        return Error::make(ErrorCode::Unavailable,
                           QCoreApplication::translate("PostgresDatabase",
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
                           QCoreApplication::translate("PostgresDatabase",
                                                       "The PostgreSQL database cannot be reached or "
                                                       "refused the credentials."));
    }
    return {};
}

SchemaMigrations::Dialect PostgresDatabase::dialect() const
{
    return SchemaMigrations::Dialect::Postgres;
}

Core::Status PostgresDatabase::lockMigrations()
{
    // A session-level advisory lock: replicas starting together on an empty database would
    // otherwise race on CREATE TABLE (PostgreSQL reports the loser as a unique violation in
    // its catalogue). It ends with the connection at the latest.
    QSqlQuery lock(database());
    if (!lock.exec(QStringLiteral("SELECT pg_advisory_lock(%1)").arg(kMigrationLockKey))) {
        return Error::make(ErrorCode::Io, QCoreApplication::translate("PostgresDatabase",
                                                                      "The database schema cannot be locked "
                                                                      "for migration."));
    }
    return {};
}

void PostgresDatabase::unlockMigrations()
{
    QSqlQuery unlock(database());
    (void)unlock.exec(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(kMigrationLockKey));
}

Core::Status PostgresDatabase::notify(const QString& channel, const QString& payload)
{
    // pg_notify instead of NOTIFY: the channel and payload are bound, never spliced in.
    QSqlQuery query(database());
    if (!query.prepare(QStringLiteral("SELECT pg_notify(?, ?)"))) {
        return Error::make(ErrorCode::Io, QStringLiteral("The notification could not be sent."));
    }
    query.addBindValue(channel);
    query.addBindValue(payload);
    if (!query.exec()) {
        qCWarning(lcServerStore) << "notify failed:" << query.lastError().nativeErrorCode();
        return Error::make(ErrorCode::Io, QStringLiteral("The notification could not be sent."));
    }
    return {};
}

Core::Status PostgresDatabase::listen(const QString& channel, std::function<void(const QString&)> onPayload)
{
    QSqlDriver* driver = database().driver();
    if (!driver || !driver->subscribeToNotification(channel)) {
        return Error::make(ErrorCode::Io,
                           QStringLiteral("The server cannot listen for notifications of other servers."));
    }
    QObject::connect(driver, &QSqlDriver::notification, driver,
                     [channel, onPayload = std::move(onPayload)](
                         const QString& name, QSqlDriver::NotificationSource, const QVariant& payload) {
                         if (name == channel)
                             onPayload(payload.toString());
                     });
    return {};
}

bool PostgresDatabase::isUniqueViolation(const QSqlError& error) const
{
    // SQLSTATE 23505 unique_violation only; 23503 (foreign key) and 23502 (not null) differ.
    return error.nativeErrorCode() == QLatin1String("23505");
}

} // namespace Conclave::Server
