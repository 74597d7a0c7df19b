// libFuzzer target: the audit answers' parsers (AuditApi::parse*) on any JSON, every organisation
// page that parses checked by AuditVerifier, and an audit entry's bytes decoded on their own
// (a decoded entry must encode back to the same bytes).
#include "core/sync/AuditApi.h"
#include "core/sync/AuditVerifier.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>

using namespace Conclave::Core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    AuditApi::Entry entry;
    QString orgId;
    if (AuditVerifier::decode(bytes, entry, orgId).ok() && AuditVerifier::encode(orgId, entry) != bytes)
        __builtin_trap();

    const QJsonDocument doc = QJsonDocument::fromJson(bytes);
    if (!doc.isObject())
        return 0;
    const QJsonObject json = doc.object();
    (void)AuditApi::parseOrganisations(json);
    (void)AuditApi::parseCheckpoint(json);
    (void)AuditApi::parseFolderHistory(json);
    (void)AuditApi::parseItemHistory(json);
    Result<AuditApi::OrgPage> page = AuditApi::parseOrgPage(json);
    if (page.ok()) {
        AuditVerifier verifier(page->orgId, {}, std::nullopt);
        if (verifier.addPage(*page))
            (void)verifier.finish();
        if (verifier.failed() && verifier.problem().isEmpty())
            __builtin_trap();
    }
    return 0;
}
