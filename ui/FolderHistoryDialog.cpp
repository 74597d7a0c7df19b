// FolderHistoryDialog: see the header.
#include "ui/FolderHistoryDialog.h"

#include "core/sync/SyncEngine.h"
#include "ui/AuditEntryModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSet>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace Conclave::Gui {

using namespace Conclave::Core;

FolderHistoryDialog::FolderHistoryDialog(AuditApi* audit, SyncEngine* engine, QUuid folderId, QWidget* parent)
    : QDialog(parent)
    , m_audit(audit)
    , m_engine(engine)
    , m_folderId(folderId)
{
    setObjectName(QStringLiteral("folderHistoryDialog"));
    const QString name = engine ? engine->folderName(folderId) : QString();
    setWindowTitle(name.isEmpty() ? tr("Folder History") : tr("History of %1").arg(name));
    auto* layout = new QVBoxLayout(this);
    m_status = new QLabel(tr("Reading the history…"), this);
    m_status->setObjectName(QStringLiteral("historyStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    auto* filters = new QHBoxLayout;
    auto* actionLabel = new QLabel(tr("&Action:"), this);
    m_actions = new QComboBox(this);
    m_actions->setObjectName(QStringLiteral("actionFilter"));
    m_actions->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    actionLabel->setBuddy(m_actions);
    m_reads = new QCheckBox(tr("&Show reads"), this);
    m_reads->setObjectName(QStringLiteral("showReads"));
    m_reads->setToolTip(tr("Also lists each time a member's computer read the folder's connections."));
    filters->addWidget(actionLabel);
    filters->addWidget(m_actions);
    filters->addSpacing(12);
    filters->addWidget(m_reads);
    filters->addStretch(1);
    layout->addLayout(filters);

    m_model = new AuditEntryModel(this);
    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("historyView"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setColumnHidden(AuditEntryModel::Object, true);
    m_view->header()->setStretchLastSection(true);
    m_view->setAccessibleName(tr("Audit entries of the folder"));
    layout->addWidget(m_view, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_newer = buttons->addButton(tr("&Newer"), QDialogButtonBox::ActionRole);
    m_newer->setObjectName(QStringLiteral("newerButton"));
    m_older = buttons->addButton(tr("&Older"), QDialogButtonBox::ActionRole);
    m_older->setObjectName(QStringLiteral("olderButton"));
    QPushButton* refresh = buttons->addButton(tr("&Refresh"), QDialogButtonBox::ActionRole);
    refresh->setObjectName(QStringLiteral("refreshButton"));
    // A connection's own history, chosen from the folder's connections this computer holds.
    m_itemHistory = buttons->addButton(tr("&Connection History"), QDialogButtonBox::ActionRole);
    m_itemHistory->setObjectName(QStringLiteral("itemHistoryButton"));
    auto* items = new QMenu(m_itemHistory);
    items->setObjectName(QStringLiteral("itemHistoryMenu"));
    m_itemHistory->setMenu(items);
    connect(items, &QMenu::aboutToShow, this, [this, items] {
        items->clear();
        if (!m_engine)
            return;
        for (const QUuid& itemId : m_engine->itemIds(m_folderId)) {
            const SensitiveBytes* plaintext = m_engine->itemPlaintext(m_folderId, itemId);
            // A shared item's plaintext holds no credential (contract: fields.name is its name).
            const QString itemName = plaintext ? QJsonDocument::fromJson(plaintext->view().toByteArray())
                                                     .object()
                                                     .value(QStringLiteral("fields"))
                                                     .toObject()
                                                     .value(QStringLiteral("name"))
                                                     .toString()
                                               : QString();
            items->addAction(itemName.isEmpty() ? itemId.toString(QUuid::WithoutBraces) : itemName, this,
                             [this, itemId] { emit itemHistoryRequested(m_folderId, itemId); });
        }
        if (items->isEmpty())
            items->addAction(tr("No connections"))->setEnabled(false);
    });
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(refresh, &QPushButton::clicked, this, &FolderHistoryDialog::reload);
    connect(m_newer, &QPushButton::clicked, this, [this] {
        m_page = std::max(0, m_page - 1);
        showPage();
    });
    connect(m_older, &QPushButton::clicked, this, [this] {
        ++m_page;
        showPage();
    });
    connect(m_reads, &QCheckBox::toggled, this, [this] {
        m_page = 0;
        showPage();
    });
    connect(m_actions, &QComboBox::activated, this,
            [this](int index) { setActionFilter(m_actions->itemData(index).toString()); });
    resize(800, 420);
    reload();
}

FolderHistoryDialog::~FolderHistoryDialog() = default;

void FolderHistoryDialog::setKnownEmails(const QHash<QString, QString>& emails)
{
    m_model->setKnownEmails(emails);
}

void FolderHistoryDialog::setActionFilter(const QString& action)
{
    m_filter = action;
    m_page = 0;
    showPage();
}

void FolderHistoryDialog::reload()
{
    delete m_request;
    m_request = new QObject(this);
    m_status->setText(tr("Reading the history…"));
    m_audit->folderHistory(m_folderId, m_request, [this](Result<AuditApi::FolderHistory> history) {
        m_request->deleteLater();
        m_request = nullptr;
        if (!history) {
            m_history = {};
            m_status->setText(tr("The history could not be read: %1").arg(history.error().message));
        } else {
            m_history = std::move(history.value());
        }
        showPage();
        if (history)
            m_status->setText(tr("The newest entries the server keeps about this folder, newest first."));
        emit loaded();
    });
}

void FolderHistoryDialog::showPage()
{
    QList<AuditApi::Entry> all = m_history.entries;
    if (m_reads->isChecked())
        all += m_history.reads;
    std::sort(all.begin(), all.end(),
              [](const AuditApi::Entry& a, const AuditApi::Entry& b) { return a.seq > b.seq; });

    // The filter lists the actions there are, in words, whatever the filter shows now.
    QSet<QString> seen;
    m_actions->clear();
    m_actions->addItem(tr("All actions"), QString());
    for (const AuditApi::Entry& e : all) {
        if (!seen.contains(e.action)) {
            seen.insert(e.action);
            m_actions->addItem(AuditEntryModel::actionText(e.action), e.action);
        }
    }
    if (!m_filter.isEmpty() && !seen.contains(m_filter))
        m_actions->addItem(AuditEntryModel::actionText(m_filter), m_filter);
    m_actions->setCurrentIndex(std::max(0, m_actions->findData(m_filter)));

    QList<AuditApi::Entry> shown;
    for (const AuditApi::Entry& e : all)
        if (m_filter.isEmpty() || e.action == m_filter)
            shown.append(e);
    const int pages = std::max(1, int((shown.size() + kPageRows - 1) / kPageRows));
    m_page = std::min(m_page, pages - 1);
    m_model->setEntries(shown.mid(qsizetype(m_page) * kPageRows, kPageRows));
    for (int c = 0; c < AuditEntryModel::Object; ++c)
        m_view->resizeColumnToContents(c);
    m_newer->setEnabled(m_page > 0);
    m_older->setEnabled(m_page + 1 < pages);
    m_newer->setVisible(pages > 1);
    m_older->setVisible(pages > 1);
}

} // namespace Conclave::Gui
