// SQLite connection set-up and schema history.
#include "server/storage/SqliteDatabase.h"

#include "server/storage/StorageLog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

namespace Conclave::Server {

using Core::Error;
using Core::ErrorCode;

SqliteDatabase::SqliteDatabase(QString path)
    : m_path(std::move(path))
{}

Core::Status SqliteDatabase::connect()
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    const bool existed = QFile::exists(m_path);
    database() = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName());
    database().setDatabaseName(m_path);
    database().setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!database().open()) {
        return Error::make(ErrorCode::Io, QCoreApplication::translate(
                                              "SqliteDatabase", "The SQLite database cannot be opened."));
    }
    if (!existed) {
        QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    QSqlQuery pragma(database());
    for (const char* statement :
         {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON"}) {
        // Switching a new file to WAL needs it to itself for a moment, and SQLite answers
        // SQLITE_BUSY at once, without its busy handler, while another server starting on the
        // same file does the same: tried again for up to the busy timeout.
        bool done = pragma.exec(QString::fromLatin1(statement));
        for (int attempt = 0; !done && attempt < 100; ++attempt) {
            QThread::msleep(50);
            done = pragma.exec(QString::fromLatin1(statement));
        }
        if (!done) {
            qCWarning(lcServerStore) << statement << "failed:" << pragma.lastError().text();
            return Error::make(ErrorCode::Io, QCoreApplication::translate(
                                                  "SqliteDatabase", "The SQLite database cannot be set up."));
        }
    }
    return {};
}

SchemaMigrations::Dialect SqliteDatabase::dialect() const
{
    return SchemaMigrations::Dialect::Sqlite;
}

QString SqliteDatabase::beginStatement() const
{
    // Takes the write lock at once: a deferred transaction that reads first and writes later
    // fails with SQLITE_BUSY, without waiting, when another process wrote in between.
    return QStringLiteral("BEGIN IMMEDIATE");
}

bool SqliteDatabase::isUniqueViolation(const QSqlError& error) const
{
    // Qt's driver turns on extended result codes: SQLITE_CONSTRAINT_UNIQUE (2067) and
    // SQLITE_CONSTRAINT_PRIMARYKEY (1555). The plain SQLITE_CONSTRAINT (19) and
    // SQLITE_CONSTRAINT_FOREIGNKEY (787) are other failures, not "exists already".
    const QString code = error.nativeErrorCode();
    return code == QLatin1String("2067") || code == QLatin1String("1555");
}

} // namespace Conclave::Server
