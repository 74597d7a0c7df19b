// SyncProblemsDialog: see the header.
#include "ui/SyncProblemsDialog.h"

#include "core/crypto/SensitiveBytes.h"
#include "core/model/SharedConnection.h"
#include "core/storage/ChangeSet.h"
#include "core/storage/ConnectionRepository.h"
#include "core/sync/SyncEngine.h"
#include "ui/ConnectionTreeModel.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTextDocument>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace Conclave::Gui {

using namespace Conclave::Core;

namespace {

constexpr int kEntryRole = Qt::UserRole + 1; // qint64: the outbox entry
constexpr int kCopyableRole = Qt::UserRole + 2;

} // namespace

SyncProblemsDialog::SyncProblemsDialog(SyncEngine* engine, ConnectionRepository* repository, QWidget* parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_repository(repository)
{
    setObjectName(QStringLiteral("syncProblemsDialog"));
    setWindowTitle(tr("Sync Problems"));
    auto* layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("syncProblemsSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("refusedList"));
    m_list->setRootIsDecorated(false);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setWordWrap(true);
    m_list->setHeaderLabels(
        {tr("Connection"), tr("Shared folder"), tr("Change"), tr("Why it was not saved")});
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(true);
    m_list->setAccessibleName(tr("Changes the sharing server refused"));
    layout->addWidget(m_list, 1);

    auto* rowButtons = new QHBoxLayout;
    m_copy = new QPushButton(tr("&Copy to My Connections"), this);
    m_copy->setObjectName(QStringLiteral("copyButton"));
    m_copy->setToolTip(tr("Makes a connection of your own, on this computer only, from the selected "
                          "edits, so that what you typed is kept."));
    m_discard = new QPushButton(tr("&Discard"), this);
    m_discard->setObjectName(QStringLiteral("discardButton"));
    m_discard->setToolTip(tr("Throws the selected changes away for good."));
    m_discard->setAutoDefault(false);
    rowButtons->addWidget(m_copy);
    rowButtons->addWidget(m_discard);
    rowButtons->addStretch();
    layout->addLayout(rowButtons);

    m_unreadableBox = new QWidget(this);
    m_unreadableBox->setObjectName(QStringLiteral("unreadableBox"));
    auto* unreadableRow = new QHBoxLayout(m_unreadableBox);
    unreadableRow->setContentsMargins(0, 8, 0, 0);
    m_unreadable = new QLabel(m_unreadableBox);
    m_unreadable->setObjectName(QStringLiteral("unreadableText"));
    m_unreadable->setWordWrap(true);
    m_unreadable->setTextFormat(Qt::PlainText);
    m_discardAll = new QPushButton(tr("Discard &All"), m_unreadableBox);
    m_discardAll->setObjectName(QStringLiteral("discardAllButton"));
    m_discardAll->setAutoDefault(false);
    unreadableRow->addWidget(m_unreadable, 1);
    unreadableRow->addWidget(m_discardAll, 0, Qt::AlignTop);
    layout->addWidget(m_unreadableBox);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("syncProblemsMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->hide();
    layout->addWidget(m_message);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("buttons"));
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_copy, &QPushButton::clicked, this, &SyncProblemsDialog::copySelected);
    connect(m_discard, &QPushButton::clicked, this, &SyncProblemsDialog::askToDiscardSelected);
    connect(m_discardAll, &QPushButton::clicked, this, &SyncProblemsDialog::askToDiscardUnreadable);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &SyncProblemsDialog::updateButtons);
    if (m_engine) {
        connect(m_engine, &SyncEngine::syncProblemsChanged, this, &SyncProblemsDialog::reload);
        // A folder renamed or gone: its name in the list follows.
        connect(m_engine, &SyncEngine::folderChanged, this, &SyncProblemsDialog::reload);
        connect(m_engine, &SyncEngine::folderRemoved, this, &SyncProblemsDialog::reload);
        connect(m_engine, &QObject::destroyed, this, &QDialog::close);
    }
    reload();
    resize(760, 420);
}

int SyncProblemsDialog::problemCount(const SyncEngine& engine)
{
    return int(engine.refusedWrites().size() + engine.unreadableOutbox().size());
}

void SyncProblemsDialog::reload()
{
    QList<qint64> selected;
    for (QTreeWidgetItem* item : m_list->selectedItems())
        selected.append(item->data(0, kEntryRole).toLongLong());
    m_list->clear();
    if (!m_engine) {
        m_summary->setText(tr("Team Sharing is not signed in."));
        m_unreadableBox->hide();
        updateButtons();
        return;
    }
    const QList<SyncEngine::RefusedWrite> refused = m_engine->refusedWrites();
    for (const SyncEngine::RefusedWrite& write : refused) {
        // The name as the user typed it; content that is no connection is said to be so.
        const Result<SharedConnection> decoded = SharedConnection::decode(write.plaintext, write.itemId);
        QString name;
        if (decoded)
            name = decoded->connection.name;
        else if (const SensitiveBytes* held = m_engine->itemPlaintext(write.folderId, write.itemId)) {
            if (const Result<SharedConnection> now = SharedConnection::decode(held->view(), write.itemId))
                name = now->connection.name; // a delete: the connection it was meant for
        }
        if (name.isEmpty())
            name = write.isDelete ? tr("a connection no longer held") : tr("content that cannot be read");
        QString folder = m_engine->folderName(write.folderId);
        if (folder.isEmpty())
            folder = tr("a folder no longer held");
        // What most often lies behind the server's words, when this client knows it; the
        // server's words stay in the tooltip.
        const bool viewOnly = m_engine->roleIn(write.folderId) == FolderRole::View;
        const QString reason = viewOnly ? tr("You may only view this folder now.") : write.reason;
        auto* item =
            new QTreeWidgetItem(m_list, {name, folder, write.isDelete ? tr("Delete") : tr("Edit"), reason});
        item->setData(0, kEntryRole, write.entryId);
        item->setData(0, kCopyableRole, !write.isDelete && decoded.ok());
        if (decoded)
            item->setIcon(0, ConnectionTreeModel::kindIcon(decoded->connection.kind));
        // The server's words as plain text, never as markup.
        item->setToolTip(3, Qt::convertFromPlainText(viewOnly ? reason + u' ' + write.reason : reason,
                                                     Qt::WhiteSpaceNormal));
        item->setSelected(selected.contains(write.entryId));
    }
    const QList<Error> unreadable = m_engine->unreadableOutbox();
    const int total = int(refused.size() + unreadable.size());
    if (total == 0)
        m_summary->setText(tr("Every change was saved. Nothing is waiting for a decision."));
    else if (refused.isEmpty())
        m_summary->setText(tr("No change was refused by the sharing server."));
    else
        m_summary->setText(tr("The sharing server refused %n change(s). They are kept on this computer, "
                              "encrypted, until you decide: copy an edit to your own connections to keep "
                              "what you typed, or discard it.",
                              nullptr, int(refused.size())));
    m_unreadableBox->setVisible(!unreadable.isEmpty());
    if (!unreadable.isEmpty()) {
        QStringList reasons;
        for (const Error& error : unreadable) {
            if (!reasons.contains(error.message))
                reasons.append(error.message);
        }
        m_unreadable->setText(tr("%n stored change(s) cannot be opened and can never be sent; nobody can "
                                 "read them. %1",
                                 nullptr, int(unreadable.size()))
                                  .arg(reasons.join(u' ')));
    }
    updateButtons();
}

void SyncProblemsDialog::updateButtons()
{
    const QList<QTreeWidgetItem*> selected = m_list->selectedItems();
    const bool copyable = m_repository && !m_repository->isReadOnly() && !selected.isEmpty() &&
                          std::all_of(selected.cbegin(), selected.cend(), [](const QTreeWidgetItem* item) {
                              return item->data(0, kCopyableRole).toBool();
                          });
    m_copy->setEnabled(copyable);
    m_discard->setEnabled(m_engine && !selected.isEmpty());
    if (!m_repository)
        m_copy->setToolTip(tr("Your own connections cannot be changed here."));
}

void SyncProblemsDialog::confirm(const QString& question, const QString& consequence,
                                 const QString& objectName, std::function<void()> then)
{
    // Nothing is thrown away without asking: Cancel is the default, the button names the act.
    auto* box =
        new QMessageBox(QMessageBox::Warning, tr("Discard Changes"), question, QMessageBox::Cancel, this);
    box->setObjectName(objectName);
    box->setInformativeText(consequence);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton* discard = box->addButton(tr("&Discard"), QMessageBox::DestructiveRole);
    discard->setObjectName(QStringLiteral("confirmDiscard"));
    box->setDefaultButton(QMessageBox::Cancel);
    connect(discard, &QPushButton::clicked, this, std::move(then));
    box->open();
}

void SyncProblemsDialog::askToDiscardSelected()
{
    if (!m_engine)
        return;
    QList<qint64> ids;
    for (QTreeWidgetItem* item : m_list->selectedItems())
        ids.append(item->data(0, kEntryRole).toLongLong());
    if (ids.isEmpty())
        return;
    confirm(tr("Discard %n change(s)?", nullptr, int(ids.size())),
            tr("What they changed is lost for good. Copy an edit to your own connections first to keep it."),
            QStringLiteral("discardQuestion"), [this, ids] { discardSelected(ids); });
}

void SyncProblemsDialog::askToDiscardUnreadable()
{
    if (!m_engine)
        return;
    const int count = int(m_engine->unreadableOutbox().size());
    if (count == 0)
        return;
    confirm(tr("Discard %n unreadable change(s)?", nullptr, count),
            tr("Nobody can read them, so what they changed is lost for good."),
            QStringLiteral("discardAllQuestion"), [this] { discardUnreadable(); });
}

void SyncProblemsDialog::discardSelected(const QList<qint64>& ids)
{
    if (!m_engine)
        return;
    QString failed;
    for (qint64 id : std::as_const(ids)) {
        if (Status discarded = m_engine->discardRefused(id); !discarded && failed.isEmpty())
            failed = discarded.error().message;
    }
    reload();
    say(failed.isEmpty() ? tr("%n change(s) discarded.", nullptr, int(ids.size()))
                         : tr("Not every change could be discarded: %1").arg(failed));
}

void SyncProblemsDialog::copySelected()
{
    if (!m_engine || !m_repository)
        return;
    QList<qint64> ids;
    for (QTreeWidgetItem* item : m_list->selectedItems())
        ids.append(item->data(0, kEntryRole).toLongLong());
    ChangeSet change;
    QStringList names;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const SyncEngine::RefusedWrite& write : m_engine->refusedWrites()) {
        if (!ids.contains(write.entryId) || write.isDelete)
            continue;
        Result<SharedConnection> decoded = SharedConnection::decode(write.plaintext, write.itemId);
        if (!decoded)
            continue;
        // A new local connection at the top of the tree: its own id, nothing shared about it.
        Connection local = decoded->connection;
        local.id = QUuid::createUuid();
        local.folderId = QUuid();
        local.created = now;
        local.modified = now;
        change.upsertConnections.append(local);
        names.append(local.name);
    }
    if (change.upsertConnections.isEmpty())
        return;
    if (Status applied = m_repository->apply(change); !applied)
        return say(tr("The copy could not be made: %1").arg(applied.error().message));
    say(tr("Copied to your own connections: %1. Discard the refused change once you no longer need it.")
            .arg(names.join(QStringLiteral(", "))));
}

void SyncProblemsDialog::discardUnreadable()
{
    if (!m_engine)
        return;
    const int count = int(m_engine->unreadableOutbox().size());
    const Status discarded = m_engine->discardUnreadableOutbox();
    reload();
    say(discarded ? tr("%n unreadable change(s) deleted.", nullptr, count)
                  : tr("The unreadable changes could not be deleted: %1").arg(discarded.error().message));
}

void SyncProblemsDialog::say(const QString& text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

} // namespace Conclave::Gui
