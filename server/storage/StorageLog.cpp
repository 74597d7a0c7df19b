// Category names for StorageLog.h; operators filter on them with QT_LOGGING_RULES.
#include "server/storage/StorageLog.h"

Q_LOGGING_CATEGORY(lcServerStore, "conclave.server.store")
