// The member table of the members dialog; see the header.
#include "ui/MemberListModel.h"

#include <QApplication>
#include <QFont>
#include <QStyle>

namespace Conclave::Gui {

MemberListModel::MemberListModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void MemberListModel::setMembers(const QList<Core::SyncEngine::MemberInfo>& members)
{
    beginResetModel();
    m_members = members;
    endResetModel();
}

QString MemberListModel::roleName(Core::FolderRole role)
{
    switch (role) {
    case Core::FolderRole::View:
        return tr("View");
    case Core::FolderRole::Edit:
        return tr("Edit");
    case Core::FolderRole::Manage:
        return tr("Manage");
    case Core::FolderRole::None:
        break;
    }
    return tr("Not a member");
}

int MemberListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_members.size());
}

int MemberListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MemberListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Core::SyncEngine::MemberInfo& m = m_members.at(index.row());
    switch (role) {
    case UserIdRole:
        return QVariant::fromValue(m.userId);
    case FolderRoleRole:
        return int(m.role);
    case IsSelfRole:
        return m.isSelf;
    case KeyChangedRole:
        return m.keyChanged;
    default:
        break;
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case EmailColumn: {
            // The server may not have named the address yet: the member is still shown.
            const QString email = m.email.isEmpty() ? tr("(address not known yet)") : m.email;
            return m.isSelf ? tr("%1 (you)").arg(email) : email;
        }
        case RoleColumn:
            return roleName(m.role);
        case SafetyNumberColumn: {
            // Two lines of six groups, as people read it out to each other.
            QStringList groups = m.safetyNumber.split(QLatin1Char(' '));
            const QString first = QStringList(groups.mid(0, 6)).join(QLatin1Char(' '));
            const QString second = QStringList(groups.mid(6)).join(QLatin1Char(' '));
            return second.isEmpty() ? first : first + QLatin1Char('\n') + second;
        }
        case KeyColumn:
            if (m.keyChanged)
                return tr("Key changed: compare again");
            if (m.isSelf)
                return QString();
            return m.verified ? tr("Verified") : tr("Not compared");
        default:
            break;
        }
    }
    if (role == Qt::DecorationRole && index.column() == KeyColumn && !m.isSelf) {
        const QStyle* style = QApplication::style();
        if (m.keyChanged)
            return style->standardIcon(QStyle::SP_MessageBoxWarning);
        if (m.verified)
            return style->standardIcon(QStyle::SP_DialogApplyButton);
    }
    if (role == Qt::ToolTipRole && index.column() == KeyColumn) {
        if (m.keyChanged)
            return tr("This member's key is not the one seen before. Nothing is shared with them until "
                      "you compare their new safety number.");
        if (m.verified && !m.isSelf)
            return tr("You compared this member's safety number.");
    }
    if (role == Qt::FontRole && index.column() == SafetyNumberColumn) {
        QFont font = QApplication::font();
        font.setFamily(QStringLiteral("monospace"));
        font.setStyleHint(QFont::Monospace);
        return font;
    }
    return {};
}

QVariant MemberListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case EmailColumn:
        return tr("Member");
    case RoleColumn:
        return tr("Role");
    case SafetyNumberColumn:
        return tr("Safety number");
    case KeyColumn:
        return tr("Key");
    default:
        return {};
    }
}

} // namespace Conclave::Gui
