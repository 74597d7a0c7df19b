// MemberListModel: the members of one shared folder as the members dialog lists them (email,
// role, safety number, and whether the key was compared or has changed), from
// SyncEngine::members(). A plain table model: the dialog replaces the list after each change.
#pragma once

#include "core/sync/SyncEngine.h"

#include <QAbstractTableModel>
#include <QList>

namespace Conclave::Gui {

class MemberListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemberListModel)

public:
    enum Column
    {
        EmailColumn,
        RoleColumn,
        SafetyNumberColumn,
        KeyColumn,
        ColumnCount
    };
    enum Roles
    {
        UserIdRole = Qt::UserRole + 1, // QUuid
        FolderRoleRole,                // int(Core::FolderRole)
        IsSelfRole,                    // bool
        KeyChangedRole,                // bool
    };

    explicit MemberListModel(QObject* parent = nullptr);

    void setMembers(const QList<Core::SyncEngine::MemberInfo>& members);
    const QList<Core::SyncEngine::MemberInfo>& members() const { return m_members; }
    static QString roleName(Core::FolderRole role);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Core::SyncEngine::MemberInfo> m_members;
};

} // namespace Conclave::Gui
