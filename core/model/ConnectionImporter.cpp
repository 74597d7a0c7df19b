// Import of connections from URI lists and from OpenSSH client configuration files.
#include "core/model/ConnectionImporter.h"

#include "core/model/BoundedFile.h"
#include "core/model/ConnectionUri.h"
#include "core/util/LogCategories.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QStringDecoder>

namespace Conclave::Core {

namespace {

// Translation context of this file's messages; a class lupdate can see, so the strings
// are extracted under the same context they are looked up with.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Conclave::Core::ConnectionImporter)
};

constexpr int kMaxIncludeDepth = 16;
constexpr qint64 kMaxFileSize = 16 * 1024 * 1024;

Result<QString> readTextFile(const QString& path)
{
    // Regular files only ("Include /dev/zero" or a FIFO would never end), memory for the
    // file's size rather than the limit (this runs per Include line).
    Result<QByteArray> read = BoundedFile::read(
        path, kMaxFileSize,
        Tr::tr("The file %1 is too large to be a list of connections.").arg(QDir::toNativeSeparators(path)));
    if (!read)
        return read.error();
    QByteArray bytes = std::move(read).value();
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString text = decoder(bytes);
    // The file may hold passwords inside URIs; do not leave a copy in freed memory.
    secureWipe(bytes);
    if (decoder.hasError())
        return Error::make(ErrorCode::InvalidInput,
                           Tr::tr("The file %1 is not UTF-8 text.").arg(QDir::toNativeSeparators(path)));
    return text;
}

// --- ssh_config ---------------------------------------------------------------------------

struct SshLine
{
    QString file;
    int line = 0;
    QString keyword; // lower case
    QStringList args;
};

struct SshPattern
{
    QRegularExpression glob;
    bool negated = false;
};

struct SshBlock
{
    QStringList patterns; // empty: lines before the first Host, which apply to every host
    QList<SshPattern> compiled;
    bool isMatch = false;
    QString file;
    int line = 0;
    QList<SshLine> lines;
};

// Splits "Keyword args", "Keyword=args" and "Keyword = args", honouring double quotes.
bool splitSshLine(const QString& raw, QString* keyword, QStringList* args)
{
    const QString line = raw.trimmed();
    qsizetype i = 0;
    while (i < line.size() && !line.at(i).isSpace() && line.at(i) != QLatin1Char('='))
        ++i;
    *keyword = line.first(i).toLower();
    while (i < line.size() && line.at(i).isSpace())
        ++i;
    if (i < line.size() && line.at(i) == QLatin1Char('='))
        ++i;
    QString current;
    bool inQuotes = false;
    bool hasToken = false;
    for (; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (c == QLatin1Char('"')) {
            inQuotes = !inQuotes;
            hasToken = true;
        } else if (c.isSpace() && !inQuotes) {
            if (hasToken)
                args->append(current);
            current.clear();
            hasToken = false;
        } else {
            current += c;
            hasToken = true;
        }
    }
    if (hasToken)
        args->append(current);
    return !inQuotes;
}

// ssh's patterns know '*' and '?' only; compiled once per Host line, since every alias is
// matched against every block.
QList<SshPattern> compilePatterns(const QStringList& patterns)
{
    QList<SshPattern> compiled;
    for (const QString& pattern : patterns) {
        const bool negated = pattern.startsWith(QLatin1Char('!'));
        const QString body = negated ? pattern.mid(1) : pattern;
        QString re;
        qsizetype literalStart = 0;
        for (qsizetype i = 0; i <= body.size(); ++i) {
            const bool end = i == body.size();
            if (!end && body.at(i) != QLatin1Char('*') && body.at(i) != QLatin1Char('?'))
                continue;
            re += QRegularExpression::escape(body.mid(literalStart, i - literalStart));
            if (!end)
                re += body.at(i) == QLatin1Char('*') ? QStringLiteral(".*") : QStringLiteral(".");
            literalStart = i + 1;
        }
        compiled.append({QRegularExpression(QRegularExpression::anchoredPattern(re),
                                            QRegularExpression::CaseInsensitiveOption),
                         negated});
    }
    return compiled;
}

bool blockMatches(const SshBlock& block, const QString& alias)
{
    if (block.patterns.isEmpty())
        return true;
    bool matched = false;
    for (const SshPattern& pattern : block.compiled) {
        if (pattern.glob.match(alias).hasMatch()) {
            if (pattern.negated)
                return false;
            matched = true;
        }
    }
    return matched;
}

bool isWildcard(const QString& pattern)
{
    return pattern.contains(QLatin1Char('*')) || pattern.contains(QLatin1Char('?')) ||
           pattern.startsWith(QLatin1Char('!'));
}

class SshConfigReader
{
public:
    SshConfigReader(QString sshDir, ConnectionImporter::Outcome* outcome)
        : m_sshDir(std::move(sshDir))
        , m_outcome(outcome)
    {
        m_blocks.append(SshBlock{});
    }

    void read(const QString& text, const QString& file, int depth)
    {
        const QStringList lines = text.split(QLatin1Char('\n'));
        for (qsizetype n = 0; n < lines.size(); ++n) {
            const int lineNo = int(n + 1);
            const QString trimmed = lines.at(n).trimmed();
            if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#')))
                continue;
            SshLine line{file, lineNo, {}, {}};
            if (!splitSshLine(trimmed, &line.keyword, &line.args)) {
                problem(file, lineNo, Tr::tr("A quotation mark is not closed."));
                continue;
            }
            if (line.keyword == QLatin1String("host")) {
                if (line.args.isEmpty()) {
                    problem(file, lineNo, Tr::tr("\"Host\" needs at least one name."));
                    continue;
                }
                m_blocks.append(SshBlock{line.args, compilePatterns(line.args), false, file, lineNo, {}});
            } else if (line.keyword == QLatin1String("match")) {
                m_blocks.append(SshBlock{{}, {}, true, file, lineNo, {}});
                m_outcome->skipped.append(QStringLiteral("Match ") + line.args.join(QLatin1Char(' ')));
            } else if (line.keyword == QLatin1String("include")) {
                include(line, depth);
            } else {
                m_blocks.last().lines.append(line);
            }
        }
    }

    void build(const QUuid& folderId)
    {
        QStringList aliases;
        for (const SshBlock& block : std::as_const(m_blocks)) {
            for (const QString& pattern : block.patterns) {
                if (isWildcard(pattern)) {
                    if (!m_outcome->skipped.contains(QStringLiteral("Host ") + pattern))
                        m_outcome->skipped.append(QStringLiteral("Host ") + pattern);
                } else if (!aliases.contains(pattern)) {
                    aliases.append(pattern);
                    m_aliasOrigin.insert(pattern, {block.file, block.line});
                }
            }
        }
        for (const QString& alias : std::as_const(aliases))
            buildOne(alias, folderId);
    }

private:
    struct Resolved
    {
        QString hostName;
        QString port;
        QString user;
        QString proxyJump;
        bool hasIdentity = false;
        SshLine portLine;
        SshLine jumpLine;
    };

    void problem(const QString& file, int line, const QString& message)
    {
        m_outcome->problems.append({file, line, Error::make(ErrorCode::InvalidInput, message), {}});
    }

    void include(const SshLine& line, int depth)
    {
        if (depth >= kMaxIncludeDepth) {
            problem(line.file, line.line, Tr::tr("Include files are nested too deeply (a loop?)."));
            return;
        }
        for (const QString& arg : line.args) {
            QString pattern = arg;
            if (pattern.startsWith(QLatin1String("~/")))
                pattern = QDir::homePath() + pattern.mid(1);
            else if (!QDir::isAbsolutePath(pattern))
                pattern = m_sshDir + QLatin1Char('/') + pattern;
            const QFileInfo info(pattern);
            QStringList files;
            if (isWildcard(info.fileName())) {
                const QDir dir = info.dir();
                for (const QString& name : dir.entryList({info.fileName()}, QDir::Files, QDir::Name))
                    files.append(dir.filePath(name));
            } else {
                files.append(pattern);
            }
            if (files.isEmpty())
                continue; // ssh ignores a pattern that matches nothing, and so do we
            for (const QString& path : std::as_const(files)) {
                Result<QString> text = readTextFile(path);
                if (!text.ok()) {
                    problem(line.file, line.line,
                            Tr::tr("The included file %1 could not be read.")
                                .arg(QDir::toNativeSeparators(path)));
                    continue;
                }
                read(*text, path, depth + 1);
            }
        }
    }

    Resolved resolve(const QString& alias) const
    {
        Resolved r;
        bool hostNameSet = false;
        bool portSet = false;
        bool userSet = false;
        bool jumpSet = false;
        for (const SshBlock& block : m_blocks) {
            if (block.isMatch || !blockMatches(block, alias))
                continue;
            for (const SshLine& line : block.lines) {
                if (line.args.isEmpty())
                    continue;
                const QString& value = line.args.first();
                if (line.keyword == QLatin1String("hostname") && !hostNameSet) {
                    r.hostName = value;
                    hostNameSet = true;
                } else if (line.keyword == QLatin1String("port") && !portSet) {
                    r.port = value;
                    r.portLine = line;
                    portSet = true;
                } else if (line.keyword == QLatin1String("user") && !userSet) {
                    r.user = value;
                    userSet = true;
                } else if (line.keyword == QLatin1String("proxyjump") && !jumpSet) {
                    r.proxyJump = value;
                    r.jumpLine = line;
                    jumpSet = true;
                } else if (line.keyword == QLatin1String("identityfile")) {
                    r.hasIdentity = true;
                }
            }
        }
        if (!hostNameSet)
            r.hostName = alias;
        r.hostName.replace(QLatin1String("%h"), alias).replace(QLatin1String("%%"), QLatin1String("%"));
        return r;
    }

    bool parsePort(const QString& text, quint16* port) const
    {
        bool ok = false;
        const uint value = text.toUInt(&ok);
        if (!ok || value < 1 || value > 65535)
            return false;
        *port = quint16(value);
        return true;
    }

    void buildOne(const QString& alias, const QUuid& folderId)
    {
        const auto [file, lineNo] = m_aliasOrigin.value(alias);
        const Resolved r = resolve(alias);
        Connection c;
        c.id = QUuid::createUuid();
        c.folderId = folderId;
        c.name = alias;
        c.kind = ConnectionKind::SSH;
        c.username = r.user;
        HostPort target{r.hostName, 22};
        if (!r.port.isEmpty() && !parsePort(r.port, &target.port)) {
            problem(
                r.portLine.file, r.portLine.line,
                Tr::tr("Host %1: the port \"%2\" is not a number between 1 and 65535.").arg(alias, r.port));
            return;
        }
        c.hosts = {target};

        if (!r.proxyJump.isEmpty() && r.proxyJump.compare(QLatin1String("none"), Qt::CaseInsensitive) != 0) {
            if (r.proxyJump.contains(QLatin1Char(','))) {
                problem(
                    r.jumpLine.file, r.jumpLine.line,
                    Tr::tr("Host %1 goes through several jump hosts; Conclave supports one, so it was not "
                           "imported.")
                        .arg(alias));
                return;
            }
            // [user@]host[:port], where host may be another Host entry of this file.
            QString spec = r.proxyJump;
            if (spec.startsWith(QLatin1String("ssh://")))
                spec = spec.mid(6);
            QString jumpUser;
            if (const qsizetype at = spec.lastIndexOf(QLatin1Char('@')); at >= 0) {
                jumpUser = spec.first(at);
                spec = spec.mid(at + 1);
            }
            QString jumpHost = spec;
            QString jumpPort;
            if (spec.startsWith(QLatin1Char('['))) {
                const qsizetype close = spec.indexOf(QLatin1Char(']'));
                jumpHost = spec.mid(1, close - 1);
                if (close >= 0 && spec.mid(close + 1).startsWith(QLatin1Char(':')))
                    jumpPort = spec.mid(close + 2);
            } else if (spec.count(QLatin1Char(':')) == 1) {
                jumpHost = spec.section(QLatin1Char(':'), 0, 0);
                jumpPort = spec.section(QLatin1Char(':'), 1);
            }
            const Resolved via = resolve(jumpHost);
            c.ssh.enabled = true;
            c.ssh.host = via.hostName;
            c.ssh.user = jumpUser.isEmpty() ? via.user : jumpUser;
            c.ssh.auth = via.hasIdentity ? SshAuthMethod::PrivateKey : SshAuthMethod::Password;
            const QString portText = jumpPort.isEmpty() ? via.port : jumpPort;
            if (!portText.isEmpty() && !parsePort(portText, &c.ssh.port)) {
                problem(r.jumpLine.file, r.jumpLine.line,
                        Tr::tr("Host %1: the jump host's port \"%2\" is not a number between 1 and 65535.")
                            .arg(alias, portText));
                return;
            }
        }
        if (Status valid = validateConnection(c); !valid.ok()) {
            problem(file, lineNo, Tr::tr("Host %1: %2").arg(alias, valid.error().message));
            return;
        }
        m_outcome->connections.append(c);
    }

    QString m_sshDir;
    ConnectionImporter::Outcome* m_outcome;
    QList<SshBlock> m_blocks;
    QHash<QString, QPair<QString, int>> m_aliasOrigin;
};

ConnectionImporter::Outcome uriOutcome(const QString& text, const QUuid& folderId)
{
    ConnectionImporter::Outcome outcome;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype n = 0; n < lines.size(); ++n) {
        const QString line = lines.at(n).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        Result<ConnectionUri::Parsed> parsed = ConnectionUri::parse(line);
        if (!parsed.ok()) {
            outcome.problems.append({QString(), int(n + 1), parsed.error(), {}});
            continue;
        }
        parsed->connection.folderId = folderId;
        parsed->connection.name = ConnectionImporter::suggestedName(parsed->connection);
        if (!parsed->password.isEmpty())
            outcome.passwords.push_back({parsed->connection.id, std::move(parsed->password)});
        outcome.connections.append(std::move(parsed->connection));
    }
    qCDebug(lcCoreModel) << "URI import:" << outcome.connections.size() << "connections,"
                         << outcome.problems.size() << "problems";
    return outcome;
}

// Puts where each problem is into its message, since that is what the user reads.
void locateProblems(ConnectionImporter::Outcome* outcome, const QString& file)
{
    for (ConnectionImporter::Problem& problem : outcome->problems) {
        if (problem.file.isEmpty())
            problem.file = file;
        problem.reason = problem.error.message;
        problem.error.message = problem.file.isEmpty()
                                    ? Tr::tr("Line %1: %2").arg(problem.line).arg(problem.error.message)
                                    : Tr::tr("%1, line %2: %3")
                                          .arg(QDir::toNativeSeparators(problem.file))
                                          .arg(problem.line)
                                          .arg(problem.error.message);
    }
}
} // namespace

ConnectionImporter::Outcome ConnectionImporter::fromUriText(const QString& text, const QUuid& folderId)
{
    Outcome outcome = uriOutcome(text, folderId);
    locateProblems(&outcome, QString());
    return outcome;
}

Result<ConnectionImporter::Outcome> ConnectionImporter::fromUriFile(const QString& path,
                                                                    const QUuid& folderId)
{
    Result<QString> text = readTextFile(path);
    if (!text.ok())
        return text.error();
    Outcome outcome = uriOutcome(*text, folderId);
    locateProblems(&outcome, path);
    return outcome;
}

ConnectionImporter::Outcome ConnectionImporter::fromSshConfigText(const QString& text, const QString& sshDir,
                                                                  const QUuid& folderId)
{
    Outcome outcome;
    SshConfigReader reader(sshDir.isEmpty() ? QDir::homePath() + QStringLiteral("/.ssh") : sshDir, &outcome);
    reader.read(text, QString(), 0);
    reader.build(folderId);
    locateProblems(&outcome, QString());
    return outcome;
}

Result<ConnectionImporter::Outcome> ConnectionImporter::fromSshConfigFile(const QString& path,
                                                                          const QUuid& folderId)
{
    const QString file = path.isEmpty() ? defaultSshConfigPath() : path;
    Result<QString> text = readTextFile(file);
    if (!text.ok())
        return text.error();
    Outcome outcome;
    SshConfigReader reader(QFileInfo(file).absolutePath(), &outcome);
    reader.read(*text, file, 0);
    reader.build(folderId);
    locateProblems(&outcome, file);
    qCDebug(lcCoreModel) << "ssh config import:" << outcome.connections.size() << "connections,"
                         << outcome.problems.size() << "problems";
    return outcome;
}

QString ConnectionImporter::defaultSshConfigPath()
{
    return QDir::homePath() + QStringLiteral("/.ssh/config");
}

QString ConnectionImporter::suggestedName(const Connection& c)
{
    if (c.hosts.isEmpty())
        return kindDisplayName(c.kind);
    const HostPort& first = c.hosts.first();
    QString where = first.host;
    if (!c.srv && first.port != 0 && first.port != kindDefaultPort(c.kind)) {
        if (where.contains(QLatin1Char(':')))
            where = QLatin1Char('[') + where + QLatin1Char(']'); // an IPv6 address with a port
        where += QLatin1Char(':') + QString::number(first.port);
    }
    if (!c.defaultDatabase.isEmpty())
        where += QLatin1Char('/') + c.defaultDatabase;
    QString name = Tr::tr("%1 on %2").arg(kindDisplayName(c.kind), where);
    if (name.size() > 200)
        name.truncate(200); // validateConnection()'s limit
    return name;
}

QString ConnectionImporter::duplicateKey(const Connection& c)
{
    QStringList hosts;
    for (const HostPort& hp : c.hosts)
        hosts.append(hp.host.toCaseFolded() + QLatin1Char(':') + QString::number(hp.port));
    // Unit separators cannot occur in valid fields, so no two different tuples collide.
    const QChar sep(u'\x1f');
    return kindScheme(c.kind) + (c.srv ? QStringLiteral("+srv") : QString()) + sep + c.username + sep +
           hosts.join(QLatin1Char(',')) + sep + c.defaultDatabase;
}

} // namespace Conclave::Core
