// "Open": the planned command never carries a secret, credential files are 0600 in a 0700
// folder and disappear afterwards, commands are configurable. Launches run a fake terminal
// (/bin/sh) and client stubs that report what they received; psql and mysql also run for
// real against the fixtures' servers to show the credential files work.
#include "core/connect/ClientLauncher.h"

#include "ServiceEnv.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Conclave::Core;
using namespace Conclave::Core::TestSupport;
using namespace std::chrono_literals;

namespace {

// Characters that need escaping in pgpass and option files, and a shell metacharacter.
const QByteArray kPassword = QByteArrayLiteral("S3cr:et\\pw\"$(x)'");

Connection makeConnection(ConnectionKind kind, const QString& host = QStringLiteral("db.example.com"),
                          quint16 port = 0)
{
    Connection c;
    c.id = QUuid::createUuid();
    c.name = QStringLiteral("test");
    c.kind = kind;
    c.hosts = {HostPort{host, port}};
    c.username = QStringLiteral("alice");
    c.defaultDatabase = QStringLiteral("appdb");
    return c;
}

LaunchCredentials credentials(const QByteArray& password = kPassword)
{
    LaunchCredentials creds;
    if (!password.isEmpty())
        creds.password = SecureBytes::fromView(password);
    return creds;
}

// A "terminal" that runs the command it is given with its output in `out`.
QString fakeTerminal(const QString& out)
{
    return QStringLiteral("/bin/sh -c 'exec \"$@\" >\"%1\" 2>&1' fake-terminal").arg(out);
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QStringList sl(std::initializer_list<const char*> items)
{
    QStringList out;
    for (const char* item : items)
        out.append(QString::fromUtf8(item));
    return out;
}

} // namespace

class TestClientLauncher final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void noSecretOnCommandLine_data();
    void noSecretOnCommandLine();
    void clientArguments_data();
    void clientArguments();
    void credentialFilesArePrivateAndRemoved_data();
    void credentialFilesArePrivateAndRemoved();
    void detachedTerminalKeepsFilesForGraceTime();
    void droppedPlanRemovesFiles();
    void quittingRemovesFilesButKeepsTerminal();
    void realClientsSignIn_data();
    void realClientsSignIn();
    void configurableCommands();
    void splitCommand_data();
    void splitCommand();
    void settingsRoundTrip();
    void refusesBadInput_data();
    void refusesBadInput();
    void launchFailureIsReported();

private:
    std::unique_ptr<QTemporaryDir> m_work;
};

void TestClientLauncher::init()
{
    m_work = std::make_unique<QTemporaryDir>();
    QVERIFY(m_work->isValid());
}

void TestClientLauncher::noSecretOnCommandLine_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("envName"); // where the secret may appear instead, if anywhere
    QTest::addColumn<bool>("secretFile");
    QTest::newRow("postgresql") << int(ConnectionKind::PostgreSQL) << "PGPASSFILE" << true;
    QTest::newRow("mysql") << int(ConnectionKind::MySQL) << "" << true;
    QTest::newRow("redis") << int(ConnectionKind::Redis) << "REDISCLI_AUTH" << false;
    QTest::newRow("mongodb") << int(ConnectionKind::MongoDB) << "" << false;
    QTest::newRow("ssh") << int(ConnectionKind::SSH) << "" << false;
}

void TestClientLauncher::noSecretOnCommandLine()
{
    QFETCH(int, kind);
    QFETCH(QString, envName);
    QFETCH(bool, secretFile);
    LauncherSettings settings;
    settings.terminalCommand = QStringLiteral("/bin/sh -c 'exec \"$@\"' terminal");
    for (ConnectionKind k : allKinds())
        settings.clientCommands.insert(k, QStringLiteral("/usr/bin/env")); // mongosh is not packaged
    ClientLauncher launcher(settings);
    launcher.setTemporaryRoot(m_work->path());
    Connection c = makeConnection(ConnectionKind(kind));
    c.tls.enabled = true;
    c.tls.caFile = QStringLiteral("/etc/ssl/certs/ca-certificates.crt");
    Result<LaunchPlan> plan = launcher.plan(c, credentials());
    QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().message));

    const QString secret = QString::fromUtf8(kPassword);
    QVERIFY(!plan->program.contains(secret));
    for (const QString& arg : plan->arguments) {
        QVERIFY2(!arg.contains(secret), qPrintable(arg));
        QVERIFY2(!arg.contains(QLatin1String("S3cr")), qPrintable(arg)); // not even escaped
    }
    // No QString of the plan holds the secret, not even the environment's: a password passed
    // by environment stays in SecureBytes until the process starts.
    for (const QString& entry : plan->environment.toStringList())
        QVERIFY2(!entry.contains(QLatin1String("S3cr")), qPrintable(entry));
    if (envName == QLatin1String("REDISCLI_AUTH")) {
        QVERIFY(!plan->environment.contains(envName));
        QVERIFY(plan->environmentAdditions.contains(envName));
        QCOMPARE(plan->secretEnvironment.size(), std::size_t(1));
        QCOMPARE(QString::fromLatin1(plan->secretEnvironment.front().name), envName);
        QCOMPARE(plan->secretEnvironment.front().value.view(), QByteArrayView(kPassword));
    } else {
        QVERIFY(plan->secretEnvironment.empty());
    }
    if (envName == QLatin1String("PGPASSFILE"))
        QCOMPARE(plan->environment.value(envName), plan->files.value(0));
    QCOMPARE(!plan->files.isEmpty(), secretFile);
    if (secretFile) {
        const QFile::Permissions others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup |
                                          QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
        const QFile::Permissions file = QFileInfo(plan->files.first()).permissions();
        QCOMPARE(file & (others | QFile::ExeOwner), QFile::Permissions());
        QCOMPARE(file & (QFile::ReadOwner | QFile::WriteOwner), QFile::ReadOwner | QFile::WriteOwner);
        QCOMPARE(QFileInfo(plan->directoryPath()).permissions() & others, QFile::Permissions());
        QVERIFY(readAll(plan->files.first()).contains("S3cr"));
    }
}

void TestClientLauncher::clientArguments_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<bool>("tls");
    QTest::addColumn<QStringList>("expected"); // client arguments after the client command
    QTest::addColumn<QStringList>("env");      // expected NAME=value additions (besides secrets)
    QTest::newRow("psql") << int(ConnectionKind::PostgreSQL) << false
                          << sl({"-h", "db.example.com", "-p", "5432", "-U", "alice", "-d", "appdb"})
                          << sl({"PGAPPNAME=Conclave"});
    QTest::newRow("psql tls") << int(ConnectionKind::PostgreSQL) << true
                              << sl({"-h", "db.example.com", "-p", "5432", "-U", "alice", "-d", "appdb"})
                              << sl({"PGSSLROOTCERT=/ca.pem", "PGSSLMODE=verify-full"});
    QTest::newRow("mysql tls") << int(ConnectionKind::MySQL) << true
                               << sl({"-h", "db.example.com", "-P", "3306", "-u", "alice", "--ssl",
                                      "--ssl-ca=/ca.pem", "--ssl-verify-server-cert", "appdb"})
                               << sl({});
    QTest::newRow("redis tls") << int(ConnectionKind::Redis) << true
                               << sl({"-h", "db.example.com", "-p", "6379", "--user", "alice", "--tls",
                                      "--cacert", "/ca.pem"})
                               << sl({});
    QTest::newRow("mongosh tls") << int(ConnectionKind::MongoDB) << true
                                 << sl({"mongodb://db.example.com:27017/appdb", "--username", "alice",
                                        "--tls", "--tlsCAFile", "/ca.pem"})
                                 << sl({});
    QTest::newRow("ssh") << int(ConnectionKind::SSH) << false
                         << sl({"-p", "22", "-l", "alice", "--", "db.example.com"}) << sl({});
}

void TestClientLauncher::clientArguments()
{
    QFETCH(int, kind);
    QFETCH(bool, tls);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, env);
    LauncherSettings settings;
    settings.terminalCommand.clear(); // no terminal: program is the client itself
    settings.clientCommands.insert(ConnectionKind(kind), QStringLiteral("/usr/bin/env"));
    ClientLauncher launcher(settings);
    launcher.setTemporaryRoot(m_work->path());
    Connection c = makeConnection(ConnectionKind(kind));
    c.tls.enabled = tls;
    c.tls.caFile = QStringLiteral("/ca.pem");
    Result<LaunchPlan> plan = launcher.plan(c, credentials({}));
    QVERIFY(plan.ok());
    QCOMPARE(plan->program, QStringLiteral("/usr/bin/env"));
    QCOMPARE(plan->arguments, expected);
    QVERIFY(plan->files.isEmpty()); // no password, no file
    for (const QString& pair : env) {
        const QString name = pair.section(QLatin1Char('='), 0, 0);
        QCOMPARE(plan->environment.value(name), pair.section(QLatin1Char('='), 1));
        QVERIFY(plan->environmentAdditions.contains(name));
    }
}

void TestClientLauncher::credentialFilesArePrivateAndRemoved_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("stub");
    QTest::addColumn<QByteArray>("expected");
    // The stubs print what the client would read: file content, modes of file and folder.
    QTest::newRow("psql")
        << int(ConnectionKind::PostgreSQL)
        << R"sh(/bin/sh -c 'cat "$PGPASSFILE"; stat -c %a "$PGPASSFILE" "$(dirname "$PGPASSFILE")"' psql)sh"
        << QByteArray("*:*:*:*:S3cr\\:et\\\\pw\"$(x)'\n600\n700\n");
    QTest::newRow("mysql")
        << int(ConnectionKind::MySQL)
        << R"sh(/bin/sh -c 'f="${1#--defaults-extra-file=}"; cat "$f"; stat -c %a "$f" "${f%/*}"' mysql)sh"
        << QByteArray("[client]\npassword=\"S3cr:et\\\\pw\\\"$(x)'\"\n600\n700\n");
    QTest::newRow("redis-cli") << int(ConnectionKind::Redis)
                               << R"sh(/bin/sh -c 'printf %s "$REDISCLI_AUTH"' redis)sh" << kPassword;
}

void TestClientLauncher::credentialFilesArePrivateAndRemoved()
{
    QFETCH(int, kind);
    QFETCH(QString, stub);
    QFETCH(QByteArray, expected);
    const QString out = m_work->filePath(QStringLiteral("out.txt"));
    LauncherSettings settings;
    settings.terminalCommand = fakeTerminal(out);
    settings.clientCommands.insert(ConnectionKind(kind), stub);
    settings.detachThreshold = 0ms; // the fake terminal stays attached until the client ends
    ClientLauncher launcher(settings);
    launcher.setTemporaryRoot(m_work->path());
    QSignalSpy launched(&launcher, &ClientLauncher::launched);
    QSignalSpy cleaned(&launcher, &ClientLauncher::cleanedUp);

    const Connection c = makeConnection(ConnectionKind(kind));
    Result<LaunchPlan> plan = launcher.plan(c, credentials());
    QVERIFY(plan.ok());
    const QStringList files = plan->files;
    const QString dir = plan->directoryPath();
    QVERIFY(launcher.launch(std::move(plan).value(), c.id).ok());
    QTRY_COMPARE(launched.size(), 1);
    QCOMPARE(launched.at(0).at(0).value<QUuid>(), c.id);
    QTRY_COMPARE(launcher.runningCount(), 0);
    QCOMPARE(readAll(out), expected);
    if (!files.isEmpty()) {
        QTRY_COMPARE(cleaned.size(), 1);
        QCOMPARE(cleaned.at(0).at(0).toString(), dir);
        for (const QString& f : files)
            QVERIFY(!QFileInfo::exists(f));
        QVERIFY(!QFileInfo::exists(dir));
    }
}

void TestClientLauncher::detachedTerminalKeepsFilesForGraceTime()
{
    LauncherSettings settings;
    settings.terminalCommand = QStringLiteral("/bin/sh -c true"); // returns at once, like gnome-terminal
    settings.clientCommands.insert(ConnectionKind::PostgreSQL, QStringLiteral("/usr/bin/env"));
    settings.detachThreshold = 60s;
    settings.graceAfterDetach = 500ms;
    ClientLauncher launcher(settings);
    launcher.setTemporaryRoot(m_work->path());
    QSignalSpy cleaned(&launcher, &ClientLauncher::cleanedUp);
    Result<LaunchPlan> plan = launcher.plan(makeConnection(ConnectionKind::PostgreSQL), credentials());
    QVERIFY(plan.ok());
    const QString file = plan->files.value(0);
    QVERIFY(launcher.launch(std::move(plan).value()).ok());
    QTRY_COMPARE(launcher.runningCount(), 0);
    QVERIFY2(QFileInfo::exists(file), "removed before the detached client could read it");
    QTRY_COMPARE_WITH_TIMEOUT(cleaned.size(), 1, 10000);
    QVERIFY(!QFileInfo::exists(file));
}

void TestClientLauncher::droppedPlanRemovesFiles()
{
    LauncherSettings settings;
    settings.terminalCommand.clear();
    settings.clientCommands.insert(ConnectionKind::MySQL, QStringLiteral("/usr/bin/env"));
    ClientLauncher launcher(settings);
    launcher.setTemporaryRoot(m_work->path());
    QString dir;
    {
        Result<LaunchPlan> plan = launcher.plan(makeConnection(ConnectionKind::MySQL), credentials());
        QVERIFY(plan.ok());
        dir = plan->directoryPath();
        QVERIFY(QFileInfo::exists(dir));
    }
    QVERIFY(!QFileInfo::exists(dir));
    QCOMPARE(QDir(m_work->path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList());
}

// The terminal blocks reading a FIFO until the test opens it for writing; so it is still
// running when the launcher goes away, and finishes when the test lets it.
void TestClientLauncher::quittingRemovesFilesButKeepsTerminal()
{
    const QString fifo = m_work->filePath(QStringLiteral("gate"));
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    LauncherSettings settings;
    settings.terminalCommand =
        QStringLiteral("/bin/sh -c 'timeout 30 cat \"$0\" >/dev/null && touch \"$0.done\"' %1").arg(fifo);
    settings.clientCommands.insert(ConnectionKind::PostgreSQL, QStringLiteral("/usr/bin/env"));
    const QString root = m_work->filePath(QStringLiteral("root"));
    QVERIFY(QDir().mkpath(root));
    QString dir;
    {
        ClientLauncher launcher(settings);
        launcher.setTemporaryRoot(root);
        QSignalSpy launched(&launcher, &ClientLauncher::launched);
        Result<LaunchPlan> plan = launcher.plan(makeConnection(ConnectionKind::PostgreSQL), credentials());
        QVERIFY(plan.ok());
        dir = plan->directoryPath();
        QVERIFY(launcher.launch(std::move(plan).value()).ok());
        QTRY_COMPARE(launched.size(), 1);
        QCOMPARE(launcher.runningCount(), 1);
    }
    QVERIFY(!QFileInfo::exists(dir));
    // Non-blocking: opening fails (ENXIO) while no reader has the FIFO open, so this waits for
    // the terminal's reader instead of hanging if the terminal was killed.
    int gate = -1;
    const bool opened = QTest::qWaitFor(
        [&] { return (gate = ::open(QFile::encodeName(fifo).constData(), O_WRONLY | O_NONBLOCK)) >= 0; },
        10000);
    QVERIFY2(opened, "the terminal did not survive the launcher");
    ::close(gate);
    QTRY_VERIFY(QFileInfo::exists(fifo + QLatin1String(".done")));
}

void TestClientLauncher::realClientsSignIn_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("client");
    QTest::addColumn<QString>("userKey");
    QTest::addColumn<QString>("passwordKey");
    QTest::newRow("psql") << int(ConnectionKind::PostgreSQL)
                          << QStringLiteral("psql -X -A -t -w -c 'select current_user'")
                          << "CONCLAVE_PG_SCRAM_USER"
                          << "CONCLAVE_PG_SCRAM_PASSWORD";
    // mysql wants --defaults-extra-file first, so the statement goes after the planned arguments.
    QTest::newRow("mysql") << int(ConnectionKind::MySQL)
                           << QStringLiteral(
                                  R"sh(/bin/sh -c 'exec mysql "$@" -N -e "select current_user()"' mysql)sh")
                           << "MARIADB_USER"
                           << "MARIADB_PASSWORD";
}

void TestClientLauncher::realClientsSignIn()
{
    QFETCH(int, kind);
    QFETCH(QString, client);
    QFETCH(QString, userKey);
    QFETCH(QString, passwordKey);
    const bool pg = ConnectionKind(kind) == ConnectionKind::PostgreSQL;
    const Env env = loadEnv(pg ? QStringLiteral("postgres") : QStringLiteral("mariadb"));
    QVERIFY2(!env.isEmpty(), "service fixture not running");
    const QString out = m_work->filePath(QStringLiteral("out.txt"));
    LauncherSettings settings;
    settings.terminalCommand = fakeTerminal(out);
    settings.clientCommands.insert(ConnectionKind(kind), client);
    settings.detachThreshold = 0ms;
    ClientLauncher launcher(settings);
    launcher.setTemporaryRoot(m_work->path());
    QSignalSpy cleaned(&launcher, &ClientLauncher::cleanedUp);

    Connection c =
        makeConnection(ConnectionKind(kind), QStringLiteral("127.0.0.1"),
                       env.value(pg ? QStringLiteral("PGPORT") : QStringLiteral("MARIADB_PORT")).toUShort());
    c.username = env.value(userKey);
    c.defaultDatabase = pg ? QStringLiteral("postgres") : env.value(QStringLiteral("MARIADB_DATABASE"));
    c.tls.enabled = true;
    c.tls.caFile = env.value(pg ? QStringLiteral("PGSSLROOTCERT") : QStringLiteral("MARIADB_CA"));
    QVERIFY(launcher.open(c, credentials(env.value(passwordKey).toUtf8())).ok());
    QTRY_COMPARE_WITH_TIMEOUT(cleaned.size(), 1, 30000);
    const QByteArray printed = readAll(out).trimmed();
    QVERIFY2(printed.startsWith(c.username.toUtf8()), printed.constData());
}

void TestClientLauncher::configurableCommands()
{
    LauncherSettings settings;
    QCOMPARE(settings.terminalCommand, QStringLiteral("x-terminal-emulator -e"));
    QCOMPARE(settings.clientCommand(ConnectionKind::PostgreSQL), QStringLiteral("psql"));
    QCOMPARE(settings.clientCommand(ConnectionKind::MongoDB), QStringLiteral("mongosh"));
    QCOMPARE(settings.clientCommand(ConnectionKind::MySQL), QStringLiteral("mysql"));
    QCOMPARE(settings.clientCommand(ConnectionKind::Redis), QStringLiteral("redis-cli"));
    QCOMPARE(settings.clientCommand(ConnectionKind::SSH), QStringLiteral("ssh"));

    settings.terminalCommand = QStringLiteral("/bin/sh -c 'exec \"$@\"' \"my term\"");
    settings.clientCommands.insert(ConnectionKind::SSH, QStringLiteral("/usr/bin/env -u TERM_X ssh-ish"));
    ClientLauncher launcher(settings);
    Result<LaunchPlan> plan = launcher.plan(makeConnection(ConnectionKind::SSH), credentials());
    QVERIFY(plan.ok());
    QCOMPARE(plan->program, QStringLiteral("/bin/sh"));
    QCOMPARE(plan->arguments.mid(0, 6),
             (sl({"-c", "exec \"$@\"", "my term", "/usr/bin/env", "-u", "TERM_X"})));
    QCOMPARE(plan->arguments.at(6), QStringLiteral("ssh-ish"));

    // The default terminal is used when present; a missing program is an error in words.
    settings.terminalCommand = QStringLiteral("no-such-terminal-program -e");
    launcher.setSettings(settings);
    Result<LaunchPlan> missing = launcher.plan(makeConnection(ConnectionKind::SSH), credentials());
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
    QVERIFY(missing.error().message.contains(QLatin1String("no-such-terminal-program")));
    settings.terminalCommand.clear();
    settings.clientCommands.insert(ConnectionKind::SSH, QStringLiteral("no-such-ssh-client"));
    launcher.setSettings(settings);
    missing = launcher.plan(makeConnection(ConnectionKind::SSH), credentials());
    QVERIFY(!missing.ok());
    QVERIFY(missing.error().message.contains(QLatin1String("no-such-ssh-client")));
}

void TestClientLauncher::splitCommand_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("words");
    QTest::newRow("plain") << "x-terminal-emulator -e" << sl({"x-terminal-emulator", "-e"});
    QTest::newRow("spaces") << "  a   b  " << sl({"a", "b"});
    QTest::newRow("single quotes") << "sh -c 'exec \"$@\"' t" << sl({"sh", "-c", "exec \"$@\"", "t"});
    QTest::newRow("double quotes") << "\"/opt/my term/bin\" -x \"a\\\"b\""
                                   << sl({"/opt/my term/bin", "-x", "a\"b"});
    QTest::newRow("backslash") << "a\\ b c" << sl({"a b", "c"});
    QTest::newRow("empty quoted word") << "a '' b" << sl({"a", "", "b"});
    QTest::newRow("empty") << "" << QStringList();
}

void TestClientLauncher::splitCommand()
{
    QFETCH(QString, command);
    QFETCH(QStringList, words);
    const Result<QStringList> split = LauncherSettings::splitCommand(command);
    QVERIFY(split.ok());
    QCOMPARE(*split, words);
    QVERIFY(!LauncherSettings::splitCommand(QStringLiteral("sh -c 'unterminated")).ok());
    QVERIFY(!LauncherSettings::splitCommand(QStringLiteral("sh -c \"unterminated")).ok());
}

void TestClientLauncher::settingsRoundTrip()
{
    const QString path = m_work->filePath(QStringLiteral("settings.ini"));
    LauncherSettings custom;
    custom.terminalCommand = QStringLiteral("konsole --nofork -e");
    custom.clientCommands.insert(ConnectionKind::PostgreSQL, QStringLiteral("/opt/pg/bin/psql"));
    custom.graceAfterDetach = 12s;
    {
        QSettings settings(path, QSettings::IniFormat);
        custom.save(settings);
    }
    QSettings settings(path, QSettings::IniFormat);
    QCOMPARE(LauncherSettings::load(settings), custom);
    QSettings empty(m_work->filePath(QStringLiteral("empty.ini")), QSettings::IniFormat);
    QCOMPARE(LauncherSettings::load(empty), LauncherSettings{});
    QVERIFY(!readAll(path).contains("S3cr"));
}

void TestClientLauncher::refusesBadInput_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("tunnel");
    QTest::addColumn<QString>("identityFile");
    QTest::addColumn<QString>("field");
    QTest::newRow("no host") << int(ConnectionKind::PostgreSQL) << "" << false << ""
                             << "hosts";
    QTest::newRow("option as host") << int(ConnectionKind::SSH) << "-oProxyCommand=touch /tmp/x" << false
                                    << ""
                                    << "hosts";
    QTest::newRow("tunnel for a database") << int(ConnectionKind::Redis) << "db" << true << ""
                                           << "ssh";
    QTest::newRow("key that is not a file") << int(ConnectionKind::SSH) << "host" << false << "/no/such/key"
                                            << "identityFile";
}

void TestClientLauncher::refusesBadInput()
{
    QFETCH(int, kind);
    QFETCH(QString, host);
    QFETCH(bool, tunnel);
    QFETCH(QString, identityFile);
    QFETCH(QString, field);
    LauncherSettings settings;
    settings.terminalCommand.clear();
    settings.clientCommands.insert(ConnectionKind(kind), QStringLiteral("/usr/bin/env"));
    ClientLauncher launcher(settings);
    launcher.setTemporaryRoot(m_work->path());
    Connection c = makeConnection(ConnectionKind(kind), host);
    if (host.isEmpty())
        c.hosts.clear();
    c.ssh.enabled = tunnel;
    c.ssh.host = QStringLiteral("jump");
    LaunchCredentials creds = credentials();
    creds.identityFile = identityFile;
    Result<LaunchPlan> plan = launcher.plan(c, creds);
    QVERIFY(!plan.ok());
    QCOMPARE(plan.error().field, field);
    QVERIFY(!plan.error().message.isEmpty());
    QCOMPARE(QDir(m_work->path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList());
}

void TestClientLauncher::launchFailureIsReported()
{
    LauncherSettings settings;
    settings.terminalCommand.clear();
    settings.clientCommands.insert(ConnectionKind::PostgreSQL, QStringLiteral("/usr/bin/env"));
    ClientLauncher launcher(settings);
    launcher.setTemporaryRoot(m_work->path());
    QSignalSpy failed(&launcher, &ClientLauncher::launchFailed);
    QSignalSpy cleaned(&launcher, &ClientLauncher::cleanedUp);
    Result<LaunchPlan> plan = launcher.plan(makeConnection(ConnectionKind::PostgreSQL), credentials());
    QVERIFY(plan.ok());
    plan->program = m_work->filePath(QStringLiteral("vanished-terminal")); // gone since planning
    const QUuid id = QUuid::createUuid();
    QVERIFY(launcher.launch(std::move(plan).value(), id).ok());
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.at(0).at(0).value<QUuid>(), id);
    QVERIFY(failed.at(0).at(1).toString().contains(QLatin1String("vanished-terminal")));
    QCOMPARE(cleaned.size(), 1);
    QCOMPARE(launcher.runningCount(), 0);
    QCOMPARE(QDir(m_work->path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList());
}

QTEST_GUILESS_MAIN(TestClientLauncher)
#include "TestClientLauncher.moc"
