// SCRAM-SHA-256 client against the RFC 7677 example and PBKDF2-HMAC-SHA256 test vectors,
// plus the server answers a client must refuse.
#include "core/connect/ScramSha256.h"

#include <QTest>

using namespace Conclave::Core;

class TestScramSha256 final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pbkdf2_data();
    void pbkdf2();
    void rfc7677Example();
    void rejectsBadServerFirst_data();
    void rejectsBadServerFirst();
    void rejectsForgedServerSignature();
};

void TestScramSha256::pbkdf2_data()
{
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<QByteArray>("salt");
    QTest::addColumn<int>("iterations");
    QTest::addColumn<QByteArray>("expectedHex");
    // RFC 7914 §11 (first 32 bytes of the 64-byte output).
    QTest::newRow("rfc7914-c1") << QByteArray("passwd") << QByteArray("salt") << 1
                                << QByteArray(
                                       "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc");
    QTest::newRow("c4096") << QByteArray("password") << QByteArray("salt") << 4096
                           << QByteArray("c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a");
}

void TestScramSha256::pbkdf2()
{
    QFETCH(QByteArray, password);
    QFETCH(QByteArray, salt);
    QFETCH(int, iterations);
    QFETCH(QByteArray, expectedHex);
    const SecureBytes key = ScramSha256::pbkdf2(password, salt, iterations);
    QCOMPARE(key.view().toByteArray().toHex(), expectedHex);
}

void TestScramSha256::rfc7677Example()
{
    ScramSha256 scram("rOprNGfwEbeRWgbNEkqO");
    QCOMPARE(scram.clientFirstMessage("user"), QByteArray("n,,n=user,r=rOprNGfwEbeRWgbNEkqO"));
    const SecureBytes password = SecureBytes::fromView("pencil");
    const Result<QByteArray> final = scram.clientFinalMessage(
        "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096", password);
    QVERIFY(final.ok());
    QCOMPARE(*final, QByteArray("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                                "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="));
    QVERIFY(scram.verifyServerFinal("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=").ok());
}

void TestScramSha256::rejectsBadServerFirst_data()
{
    QTest::addColumn<QByteArray>("serverFirst");
    QTest::newRow("foreign nonce") << QByteArray("r=someoneElse123,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096");
    QTest::newRow("same nonce") << QByteArray("r=clientnonce,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096");
    QTest::newRow("no salt") << QByteArray("r=clientnonceXYZ,i=4096");
    QTest::newRow("zero rounds") << QByteArray("r=clientnonceXYZ,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=0");
    QTest::newRow("too many rounds") << QByteArray("r=clientnonceXYZ,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=999999999");
    QTest::newRow("extension") << QByteArray("m=ext,r=clientnonceXYZ,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096");
    QTest::newRow("garbage") << QByteArray("\x01\x02,,,=");
}

void TestScramSha256::rejectsBadServerFirst()
{
    QFETCH(QByteArray, serverFirst);
    ScramSha256 scram("clientnonce");
    static_cast<void>(scram.clientFirstMessage());
    const SecureBytes password = SecureBytes::fromView("pencil");
    const Result<QByteArray> final = scram.clientFinalMessage(serverFirst, password);
    QVERIFY(!final.ok());
    QVERIFY(!final.error().message.isEmpty());
}

void TestScramSha256::rejectsForgedServerSignature()
{
    ScramSha256 scram("rOprNGfwEbeRWgbNEkqO");
    static_cast<void>(scram.clientFirstMessage("user"));
    const SecureBytes password = SecureBytes::fromView("pencil");
    QVERIFY(scram
                .clientFinalMessage("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                                    "s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
                                    password)
                .ok());
    const Status forged = scram.verifyServerFinal("v=AAAATRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
    QVERIFY(!forged.ok());
    QCOMPARE(forged.error().code, ErrorCode::Crypto);
    QVERIFY(!scram.verifyServerFinal("e=invalid-proof").ok());
    QVERIFY(!scram.verifyServerFinal("nonsense").ok());
}

QTEST_GUILESS_MAIN(TestScramSha256)
#include "TestScramSha256.moc"
