// ProbeResult: what "Test connection" found, for people (summary, steps) and for programs
// (ok, stage, error code). The summary is one complete, translated sentence.
#pragma once

#include "core/util/Error.h"

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Conclave::Core {

struct ProbeResult
{
    // How far the test got; on failure, the stage that failed.
    enum class Stage
    {
        Resolve,
        Tcp,
        Tls,
        Greeting,
        Authentication,
        Done
    };

    bool ok = false;
    Stage stage = Stage::Resolve;
    QString summary;       // "Connected to PostgreSQL 15.8; signed in as x.", "Timed out after 10 s."
    QString serverVersion; // as the server reports it, empty when unknown
    QStringList steps;     // every step taken, in words, in order
    Error error;           // meaningful when !ok
};

} // namespace Conclave::Core

Q_DECLARE_METATYPE(Conclave::Core::ProbeResult)
