// Blocking-for-tests HTTP helper.
#include "ApiClient.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTest>

QByteArray ApiResponse::header(const QByteArray& name) const
{
    for (const auto& pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return pair.second;
    }
    return {};
}

QString ApiResponse::errorMessage() const
{
    return json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
}

QString ApiResponse::errorField() const
{
    return json.value(QStringLiteral("error")).toObject().value(QStringLiteral("field")).toString();
}

QString ApiResponse::errorCode() const
{
    return json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

ApiClient::ApiClient(QString baseUrl)
    : m_baseUrl(std::move(baseUrl))
{}

ApiResponse ApiClient::raw(const QByteArray& method, const QString& path, const QByteArray& body,
                           const QString& token, const QByteArray& rawAuthorization)
{
    QNetworkRequest request(QUrl(m_baseUrl + path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    if (!rawAuthorization.isEmpty())
        request.setRawHeader("Authorization", rawAuthorization);
    QNetworkReply* reply = nullptr;
    if (method == "GET")
        reply = m_manager.get(request);
    else if (method == "DELETE" && body.isEmpty())
        reply = m_manager.deleteResource(request);
    else
        reply = m_manager.sendCustomRequest(request, method, body);
    (void)QTest::qWaitFor([reply] { return reply->isFinished(); }, 30000);
    ApiResponse response;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.raw = reply->readAll();
    response.headers = reply->rawHeaderPairs();
    response.json = QJsonDocument::fromJson(response.raw).object();
    reply->deleteLater();
    return response;
}

ApiResponse ApiClient::get(const QString& path, const QString& token)
{
    return raw("GET", path, {}, token);
}

ApiResponse ApiClient::post(const QString& path, const QJsonObject& body, const QString& token)
{
    return raw("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), token);
}

ApiResponse ApiClient::put(const QString& path, const QJsonObject& body, const QString& token)
{
    return raw("PUT", path, QJsonDocument(body).toJson(QJsonDocument::Compact), token);
}

ApiResponse ApiClient::del(const QString& path, const QString& token)
{
    return raw("DELETE", path, {}, token);
}
