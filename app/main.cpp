// The conclave desktop app: hardens the process before anything else, then hands over to
// the composition root (Application), which builds and owns everything a run uses.
#include "app/Application.h"
#include "app/Bootstrap.h"

#include <QApplication>

int main(int argc, char* argv[])
{
    const bool hardened = Conclave::Gui::Bootstrap::hardenProcess();
    QApplication app(argc, argv);
    Conclave::Gui::Application conclave(app, hardened);
    return conclave.run();
}
