// Sample data shared by the GUI benchmarks: 10,000 connections in 50 nested folders with
// names, hosts and tags shaped like a real team's (service, environment, region, number),
// so filter queries match a realistic share of rows.
#pragma once

#include "core/model/Connection.h"

#include <QList>
#include <QStringList>

namespace BenchSampleData {

inline void make(int count, QList<Conclave::Core::Folder>& folders,
                 QList<Conclave::Core::Connection>& connections)
{
    using namespace Conclave::Core;
    static const QStringList environments{QStringLiteral("Production"), QStringLiteral("Staging"),
                                          QStringLiteral("Development"), QStringLiteral("Analytics"),
                                          QStringLiteral("Servers")};
    static const QStringList regions{QStringLiteral("eu"), QStringLiteral("us"), QStringLiteral("ap")};
    static const QStringList services{QStringLiteral("orders"),    QStringLiteral("catalog"),
                                      QStringLiteral("billing"),   QStringLiteral("sessions"),
                                      QStringLiteral("inventory"), QStringLiteral("metrics"),
                                      QStringLiteral("warehouse"), QStringLiteral("bastion")};
    static const QStringList tags{QStringLiteral("billing"), QStringLiteral("cache"),
                                  QStringLiteral("reports"), QStringLiteral("ops"),
                                  QStringLiteral("read-only")};
    // 5 environments, each with 3 regions of 3 teams: 5 + 15 + 45 = 65 folders; the
    // connections live in the 45 team folders + 5 environments = 50 folders.
    QList<QUuid> leaves;
    int order = 0;
    for (const QString& env : environments) {
        const Folder e{QUuid::createUuid(), {}, env, order++};
        folders.append(e);
        leaves.append(e.id);
        for (const QString& region : regions) {
            const Folder r{QUuid::createUuid(), e.id, region.toUpper(), order++};
            folders.append(r);
            for (int team = 1; team <= 3; ++team) {
                const Folder t{QUuid::createUuid(), r.id, QStringLiteral("Team %1").arg(team), order++};
                folders.append(t);
                leaves.append(t.id);
            }
        }
    }
    connections.reserve(count);
    for (int i = 0; i < count; ++i) {
        Connection c;
        c.id = QUuid::createUuid();
        c.folderId = leaves.at(i % leaves.size());
        const QString& service = services.at(i % services.size());
        const QString& region = regions.at((i / 7) % regions.size());
        c.kind = allKinds().at(i % 5);
        c.name = QStringLiteral("%1-%2-%3").arg(service, region).arg(i, 4, 10, QLatin1Char('0'));
        c.hosts = {HostPort{QStringLiteral("%1%2.%3.db.example.com").arg(service).arg(i).arg(region),
                            kindDefaultPort(c.kind)}};
        if (c.kind != ConnectionKind::Redis)
            c.username = service + QStringLiteral("_app");
        c.tags = {tags.at(i % tags.size())};
        c.sortOrder = i;
        connections.append(c);
    }
}

} // namespace BenchSampleData
