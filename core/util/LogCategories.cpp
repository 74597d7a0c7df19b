// Definitions of the core layer's logging categories.
#include "core/util/LogCategories.h"

Q_LOGGING_CATEGORY(lcCoreStore, "conclave.core.store")
Q_LOGGING_CATEGORY(lcCoreKeychain, "conclave.core.keychain")
Q_LOGGING_CATEGORY(lcCoreCrypto, "conclave.core.crypto")
Q_LOGGING_CATEGORY(lcCoreConnect, "conclave.core.connect")
Q_LOGGING_CATEGORY(lcCoreModel, "conclave.core.model")
Q_LOGGING_CATEGORY(lcCoreSync, "conclave.core.sync")
Q_LOGGING_CATEGORY(lcCorePolicy, "conclave.core.policy")
