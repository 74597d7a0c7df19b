// Plurals and durations in English.
#include "server/services/EnglishText.h"

namespace Conclave::Server {

QString EnglishText::count(qint64 n, const char* singular, const char* plural)
{
    return QString::number(n) + QLatin1Char(' ') + QLatin1String(n == 1 ? singular : plural);
}

QString EnglishText::duration(qint64 seconds)
{
    if (seconds >= 3600 && seconds % 3600 == 0)
        return count(seconds / 3600, "hour", "hours");
    if (seconds >= 60 && seconds % 60 == 0)
        return count(seconds / 60, "minute", "minutes");
    return count(seconds, "second", "seconds");
}

} // namespace Conclave::Server
