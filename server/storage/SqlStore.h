// SqlStore: the base of every store (AccountStore, SessionStore, ...). A store owns the SQL of
// one table group and runs it through the shared SqlDatabase, so connection handling, error
// reporting and transactions stay in one place while each table group stays in its own class.
// Stores are cheap views over the database: a write of several statements, even across
// stores, is made atomic by a StorageTransaction on that database.
#pragma once

#include "server/storage/SqlDatabase.h"

#include <QList>
#include <QSqlQuery>

#include <optional>
#include <type_traits>

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
    // The first row a query returns, read by `read` (a function of the query), or nothing.
    template<typename Read>
    auto firstRow(const QString& sql, const QVariantList& binds, Read read)
        -> Core::Result<std::optional<std::invoke_result_t<Read, const QSqlQuery&>>>
    {
        using Record = std::invoke_result_t<Read, const QSqlQuery&>;
        auto q = run(sql, binds);
        if (!q)
            return q.error();
        if (!q->next())
            return std::optional<Record>();
        return std::optional<Record>(read(*q));
    }
    // Every row a query returns, in its order, each read by `read`.
    template<typename Read>
    auto allRows(const QString& sql, const QVariantList& binds, Read read)
        -> Core::Result<QList<std::invoke_result_t<Read, const QSqlQuery&>>>
    {
        auto q = run(sql, binds);
        if (!q)
            return q.error();
        QList<std::invoke_result_t<Read, const QSqlQuery&>> records;
        while (q->next())
            records.append(read(*q));
        return records;
    }
    // How many rows a DELETE or UPDATE changed.
    Core::Result<int> changedRows(const QString& sql, const QVariantList& binds)
    {
        auto q = run(sql, binds);
        if (!q)
            return q.error();
        return q->numRowsAffected();
    }
    // Whether a StorageTransaction is open on the database (for writes that are only correct
    // inside one).
    bool inTransaction() const { return m_database.m_inTransaction; }
    // Never a null QByteArray: Qt binds that as SQL NULL, which the NOT NULL columns refuse.
    static QVariant blob(const QByteArray& bytes) { return bytes.isNull() ? QByteArray("") : bytes; }

private:
    SqlDatabase& m_database;
};

} // namespace Conclave::Server
