// The strict JSON field reader; see the header.
#include "core/sync/JsonFields.h"

#include <cmath>

namespace Conclave::Core {

namespace {

QString idText(const QUuid& id)
{
    return id.toString(QUuid::WithoutBraces);
}

bool absent(const QJsonValue& v)
{
    return v.isUndefined() || v.isNull();
}

} // namespace

JsonFields::JsonFields(QJsonObject object, QString prefix)
    : m_object(std::move(object))
    , m_prefix(std::move(prefix))
    , m_bad(&m_ownBad)
{}

JsonFields::JsonFields(QJsonObject object, QString prefix, QString* bad)
    : m_object(std::move(object))
    , m_prefix(std::move(prefix))
    , m_bad(bad)
{}

void JsonFields::fail(const QString& name)
{
    if (m_bad->isEmpty())
        *m_bad = m_prefix + name;
}

bool JsonFields::has(const char* name) const
{
    return !absent(value(name));
}

QJsonValue JsonFields::value(const char* name) const
{
    return m_object.value(QLatin1String(name));
}

qint64 JsonFields::integer(const char* name, qint64 min, qint64 max)
{
    const QJsonValue v = value(name);
    const double d = v.toDouble(-1);
    // The bounds are compared as doubles: both are exact there (|bound| <= 2^53).
    if (!v.isDouble() || !std::isfinite(d) || d < double(min) || d > double(max) || std::trunc(d) != d) {
        fail(QLatin1String(name));
        return 0;
    }
    return qint64(d);
}

bool JsonFields::boolean(const char* name)
{
    const QJsonValue v = value(name);
    if (!v.isBool())
        fail(QLatin1String(name));
    return v.toBool();
}

QString JsonFields::string(const char* name, qsizetype maxLength)
{
    const QJsonValue v = value(name);
    if (!v.isString() || v.toString().size() > maxLength) {
        fail(QLatin1String(name));
        return {};
    }
    return v.toString();
}

QString JsonFields::optionalString(const char* name, qsizetype maxLength)
{
    return has(name) ? string(name, maxLength) : QString();
}

QUuid JsonFields::uuid(const char* name)
{
    return uuidValue(value(name), QLatin1String(name));
}

QUuid JsonFields::optionalUuid(const char* name)
{
    const QJsonValue v = value(name);
    if (absent(v))
        return {};
    return uuidValue(v, QLatin1String(name));
}

QUuid JsonFields::uuidValue(const QJsonValue& v, const QString& name)
{
    // Only the canonical text: braces, upper case or a missing hyphen would make one id two.
    const QString text = v.toString();
    const QUuid id = QUuid::fromString(text);
    if (!v.isString() || id.isNull() || idText(id) != text) {
        fail(name);
        return {};
    }
    return id;
}

QByteArray JsonFields::bytes(const char* name, qsizetype size, qsizetype maxSize)
{
    return bytesValue(value(name), QLatin1String(name), size, maxSize);
}

QByteArray JsonFields::optionalBytes(const char* name, qsizetype size, qsizetype maxSize)
{
    const QJsonValue v = value(name);
    if (absent(v))
        return {};
    return bytesValue(v, QLatin1String(name), size, maxSize);
}

QByteArray JsonFields::bytesValue(const QJsonValue& v, const QString& name, qsizetype size, qsizetype maxSize)
{
    // The text is bounded before it is decoded, so a huge string costs nothing.
    if (!v.isString() || v.toString().size() > (size ? size : maxSize) * 4 / 3 + 8) {
        fail(name);
        return {};
    }
    auto decoded = QByteArray::fromBase64Encoding(
        v.toString().toLatin1(), QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
    const qsizetype n = decoded.decoded.size();
    if (decoded.decodingStatus != QByteArray::Base64DecodingStatus::Ok || (size && n != size) ||
        (!size && (n == 0 || n > maxSize))) {
        fail(name);
        return {};
    }
    return decoded.decoded;
}

QDateTime JsonFields::time(const char* name, qsizetype maxLength)
{
    const QJsonValue v = value(name);
    const QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    if (!v.isString() || v.toString().size() > maxLength || !t.isValid()) {
        fail(QLatin1String(name));
        return {};
    }
    return t.toUTC();
}

QJsonArray JsonFields::array(const char* name, qsizetype maxEntries)
{
    const QJsonValue v = value(name);
    if (!v.isArray() || v.toArray().size() > maxEntries) {
        fail(QLatin1String(name));
        return {};
    }
    return v.toArray();
}

QJsonArray JsonFields::optionalArray(const char* name, qsizetype maxEntries)
{
    return has(name) ? array(name, maxEntries) : QJsonArray();
}

QJsonObject JsonFields::object(const QJsonValue& v, const QString& name)
{
    if (!v.isObject()) {
        fail(name);
        return {};
    }
    return v.toObject();
}

JsonFields JsonFields::nested(const QJsonValue& v, const QString& name)
{
    return JsonFields(object(v, name), m_prefix + name + QLatin1Char('.'), m_bad);
}

} // namespace Conclave::Core
