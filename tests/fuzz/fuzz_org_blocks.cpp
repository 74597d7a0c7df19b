// libFuzzer target: the parsers of an organisation's block answers (OrgBlocksApi::parse*) on any
// JSON; a list that parses holds only ids, scopes and values the rules allow.
#include "core/sync/OrgBlocksApi.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>

using namespace Conclave::Core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray(reinterpret_cast<const char*>(data), qsizetype(size)));
    if (!doc.isObject())
        return 0;
    const QJsonObject json = doc.object();
    for (OrgBlocksApi::Scope scope : {OrgBlocksApi::Scope::Email, OrgBlocksApi::Scope::Domain}) {
        Result<QUuid> created = OrgBlocksApi::parseCreated(json, scope);
        if (created.ok() && created->isNull())
            __builtin_trap();
    }
    Result<QList<OrgBlocksApi::Block>> blocks = OrgBlocksApi::parseBlocks(json);
    if (!blocks.ok()) {
        if (blocks.error().message.isEmpty() || blocks.error().field.isEmpty())
            __builtin_trap();
        return 0;
    }
    for (const OrgBlocksApi::Block& b : blocks.value()) {
        if (b.id.isNull() || b.value.isEmpty() != (b.scope == OrgBlocksApi::Scope::Organisation) ||
            !b.createdAt.isValid() || b.reason.size() > OrgBlocksApi::kMaxReason)
            __builtin_trap();
    }
    return 0;
}
