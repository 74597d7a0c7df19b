// PostgresDatabase: the backend for deployments with several replicas. Connects with
// postgresql://user@host:port/database[?sslmode=...]; the password comes from the
// configuration's secret sources, never from the URL.
#pragma once

#include "server/storage/SqlDatabase.h"

#include <QUrl>

namespace Conclave::Server {

class PostgresDatabase final : public SqlDatabase
{
public:
    PostgresDatabase(QUrl url, QByteArray password);
    ~PostgresDatabase() override;
    Q_DISABLE_COPY_MOVE(PostgresDatabase)

    QString backendName() const override { return QStringLiteral("postgresql"); }
    bool hasNotifications() const override { return true; }
    Core::Status notify(const QString& channel, const QString& payload) override;
    Core::Status listen(const QString& channel, std::function<void(const QString&)> onPayload) override;

protected:
    Core::Status connect() override;
    SchemaMigrations::Dialect dialect() const override;
    Core::Status lockMigrations() override;
    void unlockMigrations() override;
    bool isUniqueViolation(const QSqlError& error) const override;

private:
    // "Conclave" in ASCII: the advisory lock key every conclave-server migrates under.
    static constexpr qint64 kMigrationLockKey = 0x436f6e636c617665;

    QUrl m_url;
    QByteArray m_password;
};

} // namespace Conclave::Server
