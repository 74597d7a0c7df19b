// Address normalisation and validation shared by the HTTP input checks and the services.
#include "server/services/EmailAddress.h"

#include "server/services/TextRules.h"

#include <QRegularExpression>

namespace Conclave::Server {

QString EmailAddress::normalise(const QString& email)
{
    return email.trimmed().toLower();
}

bool EmailAddress::isValid(const QString& normalised)
{
    static const QRegularExpression pattern(QStringLiteral("^[^@\\s<>(),;:\"]+@[a-z0-9-]+(\\.[a-z0-9-]+)+$"));
    return normalised.size() <= 254 && TextRules::isClean(normalised) && pattern.match(normalised).hasMatch();
}

} // namespace Conclave::Server
