// Category names for ServiceLog.h; operators filter on them with QT_LOGGING_RULES.
#include "server/services/ServiceLog.h"

Q_LOGGING_CATEGORY(lcServerAccount, "conclave.server.account")
Q_LOGGING_CATEGORY(lcServerMail, "conclave.server.mail")
Q_LOGGING_CATEGORY(lcServerOrg, "conclave.server.org")
Q_LOGGING_CATEGORY(lcServerLive, "conclave.server.live")
Q_LOGGING_CATEGORY(lcServerSharing, "conclave.server.sharing")
