// TextRules: which characters the server accepts in text people read — names, addresses,
// codes, reasons, identifiers. Control characters break logs and PostgreSQL (NUL); Unicode
// format characters (category Cf: U+202E right-to-left override, U+200B zero width space,
// U+FEFF, U+2066 isolates, U+00AD soft hyphen...) and line separators are invisible and let
// one address or name pass for another. Both are refused everywhere; so are lone
// surrogates, private-use and unassigned code points.
#pragma once

#include <QString>

namespace Conclave::Server {

class TextRules final
{
public:
    // True when `text` holds none of the refused characters.
    static bool isClean(const QString& text);
};

} // namespace Conclave::Server
