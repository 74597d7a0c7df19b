// Logging categories of the desktop app; see GuiLogging.h.
#include "ui/GuiLogging.h"

Q_LOGGING_CATEGORY(lcGui, "conclave.gui", QtInfoMsg)
