// GatedNetworkAccessManager: the QNetworkAccessManager every Team Sharing component must
// use. Each request passes the SharingGate before Qt sees it; a refused one gets a
// RefusedReply, so with TeamSharingEnabled=false no socket is opened and no host name is
// looked up, whichever code asked.
#pragma once

#include <QNetworkAccessManager>

namespace Conclave::Core {

class SharingGate;

class GatedNetworkAccessManager final : public QNetworkAccessManager
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GatedNetworkAccessManager)

public:
    // `gate` must outlive the manager (the composition root owns both).
    explicit GatedNetworkAccessManager(const SharingGate& gate, QObject* parent = nullptr);
    // For sockets that are not QNetworkRequests (the live-update WebSocket).
    const SharingGate& gate() const { return m_gate; }

protected:
    QNetworkReply* createRequest(Operation operation, const QNetworkRequest& request,
                                 QIODevice* outgoingData = nullptr) override;

private:
    const SharingGate& m_gate;
};

} // namespace Conclave::Core
