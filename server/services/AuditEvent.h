// AuditEvent: one audited event as the audit log records it — which organisation's log, which
// object (kind and id), who (a user id; empty for the operator at the command line), when,
// the action's name, the object's revision, and whether it was done or refused with the
// refusal's reason code. Ids, names and numbers only: never an address, a name or anything a
// client encrypted (DESIGN §4), so the log can be shown to admins and kept for years.
#pragma once

#include <QString>
#include <QtGlobal>

namespace Conclave::Server {

struct AuditEvent
{
    enum class Outcome : quint8
    {
        Done = 0,
        Refused = 1
    };

    QString orgId; // empty: the server's own log (a refusal naming no organisation)
    QString objectKind;
    QString objectId;
    QString userId;
    QString action;
    qint64 revision = 0;
    Outcome outcome = Outcome::Done;
    QString reason;  // an ApiReason name when refused; else empty
    qint64 atMs = 0; // set by AuditService when left 0
    qint64 seq = 0;  // the position in the log, set by AuditService
};

} // namespace Conclave::Server
