// Client command lines per kind, credential files and the lifetime of launched terminals.
#include "core/connect/ClientLauncher.h"

#include "core/util/LogCategories.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTimer>
#include <QUrl>

#include <algorithm>

#ifdef Q_OS_UNIX
#include <unistd.h>
extern char** environ; // POSIX; not every libc declares it
#endif

namespace Conclave::Core {

struct ClientLauncher::Running
{
    QUuid connectionId;
    std::unique_ptr<QProcess> process;
    std::unique_ptr<QTemporaryDir> directory;
    QElapsedTimer started;
};

namespace {

// pgpass fields escape ':' and '\' with a backslash.
QByteArray pgpassEscape(QByteArrayView value)
{
    QByteArray out;
    out.reserve(value.size() + 8);
    for (char c : value) {
        if (c == ':' || c == '\\')
            out.append('\\');
        out.append(c);
    }
    return out;
}

// A double-quoted MySQL option file value.
QByteArray mycnfQuote(QByteArrayView value)
{
    QByteArray out("\"");
    for (char c : value) {
        switch (c) {
        case '\\':
            out.append("\\\\");
            break;
        case '"':
            out.append("\\\"");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        default:
            out.append(c);
        }
    }
    out.append('"');
    return out;
}

QString hostList(const Connection& connection, QChar separator)
{
    QStringList hosts;
    for (const HostPort& hp : connection.hosts)
        hosts.append(hp.host);
    return hosts.join(separator);
}

quint16 portOf(const Connection& connection, const HostPort& hp)
{
    return hp.port ? hp.port : kindDefaultPort(connection.kind);
}

QString option(const Connection& connection, const QString& name)
{
    for (const ConnectionOption& o : connection.options)
        if (o.first.compare(name, Qt::CaseInsensitive) == 0)
            return o.second;
    return {};
}

QString bracketed(const QString& host)
{
    return host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
}

// QProcess objects of terminals that outlive their launcher. They stay reachable until the
// process exits (deleting one would kill the user's terminal), so nothing is lost track of.
QList<QProcess*>& abandonedProcesses()
{
    // Never destroyed: the list must still be reachable when leak checkers look at exit.
    static auto* s_processes = new QList<QProcess*>;
    return *s_processes;
}

} // namespace

ClientLauncher::ClientLauncher(LauncherSettings settings, QObject* parent)
    : QObject(parent)
    , m_settings(std::move(settings))
{}

ClientLauncher::~ClientLauncher()
{
    for (auto& running : m_running) {
        // Deleting a QProcess kills its process; the user's terminal must outlive Conclave,
        // so the object is deliberately left behind. Its credential files go now.
        running->process->disconnect(this);
        abandonedProcesses().append(running->process.release());
        running->directory.reset();
    }
}

int ClientLauncher::runningCount() const
{
    return int(m_running.size());
}

Status ClientLauncher::writeSecretFile(LaunchPlan& plan, const QString& name, QByteArray& content) const
{
    if (!plan.directory) {
        QString root = m_temporaryRoot;
        if (root.isEmpty())
            root = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
        if (root.isEmpty() || !QFileInfo(root).isDir())
            root = QDir::tempPath();
        // QTemporaryDir makes the directory 0700 (mkdtemp).
        auto dir = std::make_unique<QTemporaryDir>(root + QLatin1String("/conclave-open-XXXXXX"));
        if (!dir->isValid()) {
            secureWipe(content);
            return Error::make(
                ErrorCode::Io,
                tr("Could not create a private folder for the credentials: %1.").arg(dir->errorString()));
        }
        plan.directory = std::move(dir);
    }
    const QString path = plan.directory->filePath(name);
    QFile file(path);
    // Created 0600 from the start, inside a 0700 directory.
    const bool opened =
        file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFile::ReadOwner | QFile::WriteOwner);
    const bool written = opened && file.write(content) == content.size() && file.flush();
    secureWipe(content);
    file.close();
    if (!written) {
        QFile::remove(path);
        return Error::make(ErrorCode::Io,
                           tr("Could not write the credentials file: %1.").arg(file.errorString()));
    }
    plan.files.append(path);
    return {};
}

Result<QStringList> ClientLauncher::clientArguments(const Connection& connection,
                                                    const LaunchCredentials& credentials,
                                                    LaunchPlan& plan) const
{
    const QString user = credentials.username.isEmpty() ? connection.username : credentials.username;
    const HostPort first = connection.hosts.value(0);
    const QString port = QString::number(portOf(connection, first));
    const bool hasPassword = !credentials.password.isEmpty();
    const auto setEnv = [&plan](const QString& name, const QString& value) {
        plan.environment.insert(name, value);
        plan.environmentAdditions.append(name);
    };
    QStringList args;

    switch (connection.kind) {
    case ConnectionKind::PostgreSQL: {
        QStringList ports;
        for (const HostPort& hp : connection.hosts)
            ports.append(QString::number(portOf(connection, hp)));
        args << QStringLiteral("-h") << hostList(connection, QLatin1Char(',')) << QStringLiteral("-p")
             << ports.join(QLatin1Char(','));
        if (!user.isEmpty())
            args << QStringLiteral("-U") << user;
        if (!connection.defaultDatabase.isEmpty())
            args << QStringLiteral("-d") << connection.defaultDatabase;
        setEnv(QStringLiteral("PGAPPNAME"), QStringLiteral("Conclave"));
        const QString sslMode = option(connection, QStringLiteral("sslmode"));
        if (connection.tls.enabled) {
            if (!connection.tls.caFile.isEmpty()) {
                setEnv(QStringLiteral("PGSSLROOTCERT"), connection.tls.caFile);
                setEnv(QStringLiteral("PGSSLMODE"), connection.tls.allowInvalidHostnames
                                                        ? QStringLiteral("verify-ca")
                                                        : QStringLiteral("verify-full"));
            } else {
                // libpq 15 has no "system" root store; verify-full would need ~/.postgresql/root.crt.
                setEnv(QStringLiteral("PGSSLMODE"), sslMode.isEmpty() ? QStringLiteral("require") : sslMode);
            }
        } else if (!sslMode.isEmpty()) {
            setEnv(QStringLiteral("PGSSLMODE"), sslMode);
        }
        if (hasPassword) {
            QByteArray line = "*:*:*:*:" + pgpassEscape(credentials.password.view()) + '\n';
            const Status written = writeSecretFile(plan, QStringLiteral("pgpass"), line);
            if (!written)
                return written.error();
            setEnv(QStringLiteral("PGPASSFILE"), plan.files.constLast());
        }
        break;
    }
    case ConnectionKind::MySQL: {
        if (hasPassword) {
            QByteArray content = "[client]\npassword=" + mycnfQuote(credentials.password.view()) + '\n';
            const Status written = writeSecretFile(plan, QStringLiteral("my.cnf"), content);
            if (!written)
                return written.error();
            // mysql requires this option to come first.
            args << QStringLiteral("--defaults-extra-file=") + plan.files.constLast();
        }
        args << QStringLiteral("-h") << first.host << QStringLiteral("-P") << port;
        if (!user.isEmpty())
            args << QStringLiteral("-u") << user;
        if (connection.tls.enabled) {
            args << QStringLiteral("--ssl");
            if (!connection.tls.caFile.isEmpty())
                args << QStringLiteral("--ssl-ca=") + connection.tls.caFile;
            if (!connection.tls.allowInvalidHostnames)
                args << QStringLiteral("--ssl-verify-server-cert");
        }
        if (!connection.defaultDatabase.isEmpty())
            args << connection.defaultDatabase;
        break;
    }
    case ConnectionKind::Redis: {
        args << QStringLiteral("-h") << first.host << QStringLiteral("-p") << port;
        if (!user.isEmpty())
            args << QStringLiteral("--user") << user;
        if (connection.tls.enabled) {
            args << QStringLiteral("--tls");
            if (!connection.tls.caFile.isEmpty())
                args << QStringLiteral("--cacert") << connection.tls.caFile;
        }
        bool dbOk = false;
        const int db = connection.defaultDatabase.toInt(&dbOk);
        if (dbOk && db > 0)
            args << QStringLiteral("-n") << QString::number(db);
        if (hasPassword) {
            // redis-cli reads the password from here instead of -a, which would show in ps.
            plan.secretEnvironment.push_back(
                {QByteArrayLiteral("REDISCLI_AUTH"), credentials.password.clone()});
            plan.environmentAdditions.append(QStringLiteral("REDISCLI_AUTH"));
        }
        break;
    }
    case ConnectionKind::MongoDB: {
        QUrl url;
        url.setScheme(connection.srv ? QStringLiteral("mongodb+srv") : QStringLiteral("mongodb"));
        QStringList hosts;
        for (const HostPort& hp : connection.hosts)
            hosts.append(connection.srv ? hp.host
                                        : bracketed(hp.host) + QLatin1Char(':') +
                                              QString::number(portOf(connection, hp)));
        QString uri = url.scheme() + QLatin1String("://") + hosts.join(QLatin1Char(',')) + QLatin1Char('/') +
                      QString::fromUtf8(QUrl::toPercentEncoding(connection.defaultDatabase));
        QStringList query;
        for (const ConnectionOption& o : connection.options)
            query.append(QString::fromUtf8(QUrl::toPercentEncoding(o.first)) + QLatin1Char('=') +
                         QString::fromUtf8(QUrl::toPercentEncoding(o.second)));
        if (!query.isEmpty())
            uri += QLatin1Char('?') + query.join(QLatin1Char('&'));
        args << uri;
        if (!user.isEmpty())
            args << QStringLiteral("--username") << user; // mongosh then prompts for the password
        if (connection.tls.enabled) {
            args << QStringLiteral("--tls");
            if (!connection.tls.caFile.isEmpty())
                args << QStringLiteral("--tlsCAFile") << connection.tls.caFile;
            if (connection.tls.allowInvalidHostnames)
                args << QStringLiteral("--tlsAllowInvalidHostnames");
        }
        break;
    }
    case ConnectionKind::SSH: {
        args << QStringLiteral("-p") << port;
        if (!user.isEmpty())
            args << QStringLiteral("-l") << user;
        if (!credentials.identityFile.isEmpty()) {
            if (!QFileInfo(credentials.identityFile).isFile())
                return Error::make(ErrorCode::InvalidInput,
                                   tr("The SSH key file %1 does not exist.").arg(credentials.identityFile),
                                   QStringLiteral("identityFile"));
            args << QStringLiteral("-i") << credentials.identityFile;
        }
        if (connection.ssh.enabled && !connection.ssh.host.isEmpty()) {
            QString jump = bracketed(connection.ssh.host) + QLatin1Char(':') +
                           QString::number(connection.ssh.port ? connection.ssh.port : 22);
            if (!connection.ssh.user.isEmpty())
                jump = connection.ssh.user + QLatin1Char('@') + jump;
            args << QStringLiteral("-J") << jump;
        }
        // "--" keeps a host name starting with '-' from being read as an option.
        args << QStringLiteral("--") << first.host;
        break;
    }
    }
    return args;
}

Result<LaunchPlan> ClientLauncher::plan(const Connection& connection,
                                        const LaunchCredentials& credentials) const
{
    if (connection.hosts.isEmpty() || connection.hosts.first().host.trimmed().isEmpty())
        return Error::make(ErrorCode::InvalidInput, tr("The connection has no host to open."),
                           QStringLiteral("hosts"));
    for (const HostPort& hp : connection.hosts) {
        // A host that looks like an option could change what the client does.
        if (hp.host.startsWith(QLatin1Char('-')) || hp.host.contains(QLatin1Char(' ')))
            return Error::make(ErrorCode::InvalidInput, tr("The host name %1 is not valid.").arg(hp.host),
                               QStringLiteral("hosts"));
    }
    if (connection.ssh.enabled && connection.kind != ConnectionKind::SSH)
        return Error::make(ErrorCode::Unavailable,
                           tr("Opening a connection through an SSH tunnel is not supported yet."),
                           QStringLiteral("ssh"));

    const Result<QStringList> clientWords =
        LauncherSettings::splitCommand(m_settings.clientCommand(connection.kind));
    if (!clientWords)
        return Error::make(ErrorCode::InvalidInput, clientWords.error().message,
                           QStringLiteral("clientCommand"));
    const QStringList& client = *clientWords;
    if (client.isEmpty())
        return Error::make(ErrorCode::InvalidInput,
                           tr("No client program is set for %1.").arg(kindDisplayName(connection.kind)));
    if (QStandardPaths::findExecutable(client.first()).isEmpty() && !QFileInfo(client.first()).isExecutable())
        return Error::make(
            ErrorCode::NotFound,
            tr("The %1 client \"%2\" is not installed or not on the search path. Install it or "
               "choose another client in Settings.")
                .arg(kindDisplayName(connection.kind), client.first()));

    LaunchPlan plan;
    plan.environment = QProcessEnvironment::systemEnvironment();
    // Never inherit a secret meant for another launch or set by the user's shell.
    for (const char* name : {"PGPASSWORD", "REDISCLI_AUTH", "MYSQL_PWD", "PGPASSFILE"})
        plan.environment.remove(QString::fromLatin1(name));
    Result<QStringList> clientArgs = clientArguments(connection, credentials, plan);
    if (!clientArgs)
        return clientArgs.error();

    const Result<QStringList> terminal = LauncherSettings::splitCommand(m_settings.terminalCommand);
    if (!terminal)
        return Error::make(ErrorCode::InvalidInput, terminal.error().message,
                           QStringLiteral("terminalCommand"));
    QStringList command = *terminal;
    command << client << *clientArgs;
    plan.program = command.takeFirst();
    plan.arguments = command;
    if (QStandardPaths::findExecutable(plan.program).isEmpty() && !QFileInfo(plan.program).isExecutable())
        return Error::make(ErrorCode::NotFound,
                           tr("The terminal program \"%1\" was not found. Choose a terminal "
                              "in Settings.")
                               .arg(plan.program));
    return plan;
}

Status ClientLauncher::open(const Connection& connection, const LaunchCredentials& credentials)
{
    Result<LaunchPlan> planned = plan(connection, credentials);
    if (!planned)
        return planned.error();
    return launch(std::move(planned).value(), connection.id);
}

Status ClientLauncher::launch(LaunchPlan plan, const QUuid& connectionId)
{
    auto running = std::make_unique<Running>();
    running->connectionId = connectionId;
    running->directory = std::move(plan.directory);
    running->process = std::make_unique<QProcess>();
    QProcess* process = running->process.get();
    process->setProgram(plan.program);
    process->setArguments(plan.arguments);
    // The environment block the process starts with: "NAME=value" strings, the secret ones
    // in locked memory that is wiped once the process has started. Unix only: the child,
    // between fork and exec, points `environ` at the block (one assignment, safe there) and
    // QProcess, given no environment of its own, execs with `environ`. Qt 6.4 starts the
    // child with vfork semantics (shared memory until exec), so the assignment lands in this
    // process too and is undone as soon as start() returns, before the block is freed.
    std::vector<QByteArray> plainEntries;
    std::vector<SecureBytes> secretEntries;
    std::vector<char*> block;
#ifdef Q_OS_UNIX
    if (!plan.secretEnvironment.empty()) {
        for (const QString& entry : plan.environment.toStringList()) {
            plainEntries.push_back(entry.toLocal8Bit());
            block.push_back(plainEntries.back().data());
        }
        for (const SecretVariable& variable : plan.secretEnvironment) {
            SecureBytes entry(std::size_t(variable.name.size()) + 1 + variable.value.size() + 1);
            std::copy(variable.name.cbegin(), variable.name.cend(), entry.data());
            entry.data()[variable.name.size()] = '=';
            std::copy(variable.value.data(), variable.value.data() + variable.value.size(),
                      entry.data() + variable.name.size() + 1);
            secretEntries.push_back(std::move(entry)); // moving keeps the buffer where it is
            block.push_back(reinterpret_cast<char*>(secretEntries.back().data()));
        }
        block.push_back(nullptr);
        char** environment = block.data();
        process->setChildProcessModifier([environment] { environ = environment; });
    } else {
        process->setProcessEnvironment(plan.environment);
    }
#else
    QProcessEnvironment environment = plan.environment;
    for (const SecretVariable& variable : plan.secretEnvironment)
        environment.insert(QString::fromLatin1(variable.name), QString::fromUtf8(variable.value.view()));
    process->setProcessEnvironment(environment);
#endif
    process->setProcessChannelMode(QProcess::ForwardedChannels);
    process->setStandardInputFile(QProcess::nullDevice());
    Running* raw = running.get();

    connect(process, &QProcess::started, this, [this, raw] {
        qCInfo(lcCoreConnect) << "opened client for connection" << raw->connectionId;
        Q_EMIT launched(raw->connectionId);
    });
    connect(process, &QProcess::errorOccurred, this, [this, raw](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        const QString message =
            tr("Could not start \"%1\": %2.").arg(raw->process->program(), raw->process->errorString());
        const QUuid id = raw->connectionId;
        retire(raw, false);
        Q_EMIT launchFailed(id, message);
    });
    connect(process, &QProcess::finished, this, [this, raw] {
        const bool detached = raw->started.elapsed() < m_settings.detachThreshold.count();
        retire(raw, detached);
    });
    m_running.push_back(std::move(running));
    raw->started.start();
    // start() forks before it returns; the child has its own copy of the block by then,
    // and this process's copy of the secrets is wiped as the vectors go out of scope.
#ifdef Q_OS_UNIX
    char** const ownEnvironment = environ;
    process->start();
    environ = ownEnvironment;
#else
    process->start();
#endif
    return {};
}

void ClientLauncher::retire(Running* running, bool detached)
{
    const auto it = std::find_if(m_running.begin(), m_running.end(),
                                 [running](const auto& r) { return r.get() == running; });
    if (it == m_running.end())
        return;
    std::unique_ptr<Running> owned = std::move(*it);
    m_running.erase(it);
    owned->process->disconnect(this);
    // The process object may be inside its own signal; delete it from the event loop.
    owned->process.release()->deleteLater();
    if (!owned->directory)
        return;
    const QString path = owned->directory->path();
    auto remove = [this, directory = std::shared_ptr<QTemporaryDir>(std::move(owned->directory)),
                   path]() mutable {
        directory.reset(); // QTemporaryDir removes the folder and its files
        Q_EMIT cleanedUp(path);
    };
    if (detached && m_settings.graceAfterDetach.count() > 0)
        QTimer::singleShot(m_settings.graceAfterDetach, this, std::move(remove));
    else
        remove();
}

} // namespace Conclave::Core
