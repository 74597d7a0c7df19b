// libFuzzer target: OpenSSH client configuration import (ConnectionImporter::fromSshConfigText).
// Include is followed only inside a fixed temporary directory: Include lines that could leave
// it (absolute, ~, ..) are dropped before the text is read, so the fuzzer never reads the
// machine's files. Properties: every imported connection validates, is an SSH connection
// named after a distinct non-wildcard Host, and can be copied as an ssh:// URI and pasted back.
#include "ModelFuzzChecks.h"

#include "core/model/ConnectionImporter.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>

#include <cstddef>
#include <cstdint>

using namespace Conclave::Core;

namespace {

const QString& sshDir()
{
    static QTemporaryDir s_dir;
    static const bool s_written = [] {
        const auto write = [](const char* name, const char* text) {
            QFile file(s_dir.filePath(QLatin1String(name)));
            (void)file.open(QIODevice::WriteOnly);
            (void)file.write(text);
        };
        write("bastion.conf", "Host bastion\n  HostName bastion.example.com\n  User jump\n  Port 2222\n"
                              "  IdentityFile ~/.ssh/id_ed25519\n");
        write("web.conf", "Host web1 web2\n  HostName %h.internal.example.com\n  ProxyJump bastion\n");
        write("loop.conf", "Include loop.conf\nHost looped\n");
        QDir(s_dir.path()).mkdir(QStringLiteral("conf.d"));
        write("conf.d/db.conf", "Host db\n  HostName 10.0.0.5\n  User postgres\n");
        return true;
    }();
    (void)s_written;
    static const QString s_path = s_dir.path();
    return s_path;
}

// The keyword as the importer reads it: up to the first space or '='.
QString keywordOf(const QString& line)
{
    qsizetype i = 0;
    while (i < line.size() && !line.at(i).isSpace() && line.at(i) != QLatin1Char('='))
        ++i;
    return line.first(i).toLower();
}

QString confined(const QString& text)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString& line : lines) {
        if (keywordOf(line.trimmed()) == QLatin1String("include") &&
            (line.contains(QLatin1Char('/')) || line.contains(QLatin1Char('\\')) ||
             line.contains(QLatin1Char('~')) || line.contains(QLatin1String(".."))))
            line.clear();
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString text = confined(QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size)));
    const ConnectionImporter::Outcome outcome = ConnectionImporter::fromSshConfigText(text, sshDir());

    Fuzz::check(outcome.passwords.empty(), "an ssh config carries no passwords");
    for (const ConnectionImporter::Problem& problem : outcome.problems)
        Fuzz::check(problem.line >= 1 && !problem.error.message.isEmpty(), "a problem has a line and words");
    QSet<QString> names;
    for (const Connection& c : outcome.connections) {
        if (Status valid = validateConnection(c); !valid.ok())
            Fuzz::violated("an imported ssh host validates", valid.error().message);
        Fuzz::check(c.kind == ConnectionKind::SSH && c.hosts.size() == 1, "an ssh host is one SSH host");
        Fuzz::check(!c.name.contains(QLatin1Char('*')) && !c.name.contains(QLatin1Char('?')) &&
                        !c.name.startsWith(QLatin1Char('!')),
                    "wildcard patterns are not imported", c.name);
        Fuzz::check(!names.contains(c.name), "each Host alias is imported once", c.name);
        names.insert(c.name);
        Fuzz::checkUriRoundTrip(c, nullptr);
    }
    return 0;
}
