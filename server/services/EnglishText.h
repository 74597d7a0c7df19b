// EnglishText: the server's sentences are English (clients translate by reason code), so
// counts get real English plurals instead of "minute(s)", and durations keep their unit:
// 3 s reads "3 seconds", not "1 minute".
#pragma once

#include <QString>

namespace Conclave::Server {

class EnglishText final
{
public:
    // "1 hour", "2 hours".
    static QString count(qint64 n, const char* singular, const char* plural);
    // The largest unit that expresses `seconds` exactly: "12 hours", "15 minutes",
    // "90 seconds", "1 second".
    static QString duration(qint64 seconds);
};

} // namespace Conclave::Server
