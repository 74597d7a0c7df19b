// guarded(): wraps an asynchronous answer so it is dropped when the caller's context object is
// gone, the way QObject::connect drops a call to a deleted receiver. A caller that gave no
// context always hears back. Used by every core operation that answers through a callback.
#pragma once

#include <QObject>
#include <QPointer>

#include <functional>

namespace Conclave::Core {

template<typename T> std::function<void(T)> guarded(QObject* context, std::function<void(T)> done)
{
    QPointer<QObject> guard(context);
    const bool hadContext = context != nullptr;
    return [guard, hadContext, done = std::move(done)](T value) {
        if ((hadContext && !guard) || !done)
            return;
        done(std::move(value));
    };
}

} // namespace Conclave::Core
