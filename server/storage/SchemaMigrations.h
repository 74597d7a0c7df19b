// SchemaMigrations: the one list of schema versions both SQL backends apply, in order. A
// statement is written once with dialect tokens, expanded per backend:
//   {int64}  INTEGER (SQLite) / BIGINT (PostgreSQL)
//   {blob}   BLOB (SQLite) / BYTEA (PostgreSQL)
//   {noblob} an empty binary literal: X'' / ''::bytea
// A step may instead be code, for a data conversion SQL alone cannot express in both
// dialects (SQLite has no base64 decoder). Each version runs in one transaction; a version,
// once released, is never edited: a change is a new version at the end.
#pragma once

#include "core/util/Result.h"

#include <QList>
#include <QString>

#include <functional>

class QSqlDatabase;

namespace Conclave::Server {

class SchemaMigrations final
{
public:
    enum class Dialect
    {
        Sqlite,
        Postgres
    };

    struct Step
    {
        QString sql; // with tokens; empty when `code` is set
        std::function<Core::Status(QSqlDatabase&, Dialect)> code;
    };
    using Version = QList<Step>;

    // versions()[i] brings the schema from version i to i + 1.
    static const QList<Version>& versions();
    static QString expand(const QString& sql, Dialect dialect);
};

} // namespace Conclave::Server
