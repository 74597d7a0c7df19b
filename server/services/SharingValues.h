// SharingValues: the small conversions every Team Sharing service shares: a folder role to
// and from its wire name ("view", "edit", "manage"), and a core check's error restated as
// the request's fault at a named field (a layout or chain failure of the core is the
// client's InvalidInput here; Crypto and Denied keep their code).
#pragma once

#include "core/crypto/FolderRole.h"
#include "core/util/Error.h"

#include <QString>

namespace Conclave::Server::SharingValues {

inline QString roleName(Core::FolderRole role)
{
    switch (role) {
    case Core::FolderRole::View:
        return QStringLiteral("view");
    case Core::FolderRole::Edit:
        return QStringLiteral("edit");
    case Core::FolderRole::Manage:
        return QStringLiteral("manage");
    case Core::FolderRole::None:
        break;
    }
    return {};
}

inline Core::FolderRole roleFromName(const QString& name)
{
    if (name == QLatin1String("manage"))
        return Core::FolderRole::Manage;
    if (name == QLatin1String("edit"))
        return Core::FolderRole::Edit;
    if (name == QLatin1String("view"))
        return Core::FolderRole::View;
    return Core::FolderRole::None;
}

inline Core::Error atField(const Core::Error& error, const QString& field)
{
    Core::ErrorCode code = error.code;
    if (code == Core::ErrorCode::Protocol || code == Core::ErrorCode::Corrupt)
        code = Core::ErrorCode::InvalidInput;
    return Core::Error::make(code, error.message, field);
}

inline Core::Error invalid(const QString& message, const QString& field)
{
    return Core::Error::make(Core::ErrorCode::InvalidInput, message, field);
}

inline Core::Error denied(const QString& message, const QString& field = {})
{
    return Core::Error::make(Core::ErrorCode::Denied, message, field);
}

inline Core::Error conflict(const QString& message, const QString& field = {})
{
    return Core::Error::make(Core::ErrorCode::AlreadyExists, message, field);
}

} // namespace Conclave::Server::SharingValues
