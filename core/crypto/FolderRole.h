// FolderRole: a member's rights in a shared folder, ordered so "at least Edit" is a compare.
// The numeric values are part of the membership log layout and never change.
#pragma once

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

} // namespace Conclave::Core
