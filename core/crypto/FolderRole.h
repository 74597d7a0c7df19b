// FolderRole: a member's rights in a shared folder, ordered so "at least Edit" is a compare.
// The numeric values are part of the membership log layout and never change.
#pragma once

#include <QLatin1String>
#include <QStringView>
#include <QtGlobal>

namespace Conclave::Core {

enum class FolderRole : quint8
{
    None = 0,   // not a member
    View = 1,   // read and use
    Edit = 2,   // also change items
    Manage = 3, // also invite, change roles, remove members, rotate keys
};

inline bool roleAtLeast(FolderRole role, FolderRole needed)
{
    return quint8(role) >= quint8(needed);
}

// The role's name in the sharing API's JSON ("view", "edit", "manage"); empty for None.
inline QLatin1String folderRoleName(FolderRole role)
{
    switch (role) {
    case FolderRole::View:
        return QLatin1String("view");
    case FolderRole::Edit:
        return QLatin1String("edit");
    case FolderRole::Manage:
        return QLatin1String("manage");
    case FolderRole::None:
        break;
    }
    return QLatin1String();
}

// The role an API name stands for; None for any other text (letter case counts).
inline FolderRole folderRoleFromName(QStringView name)
{
    for (FolderRole role : {FolderRole::View, FolderRole::Edit, FolderRole::Manage}) {
        if (name == folderRoleName(role))
            return role;
    }
    return FolderRole::None;
}

} // namespace Conclave::Core
