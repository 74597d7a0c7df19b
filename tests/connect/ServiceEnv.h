// Reading the <name>.env file a test service fixture writes (see tests/connect/CMakeLists.txt),
// shared by the connect suites that talk to the fixtures' servers.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QHash>
#include <QList>
#include <QString>

namespace Conclave::Core::TestSupport {

using Env = QHash<QString, QString>;

// KEY=VALUE lines of the service's env file; empty when the fixture did not run.
inline Env loadEnv(const QString& service)
{
    const QString dir = qEnvironmentVariable("CONCLAVE_TEST_SERVICES_DIR");
    QFile file(dir + QLatin1Char('/') + service + QLatin1Char('/') + service + QLatin1String(".env"));
    Env env;
    if (!file.open(QIODevice::ReadOnly))
        return env;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray& line : lines) {
        const qsizetype eq = line.indexOf('=');
        if (eq > 0)
            env.insert(QString::fromUtf8(line.left(eq)), QString::fromUtf8(line.mid(eq + 1)));
    }
    return env;
}

} // namespace Conclave::Core::TestSupport
