// Category names for HttpLog.h; operators filter on them with QT_LOGGING_RULES.
#include "server/http/HttpLog.h"

Q_LOGGING_CATEGORY(lcServerHttp, "conclave.server.http")
