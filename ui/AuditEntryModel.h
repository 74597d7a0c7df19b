// AuditEntryModel: audit entries as the history dialogs list them, one row each: when (local
// time), who (the address when it is known, else the user id; the operator at the command line
// by name), what (the action in words, a refused request by what it asked for), the revision,
// the outcome with a refusal's reason in words, and the object (organisation log only). The raw action name
// is kept under ActionRole so a filter can match it exactly whatever the language. Rows are in the order
// given.
#pragma once

#include "core/sync/AuditApi.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace Conclave::Gui {

class AuditEntryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditEntryModel)

public:
    enum Column
    {
        When,
        Who,
        Action,
        Revision,
        Outcome,
        Object,
        ColumnCount
    };
    static constexpr int ActionRole = Qt::UserRole + 1;
    static constexpr int SeqRole = Qt::UserRole + 2;

    explicit AuditEntryModel(QObject* parent = nullptr);

    void setEntries(QList<Core::AuditApi::Entry> entries);
    const QList<Core::AuditApi::Entry>& entries() const { return m_entries; }
    // Addresses by user id (e.g. the signed-in user's own, the folder's members'), used when an
    // entry carries none of its own.
    void setKnownEmails(QHash<QString, QString> emails);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The words for an action name and for a refusal's reason code (the raw text when unknown).
    static QString actionText(const QString& action);
    static QString reasonText(const QString& reason);
    // The kind of object in words and the start of its id ("Folder 1b6c3c8e").
    static QString objectText(const QString& kind, const QString& id);
    QString actorText(const Core::AuditApi::Entry& entry) const;

private:
    QList<Core::AuditApi::Entry> m_entries;
    QHash<QString, QString> m_emails;
};

} // namespace Conclave::Gui
