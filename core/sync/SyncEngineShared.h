// SyncEngineShared: what the four files of SyncEngine (SyncEngine.cpp and its Write, Members
// and Invitations parts) have in common: their tr() context, the two refusals every operation
// may give, the guard that drops an answer whose caller is gone, and the text form of an id.
// Private to those files; nothing else includes it.
#pragma once

#include "core/util/Result.h"

#include <QCoreApplication>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUuid>

#include <functional>

namespace Conclave::Core::SyncEngineShared {

// One context for the engine's sentences, whichever of its files says them.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Conclave::Core::SyncEngine)
};

// Before start() or after sign-out.
Error notStarted();
// A folder id that is not among the folders this computer holds.
Error unknownFolder();

// Runs `done` unless the caller's `context` is gone (a caller without one always hears back).
template<typename T> std::function<void(T)> guarded(QObject* context, std::function<void(T)> done)
{
    QPointer<QObject> guard(context);
    const bool hadContext = context != nullptr;
    return [guard, hadContext, done = std::move(done)](T value) {
        if (hadContext && !guard)
            return;
        if (done)
            done(std::move(value));
    };
}

// Ids as the server and the security state write them: lower case, hyphens, no braces.
inline QString idText(const QUuid& id)
{
    return id.toString(QUuid::WithoutBraces);
}

} // namespace Conclave::Core::SyncEngineShared
