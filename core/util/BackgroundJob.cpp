// BackgroundJob: see the header.
#include "core/util/BackgroundJob.h"

namespace Conclave::Core {

BackgroundJob::BackgroundJob(QObject* context)
    : QObject(context)
    , m_cancelled(std::make_shared<std::atomic<bool>>(false))
{}

BackgroundJob::~BackgroundJob()
{
    cancel();
}

void BackgroundJob::cancel()
{
    m_cancelled->store(true, std::memory_order_release);
}

} // namespace Conclave::Core
