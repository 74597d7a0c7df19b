// ItemMerge: the three-way merge of two revisions of a shared item's plaintext against the
// revision both were edited from, used when a write meets a newer revision on the server
// (a 409 rebase, a change pushed from the offline outbox).
//
// The plaintext is the shared-connection JSON (format "conclave.connection"): every key of
// "fields" is one merge unit, compared as JSON values. A unit changed on one side only takes
// that side; changed on both sides to the same value is no conflict; changed on both sides
// to different values, or deleted on one side and changed on the other, is a conflict and
// the server's side wins (the local one survives in a conflict copy, made by the caller).
// Other top-level keys (ones a newer version may add) merge the same way, silently, so
// nothing unknown is dropped; changedAt is the newer claim and createdBy/createdAt come from
// the base, since a revision never changes who created the item.
//
// Anything else (opaque bytes, another format or version on any side) merges only when one
// side is unchanged; otherwise the whole item is one conflict and the server's bytes win.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <optional>

namespace Conclave::Core {

class ItemMerge final
{
    Q_DISABLE_COPY_MOVE(ItemMerge)

public:
    static constexpr char kFormat[] = "conclave.connection";
    static constexpr int kVersion = 1;

    struct Merged
    {
        QByteArray plaintext;   // what to write on top of the server's revision
        QStringList conflicts;  // field keys where the server's value was kept, sorted
        bool wholeItem = false; // not mergeable field by field: the server's bytes were kept
        bool hasConflict() const { return wholeItem || !conflicts.isEmpty(); }
    };

    // `base` is the revision both sides were edited from; none when it is not known (then
    // every difference between the sides is a conflict).
    static Merged merge(const std::optional<QByteArray>& base, QByteArrayView local, QByteArrayView server);

    // The local side kept as a new item: its plaintext with "conflictOf" (the item's id) and
    // "conflictAt" (ISO-8601 UTC, ms) added at the top level, so every reader can say in
    // words that it is a conflict copy. Bytes that are not the JSON format are kept as they are.
    static QByteArray conflictCopy(QByteArrayView local, const QUuid& itemId, const QString& conflictAt);

    // The item's JSON object when `plaintext` is this format and version, else none.
    static std::optional<QJsonObject> parse(QByteArrayView plaintext);

private:
    ItemMerge() = default;
};

} // namespace Conclave::Core
