// BackgroundJob: runs CPU-heavy work off the GUI thread and hands its Result back on the
// thread of a context object (the GUI thread, for widgets). Argon2id (hundreds of
// milliseconds by design) and verifying and decrypting thousands of shared items must not
// freeze the window; this is the one way Conclave does that.
//
//   BackgroundJob::start<Keys>(this,
//       [params, password = std::move(password)](const CancellationToken& token) {
//           return deriveKeys(params, password, token);   // on a QThreadPool worker
//       },
//       [this](Result<Keys> keys) { ... });               // on this object's thread
//
// Rules for the work function: it runs on another thread, so it owns (moves in) what it
// reads, never touches a QObject of the caller, and returns a Result. Secrets go in and out
// as SecureBytes, moved, never copied. It should look at token.isCancelled() between steps
// of long loops (per item, per batch) and return early when set.
//
// Cancellation: cancel() on the job, or destroying the context (the job is its child),
// means the done callback is never called; the work sees the token set and stops at its
// next check. A job deletes itself once its work has returned.
#pragma once

#include "core/util/Result.h"

#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <memory>
#include <optional>
#include <utility>

namespace Conclave::Core {

class CancellationToken final
{
public:
    bool isCancelled() const { return m_flag->load(std::memory_order_acquire); }

private:
    friend class BackgroundJob;
    explicit CancellationToken(std::shared_ptr<std::atomic<bool>> flag)
        : m_flag(std::move(flag))
    {}
    std::shared_ptr<std::atomic<bool>> m_flag;
};

class BackgroundJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackgroundJob)

public:
    ~BackgroundJob() override; // cancels

    // Runs `work(token)` -> Result<T> on `pool` (the global pool when null) and calls
    // `done(Result<T>)` on `context`'s thread, unless cancelled first. Returns the job,
    // owned by `context`, to cancel it; do not keep the pointer past done (use QPointer).
    template<typename T, typename Work, typename Done>
    static BackgroundJob* start(QObject* context, Work work, Done done, QThreadPool* pool = nullptr)
    {
        auto* job = new BackgroundJob(context);
        auto result = std::make_shared<std::optional<Result<T>>>();
        CancellationToken token(job->m_cancelled);
        QObject::connect(&job->m_watcher, &QFutureWatcher<void>::finished, job,
                         [job, result, done = std::move(done)]() mutable {
                             if (!job->isCancelled() && result->has_value())
                                 done(std::move(**result));
                             job->deleteLater();
                         });
        job->m_watcher.setFuture(QtConcurrent::run(pool ? pool : QThreadPool::globalInstance(),
                                                   [work = std::move(work), token, result]() mutable {
                                                       if (!token.isCancelled())
                                                           result->emplace(work(token));
                                                   }));
        return job;
    }

    // After this, done is never called; the work sees its token set.
    void cancel();
    bool isCancelled() const { return m_cancelled->load(std::memory_order_acquire); }

private:
    explicit BackgroundJob(QObject* context);

    std::shared_ptr<std::atomic<bool>> m_cancelled;
    QFutureWatcher<void> m_watcher;
};

} // namespace Conclave::Core
