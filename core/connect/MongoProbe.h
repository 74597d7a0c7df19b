// MongoProbe: "Test connection" for MongoDB. Sends one OP_MSG `hello` to the admin database
// and reads ok, maxWireVersion (which names the server generation), setName and the role
// from the reply with a minimal BSON reader. Sign-in is not part of the test yet.
#pragma once

#include "core/connect/ProtocolProbe.h"

#include <QCoreApplication>
#include <QString>

namespace Conclave::Core {

struct Error;

class MongoProbe final : public ProtocolProbe
{
    Q_DECLARE_TR_FUNCTIONS(MongoProbe)

public:
    MongoProbe() = default;
    Q_DISABLE_COPY_MOVE(MongoProbe)

    bool directTls() const override { return true; }
    void start(ProbeHost& host) override;
    void received(ProbeHost& host, QByteArray& buffer) override;

    // The OP_MSG `hello` request (request id 1), for tests and the fake server.
    static QByteArray helloRequest();
    // "7.0" for wire version 21, empty when the version is not a known release.
    static QString releaseForWireVersion(int wireVersion);

private:
    void handleReply(ProbeHost& host, QByteArrayView message);
    void finishWith(ProbeHost& host, const Error& error);

    bool m_finished = false;
};

} // namespace Conclave::Core
