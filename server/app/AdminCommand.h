// AdminCommand: `conclave-server admin <action>` for operators, run on the server machine
// against the same storage as the live server (SQLite's WAL lets both work at once):
// create-org, add-member, add-domain, block-sharing, unblock-sharing, list-orgs, list-blocks,
// allow-guests, show-guests.
#pragma once

#include "server/services/InvitationService.h"
#include "server/services/OrganisationService.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace Conclave::Server {

class AdminCommand final
{
public:
    static void addOptions(QCommandLineParser& parser);
    static QString usage();
    // Returns the process exit code; results go to `out`, problems to `err` as sentences.
    static int run(const QString& action, const QCommandLineParser& parser, OrganisationStore& organisations,
                   OrganisationService& orgs, InvitationService& invitations, QTextStream& out,
                   QTextStream& err);
};

} // namespace Conclave::Server
