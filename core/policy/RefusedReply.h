// RefusedReply: the answer GatedNetworkAccessManager gives to a request the SharingGate
// refuses. It fails at once (from the event loop, as a real reply would) with the gate's
// reason as its error string; nothing was sent and no host name was looked up.
#pragma once

#include <QNetworkReply>

namespace Conclave::Core {

class RefusedReply final : public QNetworkReply
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RefusedReply)

public:
    RefusedReply(QNetworkAccessManager::Operation operation, const QNetworkRequest& request,
                 const QString& reason, QObject* parent = nullptr);

    void abort() override {}
    qint64 bytesAvailable() const override { return 0; }

protected:
    qint64 readData(char*, qint64) override { return -1; }
};

} // namespace Conclave::Core
