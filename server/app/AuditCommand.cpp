// Operator commands for the audit logs.
#include "server/app/AuditCommand.h"

#include "server/services/AuditVerifier.h"

#include <QCoreApplication>

namespace Conclave::Server {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("AuditCommand", text);
}

QString logName(const QString& orgId)
{
    return orgId.isEmpty() ? tr("The server's own audit log")
                           : tr("The audit log of organisation %1").arg(orgId);
}
} // namespace

QString AuditCommand::usage()
{
    return tr("audit actions:\n"
              "  verify [--org <id>]\n"
              "  checkpoint --org <id>\n"
              "  public-key\n");
}

int AuditCommand::run(const QString& action, const QCommandLineParser& parser, AuditStore& store,
                      AuditService& audit, QTextStream& out, QTextStream& err)
{
    const bool hasOrg = parser.isSet(QStringLiteral("org"));
    const QString orgId = parser.value(QStringLiteral("org")).trimmed();
    if (action == QLatin1String("verify")) {
        AuditVerifier verifier(store, audit.publicKey());
        auto findings = verifier.verify(hasOrg ? std::optional<QString>(orgId) : std::nullopt);
        if (!findings) {
            err << findings.error().message << Qt::endl;
            return 1;
        }
        int damaged = 0;
        for (const AuditVerifier::Finding& f : findings.value()) {
            if (f.intact()) {
                out << tr("%1: %2 entries and %3 checkpoints, intact.")
                           .arg(logName(f.orgId))
                           .arg(f.entries)
                           .arg(f.checkpoints)
                    << Qt::endl;
            } else {
                ++damaged;
                err << tr("%1 is damaged. %2").arg(logName(f.orgId), f.problem) << Qt::endl;
            }
        }
        if (damaged > 0) {
            err << tr("%1 of %2 audit logs failed the check.").arg(damaged).arg(findings->size()) << Qt::endl;
            return 1;
        }
        out << tr("%1 audit logs checked, all intact.").arg(findings->size()) << Qt::endl;
        return 0;
    }
    if (action == QLatin1String("checkpoint")) {
        if (!hasOrg) {
            err << tr("This action needs --org.") << Qt::endl;
            return 2;
        }
        auto made = audit.checkpoint(orgId);
        if (!made) {
            err << made.error().message << Qt::endl;
            return 1;
        }
        if (!made->has_value()) {
            err << tr("This audit log has no entries yet.") << Qt::endl;
            return 1;
        }
        out << tr("Checkpoint at entry %1.").arg((*made)->seq) << Qt::endl;
        return 0;
    }
    if (action == QLatin1String("public-key")) {
        out << QString::fromLatin1(audit.publicKey().toBase64()) << Qt::endl;
        return 0;
    }
    err << tr("Unknown audit action.") << Qt::endl << usage();
    return 2;
}

} // namespace Conclave::Server
