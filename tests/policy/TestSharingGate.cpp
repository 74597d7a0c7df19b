// Tests SharingGate and GatedNetworkAccessManager, which every Team Sharing request must go
// through: with TeamSharingEnabled=false a request to a real listener on loopback is refused
// before a connection is made (the listener sees nothing), while with sharing on the same
// request reaches it; only the configured server is permitted.
#include "core/policy/GatedNetworkAccessManager.h"
#include "core/policy/SharingGate.h"

#include <QFile>
#include <QNetworkReply>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Conclave::Core;

class TestSharingGate : public QObject
{
    Q_OBJECT

private slots:
    void permitRequest_data();
    void permitRequest();
    void closedByPolicyRefusesEverything();
    void permitConnectionOnlyToTheServer();
    void refusedRequestNeverReachesTheListener();
    void permittedRequestReachesTheListener();
    void refusedRequestLooksUpNoName();

private:
    EffectiveSettings settings(const QByteArray& ini, const QString& userServer = {});
    QTemporaryDir m_dir;
    int m_files = 0;
};

EffectiveSettings TestSharingGate::settings(const QByteArray& ini, const QString& userServer)
{
    const QString path = m_dir.filePath(QStringLiteral("p%1.conf").arg(++m_files));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write the policy");
    file.write(ini);
    file.close();
    QSettings source(path, QSettings::IniFormat);
    UserSharingSettings user;
    user.serverUrl = QUrl(userServer);
    return EffectiveSettings::merge(user, MachinePolicy::read(source));
}

void TestSharingGate::permitRequest_data()
{
    QTest::addColumn<QString>("server");
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("permitted");
    const QString corp = QStringLiteral("https://sharing.example.com/conclave");
    QTest::newRow("api below the server")
        << corp << QStringLiteral("https://sharing.example.com/conclave/api/v1/me") << true;
    QTest::newRow("explicit default port")
        << corp << QStringLiteral("https://sharing.example.com:443/conclave/api/v1") << true;
    QTest::newRow("host in upper case")
        << corp << QStringLiteral("https://SHARING.example.com/conclave/api") << true;
    QTest::newRow("other host") << corp << QStringLiteral("https://evil.example.com/conclave/api") << false;
    QTest::newRow("suffix host") << corp << QStringLiteral("https://sharing.example.com.evil.net/conclave")
                                 << false;
    QTest::newRow("other port") << corp << QStringLiteral("https://sharing.example.com:8443/conclave/api")
                                << false;
    QTest::newRow("http downgrade") << corp << QStringLiteral("http://sharing.example.com/conclave/api")
                                    << false;
    QTest::newRow("outside the path") << corp << QStringLiteral("https://sharing.example.com/other") << false;
    QTest::newRow("path prefix only")
        << corp << QStringLiteral("https://sharing.example.com/conclave-x/api") << false;
    QTest::newRow("dot segments out")
        << corp << QStringLiteral("https://sharing.example.com/conclave/../admin") << false;
    QTest::newRow("credentials in url")
        << corp << QStringLiteral("https://u:p@sharing.example.com/conclave/api") << false;
    QTest::newRow("ws scheme") << corp << QStringLiteral("wss://sharing.example.com/conclave/live") << false;
    QTest::newRow("no server set") << QString() << QStringLiteral("https://sharing.example.com/api") << false;
    QTest::newRow("user chose http to another machine")
        << QStringLiteral("http://sharing.example.com") << QStringLiteral("http://sharing.example.com/api")
        << false;
    QTest::newRow("user chose http on loopback") << QStringLiteral("http://127.0.0.1:8443")
                                                 << QStringLiteral("http://127.0.0.1:8443/api/v1/me") << true;
}

void TestSharingGate::permitRequest()
{
    QFETCH(QString, server);
    QFETCH(QString, url);
    QFETCH(bool, permitted);
    const SharingGate gate(settings({}, server));
    QVERIFY(gate.isOpen());
    const Status status = gate.permitRequest(QUrl(url));
    QCOMPARE(status.ok(), permitted);
    QCOMPARE(gate.refusedCount(), permitted ? 0 : 1);
    if (!permitted)
        QVERIFY2(status.error().message.size() > 10, qPrintable(status.error().message));
    if (QTest::currentDataTag() == QByteArrayLiteral("user chose http to another machine"))
        QVERIFY2(status.error().message.contains(QStringLiteral("only over https")),
                 qPrintable(status.error().message));
}

void TestSharingGate::closedByPolicyRefusesEverything()
{
    const SharingGate gate(settings("TeamSharingEnabled=false\nServerUrl=https://sharing.example.com\n"));
    QVERIFY(!gate.isOpen());
    const Status request = gate.permitRequest(QUrl(QStringLiteral("https://sharing.example.com/api/v1/me")));
    QVERIFY(!request.ok());
    QCOMPARE(request.error().code, ErrorCode::Denied);
    QVERIFY(request.error().message.contains(QStringLiteral("administrator")));
    QVERIFY(!gate.permitConnection(QStringLiteral("sharing.example.com"), 443).ok());
    QCOMPARE(gate.refusedCount(), 2);

    // A policy that cannot be read as written closes the gate too.
    const SharingGate broken(settings("TeamSharingEnabled=off\nServerUrl=https://sharing.example.com\n"));
    QVERIFY(!broken.isOpen());
    QVERIFY(!broken.permitRequest(QUrl(QStringLiteral("https://sharing.example.com/api"))).ok());
}

void TestSharingGate::permitConnectionOnlyToTheServer()
{
    const SharingGate gate(settings("ServerUrl=https://sharing.example.com/conclave\n"));
    QVERIFY(gate.permitConnection(QStringLiteral("sharing.example.com"), 443).ok());
    QVERIFY(gate.permitConnection(QStringLiteral("SHARING.example.com"), 443).ok());
    QVERIFY(!gate.permitConnection(QStringLiteral("sharing.example.com"), 8443).ok());
    QVERIFY(!gate.permitConnection(QStringLiteral("evil.example.com"), 443).ok());
    QCOMPARE(gate.refusedCount(), 2);
}

void TestSharingGate::refusedRequestNeverReachesTheListener()
{
    QTcpServer listener;
    QVERIFY(listener.listen(QHostAddress::LocalHost, 0));
    const QString server = QStringLiteral("http://127.0.0.1:%1").arg(listener.serverPort());
    const SharingGate gate(settings("TeamSharingEnabled=false\nServerUrl=" + server.toUtf8() + "\n"));
    GatedNetworkAccessManager network(gate);

    QNetworkReply* reply = network.get(QNetworkRequest(QUrl(server + QStringLiteral("/api/v1/me"))));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(5000));
    QCOMPARE(reply->error(), QNetworkReply::ContentAccessDenied);
    QVERIFY(reply->errorString().contains(QStringLiteral("administrator")));
    // A connection attempt would be in the listen backlog by now: the reply finished only
    // after the manager had decided what to do with the request.
    QVERIFY(!listener.waitForNewConnection(200));
    QVERIFY(!listener.hasPendingConnections());
    QCOMPARE(gate.refusedCount(), 1);
    reply->deleteLater();
}

void TestSharingGate::permittedRequestReachesTheListener()
{
    // The same request with sharing on does reach the listener, so the test above can fail.
    QTcpServer listener;
    QVERIFY(listener.listen(QHostAddress::LocalHost, 0));
    const QString server = QStringLiteral("http://127.0.0.1:%1").arg(listener.serverPort());
    const SharingGate gate(settings("ServerUrl=" + server.toUtf8() + "\n"));
    GatedNetworkAccessManager network(gate);
    QSignalSpy connected(&listener, &QTcpServer::newConnection);

    QNetworkReply* reply = network.get(QNetworkRequest(QUrl(server + QStringLiteral("/api/v1/me"))));
    QVERIFY(connected.wait(5000));
    QCOMPARE(gate.refusedCount(), 0);
    reply->abort();
    reply->deleteLater();
}

void TestSharingGate::refusedRequestLooksUpNoName()
{
    // A name that cannot resolve: had the manager looked it up, the reply would end with
    // HostNotFoundError; the refusal comes first, before any lookup.
    const QString server = QStringLiteral("https://sharing.invalid");
    const SharingGate gate(settings("TeamSharingEnabled=false\nServerUrl=" + server.toUtf8() + "\n"));
    GatedNetworkAccessManager network(gate);
    QNetworkReply* reply = network.get(QNetworkRequest(QUrl(server + QStringLiteral("/api/v1/me"))));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(5000));
    QCOMPARE(reply->error(), QNetworkReply::ContentAccessDenied);
    QCOMPARE(gate.refusedCount(), 1);
    reply->deleteLater();

    // The same request through an ordinary manager does try the name.
    QNetworkAccessManager plain;
    QNetworkReply* looked = plain.get(QNetworkRequest(QUrl(server + QStringLiteral("/api/v1/me"))));
    QSignalSpy lookedFinished(looked, &QNetworkReply::finished);
    QVERIFY(lookedFinished.wait(20000));
    QCOMPARE(looked->error(), QNetworkReply::HostNotFoundError);
    looked->deleteLater();
}

QTEST_GUILESS_MAIN(TestSharingGate)
#include "TestSharingGate.moc"
