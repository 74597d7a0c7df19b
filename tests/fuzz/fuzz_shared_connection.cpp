// libFuzzer target: the plaintext of a shared item (SharedConnection::decode), which comes
// from other members of a folder. Properties: a refusal says why; whatever decodes validates
// as a connection, carries no secret option, and encodes to bytes that decode to the same
// value again (unknown keys included) and encode to the same bytes.
#include "ModelFuzzChecks.h"

#include "core/model/SharedConnection.h"

#include <cstddef>
#include <cstdint>

using namespace Conclave::Core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QUuid itemId = QUuid::fromString(QStringLiteral("{0d3f2c55-8f7b-4a3a-b1d2-5e6f7a8b9c0d}"));
    const QByteArrayView bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    const Result<SharedConnection> decoded = SharedConnection::decode(bytes, itemId);
    if (!decoded.ok()) {
        Fuzz::check(!decoded.error().message.isEmpty(), "a refused plaintext says why");
        return 0;
    }
    const Connection& c = decoded->connection;
    if (Status valid = validateConnection(c); !valid.ok())
        Fuzz::violated("a decoded shared connection validates", valid.error().message);
    Fuzz::check(c.username.isEmpty() && c.ssh.user.isEmpty() && c.tls.caFile.isEmpty(),
                "a decoded shared connection carries no credentials");
    for (const ConnectionOption& option : c.options)
        Fuzz::check(!isSecretOption(option.first, option.second), "no secret option", option.first);
    const QByteArray encoded = decoded->encode();
    const Result<SharedConnection> again = SharedConnection::decode(encoded, itemId);
    if (!again.ok())
        Fuzz::violated("an encoded shared connection decodes", again.error().message);
    Fuzz::check(again->connection == c && again->group == decoded->group &&
                    again->unknownFields == decoded->unknownFields &&
                    again->unknownTop == decoded->unknownTop,
                "a round trip keeps the value", QString::fromUtf8(encoded));
    Fuzz::check(again->encode() == encoded, "encoding is stable", QString::fromUtf8(encoded));
    return 0;
}
