// libFuzzer target: the Conclave JSON export format (ConnectionExporter::fromJson).
// Properties: everything read validates, ids are unique, every folder and parent reference
// points into the file, and writing what was read and reading it back gives the same
// folders and connections without problems.
#include "ModelFuzzChecks.h"

#include "core/model/ConnectionExporter.h"

#include <QSet>

#include <cstddef>
#include <cstdint>

using namespace Conclave::Core;

namespace {

void checkContents(const ConnectionExporter::Contents& contents)
{
    QSet<QUuid> folderIds;
    for (const Folder& f : contents.folders) {
        Fuzz::check(!f.id.isNull() && !folderIds.contains(f.id), "folder ids are present and unique");
        Fuzz::check(!f.name.trimmed().isEmpty(), "a folder has a name");
        folderIds.insert(f.id);
    }
    for (const Folder& f : contents.folders)
        Fuzz::check(f.parentId.isNull() || folderIds.contains(f.parentId),
                    "a folder's parent is in the file");
    QSet<QUuid> connectionIds;
    for (const Connection& c : contents.connections) {
        if (Status valid = validateConnection(c); !valid.ok())
            Fuzz::violated("an imported connection validates", valid.error().message);
        Fuzz::check(!connectionIds.contains(c.id), "connection ids are unique");
        connectionIds.insert(c.id);
        Fuzz::check(c.folderId.isNull() || folderIds.contains(c.folderId),
                    "a connection's folder is in the file");
    }
    for (const Error& problem : contents.problems)
        Fuzz::check(!problem.message.isEmpty(), "a problem says what is wrong");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray json = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    Result<ConnectionExporter::Contents> contents = ConnectionExporter::fromJson(json);
    if (!contents.ok()) {
        Fuzz::check(!contents.error().message.isEmpty(), "a refused file says why");
        return 0;
    }
    checkContents(*contents);

    const QByteArray written = ConnectionExporter::toJson(contents->folders, contents->connections);
    Result<ConnectionExporter::Contents> again = ConnectionExporter::fromJson(written);
    if (!again.ok())
        Fuzz::violated("an export of what was read reads again",
                       again.error().message + QLatin1Char('\n') + QString::fromUtf8(written));
    Fuzz::check(again->problems.isEmpty(), "an export of what was read reads without problems",
                again->problems.isEmpty() ? QString() : again->problems.first().message);
    Fuzz::check(again->folders == contents->folders, "folders survive export and import");
    for (qsizetype i = 0; i < contents->connections.size(); ++i) {
        if (i >= again->connections.size() || !(again->connections.at(i) == contents->connections.at(i)))
            Fuzz::violated("connections survive export and import", QString::fromUtf8(written));
    }
    Fuzz::check(again->connections.size() == contents->connections.size(), "no connection is added");

    ConnectionExporter::assignNewIds(*contents);
    checkContents(*contents);
    return 0;
}
