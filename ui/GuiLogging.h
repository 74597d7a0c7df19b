// Logging categories of the desktop app ("conclave.gui"). Like the core categories, nothing
// logged here may contain a secret, a name, a host or a folder name: connection ids only.
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcGui)
