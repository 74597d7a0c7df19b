// SqlStore: the base of every store (AccountStore, SessionStore, ...). A store owns the SQL of
// one table group and runs it through the shared SqlDatabase, so connection handling, error
// reporting and transactions stay in one place while each table group stays in its own class.
// Stores are cheap views over the database: a write of several statements, even across
// stores, is made atomic by a StorageTransaction on that database.
#pragma once

#include "server/storage/SqlDatabase.h"

#include <QSqlQuery>

namespace Conclave::Server {

class SqlStore
{
public:
    Q_DISABLE_COPY_MOVE(SqlStore)

protected:
    explicit SqlStore(SqlDatabase& database)
        : m_database(database)
    {}
    ~SqlStore() = default;

    Core::Result<QSqlQuery> run(const QString& sql, const QVariantList& binds = {})
    {
        return m_database.run(sql, binds);
    }
    Core::Status runStatus(const QString& sql, const QVariantList& binds = {})
    {
        return m_database.runStatus(sql, binds);
    }
    // Never a null QByteArray: Qt binds that as SQL NULL, which the NOT NULL columns refuse.
    static QVariant blob(const QByteArray& bytes) { return bytes.isNull() ? QByteArray("") : bytes; }

private:
    SqlDatabase& m_database;
};

} // namespace Conclave::Server
