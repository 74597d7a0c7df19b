// MongoDB OP_MSG `hello` and just enough BSON to read its reply.
#include "core/connect/MongoProbe.h"

#include "core/connect/ProbeHost.h"

#include <QHash>
#include <QVariant>
#include <QtEndian>

namespace Conclave::Core {

namespace {

constexpr qint32 kOpMsg = 2013;
constexpr qint32 kMaxMessage = 48 * 1024 * 1024; // MongoDB's own limit
constexpr qint32 kMaxHelloReply = 1 << 20;       // a hello reply is a few hundred bytes

void appendInt32(QByteArray& out, qint32 value)
{
    char bytes[4];
    qToLittleEndian(value, bytes);
    out.append(bytes, 4);
}

qint32 int32At(QByteArrayView bytes, qsizetype offset)
{
    return qFromLittleEndian<qint32>(bytes.data() + offset);
}

// Top-level fields of a BSON document that a hello reply needs: numbers, strings and
// booleans. Nested documents and other types are skipped by their size. Returns false on
// malformed input.
bool readBson(QByteArrayView doc, QHash<QByteArray, QVariant>& out)
{
    if (doc.size() < 5 || int32At(doc, 0) != doc.size() || doc.back() != '\0')
        return false;
    qsizetype pos = 4;
    const qsizetype end = doc.size() - 1;
    while (pos < end) {
        const quint8 type = quint8(doc.at(pos++));
        const qsizetype nameEnd = doc.indexOf('\0', pos);
        if (nameEnd < 0 || nameEnd >= end)
            return false;
        const QByteArray name = doc.sliced(pos, nameEnd - pos).toByteArray();
        pos = nameEnd + 1;
        const qsizetype left = end - pos;
        qsizetype size = 0;
        switch (type) {
        case 0x01: // double
            if (left < 8)
                return false;
            out.insert(name, qFromLittleEndian<double>(doc.data() + pos));
            size = 8;
            break;
        case 0x02:   // string
        case 0x0D:   // JavaScript code
        case 0x0E: { // symbol
            if (left < 5)
                return false;
            const qint32 length = int32At(doc, pos);
            if (length < 1 || length > left - 4)
                return false;
            if (type == 0x02)
                out.insert(name, QString::fromUtf8(doc.sliced(pos + 4, length - 1)));
            size = 4 + length;
            break;
        }
        case 0x03:   // document
        case 0x04:   // array
        case 0x0F: { // code with scope
            if (left < 5)
                return false;
            const qint32 length = int32At(doc, pos);
            if (length < 5 || length > left)
                return false;
            size = length;
            break;
        }
        case 0x05: { // binary
            if (left < 5)
                return false;
            const qint32 length = int32At(doc, pos);
            if (length < 0 || length > left - 5)
                return false;
            size = 5 + length;
            break;
        }
        case 0x06: // undefined
        case 0x0A: // null
        case 0x7F: // max key
        case 0xFF: // min key
            size = 0;
            break;
        case 0x07: // ObjectId
            size = 12;
            break;
        case 0x08: // bool
            if (left < 1)
                return false;
            out.insert(name, doc.at(pos) != 0);
            size = 1;
            break;
        case 0x09: // UTC datetime
        case 0x11: // timestamp
            size = 8;
            break;
        case 0x12: // int64
            if (left < 8)
                return false;
            out.insert(name, qFromLittleEndian<qint64>(doc.data() + pos));
            size = 8;
            break;
        case 0x10: // int32
            if (left < 4)
                return false;
            out.insert(name, int32At(doc, pos));
            size = 4;
            break;
        case 0x13: // decimal128
            size = 16;
            break;
        case 0x0B: { // regex: two C strings
            const qsizetype first = doc.indexOf('\0', pos);
            const qsizetype second = first < 0 ? -1 : doc.indexOf('\0', first + 1);
            if (second < 0 || second >= end)
                return false;
            size = second + 1 - pos;
            break;
        }
        case 0x0C: { // DBPointer: string + ObjectId
            if (left < 5)
                return false;
            const qint32 length = int32At(doc, pos);
            if (length < 1 || length > left - 16)
                return false;
            size = 4 + length + 12;
            break;
        }
        default:
            return false;
        }
        if (size > left)
            return false;
        pos += size;
    }
    return pos == end;
}

} // namespace

QByteArray MongoProbe::helloRequest()
{
    QByteArray doc;
    appendInt32(doc, 0); // size, patched below
    doc.append(char(0x10)).append("hello").append('\0');
    appendInt32(doc, 1);
    doc.append(char(0x02)).append("$db").append('\0');
    appendInt32(doc, 6);
    doc.append("admin").append('\0');
    doc.append('\0');
    qToLittleEndian<qint32>(qint32(doc.size()), doc.data());

    QByteArray message;
    appendInt32(message, qint32(16 + 4 + 1 + doc.size()));
    appendInt32(message, 1); // request id
    appendInt32(message, 0); // response to
    appendInt32(message, kOpMsg);
    appendInt32(message, 0); // flag bits
    message.append('\0');    // section kind 0: body
    message.append(doc);
    return message;
}

QString MongoProbe::releaseForWireVersion(int wireVersion)
{
    static const QHash<int, QString> releases = {
        {6, QStringLiteral("3.6")},  {7, QStringLiteral("4.0")},  {8, QStringLiteral("4.2")},
        {9, QStringLiteral("4.4")},  {13, QStringLiteral("5.0")}, {17, QStringLiteral("6.0")},
        {21, QStringLiteral("7.0")}, {25, QStringLiteral("8.0")},
    };
    return releases.value(wireVersion);
}

void MongoProbe::start(ProbeHost& host)
{
    host.enterStage(ProbeResult::Stage::Greeting);
    host.addStep(tr("Sending hello to the server."));
    host.send(helloRequest());
}

void MongoProbe::received(ProbeHost& host, QByteArray& buffer)
{
    if (m_finished || buffer.size() < 4)
        return;
    const qint32 length = int32At(buffer, 0);
    if (length < 21 || length > kMaxMessage || length > kMaxHelloReply) {
        finishWith(host, Error::make(ErrorCode::Protocol, tr("The server did not answer like MongoDB.")));
        return;
    }
    if (buffer.size() < length)
        return;
    const QByteArray message = buffer.left(length);
    buffer.remove(0, length);
    handleReply(host, message);
}

void MongoProbe::handleReply(ProbeHost& host, QByteArrayView message)
{
    if (int32At(message, 12) != kOpMsg || int32At(message, 8) != 1) {
        finishWith(host, Error::make(ErrorCode::Protocol,
                                     tr("The server did not answer like MongoDB 3.6 or later.")));
        return;
    }
    const quint32 flags = quint32(int32At(message, 16));
    qsizetype end = message.size();
    if (flags & 0x1) // checksum present
        end -= 4;
    qsizetype pos = 20;
    QHash<QByteArray, QVariant> fields;
    bool haveBody = false;
    while (pos < end) {
        const char kind = message.at(pos++);
        if (end - pos < 4)
            break;
        const qint32 size = int32At(message, pos);
        if (size < 5 || size > end - pos)
            break;
        if (kind == 0)
            haveBody = readBson(message.sliced(pos, size), fields);
        pos += size;
    }
    if (!haveBody) {
        finishWith(host, Error::make(ErrorCode::Protocol, tr("The server did not answer like MongoDB.")));
        return;
    }
    if (fields.value("ok").toDouble() != 1.0) {
        const QString why = fields.value("errmsg").toString();
        finishWith(host, Error::make(ErrorCode::Unavailable,
                                     why.isEmpty() ? tr("The server refused hello.")
                                                   : tr("The server refused hello: %1").arg(why)));
        return;
    }
    const int wire = fields.value("maxWireVersion").toInt();
    const QString release = releaseForWireVersion(wire);
    const QString setName = fields.value("setName").toString();
    if (!setName.isEmpty())
        host.addStep(tr("Member of replica set %1 (%2).")
                         .arg(setName, fields.value("isWritablePrimary").toBool() ? tr("primary")
                                                                                  : tr("not primary")));
    if (fields.value("msg").toString() == QLatin1String("isdbgrid"))
        host.addStep(tr("The server is a mongos router of a sharded cluster."));
    const QString version = release.isEmpty() ? tr("wire version %1").arg(wire)
                                              : tr("%1 (wire version %2)").arg(release).arg(wire);
    m_finished = true;
    host.enterStage(ProbeResult::Stage::Done);
    const QString name =
        release.isEmpty() ? tr("MongoDB (wire version %1)").arg(wire) : tr("MongoDB %1").arg(release);
    const QString summary = host.password().isEmpty()
                                ? tr("Connected to %1.").arg(name)
                                : tr("Connected to %1; sign-in is not tested for MongoDB yet.").arg(name);
    host.succeed(summary, version);
}

void MongoProbe::finishWith(ProbeHost& host, const Error& error)
{
    m_finished = true;
    host.fail(error);
}

} // namespace Conclave::Core
