// Error constructors shared by the crypto classes, so every failure carries a translated
// sentence and the same failures read the same everywhere.
#pragma once

#include "core/util/Error.h"

#include <QCoreApplication>

namespace Conclave::Core::CryptoErrors {

// `text` must be a QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "...") literal so lupdate sees it.
inline Error make(ErrorCode code, const char* text, const QString& field = {})
{
    return Error::make(code, QCoreApplication::translate("Conclave::Core::Crypto", text), field);
}

} // namespace Conclave::Core::CryptoErrors

#define CONCLAVE_CRYPTO_TR(text) QT_TRANSLATE_NOOP("Conclave::Core::Crypto", text)
