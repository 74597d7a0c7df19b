// PrintOnlyOptions: `conclave --version` and `conclave --help` print a line and exit, so
// they must work where no display is reachable (an SSH session, a package test). QApplication
// aborts there when it cannot open its platform plugin, before QCommandLineParser gets to
// the options; for these runs the offscreen platform is chosen, which needs no display.
#pragma once

namespace Conclave::Gui::PrintOnlyOptions {

// True when the arguments ask only for the version or the help text (-v, --version, -h,
// --help, --help-all, -?), before a "--" that ends the options.
bool requested(int argc, const char* const* argv);
// Chooses the offscreen platform (QT_QPA_PLATFORM) when requested() and none is set.
// Call before QApplication is constructed.
void preparePlatform(int argc, const char* const* argv);

} // namespace Conclave::Gui::PrintOnlyOptions
