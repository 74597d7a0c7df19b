// ConnectionUri: reads and writes the connection strings users paste and copy
// (mongodb://, mongodb+srv://, postgresql://, mysql://, redis://, rediss://, ssh://). A password
// found in a URI is handed back separately in locked memory and never enters a Connection;
// formatting leaves the password out unless the caller passes one explicitly.
#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/model/Connection.h"
#include "core/util/Result.h"

#include <QString>
#include <QStringList>

namespace Conclave::Core {

class ConnectionUri final
{
public:
    struct Parsed
    {
        Connection connection; // new id, name derived from host and database
        SecureBytes password;  // empty when the URI has none
    };

    // Parses one URI. Errors are InvalidInput with `field` naming the part at fault, in the
    // names of Connection: "scheme", "username", "password", "hosts", "hosts[1].host",
    // "hosts[0].port", "defaultDatabase", "options[2].key", "options[0].value", "uri".
    static Result<Parsed> parse(const QString& uri);

    // The connection as a URI: default ports left out, TLS written as the kind expects
    // (tls=true, sslmode=require, ssl-mode=REQUIRED, rediss://), user, database and options
    // percent-encoded. The password is included only when `password` is given; such a
    // string is a secret and must not be stored or logged.
    static QString format(const Connection& connection, const SecureBytes* password = nullptr);

    // The schemes parse() accepts, lower case ("mongodb", "mongodb+srv", "postgres", ...).
    static QStringList schemes();
};

} // namespace Conclave::Core
