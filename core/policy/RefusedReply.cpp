// A network reply that fails without touching the network.
#include "core/policy/RefusedReply.h"

#include <QTimer>

namespace Conclave::Core {

RefusedReply::RefusedReply(QNetworkAccessManager::Operation operation, const QNetworkRequest& request,
                           const QString& reason, QObject* parent)
    : QNetworkReply(parent)
{
    setRequest(request);
    setUrl(request.url());
    setOperation(operation);
    open(QIODevice::ReadOnly); // before setError(): open() clears the error string
    setError(QNetworkReply::ContentAccessDenied, reason);
    setFinished(true);
    // Callers connect after get()/post() returns: the signals come from the event loop.
    QTimer::singleShot(0, this, [this] {
        emit errorOccurred(QNetworkReply::ContentAccessDenied);
        emit finished();
    });
}

} // namespace Conclave::Core
