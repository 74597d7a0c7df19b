// PrintOnlyOptions: see the header.
#include "app/PrintOnlyOptions.h"

#include <QByteArray>
#include <QtGlobal>

#include <cstring>

namespace Conclave::Gui::PrintOnlyOptions {

bool requested(int argc, const char* const* argv)
{
    static constexpr const char* kOptions[] = {"-v", "--version", "-h", "--help", "--help-all", "-?"};
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--") == 0)
            return false;
        for (const char* option : kOptions) {
            if (std::strcmp(argv[i], option) == 0)
                return true;
        }
    }
    return false;
}

void preparePlatform(int argc, const char* const* argv)
{
    if (requested(argc, argv) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", QByteArrayLiteral("offscreen"));
}

} // namespace Conclave::Gui::PrintOnlyOptions
