// The invitations this user received; see the header.
#include "ui/InvitationsDialog.h"

#include "core/crypto/FolderRole.h"
#include "ui/MemberListModel.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Conclave::Gui {

using Core::InvitationFlow;

namespace {

enum Column
{
    FolderColumn,
    FromColumn,
    RoleColumn,
    ExpiresColumn,
    StateColumn,
};

// The pages of the answer area.
enum AnswerPage
{
    NothingPage,
    CodePage,
    SafetyPage,
    WaitingPage,
};

} // namespace

InvitationsDialog::InvitationsDialog(Core::InvitationFlow* flow, QWidget* parent)
    : QDialog(parent)
    , m_flow(flow)
{
    setWindowTitle(tr("Invitations"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Invitations to shared folders. Accept one to join the folder; a manager's "
                                "Conclave then adds you, and the folder appears in your tree."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("invitations"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Folder"), tr("From"), tr("Role"), tr("Expires"), tr("State")});
    m_list->header()->setSectionResizeMode(FolderColumn, QHeaderView::Stretch);
    m_list->header()->setStretchLastSection(false);
    m_list->setMinimumHeight(m_list->fontMetrics().lineSpacing() * 6);
    layout->addWidget(m_list, 1);

    auto* listRow = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    listRow->addWidget(m_status, 1);
    m_more = new QPushButton(tr("Show &More"), this);
    m_more->setObjectName(QStringLiteral("more"));
    m_more->hide();
    listRow->addWidget(m_more);
    layout->addLayout(listRow);

    // What accepting the selected invitation needs.
    m_answer = new QStackedWidget(this);
    m_answer->addWidget(new QWidget(m_answer));
    auto* codePage = new QWidget(m_answer);
    auto* codeLayout = new QFormLayout(codePage);
    codeLayout->setContentsMargins(0, 0, 0, 0);
    m_code = new QLineEdit(codePage);
    m_code->setObjectName(QStringLiteral("code"));
    m_code->setPlaceholderText(QStringLiteral("XXXXX-XXXXX-XXXXX-XXXXX"));
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSize(14);
    m_code->setFont(mono);
    auto* codeLabel = new QLabel(tr("Invitation &code:"), codePage);
    codeLabel->setBuddy(m_code);
    codeLayout->addRow(codeLabel, m_code);
    auto* codeHint = new QLabel(tr("The person who invited you passes the code on by another channel "
                                   "(chat, phone, in person)."),
                                codePage);
    codeHint->setWordWrap(true);
    codeLayout->addRow(codeHint);
    m_answer->addWidget(codePage);

    auto* safetyPage = new QWidget(m_answer);
    auto* safetyLayout = new QFormLayout(safetyPage);
    safetyLayout->setContentsMargins(0, 0, 0, 0);
    m_ownNumber = new QLabel(safetyPage);
    m_ownNumber->setObjectName(QStringLiteral("ownNumber"));
    m_ownNumber->setFont(mono);
    m_ownNumber->setWordWrap(true);
    m_ownNumber->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    safetyLayout->addRow(tr("Read out yours:"), m_ownNumber);
    m_inviterNumberHint = new QLabel(safetyPage);
    m_inviterNumberHint->setWordWrap(true);
    safetyLayout->addRow(m_inviterNumberHint);
    m_inviterNumber = new QLineEdit(safetyPage);
    m_inviterNumber->setObjectName(QStringLiteral("inviterNumber"));
    auto* inviterLabel = new QLabel(tr("&Their number:"), safetyPage);
    inviterLabel->setBuddy(m_inviterNumber);
    safetyLayout->addRow(inviterLabel, m_inviterNumber);
    m_answer->addWidget(safetyPage);

    // Answered: any manager of the folder may add them, the inviter's client by itself, another
    // manager after comparing safety numbers with them.
    auto* waitingPage = new QWidget(m_answer);
    auto* waitingLayout = new QFormLayout(waitingPage);
    waitingLayout->setContentsMargins(0, 0, 0, 0);
    m_waitingHint = new QLabel(waitingPage);
    m_waitingHint->setWordWrap(true);
    waitingLayout->addRow(m_waitingHint);
    m_waitingNumber = new QLabel(waitingPage);
    m_waitingNumber->setObjectName(QStringLiteral("waitingOwnNumber"));
    m_waitingNumber->setFont(mono);
    m_waitingNumber->setWordWrap(true);
    m_waitingNumber->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    waitingLayout->addRow(tr("Your safety number:"), m_waitingNumber);
    m_answer->addWidget(waitingPage);
    layout->addWidget(m_answer);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_accept = buttons->addButton(tr("&Accept"), QDialogButtonBox::ActionRole);
    m_accept->setObjectName(QStringLiteral("accept"));
    m_decline = buttons->addButton(tr("&Decline"), QDialogButtonBox::ActionRole);
    m_decline->setObjectName(QStringLiteral("decline"));
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &InvitationsDialog::updateSelection);
    connect(m_accept, &QPushButton::clicked, this, &InvitationsDialog::acceptSelected);
    connect(m_decline, &QPushButton::clicked, this, &InvitationsDialog::declineSelected);
    connect(m_code, &QLineEdit::returnPressed, this, &InvitationsDialog::acceptSelected);
    connect(m_inviterNumber, &QLineEdit::returnPressed, this, &InvitationsDialog::acceptSelected);
    connect(m_more, &QPushButton::clicked, this, [this] { reload(m_nextCursor); });
    if (m_flow) {
        connect(m_flow, &InvitationFlow::inviteeStateChanged, this, &InvitationsDialog::setState);
        connect(m_flow, &InvitationFlow::receivedCountChanged, this, [this] {
            if (!m_busy)
                reload(QString());
        });
    }
    resize(720, 460);
    updateSelection();
    reload(QString());
}

QString InvitationsDialog::stateText(InvitationFlow::InviteeState state)
{
    switch (state) {
    case InvitationFlow::InviteeState::Open:
        return tr("Open");
    case InvitationFlow::InviteeState::WaitingForManager:
        return tr("Waiting for a manager");
    case InvitationFlow::InviteeState::Added:
        return tr("Added");
    case InvitationFlow::InviteeState::Closed:
        return tr("Closed");
    }
    return {};
}

void InvitationsDialog::reload(const QString& cursor)
{
    if (!m_flow)
        return;
    m_status->setText(tr("Reading your invitations…"));
    m_flow->received(
        cursor, this, [this, cursor](Core::Result<QList<InvitationFlow::Incoming>> list, QString next) {
            if (!list) {
                m_status->setText(list.error().message);
                return;
            }
            if (cursor.isEmpty()) {
                // Keep the ones answered here: the server lists only open invitations.
                for (auto it = m_incoming.begin(); it != m_incoming.end();) {
                    if (it->state == InvitationFlow::InviteeState::Open ||
                        m_flow->stateOf(it.key()) == InvitationFlow::InviteeState::Open)
                        it = m_incoming.erase(it);
                    else
                        ++it;
                }
            }
            for (const InvitationFlow::Incoming& in : list.value())
                m_incoming.insert(in.invitation.id, in);
            m_nextCursor = next;
            m_more->setVisible(!next.isEmpty());
            const QUuid current =
                m_list->currentItem() ? m_list->currentItem()->data(0, Qt::UserRole).toUuid() : QUuid();
            m_list->clear();
            for (const InvitationFlow::Incoming& in : std::as_const(m_incoming)) {
                const QString folder = in.folderLabel.isEmpty() ? tr("(a shared folder)") : in.folderLabel;
                const QString from =
                    in.invitation.inviterName.isEmpty()
                        ? in.invitation.inviterEmail
                        : tr("%1 <%2>").arg(in.invitation.inviterName, in.invitation.inviterEmail);
                auto* item = new QTreeWidgetItem(
                    m_list,
                    {folder, from, MemberListModel::roleName(Core::folderRoleFromName(in.invitation.role)),
                     QLocale().toString(in.invitation.expiresAt.toLocalTime().date(), QLocale::ShortFormat),
                     stateText(m_flow->stateOf(in.invitation.id) == InvitationFlow::InviteeState::Open
                                   ? in.state
                                   : m_flow->stateOf(in.invitation.id))});
                item->setData(0, Qt::UserRole, in.invitation.id);
                if (in.invitation.id == current)
                    m_list->setCurrentItem(item);
            }
            for (int c = FromColumn; c <= StateColumn; ++c)
                m_list->resizeColumnToContents(c);
            if (!m_list->currentItem() && m_list->topLevelItemCount() > 0)
                m_list->setCurrentItem(m_list->topLevelItem(0));
            m_status->setText(m_incoming.isEmpty() ? tr("You have no open invitations.") : QString());
            updateSelection();
        });
}

const InvitationFlow::Incoming* InvitationsDialog::selected() const
{
    const QTreeWidgetItem* item = m_list->currentItem();
    if (!item)
        return nullptr;
    const auto it = m_incoming.constFind(item->data(0, Qt::UserRole).toUuid());
    return it == m_incoming.cend() ? nullptr : &*it;
}

void InvitationsDialog::updateSelection()
{
    const InvitationFlow::Incoming* in = selected();
    const bool open = in && m_flow &&
                      m_flow->stateOf(in->invitation.id) == InvitationFlow::InviteeState::Open &&
                      in->state == InvitationFlow::InviteeState::Open;
    m_accept->setEnabled(open && !m_busy);
    m_decline->setEnabled(open && !m_busy);
    if (!open) {
        const bool waiting =
            in && m_flow &&
            (m_flow->stateOf(in->invitation.id) == InvitationFlow::InviteeState::WaitingForManager ||
             (m_flow->stateOf(in->invitation.id) == InvitationFlow::InviteeState::Open &&
              in->state == InvitationFlow::InviteeState::WaitingForManager));
        if (!waiting) {
            m_answer->setCurrentIndex(NothingPage);
            return;
        }
        m_answer->setCurrentIndex(WaitingPage);
        m_waitingHint->setText(tr("%1's Conclave adds you when it is next online. Another manager of the "
                                  "folder may call you to add you sooner: read out your safety number "
                                  "below, and check theirs under Members once you have joined.")
                                   .arg(in->invitation.inviterEmail));
        m_waitingNumber->setText(m_flow->ownSafetyNumber());
        return;
    }
    if (in->mode == InvitationFlow::Mode::Code) {
        m_answer->setCurrentIndex(CodePage);
    } else {
        m_answer->setCurrentIndex(SafetyPage);
        m_ownNumber->setText(m_flow->ownSafetyNumber());
        m_inviterNumberHint->setText(
            tr("%1 chose to compare safety numbers. Call them or meet in person: read out your number "
               "above, then type the one they read out for themselves.")
                .arg(in->invitation.inviterEmail));
    }
}

void InvitationsDialog::acceptSelected()
{
    const InvitationFlow::Incoming* in = selected();
    if (!in || !m_flow || m_busy || !m_accept->isEnabled())
        return;
    const QString typed = in->mode == InvitationFlow::Mode::Code ? m_code->text() : m_inviterNumber->text();
    m_busy = true;
    updateSelection();
    m_status->setText(tr("Answering the invitation…"));
    m_flow->accept(*in, typed, this, [this](Core::Status accepted) {
        m_busy = false;
        if (!accepted) {
            m_status->setText(accepted.error().message);
            updateSelection();
            if (m_answer->currentIndex() == CodePage)
                m_code->setFocus();
            else
                m_inviterNumber->setFocus();
            return;
        }
        m_code->clear();
        m_inviterNumber->clear();
        m_status->setText(tr("Accepted. A manager's Conclave adds you when it is next online; the folder "
                             "then appears in your tree."));
        updateSelection();
    });
}

void InvitationsDialog::declineSelected()
{
    const InvitationFlow::Incoming* in = selected();
    if (!in || !m_flow || m_busy)
        return;
    m_busy = true;
    updateSelection();
    m_flow->decline(in->invitation.id, this, [this](Core::Status declined) {
        m_busy = false;
        m_status->setText(declined ? tr("Declined.") : declined.error().message);
        updateSelection();
    });
}

void InvitationsDialog::setState(const QUuid& invitationId, InvitationFlow::InviteeState state)
{
    auto it = m_incoming.find(invitationId);
    if (it == m_incoming.end())
        return;
    it->state = state;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_list->topLevelItem(i);
        if (item->data(0, Qt::UserRole).toUuid() == invitationId)
            item->setText(StateColumn, stateText(state));
    }
    m_list->resizeColumnToContents(StateColumn);
    updateSelection();
}

} // namespace Conclave::Gui
