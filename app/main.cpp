// The conclave desktop app: hardens the process before anything else, then hands over to
// the composition root (Application), which builds and owns everything a run uses.
#include "app/Application.h"
#include "app/Bootstrap.h"
#include "app/PrintOnlyOptions.h"

#include <QApplication>

int main(int argc, char* argv[])
{
    const bool hardened = Conclave::Gui::Bootstrap::hardenProcess();
    // --version and --help must work without a display (package tests, SSH sessions).
    Conclave::Gui::PrintOnlyOptions::preparePlatform(argc, argv);
    QApplication app(argc, argv);
    Conclave::Gui::Application conclave(app, hardened);
    return conclave.run();
}
