// ItemHistoryDialog: see the header.
#include "ui/ItemHistoryDialog.h"

#include "core/sync/AuditApi.h"
#include "core/sync/SyncEngine.h"
#include "ui/AuditEntryModel.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace Conclave::Gui {

using namespace Conclave::Core;

namespace {

// The connection's name from its plaintext (contract: fields.name), or "" when not held.
QString itemName(const SyncEngine* engine, const QUuid& folderId, const QUuid& itemId)
{
    const SensitiveBytes* plaintext = engine ? engine->itemPlaintext(folderId, itemId) : nullptr;
    if (!plaintext)
        return {};
    const QJsonObject root = QJsonDocument::fromJson(plaintext->view().toByteArray()).object();
    return root.value(QStringLiteral("fields")).toObject().value(QStringLiteral("name")).toString();
}

} // namespace

ItemHistoryDialog::ItemHistoryDialog(AuditApi* audit, SyncEngine* engine, QUuid folderId, QUuid itemId,
                                     QWidget* parent)
    : QDialog(parent)
    , m_audit(audit)
    , m_engine(engine)
    , m_folderId(folderId)
    , m_itemId(itemId)
{
    setObjectName(QStringLiteral("itemHistoryDialog"));
    const QString name = itemName(engine, folderId, itemId);
    setWindowTitle(name.isEmpty() ? tr("Connection History") : tr("History of %1").arg(name));
    auto* layout = new QVBoxLayout(this);
    m_status = new QLabel(tr("Reading the history…"), this);
    m_status->setObjectName(QStringLiteral("historyStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

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
    m_view->setAccessibleName(tr("Audit entries of the connection"));
    layout->addWidget(m_view, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* refresh = buttons->addButton(tr("&Refresh"), QDialogButtonBox::ActionRole);
    refresh->setObjectName(QStringLiteral("refreshButton"));
    connect(refresh, &QPushButton::clicked, this, &ItemHistoryDialog::reload);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(780, 360);
    reload();
}

ItemHistoryDialog::~ItemHistoryDialog() = default;

void ItemHistoryDialog::setKnownEmails(const QHash<QString, QString>& emails)
{
    m_model->setKnownEmails(emails);
}

void ItemHistoryDialog::reload()
{
    // An answer to an earlier load is dropped with its context.
    delete m_request;
    m_request = new QObject(this);
    m_status->setText(tr("Reading the history…"));
    m_audit->itemHistory(m_folderId, m_itemId, m_request, [this](Result<QList<AuditApi::Entry>> entries) {
        m_request->deleteLater();
        m_request = nullptr;
        if (!entries) {
            m_status->setText(tr("The history could not be read: %1").arg(entries.error().message));
        } else {
            m_status->setText(
                entries->isEmpty()
                    ? tr("The server has no entries about this connection.")
                    : tr("The newest %n entries the server keeps about this connection, newest first.",
                         nullptr, int(entries->size())));
            m_model->setEntries(std::move(entries.value()));
            for (int c = 0; c < AuditEntryModel::Object; ++c)
                m_view->resizeColumnToContents(c);
        }
        emit loaded();
    });
}

} // namespace Conclave::Gui
