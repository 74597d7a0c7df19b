// Starting and driving a real conclave-server for integration tests.
#include "ServerHarness.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUrl>
#include <QUuid>

namespace {
QHash<QString, QString> readEnvFile(const QString& path)
{
    QHash<QString, QString> values;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return values;
    for (const QByteArray& raw : file.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        const auto eq = line.indexOf(QLatin1Char('='));
        if (line.startsWith(QLatin1Char('#')) || eq <= 0)
            continue;
        QString value = line.mid(eq + 1);
        if (value.size() >= 2 && (value.startsWith(QLatin1Char('\'')) || value.startsWith(QLatin1Char('"'))))
            value = value.mid(1, value.size() - 2);
        QString key = line.left(eq);
        if (key.startsWith(QLatin1String("export ")))
            key = key.mid(7);
        values.insert(key, value);
    }
    return values;
}
} // namespace

ServerHarness::ServerHarness()
    : m_env(QProcessEnvironment::systemEnvironment())
{}

ServerHarness::~ServerHarness()
{
    stop();
}

QString ServerHarness::binary()
{
    return QStringLiteral(CONCLAVE_BINARY_DIR "/server/conclave-server");
}

QString ServerHarness::logRoot()
{
    return QStringLiteral(CONCLAVE_BINARY_DIR "/server-test-logs");
}

bool ServerHarness::usePostgres()
{
    return qEnvironmentVariable("CONCLAVE_TEST_SERVER_STORAGE") == QLatin1String("postgres");
}

QString ServerHarness::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_port);
}

bool ServerHarness::createPostgresDatabase()
{
    const QString envFile = QStringLiteral(CONCLAVE_BINARY_DIR "/test-services/postgres/postgres.env");
    const auto pg = readEnvFile(envFile);
    if (pg.isEmpty()) {
        qWarning("PostgreSQL fixture not running: %s missing", qPrintable(envFile));
        return false;
    }
    const QString dbName =
        QStringLiteral("conclave_server_") + QUuid::createUuid().toString(QUuid::Id128).left(12);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("harness-admin"));
        db.setHostName(pg.value(QStringLiteral("PGHOST"), QStringLiteral("127.0.0.1")));
        db.setPort(pg.value(QStringLiteral("PGPORT")).toInt());
        db.setUserName(pg.value(QStringLiteral("PGUSER"), QStringLiteral("conclave")));
        db.setPassword(pg.value(QStringLiteral("PGPASSWORD")));
        db.setDatabaseName(QStringLiteral("postgres"));
        const bool ok = db.open() && QSqlQuery(db).exec(QStringLiteral("CREATE DATABASE ") + dbName);
        if (!ok)
            qWarning("cannot create the test database: %s", qPrintable(db.lastError().text()));
        db.close();
        if (!ok) {
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(QStringLiteral("harness-admin"));
            return false;
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("harness-admin"));
    m_storageUrl = QStringLiteral("postgresql://%1@%2:%3/%4")
                       .arg(pg.value(QStringLiteral("PGUSER"), QStringLiteral("conclave")),
                            pg.value(QStringLiteral("PGHOST"), QStringLiteral("127.0.0.1")),
                            pg.value(QStringLiteral("PGPORT")), dbName);
    m_storagePassword = pg.value(QStringLiteral("PGPASSWORD"));
    return true;
}

QProcessEnvironment ServerHarness::environment() const
{
    QProcessEnvironment env = m_env;
    env.insert(QStringLiteral("CONCLAVE_SERVER_TEST_CLOCK_FILE"), m_dir.path() + QStringLiteral("/clock"));
    if (!m_storageUrl.isEmpty()) {
        env.insert(QStringLiteral("CONCLAVE_SERVER_STORAGE"), m_storageUrl);
        env.insert(QStringLiteral("CONCLAVE_STORAGE_PASSWORD"), m_storagePassword);
    }
    return env;
}

QStringList ServerHarness::commonArguments() const
{
    QStringList args{QStringLiteral("--data-dir"), dataDir()};
    if (!m_iniLines.isEmpty())
        args << QStringLiteral("--config") << m_dir.path() + QStringLiteral("/server.ini");
    return args;
}

bool ServerHarness::start(const QString& name)
{
    return launch(name) && waitUntilUp();
}

bool ServerHarness::prepareStorage()
{
    if (!m_dir.isValid())
        return false;
    return !usePostgres() || !m_storageUrl.isEmpty() || createPostgresDatabase();
}

void ServerHarness::useStorageOf(const ServerHarness& other)
{
    m_storageUrl = other.m_storageUrl;
    m_storagePassword = other.m_storagePassword;
    if (m_storageUrl.isEmpty()) {
        m_sqlitePath = other.sqlitePath();
        m_env.insert(QStringLiteral("CONCLAVE_SERVER_STORAGE"), QStringLiteral("sqlite:") + m_sqlitePath);
    }
}

QString ServerHarness::sqlitePath() const
{
    return m_sqlitePath.isEmpty() ? dataDir() + QStringLiteral("/conclave-server.sqlite") : m_sqlitePath;
}

bool ServerHarness::execSql(const QString& sql)
{
    bool ok = false;
    (void)sqlValue(sql, &ok);
    return ok;
}

QVariant ServerHarness::sqlValue(const QString& sql, bool* ok)
{
    const QString connection = QStringLiteral("harness-sql-") + QUuid::createUuid().toString(QUuid::Id128);
    QVariant value;
    bool done = false;
    {
        QSqlDatabase db;
        if (m_storageUrl.isEmpty()) {
            QDir().mkpath(QFileInfo(sqlitePath()).absolutePath());
            db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
            db.setDatabaseName(sqlitePath());
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        } else {
            const QUrl url(m_storageUrl);
            db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
            db.setHostName(url.host());
            db.setPort(url.port(5432));
            db.setUserName(url.userName());
            db.setPassword(m_storagePassword);
            db.setDatabaseName(url.path().mid(1));
        }
        if (db.open()) {
            QSqlQuery query(db);
            done = query.exec(sql);
            if (!done)
                qWarning("SQL on the server's database failed: %s", qPrintable(query.lastError().text()));
            else if (query.next())
                value = query.value(0);
        } else {
            qWarning("cannot open the server's database: %s", qPrintable(db.lastError().text()));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    if (ok)
        *ok = done;
    return value;
}

QString ServerHarness::storageUrl() const
{
    return m_storageUrl.isEmpty() ? QStringLiteral("sqlite:") + sqlitePath() : m_storageUrl;
}

bool ServerHarness::launch(const QString& name)
{
    if (!prepareStorage())
        return false;
    if (!m_iniLines.isEmpty()) {
        QFile ini(m_dir.path() + QStringLiteral("/server.ini"));
        if (!ini.open(QIODevice::WriteOnly))
            return false;
        ini.write(m_iniLines.join(QLatin1Char('\n')).toUtf8() + '\n');
    }
    m_logDir = logRoot() + QLatin1Char('/') + name + QLatin1Char('-') +
               (usePostgres() ? QStringLiteral("postgres") : QStringLiteral("sqlite")) + QLatin1Char('-') +
               QUuid::createUuid().toString(QUuid::Id128).left(8);
    QDir().mkpath(m_logDir);
    m_portFile = m_dir.path() + QStringLiteral("/port");
    QFile::remove(m_portFile);

    m_process = std::make_unique<QProcess>();
    m_process->setProcessEnvironment(environment());
    // Everything the process prints is kept beside its log files for the hygiene check.
    m_process->setStandardOutputFile(m_logDir + QStringLiteral("/stdout.txt"));
    m_process->setStandardErrorFile(m_logDir + QStringLiteral("/stderr.txt"));
    m_process->start(binary(), QStringList{QStringLiteral("serve")} + commonArguments() +
                                   QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                               QStringLiteral("--port-file"), m_portFile,
                                               QStringLiteral("--log-dir"), m_logDir} +
                                   m_extraArguments);
    return true;
}

bool ServerHarness::waitUntilUp()
{
    if (!m_process)
        return false;
    const bool up = QTest::qWaitFor(
        [&] { return QFile(m_portFile).size() > 0 || m_process->state() == QProcess::NotRunning; }, 20000);
    QFile file(m_portFile);
    if (!up || !file.open(QIODevice::ReadOnly)) {
        qWarning("conclave-server did not start; see %s", qPrintable(m_logDir));
        return false;
    }
    m_port = quint16(file.readAll().trimmed().toUInt());
    return m_port != 0;
}

void ServerHarness::stop()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    m_process->terminate();
    if (!QTest::qWaitFor([&] { return m_process->state() == QProcess::NotRunning; }, 10000))
        m_process->kill();
    (void)QTest::qWaitFor([&] { return m_process->state() == QProcess::NotRunning; }, 5000);
}

void ServerHarness::killHard()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    m_process->kill();
    (void)QTest::qWaitFor([&] { return m_process->state() == QProcess::NotRunning; }, 5000);
}

qint64 ServerHarness::nowMs() const
{
    return m_frozenAtMs != 0 ? m_frozenAtMs : QDateTime::currentMSecsSinceEpoch() + m_clockOffset;
}

void ServerHarness::advanceClock(qint64 ms)
{
    m_clockOffset += ms;
    m_frozenAtMs = 0;
    QFile file(m_dir.path() + QStringLiteral("/clock"));
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(QByteArray::number(m_clockOffset));
}

void ServerHarness::freezeClock(qint64 epochMs)
{
    m_frozenAtMs = epochMs;
    QFile file(m_dir.path() + QStringLiteral("/clock"));
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write('@' + QByteArray::number(epochMs));
}

int ServerHarness::admin(const QStringList& arguments, QString* output, QString* errors)
{
    return command(QStringList{QStringLiteral("admin")} + arguments, output, errors);
}

int ServerHarness::command(const QStringList& arguments, QString* output, QString* errors)
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(binary(), arguments + commonArguments());
    (void)QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 20000);
    if (output)
        *output = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    if (errors)
        *errors = QString::fromUtf8(process.readAllStandardError()).trimmed();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

QString ServerHarness::latestCode(const QString& email) const
{
    QDir outbox(dataDir() + QStringLiteral("/outbox"));
    const QStringList files = outbox.entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name);
    static const QRegularExpression code(QStringLiteral("code is (\\d{8})"));
    for (auto it = files.crbegin(); it != files.crend(); ++it) {
        QFile file(outbox.filePath(*it));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QString text = QString::fromUtf8(file.readAll());
        if (!text.contains(QStringLiteral("To: ") + email + QStringLiteral("\r\n")))
            continue;
        const auto match = code.match(text);
        if (match.hasMatch())
            return match.captured(1);
    }
    return {};
}

QString ServerHarness::logText() const
{
    QString text;
    const QDir dir(m_logDir);
    for (const QString& name : dir.entryList(QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        if (file.open(QIODevice::ReadOnly))
            text += QString::fromUtf8(file.readAll());
    }
    return text;
}
