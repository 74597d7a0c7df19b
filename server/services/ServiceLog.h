// ServiceLog: the logging categories of the server's services layer. Lines carry internal ids only:
// never an email address, a name, an organisation name, a token or a key (see app/ServerLog).
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcServerAccount)
Q_DECLARE_LOGGING_CATEGORY(lcServerMail)
Q_DECLARE_LOGGING_CATEGORY(lcServerOrg)
Q_DECLARE_LOGGING_CATEGORY(lcServerLive)
Q_DECLARE_LOGGING_CATEGORY(lcServerSharing)
