// ApiClient: a small HTTP/JSON client over QNetworkAccessManager for the server tests.
// Each call waits (QTest::qWaitFor, no sleeps) for the reply and returns it whole.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QString>

struct ApiResponse
{
    int status = 0;
    QJsonObject json;
    QByteArray raw;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray header(const QByteArray& name) const;
    QString errorMessage() const;
    QString errorField() const;
    QString errorCode() const;
};

class ApiClient final
{
public:
    explicit ApiClient(QString baseUrl);

    ApiResponse get(const QString& path, const QString& token = {});
    ApiResponse post(const QString& path, const QJsonObject& body, const QString& token = {});
    ApiResponse put(const QString& path, const QJsonObject& body, const QString& token = {});
    ApiResponse del(const QString& path, const QString& token = {});
    ApiResponse raw(const QByteArray& method, const QString& path, const QByteArray& body,
                    const QString& token = {}, const QByteArray& rawAuthorization = {});

private:
    QString m_baseUrl;
    QNetworkAccessManager m_manager;
};
