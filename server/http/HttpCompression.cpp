// gzip with zlib, and the Accept-Encoding check.
#include "server/http/HttpCompression.h"

#include <QList>

#include <zlib.h>

namespace Conclave::Server {

namespace {

// The q value of one coding's parameters ("q=0.5"); 1 when none is given, 0 when unreadable.
double quality(const QList<QByteArray>& parameters)
{
    for (const QByteArray& parameter : parameters) {
        const QByteArray p = parameter.trimmed().toLower();
        if (!p.startsWith("q="))
            continue;
        bool ok = false;
        const double q = p.mid(2).trimmed().toDouble(&ok);
        return ok && q >= 0 && q <= 1 ? q : 0;
    }
    return 1;
}

} // namespace

bool acceptsGzip(const QByteArray& acceptEncoding)
{
    bool gzipNamed = false;
    bool gzipAccepted = false;
    bool anyAccepted = false;
    for (const QByteArray& entry : acceptEncoding.split(',')) {
        QList<QByteArray> parts = entry.split(';');
        const QByteArray coding = parts.takeFirst().trimmed().toLower();
        const bool accepted = quality(parts) > 0;
        if (coding == "gzip" || coding == "x-gzip") {
            gzipNamed = true;
            gzipAccepted = gzipAccepted || accepted;
        } else if (coding == "*") {
            anyAccepted = accepted;
        }
    }
    // A coding named on its own decides over `*`.
    return gzipNamed ? gzipAccepted : anyAccepted;
}

QByteArray gzip(const QByteArray& data)
{
    z_stream stream{};
    // Level 1: base64 of ciphertext is most of these bodies and gains little from more work.
    if (deflateInit2(&stream, 1, Z_DEFLATED, MAX_WBITS + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out(qsizetype(deflateBound(&stream, uLong(data.size()))), Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.constData()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = uInt(out.size());
    const int result = deflate(&stream, Z_FINISH);
    const qsizetype written = qsizetype(stream.total_out);
    deflateEnd(&stream);
    if (result != Z_STREAM_END)
        return {};
    out.truncate(written);
    return out;
}

} // namespace Conclave::Server
