// ServerHarness: starts the real conclave-server binary for a test on an ephemeral loopback
// port, with its own data folder, a test-controlled clock file and either SQLite or (when
// CONCLAVE_TEST_SERVER_STORAGE=postgres) a fresh database in the ctest PostgreSQL fixture.
// Its logs go to build/server-test-logs so TestServerLogHygiene can inspect every line.
#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>
#include <QVariant>

#include <memory>

class ServerHarness final
{
public:
    ServerHarness();
    ~ServerHarness();
    Q_DISABLE_COPY_MOVE(ServerHarness)

    static QString binary();
    static QString logRoot();
    static bool usePostgres();

    // Lines for the INI file given with --config (e.g. "[limits]", "loginPerAccount=3").
    void setConfig(const QStringList& iniLines) { m_iniLines = iniLines; }
    void setExtraArguments(const QStringList& arguments) { m_extraArguments = arguments; }
    void setEnvironment(const QString& key, const QString& value) { m_env.insert(key, value); }

    // Starts the server and waits for its port; false (with a QWARN) if it did not come up.
    bool start(const QString& name);
    // start() in two halves, so several servers can be launched before any is waited for.
    bool launch(const QString& name);
    bool waitUntilUp();
    // Serve from the same database as `other` (which must have been started or prepared).
    void useStorageOf(const ServerHarness& other);
    // Creates this server's database (PostgreSQL) without starting the server.
    bool prepareStorage();
    // Runs SQL directly on the server's database, beside the running server (test set-up
    // such as a trigger that makes a write fail); false with a QWARN when it fails.
    bool execSql(const QString& sql);
    // The first column of the first row of a query on the server's database.
    QVariant sqlValue(const QString& sql, bool* ok = nullptr);
    // The storage URL the server uses (sqlite:<file> or postgresql://...) and its password.
    QString storageUrl() const;
    QByteArray storagePassword() const { return m_storagePassword.toUtf8(); }
    void stop();
    // SIGKILL, at once: the server gets no chance to finish or roll back anything itself.
    void killHard();
    quint16 port() const { return m_port; }
    // The running server process's id (0 when none): benchmarks read its CPU time.
    qint64 processId() const { return m_process ? m_process->processId() : 0; }
    QString baseUrl() const;
    QString dataDir() const { return m_dir.path() + QStringLiteral("/data"); }
    QString logDir() const { return m_logDir; }
    // Everything the server logged so far (log files and its stderr).
    QString logText() const;
    QProcessEnvironment environment() const;

    // Moves the server's clock forward by `ms` (cumulative).
    void advanceClock(qint64 ms);
    // Stops the server's wall clock at `epochMs` (ms since the epoch) until the next call of
    // either; for checks at an exact millisecond.
    void freezeClock(qint64 epochMs);
    // What advanceClock() added so far.
    qint64 clockOffsetMs() const { return m_clockOffset; }
    // The time the server reads now: the frozen instant, or the system clock plus the offset.
    qint64 nowMs() const;
    // Runs `conclave-server admin ...` against the same storage; returns exit code, output.
    int admin(const QStringList& arguments, QString* output = nullptr, QString* errors = nullptr);
    // Runs `conclave-server <arguments...>` (any command) against the same storage.
    int command(const QStringList& arguments, QString* output = nullptr, QString* errors = nullptr);
    // The 8-digit code in the newest outbox mail to `email`, or empty.
    QString latestCode(const QString& email) const;

private:
    QStringList commonArguments() const;
    QString sqlitePath() const;
    bool createPostgresDatabase();

    QTemporaryDir m_dir;
    QStringList m_iniLines;
    QStringList m_extraArguments;
    QProcessEnvironment m_env;
    std::unique_ptr<QProcess> m_process;
    QString m_logDir;
    quint16 m_port = 0;
    qint64 m_clockOffset = 0;
    qint64 m_frozenAtMs = 0; // 0: not frozen
    QString m_storageUrl;
    QString m_storagePassword;
    QString m_sqlitePath; // set by useStorageOf for SQLite
    QString m_portFile;
};
