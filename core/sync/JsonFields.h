// JsonFields: the strict reader of one JSON object of a server's answer, shared by the
// parsers of SharingApi, InvitationApi and AuditApi so that the three apply one set of rules.
// Integers are whole JSON numbers within the caller's bounds (never past 2^53 - 1); ids are
// lower-case UUIDs with hyphens and without braces, never nil; bytes are strict standard
// base64 (no URL alphabet, no white space) of an exact or bounded length; strings, arrays
// and times are bounded. The first field at fault is remembered with its path
// ("items[3].hash") and every later read returns a harmless default, so a parser reads on
// and reports that one field. Which sentence tells the user is the parser's: it knows what
// the answer was for.
#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QUuid>

namespace Conclave::Core {

class JsonFields final
{
public:
    // The largest integer a JSON number carries exactly (2^53 - 1).
    static constexpr qint64 kMaxSafeInteger = 9'007'199'254'740'991;

    // Reads `object`; a failing field is reported as `prefix` + its name.
    explicit JsonFields(QJsonObject object, QString prefix = {});
    Q_DISABLE_COPY_MOVE(JsonFields)

    bool failed() const { return !m_bad->isEmpty(); }
    // The path of the first field at fault; empty while none is.
    QString failure() const { return *m_bad; }
    // Marks `name` (relative to this object) as the field at fault unless one is already.
    void fail(const QString& name);

    // Present and not null.
    bool has(const char* name) const;
    QJsonValue value(const char* name) const;

    qint64 integer(const char* name, qint64 min = 0, qint64 max = kMaxSafeInteger);
    bool boolean(const char* name);
    QString string(const char* name, qsizetype maxLength);
    // Absent or null is an empty string; anything else is read as string() reads it.
    QString optionalString(const char* name, qsizetype maxLength);
    QUuid uuid(const char* name);
    // Absent or null is a null id; anything else is read as uuid() reads it.
    QUuid optionalUuid(const char* name);
    QUuid uuidValue(const QJsonValue& value, const QString& name);
    // Strict base64 of exactly `size` bytes, or of 1..`maxSize` bytes when `size` is 0.
    QByteArray bytes(const char* name, qsizetype size, qsizetype maxSize = 0);
    // Absent or null is empty; anything else is read as bytes() reads it.
    QByteArray optionalBytes(const char* name, qsizetype size, qsizetype maxSize = 0);
    QByteArray bytesValue(const QJsonValue& value, const QString& name, qsizetype size,
                          qsizetype maxSize = 0);
    // An ISO 8601 time of at most `maxLength` characters, given back in UTC (the server writes
    // UTC with milliseconds).
    QDateTime time(const char* name, qsizetype maxLength);
    // An array of at most `maxEntries`.
    QJsonArray array(const char* name, qsizetype maxEntries);
    // Absent or null is an empty array; anything else is read as array() reads it.
    QJsonArray optionalArray(const char* name, qsizetype maxEntries);
    // `value` as an object, failing under `name` when it is not one.
    QJsonObject object(const QJsonValue& value, const QString& name);
    // A reader of the object `value` under the path `name` (failing `name` when it is not an
    // object); its failures are this reader's, so a parser asks this one whether all went well.
    JsonFields nested(const QJsonValue& value, const QString& name);

private:
    JsonFields(QJsonObject object, QString prefix, QString* bad);

    QJsonObject m_object;
    QString m_prefix;
    QString m_ownBad;
    QString* m_bad;
};

} // namespace Conclave::Core
