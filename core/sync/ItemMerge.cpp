// The three-way merge of shared-item plaintexts; see the header.
#include "core/sync/ItemMerge.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonValue>
#include <QSet>

namespace Conclave::Core {

namespace {

const QString kFields = QStringLiteral("fields");
const QString kChangedAt = QStringLiteral("changedAt");
const QString kCreatedBy = QStringLiteral("createdBy");
const QString kCreatedAt = QStringLiteral("createdAt");

// A missing key and a present one are different values: a deletion is a change.
using Slot = std::optional<QJsonValue>;

Slot slotOf(const QJsonObject& object, const QString& key)
{
    const auto it = object.constFind(key);
    return it == object.constEnd() ? Slot() : Slot(it.value());
}

struct Unit
{
    Slot value;
    bool conflict = false;
};

Unit mergeUnit(const std::optional<Slot>& base, const Slot& local, const Slot& server)
{
    if (local == server)
        return {server};
    if (base) {
        if (local == *base)
            return {server};
        if (server == *base)
            return {local};
    }
    return {server, true};
}

// Three-way over every key of the objects except `skip`; conflicting keys go to `conflicts`.
QJsonObject mergeObjects(const std::optional<QJsonObject>& base, const QJsonObject& local,
                         const QJsonObject& server, const QSet<QString>& skip, QStringList* conflicts)
{
    QSet<QString> keys;
    for (const QJsonObject* object : {&local, &server})
        for (auto it = object->constBegin(); it != object->constEnd(); ++it)
            keys.insert(it.key());
    if (base)
        for (auto it = base->constBegin(); it != base->constEnd(); ++it)
            keys.insert(it.key());
    QJsonObject merged;
    for (const QString& key : keys) {
        if (skip.contains(key))
            continue;
        const std::optional<Slot> b = base ? std::optional<Slot>(slotOf(*base, key)) : std::nullopt;
        const Unit unit = mergeUnit(b, slotOf(local, key), slotOf(server, key));
        if (unit.value)
            merged.insert(key, *unit.value);
        if (unit.conflict && conflicts)
            conflicts->append(key);
    }
    return merged;
}

QString newer(const QJsonValue& a, const QJsonValue& b)
{
    const QDateTime ta = QDateTime::fromString(a.toString(), Qt::ISODateWithMs);
    const QDateTime tb = QDateTime::fromString(b.toString(), Qt::ISODateWithMs);
    if (!ta.isValid())
        return b.toString();
    if (!tb.isValid())
        return a.toString();
    return ta >= tb ? a.toString() : b.toString();
}

ItemMerge::Merged opaque(const std::optional<QByteArray>& base, QByteArrayView local, QByteArrayView server)
{
    ItemMerge::Merged merged;
    if (local == server || (base && QByteArrayView(*base) == local)) {
        merged.plaintext = server.toByteArray();
    } else if (base && QByteArrayView(*base) == server) {
        merged.plaintext = local.toByteArray();
    } else {
        merged.plaintext = server.toByteArray();
        merged.wholeItem = true;
    }
    return merged;
}

} // namespace

std::optional<QJsonObject> ItemMerge::parse(QByteArrayView plaintext)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(plaintext.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();
    if (object.value(QStringLiteral("format")).toString() != QLatin1String(kFormat) ||
        object.value(QStringLiteral("v")).toInt(-1) != kVersion || !object.value(kFields).isObject())
        return std::nullopt;
    return object;
}

ItemMerge::Merged ItemMerge::merge(const std::optional<QByteArray>& base, QByteArrayView local,
                                   QByteArrayView server)
{
    const std::optional<QJsonObject> l = parse(local);
    const std::optional<QJsonObject> s = parse(server);
    const std::optional<QJsonObject> b = base ? parse(*base) : std::nullopt;
    // A base in another format cannot say what changed field by field.
    if (!l || !s || (base && !b))
        return opaque(base, local, server);

    Merged merged;
    const std::optional<QJsonObject> baseFields =
        b ? std::optional<QJsonObject>(b->value(kFields).toObject()) : std::nullopt;
    const QJsonObject fields = mergeObjects(baseFields, l->value(kFields).toObject(),
                                            s->value(kFields).toObject(), {}, &merged.conflicts);
    QJsonObject top = mergeObjects(b, *l, *s, {kFields, kChangedAt, kCreatedBy, kCreatedAt}, nullptr);
    top.insert(kFields, fields);
    top.insert(kChangedAt, newer(l->value(kChangedAt), s->value(kChangedAt)));
    const QJsonObject& origin = b ? *b : *s;
    for (const QString& key : {kCreatedBy, kCreatedAt}) {
        if (const Slot value = slotOf(origin, key))
            top.insert(key, *value);
    }
    merged.conflicts.sort();
    merged.plaintext = QJsonDocument(top).toJson(QJsonDocument::Compact);
    return merged;
}

QByteArray ItemMerge::conflictCopy(QByteArrayView local, const QUuid& itemId, const QString& conflictAt)
{
    std::optional<QJsonObject> object = parse(local);
    if (!object)
        return local.toByteArray();
    object->insert(QStringLiteral("conflictOf"), itemId.toString(QUuid::WithoutBraces));
    object->insert(QStringLiteral("conflictAt"), conflictAt);
    return QJsonDocument(*object).toJson(QJsonDocument::Compact);
}

} // namespace Conclave::Core
