// SqlRow: one result row read by column name, never by position, so a reordered SELECT or a
// new column cannot shift values into the wrong fields. The record is looked up once per row.
#pragma once

#include <QByteArray>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QString>

namespace Conclave::Server {

class SqlRow final
{
public:
    explicit SqlRow(const QSqlQuery& query)
        : m_record(query.record())
    {}
    QString text(const char* column) const { return value(column).toString(); }
    QByteArray bytes(const char* column) const { return value(column).toByteArray(); }
    qint64 integer(const char* column) const { return value(column).toLongLong(); }

private:
    QVariant value(const char* column) const { return m_record.value(QLatin1String(column)); }
    QSqlRecord m_record;
};

} // namespace Conclave::Server
