// AuditEntryModel: see the header.
#include "ui/AuditEntryModel.h"

#include <QLocale>

namespace Conclave::Gui {

using Core::AuditApi;

AuditEntryModel::AuditEntryModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void AuditEntryModel::setEntries(QList<AuditApi::Entry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

void AuditEntryModel::setKnownEmails(QHash<QString, QString> emails)
{
    m_emails = std::move(emails);
    if (!m_entries.isEmpty())
        emit dataChanged(index(0, Who), index(int(m_entries.size()) - 1, Who), {Qt::DisplayRole});
}

int AuditEntryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AuditEntryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AuditEntryModel::actionText(const QString& action)
{
    static const QHash<QString, const char*> names{
        {QStringLiteral("organisation.created"), QT_TR_NOOP("Organisation created")},
        {QStringLiteral("domain.added"), QT_TR_NOOP("Domain added")},
        {QStringLiteral("owner.added"), QT_TR_NOOP("Owner added")},
        {QStringLiteral("admin.added"), QT_TR_NOOP("Administrator added")},
        {QStringLiteral("block.set"), QT_TR_NOOP("Team Sharing blocked")},
        {QStringLiteral("block.lifted"), QT_TR_NOOP("Block lifted")},
        {QStringLiteral("folder.created"), QT_TR_NOOP("Folder shared")},
        {QStringLiteral("folder.deleted"), QT_TR_NOOP("Folder deleted")},
        {QStringLiteral("folder.restored"), QT_TR_NOOP("Folder restored")},
        {QStringLiteral("grants.stored"), QT_TR_NOOP("Folder key granted")},
        {QStringLiteral("member.added"), QT_TR_NOOP("Member added")},
        {QStringLiteral("member.removed"), QT_TR_NOOP("Member removed")},
        {QStringLiteral("member.role-changed"), QT_TR_NOOP("Role changed")},
        {QStringLiteral("member.left"), QT_TR_NOOP("Member left")},
        {QStringLiteral("member.key-confirmed"), QT_TR_NOOP("Changed key confirmed")},
        {QStringLiteral("key.rotated"), QT_TR_NOOP("Folder key rotated")},
        {QStringLiteral("membership.entry"), QT_TR_NOOP("Membership change")},
        {QStringLiteral("invitation.created"), QT_TR_NOOP("Invitation sent")},
        {QStringLiteral("invitation.accepted"), QT_TR_NOOP("Invitation accepted")},
        {QStringLiteral("invitation.declined"), QT_TR_NOOP("Invitation declined")},
        {QStringLiteral("invitation.cancelled"), QT_TR_NOOP("Invitation cancelled")},
        {QStringLiteral("invitation.expired"), QT_TR_NOOP("Invitation expired")},
        {QStringLiteral("item.created"), QT_TR_NOOP("Created")},
        {QStringLiteral("item.updated"), QT_TR_NOOP("Changed")},
        {QStringLiteral("item.deleted"), QT_TR_NOOP("Deleted")},
        {QStringLiteral("item.read"), QT_TR_NOOP("Read")},
        {QStringLiteral("items.read"), QT_TR_NOOP("Items read")},
    };
    if (const auto it = names.constFind(action); it != names.constEnd())
        return tr(*it);
    // A refused request is named by its route ("PUT /api/v1/folders/{folderId}/items/{itemId}").
    static const QHash<QString, const char*> routes{
        {QStringLiteral("POST /api/v1/folders"), QT_TR_NOOP("Share a folder")},
        {QStringLiteral("DELETE /api/v1/folders/{folderId}"), QT_TR_NOOP("Delete the folder")},
        {QStringLiteral("POST /api/v1/folders/{folderId}/restore"), QT_TR_NOOP("Restore the folder")},
        {QStringLiteral("POST /api/v1/folders/{folderId}/log"), QT_TR_NOOP("Change the members")},
        {QStringLiteral("POST /api/v1/folders/{folderId}/grants"), QT_TR_NOOP("Grant the folder key")},
        {QStringLiteral("POST /api/v1/folders/{folderId}/invitations"), QT_TR_NOOP("Invite someone")},
        {QStringLiteral("POST /api/v1/folders/{folderId}/items"), QT_TR_NOOP("Add a connection")},
        {QStringLiteral("PUT /api/v1/folders/{folderId}/items/{itemId}"), QT_TR_NOOP("Change a connection")},
        {QStringLiteral("POST /api/v1/folders/{folderId}/rotation"), QT_TR_NOOP("Rotate the folder key")},
        {QStringLiteral("GET /api/v1/folders/{folderId}/audit"), QT_TR_NOOP("Read the folder's history")},
        {QStringLiteral("GET /api/v1/folders/{folderId}/items/{itemId}/audit"),
         QT_TR_NOOP("Read a connection's history")},
    };
    if (const auto it = routes.constFind(action); it != routes.constEnd())
        return tr(*it);
    if (action.contains(QLatin1Char(' ')) && action.contains(QLatin1Char('/')))
        return tr("Request %1").arg(action);
    return action;
}

QString AuditEntryModel::reasonText(const QString& reason)
{
    if (reason == QLatin1String("forbidden"))
        return tr("not allowed for the role");
    if (reason == QLatin1String("conflict"))
        return tr("made on an outdated version");
    if (reason == QLatin1String("sharing-blocked"))
        return tr("Team Sharing is blocked");
    if (reason == QLatin1String("email-unverified"))
        return tr("address not verified");
    if (reason == QLatin1String("not-found"))
        return tr("not found");
    return reason;
}

QString AuditEntryModel::objectText(const QString& kind, const QString& id)
{
    static const QHash<QString, const char*> kinds{
        {QStringLiteral("organisation"), QT_TR_NOOP("Organisation")},
        {QStringLiteral("member"), QT_TR_NOOP("Member")},
        {QStringLiteral("block"), QT_TR_NOOP("Block")},
        {QStringLiteral("user"), QT_TR_NOOP("User")},
        {QStringLiteral("folder"), QT_TR_NOOP("Folder")},
        {QStringLiteral("folder.reads"), QT_TR_NOOP("Folder reads")},
        {QStringLiteral("item"), QT_TR_NOOP("Connection")},
    };
    const auto it = kinds.constFind(kind);
    const QString name = it != kinds.constEnd() ? tr(*it) : kind;
    // The start of an id tells entries apart; the whole id is in the tooltip.
    return id.isEmpty() ? name : name + QLatin1Char(' ') + id.left(8);
}

QString AuditEntryModel::actorText(const AuditApi::Entry& e) const
{
    // No user id: the operator at the command line, or nobody (an invitation that ran out).
    if (e.userId.isEmpty())
        return e.action == QLatin1String("invitation.expired") ? tr("(automatic)") : tr("Server operator");
    if (!e.actorEmail.isEmpty())
        return e.actorEmail;
    return m_emails.value(e.userId, e.userId);
}

QVariant AuditEntryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditApi::Entry& e = m_entries.at(index.row());
    if (role == ActionRole)
        return e.action;
    if (role == SeqRole)
        return e.seq;
    if (role == Qt::ToolTipRole && index.column() == Who)
        return e.userId;
    if (role == Qt::ToolTipRole && index.column() == Action)
        return e.action;
    if (role == Qt::ToolTipRole && index.column() == Object)
        return e.objectId;
    if (role != Qt::DisplayRole)
        return {};
    if (!e.readable)
        return index.column() == When ? QVariant(tr("Entry %1 cannot be read").arg(e.seq)) : QVariant();
    switch (Column(index.column())) {
    case When:
        return QLocale().toString(e.at.toLocalTime(), QLocale::ShortFormat);
    case Who:
        return actorText(e);
    case Action:
        return actionText(e.action);
    case Object:
        return e.objectKind.isEmpty() ? QString() : objectText(e.objectKind, e.objectId);
    case Revision:
        return e.revision > 0 ? QVariant(e.revision) : QVariant();
    case Outcome:
        if (!e.refused)
            return tr("Done");
        return e.reason.isEmpty() ? tr("Refused") : tr("Refused: %1").arg(reasonText(e.reason));
    case ColumnCount:
        break;
    }
    return {};
}

QVariant AuditEntryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case When:
        return tr("When");
    case Who:
        return tr("Who");
    case Action:
        return tr("Action");
    case Object:
        return tr("Object");
    case Revision:
        return tr("Revision");
    case Outcome:
        return tr("Outcome");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Conclave::Gui
