// The character classes refused in user-visible text.
#include "server/services/TextRules.h"

#include <QList>
#include <QStringView>

namespace Conclave::Server {

bool TextRules::isClean(const QString& text)
{
    // By code point, not UTF-16 unit, so a valid surrogate pair is one (assigned) character.
    for (const uint c : QStringView(text).toUcs4()) {
        switch (QChar::category(char32_t(c))) {
        case QChar::Other_Control:
        case QChar::Other_Format:
        case QChar::Other_Surrogate:
        case QChar::Other_PrivateUse:
        case QChar::Other_NotAssigned:
        case QChar::Separator_Line:
        case QChar::Separator_Paragraph:
            return false;
        default:
            break;
        }
    }
    return true;
}

} // namespace Conclave::Server
