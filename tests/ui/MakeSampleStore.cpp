// make-sample-store <file> [count]: writes a connections database with sample folders and
// connections, for screenshots (about 20) and for trying the app with many (e.g. 10000).
// Not a test; built next to the GUI tests.
#include "core/storage/ConnectionStore.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace Conclave::Core;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        QTextStream(stderr) << "usage: make-sample-store <file> [count]\n";
        return 2;
    }
    const int count = args.size() > 2 ? args.at(2).toInt() : 0;
    auto store = ConnectionStore::open(args.at(1));
    if (!store) {
        QTextStream(stderr) << store.error().message << '\n';
        return 1;
    }
    auto folder = [](const QString& name, const QUuid& parent = {}) {
        return Folder{QUuid::createUuid(), parent, name, 0};
    };
    const Folder production = folder(QStringLiteral("Production"));
    const Folder eu = folder(QStringLiteral("EU"), production.id);
    const Folder us = folder(QStringLiteral("US"), production.id);
    const Folder staging = folder(QStringLiteral("Staging"));
    const Folder analytics = folder(QStringLiteral("Analytics"));
    const Folder servers = folder(QStringLiteral("Servers"));
    QList<Connection> connections;
    auto add = [&](const Folder& f, const QString& name, ConnectionKind kind, const QString& host,
                   const QString& user, const QString& db, const QStringList& tags,
                   const QString& color = {}) {
        Connection c;
        c.id = QUuid::createUuid();
        c.folderId = f.id;
        c.name = name;
        c.kind = kind;
        c.hosts = {HostPort{host, kindDefaultPort(kind)}};
        c.username = user;
        c.defaultDatabase = db;
        c.tags = tags;
        c.color = color;
        c.tls.enabled = kind != ConnectionKind::SSH && f.id != staging.id;
        connections.append(c);
        return &connections.last();
    };
    add(eu, QStringLiteral("Orders"), ConnectionKind::PostgreSQL, QStringLiteral("orders.eu.db.example.com"),
        QStringLiteral("orders_app"), QStringLiteral("orders"), {QStringLiteral("billing")},
        QStringLiteral("#d64545"));
    add(eu, QStringLiteral("Customers"), ConnectionKind::MySQL, QStringLiteral("crm.eu.db.example.com"),
        QStringLiteral("crm"), QStringLiteral("crm"), {QStringLiteral("crm")}, QStringLiteral("#d64545"));
    Connection* catalog = add(eu, QStringLiteral("Catalog"), ConnectionKind::MongoDB,
                              QStringLiteral("catalog-0.eu.example.com"), QStringLiteral("catalog"),
                              QStringLiteral("shop"), {QStringLiteral("shop")}, QStringLiteral("#d64545"));
    catalog->hosts.append(HostPort{QStringLiteral("catalog-1.eu.example.com"), 27017});
    catalog->hosts.append(HostPort{QStringLiteral("catalog-2.eu.example.com"), 27017});
    catalog->options = {{QStringLiteral("replicaSet"), QStringLiteral("rs0")},
                        {QStringLiteral("authSource"), QStringLiteral("admin")}};
    catalog->notes = QStringLiteral("Replica set behind the EU shop. Read from secondaries for reports.");
    add(eu, QStringLiteral("Sessions"), ConnectionKind::Redis, QStringLiteral("sessions.eu.example.com"), {},
        QStringLiteral("0"), {QStringLiteral("cache")}, QStringLiteral("#d64545"));
    add(us, QStringLiteral("Orders"), ConnectionKind::PostgreSQL, QStringLiteral("orders.us.db.example.com"),
        QStringLiteral("orders_app"), QStringLiteral("orders"), {QStringLiteral("billing")},
        QStringLiteral("#e08a2e"));
    add(us, QStringLiteral("Inventory"), ConnectionKind::MySQL, QStringLiteral("inventory.us.db.example.com"),
        QStringLiteral("stock"), QStringLiteral("inventory"), {}, QStringLiteral("#e08a2e"));
    Connection* atlas = add(us, QStringLiteral("Events (Atlas)"), ConnectionKind::MongoDB,
                            QStringLiteral("events.abcde.mongodb.net"), QStringLiteral("events"),
                            QStringLiteral("events"), {QStringLiteral("atlas")}, QStringLiteral("#e08a2e"));
    atlas->srv = true;
    atlas->hosts.first().port = 0;
    add(us, QStringLiteral("Rate limiter"), ConnectionKind::Redis, QStringLiteral("ratelimit.us.example.com"),
        {}, QStringLiteral("2"), {QStringLiteral("cache")});
    add(production, QStringLiteral("Billing warehouse"), ConnectionKind::PostgreSQL,
        QStringLiteral("warehouse.example.com"), QStringLiteral("finance_ro"), QStringLiteral("billing"),
        {QStringLiteral("billing"), QStringLiteral("read-only")});
    add(staging, QStringLiteral("Orders (staging)"), ConnectionKind::PostgreSQL,
        QStringLiteral("orders.staging.example.com"), QStringLiteral("orders_app"), QStringLiteral("orders"),
        {QStringLiteral("billing")}, QStringLiteral("#3f9a4d"));
    add(staging, QStringLiteral("Catalog (staging)"), ConnectionKind::MongoDB,
        QStringLiteral("catalog.staging.example.com"), QStringLiteral("catalog"), QStringLiteral("shop"), {},
        QStringLiteral("#3f9a4d"));
    add(staging, QStringLiteral("Cache (staging)"), ConnectionKind::Redis,
        QStringLiteral("cache.staging.example.com"), {}, QStringLiteral("0"), {QStringLiteral("cache")},
        QStringLiteral("#3f9a4d"));
    add(staging, QStringLiteral("CRM (staging)"), ConnectionKind::MySQL,
        QStringLiteral("crm.staging.example.com"), QStringLiteral("crm"), QStringLiteral("crm"), {},
        QStringLiteral("#3f9a4d"));
    Connection* metrics =
        add(analytics, QStringLiteral("Metrics"), ConnectionKind::PostgreSQL, QStringLiteral("10.20.0.15"),
            QStringLiteral("analyst"), QStringLiteral("metrics"), {QStringLiteral("reports")},
            QStringLiteral("#2f6fb0"));
    metrics->ssh = SshTunnel{true, QStringLiteral("bastion.example.com"), 22, QStringLiteral("analyst"),
                             SshAuthMethod::PrivateKey};
    add(analytics, QStringLiteral("Clickstream"), ConnectionKind::MongoDB,
        QStringLiteral("clicks.example.com"), QStringLiteral("reader"), QStringLiteral("clicks"),
        {QStringLiteral("reports")}, QStringLiteral("#2f6fb0"));
    add(analytics, QStringLiteral("Dashboards"), ConnectionKind::MySQL, QStringLiteral("bi.example.com"),
        QStringLiteral("grafana"), QStringLiteral("grafana"), {}, QStringLiteral("#2f6fb0"));
    add(servers, QStringLiteral("Bastion"), ConnectionKind::SSH, QStringLiteral("bastion.example.com"),
        QStringLiteral("ops"), {}, {QStringLiteral("ops")});
    add(servers, QStringLiteral("Build server"), ConnectionKind::SSH, QStringLiteral("build.example.com"),
        QStringLiteral("ci"), {}, {QStringLiteral("ops")});
    add(servers, QStringLiteral("Backup host"), ConnectionKind::SSH, QStringLiteral("backup.example.com"),
        QStringLiteral("backup"), {}, {QStringLiteral("ops")});
    Connection local;
    local.id = QUuid::createUuid();
    local.name = QStringLiteral("Local PostgreSQL");
    local.kind = ConnectionKind::PostgreSQL;
    local.hosts = {HostPort{QStringLiteral("localhost"), 5432}};
    local.username = QStringLiteral("postgres");
    connections.append(local);

    QList<Folder> folders{production, eu, us, staging, analytics, servers};
    for (int i = 0; i < count; ++i) {
        if (i % 200 == 0)
            folders.append(folder(QStringLiteral("Bulk %1").arg(i / 200 + 1)));
        Connection c;
        c.id = QUuid::createUuid();
        c.folderId = folders.last().id;
        c.name = QStringLiteral("Service %1").arg(i);
        c.kind = allKinds().at(i % 5);
        c.hosts = {HostPort{QStringLiteral("svc%1.example.com").arg(i), kindDefaultPort(c.kind)}};
        connections.append(c);
    }
    const Status saved = store.value()->saveAll(folders, connections);
    if (!saved) {
        QTextStream(stderr) << saved.error().message << '\n';
        return 1;
    }
    QTextStream(stdout) << connections.size() << " connections in " << folders.size() << " folders\n";
    return 0;
}
