// OrgBlocksDialog: see the header.
#include "ui/OrgBlocksDialog.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QTextDocument>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Conclave::Gui {

using namespace Conclave::Core;
using Scope = OrgBlocksApi::Scope;

OrgBlocksDialog::OrgBlocksDialog(ApiConnection& api, QUuid orgId, QWidget* parent)
    : QDialog(parent)
    , m_blocks(std::make_unique<OrgBlocksApi>(api))
    , m_orgId(orgId)
{
    setObjectName(QStringLiteral("orgBlocksDialog"));
    setWindowTitle(tr("Organisation Blocks"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("A block turns Team Sharing off for an address or a whole domain of the "
                                "organisation. Blocks never cover the organisation's owners and admins."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_view = new QTreeWidget(this);
    m_view->setObjectName(QStringLiteral("blocksView"));
    m_view->setColumnCount(ColumnCount);
    m_view->setHeaderLabels({tr("Blocked"), tr("Kind"), tr("Reason"), tr("Set")});
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(Reason, QHeaderView::Stretch);
    m_view->setAccessibleName(tr("Team Sharing blocks of the organisation"));
    layout->addWidget(m_view, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("blocksStatus"));
    m_status->setWordWrap(true);
    // Addresses and domains come from the server: never read as rich text.
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_blockButton = buttons->addButton(tr("&Block…"), QDialogButtonBox::ActionRole);
    m_blockButton->setObjectName(QStringLiteral("blockButton"));
    m_liftButton = buttons->addButton(tr("&Lift…"), QDialogButtonBox::ActionRole);
    m_liftButton->setObjectName(QStringLiteral("liftButton"));
    m_refreshButton = buttons->addButton(tr("&Refresh"), QDialogButtonBox::ActionRole);
    m_refreshButton->setObjectName(QStringLiteral("refreshButton"));
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_blockButton, &QPushButton::clicked, this, &OrgBlocksDialog::showBlockForm);
    connect(m_liftButton, &QPushButton::clicked, this, &OrgBlocksDialog::askLift);
    connect(m_refreshButton, &QPushButton::clicked, this, &OrgBlocksDialog::reload);
    connect(m_view, &QTreeWidget::itemSelectionChanged, this, &OrgBlocksDialog::updateButtons);
    resize(820, 420);
    reload();
}

OrgBlocksDialog::~OrgBlocksDialog()
{
    // The form is a child: deleted by ~QWidget, when this is no OrgBlocksDialog any more, so
    // its destroyed() must not reach the handler that resets the members.
    if (m_form)
        disconnect(m_form, &QObject::destroyed, this, nullptr);
}

QString OrgBlocksDialog::coveredText(const OrgBlocksApi::Block& block) const
{
    switch (block.scope) {
    case Scope::Organisation:
        return tr("Everyone in the organisation");
    case Scope::Email:
        return block.value;
    case Scope::Domain:
        return tr("Everyone @%1").arg(block.value);
    }
    return block.value;
}

void OrgBlocksDialog::setBusy(bool busy)
{
    m_busy = busy;
    updateButtons();
}

void OrgBlocksDialog::updateButtons()
{
    m_blockButton->setEnabled(!m_busy);
    m_refreshButton->setEnabled(!m_busy);
    m_liftButton->setEnabled(!m_busy && selected().has_value());
    if (m_formBlock)
        m_formBlock->setEnabled(!m_busy);
}

std::optional<OrgBlocksApi::Block> OrgBlocksDialog::selected() const
{
    const QList<QTreeWidgetItem*> items = m_view->selectedItems();
    if (items.isEmpty())
        return std::nullopt;
    const int row = m_view->indexOfTopLevelItem(items.first());
    if (row < 0 || row >= m_list.size())
        return std::nullopt;
    return m_list.at(row);
}

void OrgBlocksDialog::reload()
{
    delete m_request;
    m_request = new QObject(this);
    setBusy(true);
    m_status->setText(tr("Reading the blocks…"));
    m_blocks->list(m_orgId, m_request, [this](Result<QList<OrgBlocksApi::Block>> list) {
        m_request->deleteLater();
        m_request = nullptr;
        m_view->clear();
        m_list.clear();
        if (!list) {
            const QString failed = tr("The blocks could not be read: %1").arg(list.error().message);
            m_status->setText(m_notice.isEmpty() ? failed : m_notice + QLatin1Char(' ') + failed);
        } else {
            m_list = list.value();
            const QLocale locale;
            for (const OrgBlocksApi::Block& b : std::as_const(m_list)) {
                auto* item = new QTreeWidgetItem(m_view);
                item->setText(Covered, coveredText(b));
                item->setText(Kind, b.scope == Scope::Email    ? tr("Address")
                                    : b.scope == Scope::Domain ? tr("Domain")
                                                               : tr("Organisation"));
                item->setText(Reason, b.reason.isEmpty() ? tr("(none given)") : b.reason);
                item->setToolTip(Reason,
                                 Qt::convertFromPlainText(b.reason, Qt::WhiteSpaceNormal)); // never as markup
                item->setText(Set, locale.toString(b.createdAt.toLocalTime(), QLocale::ShortFormat));
            }
            for (int c : {Covered, Kind, Set})
                m_view->resizeColumnToContents(c);
            const QString summary = m_list.isEmpty()
                                        ? tr("Team Sharing is not blocked for anyone in the organisation.")
                                        : tr("%n block(s).", nullptr, int(m_list.size()));
            m_status->setText(m_notice.isEmpty() ? summary : m_notice + QLatin1Char(' ') + summary);
        }
        m_notice.clear();
        setBusy(false);
        emit loaded();
    });
}

void OrgBlocksDialog::showBlockForm()
{
    if (m_form) {
        m_form->raise();
        m_form->activateWindow();
        return;
    }
    m_form = new QDialog(this);
    m_form->setObjectName(QStringLiteral("blockForm"));
    m_form->setWindowTitle(tr("Block Team Sharing"));
    m_form->setAttribute(Qt::WA_DeleteOnClose);
    auto* layout = new QVBoxLayout(m_form);
    auto* kinds = new QButtonGroup(m_form);
    m_formEmail = new QRadioButton(tr("One &address"), m_form);
    m_formEmail->setObjectName(QStringLiteral("scopeEmail"));
    m_formEmail->setChecked(true);
    auto* domain = new QRadioButton(tr("A whole &domain"), m_form);
    domain->setObjectName(QStringLiteral("scopeDomain"));
    kinds->addButton(m_formEmail);
    kinds->addButton(domain);
    auto* kindRow = new QHBoxLayout;
    kindRow->addWidget(m_formEmail);
    kindRow->addWidget(domain);
    kindRow->addStretch(1);
    layout->addLayout(kindRow);

    auto* form = new QFormLayout;
    m_formValue = new QLineEdit(m_form);
    m_formValue->setObjectName(QStringLiteral("blockValue"));
    m_formValue->setMaxLength(int(OrgBlocksApi::kMaxValue));
    m_formValue->setPlaceholderText(tr("name@example.com"));
    auto* valueLabel = new QLabel(tr("&Blocked:"), m_form);
    valueLabel->setBuddy(m_formValue);
    form->addRow(valueLabel, m_formValue);
    m_formReason = new QLineEdit(m_form);
    m_formReason->setObjectName(QStringLiteral("blockReason"));
    m_formReason->setMaxLength(int(OrgBlocksApi::kMaxReason));
    m_formReason->setPlaceholderText(tr("Shown to the blocked people"));
    auto* reasonLabel = new QLabel(tr("&Reason:"), m_form);
    reasonLabel->setBuddy(m_formReason);
    form->addRow(reasonLabel, m_formReason);
    layout->addLayout(form);
    m_formError = new QLabel(m_form);
    m_formError->setObjectName(QStringLiteral("blockError"));
    m_formError->setWordWrap(true);
    m_formError->setTextFormat(Qt::PlainText);
    m_formError->setVisible(false);
    layout->addWidget(m_formError);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, m_form);
    m_formBlock = buttons->addButton(tr("Bl&ock…"), QDialogButtonBox::AcceptRole);
    m_formBlock->setObjectName(QStringLiteral("formBlockButton"));
    m_formBlock->setDefault(true);
    layout->addWidget(buttons);
    connect(domain, &QRadioButton::toggled, m_form, [this](bool isDomain) {
        m_formValue->setPlaceholderText(isDomain ? tr("example.com") : tr("name@example.com"));
    });
    connect(buttons, &QDialogButtonBox::rejected, m_form, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, &OrgBlocksDialog::askBlock);
    connect(m_form, &QObject::destroyed, this, [this] {
        m_form = nullptr;
        m_formEmail = nullptr;
        m_formValue = nullptr;
        m_formReason = nullptr;
        m_formError = nullptr;
        m_formBlock = nullptr;
    });
    m_form->resize(520, m_form->sizeHint().height());
    updateButtons();
    m_form->open();
}

void OrgBlocksDialog::askBlock()
{
    if (!m_form || m_busy)
        return;
    const Scope scope = m_formEmail->isChecked() ? Scope::Email : Scope::Domain;
    const QString value = m_formValue->text().trimmed().toLower();
    const QString reason = m_formReason->text().trimmed();
    // The server checks everything again; this only catches a slip before the question.
    QString slip;
    if (value.isEmpty())
        slip = scope == Scope::Email ? tr("Enter the address to block.") : tr("Enter the domain to block.");
    else if (scope == Scope::Email && (!value.contains(QLatin1Char('@')) || value.endsWith(QLatin1Char('@'))))
        slip = tr("Enter a whole email address, such as name@example.com.");
    else if (scope == Scope::Domain &&
             (value.contains(QLatin1Char('@')) || !value.contains(QLatin1Char('.'))))
        slip = tr("Enter a domain without \"@\", such as example.com.");
    m_formError->setText(slip);
    m_formError->setVisible(!slip.isEmpty());
    if (!slip.isEmpty())
        return;

    const QString covered = scope == Scope::Email ? value : tr("everyone @%1").arg(value);
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Block Team Sharing"),
                                tr("Block Team Sharing for %1?").arg(covered), QMessageBox::NoButton, m_form);
    box->setObjectName(QStringLiteral("blockQuestion"));
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(
        tr("The people this block covers are signed out of Team Sharing at once, and the shared "
           "folders disappear from their computers until the block is lifted. They see your reason. "
           "After the block is lifted they verify their email address again before Team Sharing "
           "works for them."));
    QPushButton* confirm = box->addButton(tr("Block"), QMessageBox::DestructiveRole);
    confirm->setObjectName(QStringLiteral("confirmBlock"));
    QPushButton* cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    connect(box, &QMessageBox::buttonClicked, this,
            [this, confirm, scope, value, reason](QAbstractButton* b) {
                if (b == confirm)
                    block(scope, value, reason);
            });
    box->open();
}

void OrgBlocksDialog::block(Scope scope, const QString& value, const QString& reason)
{
    delete m_request;
    m_request = new QObject(this);
    setBusy(true);
    if (m_formError)
        m_formError->setVisible(false);
    m_status->setText(tr("Setting the block…"));
    m_blocks->create(m_orgId, scope, value, reason, m_request, [this, scope, value](Result<QUuid> made) {
        m_request->deleteLater();
        m_request = nullptr;
        setBusy(false);
        if (!made) {
            const QString text = tr("The block was not set: %1").arg(made.error().message);
            m_status->setText(text);
            if (m_formError) {
                // The form stays open so that the address can be corrected.
                m_formError->setText(made.error().message);
                m_formError->setVisible(true);
            }
            return;
        }
        if (m_form)
            m_form->accept();
        m_notice = scope == Scope::Email ? tr("Team Sharing is blocked for %1 now.").arg(value)
                                         : tr("Team Sharing is blocked for everyone @%1 now.").arg(value);
        reload();
        emit changed();
    });
}

void OrgBlocksDialog::askLift()
{
    const std::optional<OrgBlocksApi::Block> block = selected();
    if (!block || m_busy)
        return;
    auto* box =
        new QMessageBox(QMessageBox::Question, tr("Lift Block"),
                        tr("Lift the block for %1?").arg(coveredText(*block)), QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("liftQuestion"));
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("Team Sharing works again for the people it covers once they have verified "
                               "their email address again, unless another block still covers them."));
    QPushButton* confirm = box->addButton(tr("Lift"), QMessageBox::AcceptRole);
    confirm->setObjectName(QStringLiteral("confirmLift"));
    QPushButton* cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    connect(box, &QMessageBox::buttonClicked, this, [this, confirm, b = *block](QAbstractButton* clicked) {
        if (clicked == confirm)
            lift(b);
    });
    box->open();
}

void OrgBlocksDialog::lift(const OrgBlocksApi::Block& block)
{
    delete m_request;
    m_request = new QObject(this);
    setBusy(true);
    m_status->setText(tr("Lifting the block…"));
    const QString covered = coveredText(block);
    m_blocks->lift(m_orgId, block.id, m_request, [this, covered](Status lifted) {
        m_request->deleteLater();
        m_request = nullptr;
        setBusy(false);
        if (!lifted) {
            m_status->setText(tr("The block was not lifted: %1").arg(lifted.error().message));
            return;
        }
        m_notice = tr("The block for %1 is lifted.").arg(covered);
        reload();
        emit changed();
    });
}

} // namespace Conclave::Gui
