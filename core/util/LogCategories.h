// One logging category per component ("conclave.core.crypto", ...). Nothing logged here may
// contain a secret, an email address, a name or a folder name: ids only.
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcCoreStore)
Q_DECLARE_LOGGING_CATEGORY(lcCoreKeychain)
Q_DECLARE_LOGGING_CATEGORY(lcCoreCrypto)
Q_DECLARE_LOGGING_CATEGORY(lcCoreConnect)
Q_DECLARE_LOGGING_CATEGORY(lcCoreModel)
Q_DECLARE_LOGGING_CATEGORY(lcCoreSync)
Q_DECLARE_LOGGING_CATEGORY(lcCorePolicy)
