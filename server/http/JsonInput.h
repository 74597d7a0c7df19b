// JsonInput: reads the fields of a request's JSON object and remembers the first problem
// as an InvalidInput error naming the field ("kdf.opsLimit"), so handlers read every field
// first and check once. Values read after a problem are defaults.
#pragma once

#include "core/util/Error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Conclave::Server {

class JsonInput final
{
public:
    explicit JsonInput(QJsonObject object, QString prefix = {});

    QString string(const QString& field, int maxLength);
    QString optionalString(const QString& field, int maxLength);
    QString email(const QString& field);
    // Standard base64; the decoded size must lie in [minBytes, maxBytes].
    QByteArray base64(const QString& field, qsizetype minBytes, qsizetype maxBytes);
    qint64 integer(const QString& field, qint64 min, qint64 max);
    // An array of 0..maxCount base64 strings, each decoded to [minBytes, maxBytes] bytes;
    // a problem names the element ("grants[2]").
    QList<QByteArray> base64List(const QString& field, qsizetype minBytes, qsizetype maxBytes,
                                 qsizetype maxCount);
    // A nested object; its own JsonInput reports with "field." in front of names.
    JsonInput object(const QString& field);

    bool ok() const { return !m_error.has_value(); }
    // The first problem found, here or in a nested object read through object().
    const Core::Error& error() const { return *m_error; }
    void adopt(const JsonInput& nested);

private:
    std::optional<QJsonValue> take(const QString& field, bool required);
    // take() plus the type check every reader needs; `typeProblem` completes "The field X ...".
    std::optional<QJsonValue> takeTyped(const QString& field, bool required,
                                        bool (QJsonValue::*isType)() const, const char* typeProblem);
    // string() and optionalString(): the text rules, emptiness, length.
    QString text(const QString& field, int maxLength, bool required);
    void fail(const QString& field, const QString& message);
    QString path(const QString& field) const { return m_prefix + field; }

    QJsonObject m_object;
    QString m_prefix;
    std::optional<Core::Error> m_error;
};

} // namespace Conclave::Server
