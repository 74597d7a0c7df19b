// Tests ConnectionCheckDialog against real sockets on loopback: a refused port ends with a
// result in words and a Close button; a server that never answers can be cancelled at once;
// the stored password is read from the SecretStore without blocking the dialog; long steps
// wrap in a narrow window instead of scrolling sideways.
#include "core/keychain/MemorySecretStore.h"
#include "ui/ConnectionCheckDialog.h"

#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QListWidget>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Conclave::Core;
using namespace Conclave::Gui;

namespace {

Connection local(quint16 port, ConnectionKind kind = ConnectionKind::PostgreSQL)
{
    Connection c;
    c.id = QUuid::createUuid();
    c.name = QStringLiteral("Local");
    c.kind = kind;
    c.username = QStringLiteral("tester");
    c.hosts = {HostPort{QStringLiteral("127.0.0.1"), port}};
    return c;
}

quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort(); // closed again when `server` goes
}

} // namespace

class TestConnectionCheckDialog : public QObject
{
    Q_OBJECT

private slots:
    void refusedPortIsReportedInWords();
    void cancelStopsAtOnce();
    void longStepsWrap();
};

void TestConnectionCheckDialog::refusedPortIsReportedInWords()
{
    MemorySecretStore secrets;
    ConnectionCheckDialog dialog(local(closedPort()), &secrets);
    QSignalSpy finished(&dialog, &ConnectionCheckDialog::testFinished);
    dialog.show();
    dialog.start();
    QVERIFY(dialog.isRunning()); // start() returns at once; nothing blocks
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(!dialog.isRunning());
    QVERIFY2(dialog.summary().size() > 10, qPrintable(dialog.summary()));
    QVERIFY(dialog.findChild<QListWidget*>(QStringLiteral("steps"))->count() > 0);
    auto* buttons = dialog.findChild<QDialogButtonBox*>(QStringLiteral("buttons"));
    QVERIFY(buttons->button(QDialogButtonBox::Close));
}

void TestConnectionCheckDialog::longStepsWrap()
{
    MemorySecretStore secrets;
    ConnectionCheckDialog dialog(local(closedPort()), &secrets);
    QSignalSpy finished(&dialog, &ConnectionCheckDialog::testFinished);
    dialog.resize(260, 400);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.start();
    QTRY_COMPARE(finished.count(), 1);
    auto* steps = dialog.findChild<QListWidget*>(QStringLiteral("steps"));
    QTRY_COMPARE(steps->horizontalScrollBar()->maximum(), 0);
    bool wrapped = false;
    for (int i = 0; i < steps->count(); ++i) {
        const QRect rect = steps->visualItemRect(steps->item(i));
        QVERIFY2(rect.right() <= steps->viewport()->width(), qPrintable(steps->item(i)->text()));
        wrapped = wrapped || rect.height() >= 2 * steps->fontMetrics().height();
    }
    QVERIFY(wrapped); // at 260 pixels some step needs more than one line
}

void TestConnectionCheckDialog::cancelStopsAtOnce()
{
    // Accepts connections and never says a word: the test would wait for its timeout.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    QList<QTcpSocket*> held;
    connect(&silent, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket* s = silent.nextPendingConnection())
            held.append(s);
    });
    MemorySecretStore secrets;
    const Connection c = local(silent.serverPort(), ConnectionKind::MySQL); // MySQL waits for the server
    bool written = false;
    secrets.write(c.id, SecretKind::Password, SecureBytes::fromView("pw"), this,
                  [&](Status) { written = true; });
    QTRY_VERIFY(written);

    ConnectionCheckDialog dialog(c, &secrets);
    QSignalSpy finished(&dialog, &ConnectionCheckDialog::testFinished);
    dialog.show();
    dialog.start();
    QTRY_COMPARE(held.size(), 1); // connected, now waiting for the greeting
    QVERIFY(dialog.isRunning());
    QElapsedTimer timer;
    timer.start();
    auto* buttons = dialog.findChild<QDialogButtonBox*>(QStringLiteral("buttons"));
    QTest::mouseClick(buttons->button(QDialogButtonBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY(!dialog.isRunning());
    QTRY_VERIFY(buttons->button(QDialogButtonBox::Close));
    QVERIFY2(timer.elapsed() < 3000, "cancel must not wait for the timeout");
    QVERIFY(dialog.isVisible()); // the result stays readable until closed
    qDeleteAll(held);
}

QTEST_MAIN(TestConnectionCheckDialog)
#include "TestConnectionCheckDialog.moc"
