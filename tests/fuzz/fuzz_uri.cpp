// libFuzzer target: connection URIs (ConnectionUri::parse) and URI-list import
// (ConnectionImporter::fromUriText). Properties: whatever parses validates, formats to a URI
// that parses to the same connection and password, and a URI list of the imported
// connections imports to the same connections again.
#include "ModelFuzzChecks.h"

#include "core/model/ConnectionExporter.h"
#include "core/model/ConnectionImporter.h"

#include <cstddef>
#include <cstdint>

using namespace Conclave::Core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));

    Result<ConnectionUri::Parsed> parsed = ConnectionUri::parse(text);
    if (parsed.ok()) {
        const Connection& c = parsed->connection;
        if (Status valid = validateConnection(c); !valid.ok())
            Fuzz::violated("a parsed URI validates", valid.error().message);
        Fuzz::checkUriRoundTrip(c, &parsed->password);
        Fuzz::checkUriRoundTrip(c, nullptr);
    } else {
        Fuzz::check(!parsed.error().message.isEmpty(), "a refused URI says why");
    }

    const ConnectionImporter::Outcome outcome = ConnectionImporter::fromUriText(text);
    Fuzz::check(outcome.passwords.size() <= std::size_t(outcome.connections.size()),
                "at most one password per imported connection");
    for (const ConnectionImporter::Problem& problem : outcome.problems)
        Fuzz::check(problem.line >= 1 && !problem.error.message.isEmpty(), "a problem has a line and words");
    for (const Connection& c : outcome.connections) {
        if (Status valid = validateConnection(c); !valid.ok())
            Fuzz::violated("an imported connection validates", valid.error().message);
    }
    if (!outcome.connections.isEmpty()) {
        const QString list = ConnectionExporter::toUriList(outcome.connections);
        const ConnectionImporter::Outcome again = ConnectionImporter::fromUriText(list);
        Fuzz::check(again.problems.isEmpty(), "an exported URI list imports without problems", list);
        Fuzz::check(again.connections.size() == outcome.connections.size(),
                    "an exported URI list imports every connection", list);
        for (qsizetype i = 0; i < again.connections.size(); ++i)
            Fuzz::check(Fuzz::sameUriContent(again.connections.at(i), outcome.connections.at(i)),
                        "an exported URI list imports the same connections", list);
    }
    return 0;
}
