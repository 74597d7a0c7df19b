// Field-by-field validation of request bodies.
#include "server/http/JsonInput.h"

#include "server/services/EmailAddress.h"
#include "server/services/TextRules.h"

#include <algorithm>

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

namespace Conclave::Server {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("JsonInput", text);
}

} // namespace

JsonInput::JsonInput(QJsonObject object, QString prefix)
    : m_object(std::move(object))
    , m_prefix(std::move(prefix))
{}

void JsonInput::fail(const QString& field, const QString& message)
{
    if (!m_error)
        m_error = Core::Error::make(Core::ErrorCode::InvalidInput, message, path(field));
}

void JsonInput::adopt(const JsonInput& nested)
{
    if (!m_error && nested.m_error)
        m_error = nested.m_error;
}

std::optional<QJsonValue> JsonInput::take(const QString& field, bool required)
{
    if (m_error)
        return std::nullopt;
    const QJsonValue value = m_object.value(field);
    if (value.isUndefined() || value.isNull()) {
        if (required)
            fail(field, tr("The field %1 is missing.").arg(path(field)));
        return std::nullopt;
    }
    return value;
}

std::optional<QJsonValue> JsonInput::takeTyped(const QString& field, bool required,
                                               bool (QJsonValue::*isType)() const, const char* typeProblem)
{
    auto value = take(field, required);
    if (value && !((*value).*isType)()) {
        fail(field, tr("The field %1 %2.").arg(path(field), tr(typeProblem)));
        return std::nullopt;
    }
    return value;
}

QString JsonInput::text(const QString& field, int maxLength, bool required)
{
    const auto value = takeTyped(field, required, &QJsonValue::isString, "must be a string");
    if (!value)
        return {};
    const QString text = value->toString();
    if (!TextRules::isClean(text)) {
        fail(field, tr("The field %1 must not contain invisible formatting characters or control characters.")
                        .arg(path(field)));
        return {};
    }
    if (required && text.trimmed().isEmpty()) {
        fail(field, tr("The field %1 must not be empty.").arg(path(field)));
        return {};
    }
    if (text.size() > maxLength) {
        fail(field, tr("The field %1 is longer than %2 characters.").arg(path(field)).arg(maxLength));
        return {};
    }
    return text;
}

QString JsonInput::string(const QString& field, int maxLength)
{
    return text(field, maxLength, true);
}

QString JsonInput::optionalString(const QString& field, int maxLength)
{
    return text(field, maxLength, false);
}

QString JsonInput::email(const QString& field)
{
    const QString text = EmailAddress::normalise(string(field, 254));
    if (ok() && !EmailAddress::isValid(text)) {
        fail(field, tr("The field %1 is not a valid email address.").arg(path(field)));
        return {};
    }
    return text;
}

QByteArray JsonInput::base64(const QString& field, qsizetype minBytes, qsizetype maxBytes)
{
    const auto value = takeTyped(field, true, &QJsonValue::isString, "must be a base64 string");
    if (!value)
        return {};
    const auto decoded =
        QByteArray::fromBase64Encoding(value->toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        fail(field, tr("The field %1 is not valid base64.").arg(path(field)));
        return {};
    }
    if (decoded.decoded.size() < minBytes || decoded.decoded.size() > maxBytes) {
        if (minBytes == maxBytes) {
            fail(field, tr("The field %1 must hold exactly %2 bytes.").arg(path(field)).arg(minBytes));
        } else {
            fail(field,
                 tr("The field %1 must hold %2 to %3 bytes.").arg(path(field)).arg(minBytes).arg(maxBytes));
        }
        return {};
    }
    return decoded.decoded;
}

qint64 JsonInput::integer(const QString& field, qint64 min, qint64 max)
{
    const auto value = take(field, true);
    if (!value)
        return 0;
    const double number = value->toDouble(-1.0);
    if (!value->isDouble() || number != double(qint64(number)) || number < double(min) ||
        number > double(max)) {
        fail(field,
             tr("The field %1 must be a whole number from %2 to %3.").arg(path(field)).arg(min).arg(max));
        return 0;
    }
    return qint64(number);
}

QList<QByteArray> JsonInput::base64List(const QString& field, qsizetype minBytes, qsizetype maxBytes,
                                        qsizetype maxCount)
{
    const auto value = takeTyped(field, true, &QJsonValue::isArray, "must be an array");
    if (!value)
        return {};
    const QJsonArray array = value->toArray();
    if (array.size() > maxCount) {
        fail(field, tr("The field %1 holds more than %2 values.").arg(path(field)).arg(maxCount));
        return {};
    }
    // Each element through base64() of a one-field object, so the rules and sentences are the same.
    QList<QByteArray> list;
    list.reserve(array.size());
    for (qsizetype i = 0; i < array.size() && ok(); ++i) {
        const QString name = field + QStringLiteral("[%1]").arg(i);
        JsonInput element(QJsonObject{{name, array.at(i)}}, m_prefix);
        list.append(element.base64(name, minBytes, maxBytes));
        adopt(element);
    }
    return ok() ? list : QList<QByteArray>();
}

JsonInput JsonInput::object(const QString& field)
{
    const auto value = takeTyped(field, true, &QJsonValue::isObject, "must be an object");
    return JsonInput(value ? value->toObject() : QJsonObject(), path(field) + QLatin1Char('.'));
}

} // namespace Conclave::Server
