// SqliteDatabase: the default backend. One file in the data folder, WAL journal so readers
// never wait for the writer and `admin` commands can run beside a live server.
#pragma once

#include "server/storage/SqlDatabase.h"

namespace Conclave::Server {

class SqliteDatabase final : public SqlDatabase
{
public:
    explicit SqliteDatabase(QString path);
    ~SqliteDatabase() override = default;
    Q_DISABLE_COPY_MOVE(SqliteDatabase)

    QString backendName() const override { return QStringLiteral("sqlite"); }

protected:
    Core::Status connect() override;
    SchemaMigrations::Dialect dialect() const override;
    QString beginStatement() const override;
    bool isUniqueViolation(const QSqlError& error) const override;

private:
    QString m_path;
};

} // namespace Conclave::Server
