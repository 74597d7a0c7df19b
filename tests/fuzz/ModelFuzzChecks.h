// Shared checks for the connection model fuzz targets: a violated property prints what
// differed and aborts, so libFuzzer keeps the input as a crash.
#pragma once

#include "core/model/Connection.h"
#include "core/model/ConnectionUri.h"

#include <QString>

#include <cstdio>
#include <cstdlib>

namespace Conclave::Core::Fuzz {

[[noreturn]] inline void violated(const char* property, const QString& detail = {})
{
    // Control characters (NUL above all) would cut or garble the report; show them as \uXXXX.
    QString shown;
    for (const QChar c : detail) {
        if (c.category() == QChar::Other_Control && c != QLatin1Char('\n'))
            shown += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
            shown += c;
    }
    std::fprintf(stderr, "property violated: %s\n%s\n", property, shown.toUtf8().constData());
    std::abort();
}

inline void check(bool condition, const char* property, const QString& detail = {})
{
    if (!condition)
        violated(property, detail);
}

// Everything a URI carries, i.e. the connection without the fields a URI cannot hold.
inline bool sameUriContent(const Connection& a, const Connection& b)
{
    return a.kind == b.kind && a.srv == b.srv && a.hosts == b.hosts && a.username == b.username &&
           a.defaultDatabase == b.defaultDatabase && a.options == b.options && a.tls == b.tls;
}

// A connection the model accepted must survive being copied as a URI and pasted back.
inline void checkUriRoundTrip(const Connection& c, const SecureBytes* password)
{
    const QString uri = ConnectionUri::format(c, password);
    Result<ConnectionUri::Parsed> again = ConnectionUri::parse(uri);
    if (!again.ok())
        violated("a formatted connection parses again", uri + QLatin1String("\n") + again.error().message);
    check(sameUriContent(c, again->connection), "format then parse gives the same connection", uri);
    if (password && !password->isEmpty())
        check(again->password == *password, "format then parse gives the same password", uri);
    else
        check(again->password.isEmpty(), "a URI formatted without password has none", uri);
}

} // namespace Conclave::Core::Fuzz
