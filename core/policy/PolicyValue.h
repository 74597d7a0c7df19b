// PolicyValue<T>: one setting as the app uses it, whether the machine policy enforces it
// and, if so, a sentence for the settings dialog saying why the user cannot change it.
#pragma once

#include <QString>

namespace Conclave::Core {

template<typename T> struct PolicyValue
{
    T value{};
    bool enforced = false;
    QString reason; // translated; empty when not enforced
};

} // namespace Conclave::Core
