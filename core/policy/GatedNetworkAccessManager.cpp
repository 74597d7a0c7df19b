// Requests through the sharing gate.
#include "core/policy/GatedNetworkAccessManager.h"

#include "core/policy/RefusedReply.h"
#include "core/policy/SharingGate.h"

namespace Conclave::Core {

GatedNetworkAccessManager::GatedNetworkAccessManager(const SharingGate& gate, QObject* parent)
    : QNetworkAccessManager(parent)
    , m_gate(gate)
{}

QNetworkReply* GatedNetworkAccessManager::createRequest(Operation operation, const QNetworkRequest& request,
                                                        QIODevice* outgoingData)
{
    if (const Status permitted = m_gate.permitRequest(request.url()); !permitted.ok())
        return new RefusedReply(operation, request, permitted.error().message, this);
    return QNetworkAccessManager::createRequest(operation, request, outgoingData);
}

} // namespace Conclave::Core
