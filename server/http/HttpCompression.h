// HttpCompression: gzip for answers that may be compressed (ApiReply::compressible: item
// pages, the membership log, key grants). Their bodies hold ciphertext, signatures and ids,
// no session token and nothing a request reflects, so compression tells an observer of the
// sizes nothing a compression side channel (BREACH) needs.
#pragma once

#include <QByteArray>

namespace Conclave::Server {

// Answers smaller than this go out as they are: the header would eat what gzip saves.
inline constexpr qsizetype kCompressFromBytes = 512;

// Whether an Accept-Encoding value (RFC 9110 §12.5.3) accepts gzip: the coding `gzip` (or
// `x-gzip`) or `*`, in any letter case, without q=0.
bool acceptsGzip(const QByteArray& acceptEncoding);

// `data` as a gzip stream (RFC 1952); empty if zlib failed.
QByteArray gzip(const QByteArray& data);

} // namespace Conclave::Server
