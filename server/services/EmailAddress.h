// EmailAddress: how the server compares and accepts addresses and the text users see of each
// other. Addresses are stored normalised (trimmed, lower case) so one mailbox is one account.
#pragma once

#include <QString>

namespace Conclave::Server {

class EmailAddress final
{
public:
    static QString normalise(const QString& email);
    // A normalised address: one local part without spaces, delimiters or invisible characters
    // (TextRules), a dotted domain of letters, digits and hyphens.
    static bool isValid(const QString& normalised);
};

} // namespace Conclave::Server
