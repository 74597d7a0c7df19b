// PostgresStorage: the backend for deployments with several replicas. Connects with
// postgresql://user@host:port/database[?sslmode=...]; the password comes from the
// configuration's secret sources, never from the URL.
#pragma once

#include "server/storage/SqlStorage.h"

#include <QUrl>

namespace Conclave::Server {

class PostgresStorage final : public SqlStorage
{
public:
    PostgresStorage(QUrl url, QByteArray password);
    ~PostgresStorage() override;
    Q_DISABLE_COPY_MOVE(PostgresStorage)

    QString backendName() const override { return QStringLiteral("postgresql"); }

protected:
    Core::Status connect() override;
    QList<QStringList> migrations() const override;
    bool isUniqueViolation(const QSqlError& error) const override;

private:
    QUrl m_url;
    QByteArray m_password;
};

} // namespace Conclave::Server
