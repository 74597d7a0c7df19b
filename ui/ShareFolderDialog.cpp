// Inviting people to a shared folder; see the header.
#include "ui/ShareFolderDialog.h"

#include "core/crypto/FolderRole.h"
#include "core/sync/SyncEngine.h"
#include "ui/ClipboardGuard.h"
#include "ui/MemberListModel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Conclave::Gui {

using Core::InvitationApi;
using Core::InvitationFlow;

namespace {

QFont codeFont(int pointSize)
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setPointSize(pointSize);
    font.setBold(true);
    return font;
}

QLabel* wrapped(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}

} // namespace

ShareFolderDialog::ShareFolderDialog(Core::SyncEngine* engine, Core::InvitationFlow* flow, QUuid folderId,
                                     QWidget* parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_flow(flow)
    , m_folderId(folderId)
    , m_clipboard(new ClipboardGuard(this))
{
    const QString name = m_engine ? m_engine->folderName(folderId) : QString();
    setWindowTitle(tr("Share “%1”").arg(name));
    auto* layout = new QVBoxLayout(this);
    auto* heading = new QLabel(tr("Invite people to “%1”").arg(name.toHtmlEscaped()), this);
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.2);
    heading->setFont(headingFont);
    layout->addWidget(heading);

    m_pages = new QStackedWidget(this);
    layout->addWidget(m_pages, 3);

    // Page 0: who, which role, how their key is checked.
    auto* form = new QWidget(m_pages);
    auto* formLayout = new QFormLayout(form);
    formLayout->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_emails = new QLineEdit(form);
    m_emails->setObjectName(QStringLiteral("emails"));
    m_emails->setPlaceholderText(tr("name@example.com, one or more, separated by commas"));
    auto* emailsLabel = new QLabel(tr("&Email addresses:"), form);
    emailsLabel->setBuddy(m_emails);
    formLayout->addRow(emailsLabel, m_emails);

    m_role = new QComboBox(form);
    m_role->setObjectName(QStringLiteral("role"));
    m_role->addItem(tr("View – use the connections"), int(Core::FolderRole::View));
    m_role->addItem(tr("Edit – also change them"), int(Core::FolderRole::Edit));
    m_role->addItem(tr("Manage – also invite and remove people"), int(Core::FolderRole::Manage));
    auto* roleLabel = new QLabel(tr("&Role:"), form);
    roleLabel->setBuddy(m_role);
    formLayout->addRow(roleLabel, m_role);

    auto* modeBox = new QWidget(form);
    auto* modeLayout = new QVBoxLayout(modeBox);
    modeLayout->setContentsMargins(0, 0, 0, 0);
    m_modeCode =
        new QRadioButton(tr("An invitation &code that I pass on myself (chat, phone, in person)"), modeBox);
    m_modeCode->setObjectName(QStringLiteral("modeCode"));
    m_modeSafety = new QRadioButton(tr("&Safety numbers that we compare on a call or in person"), modeBox);
    m_modeSafety->setObjectName(QStringLiteral("modeSafety"));
    m_modeCode->setChecked(true);
    modeLayout->addWidget(m_modeCode);
    modeLayout->addWidget(m_modeSafety);
    formLayout->addRow(tr("Check their key with:"), modeBox);
    formLayout->addRow(wrapped(tr("Conclave adds them only after this check, so the sharing server cannot "
                                  "slip in a key of its own."),
                               form));
    m_error = wrapped(QString(), form);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();
    formLayout->addRow(m_error);
    m_pages->addWidget(form);

    // Page 1: what to pass on or to compare.
    auto* resultPage = new QWidget(m_pages);
    auto* resultLayout = new QVBoxLayout(resultPage);
    resultLayout->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea(resultPage);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_resultsBox = new QWidget(scroll);
    m_results = new QVBoxLayout(m_resultsBox);
    scroll->setWidget(m_resultsBox);
    // Room for one address's code and its sentence without scrolling.
    scroll->setMinimumHeight(m_resultsBox->fontMetrics().lineSpacing() * 12);
    resultLayout->addWidget(scroll);
    m_back = new QPushButton(tr("Invite &More People"), resultPage);
    m_back->setObjectName(QStringLiteral("back"));
    auto* backRow = new QHBoxLayout;
    backRow->addStretch();
    backRow->addWidget(m_back);
    resultLayout->addLayout(backRow);
    m_pages->addWidget(resultPage);

    // The folder's open invitations.
    auto* pendingBox = new QGroupBox(tr("Open invitations"), this);
    auto* pendingLayout = new QVBoxLayout(pendingBox);
    m_pending = new QTreeWidget(pendingBox);
    m_pending->setObjectName(QStringLiteral("pending"));
    m_pending->setRootIsDecorated(false);
    m_pending->setHeaderLabels({tr("Address"), tr("Role"), tr("State"), tr("Expires")});
    m_pending->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_pending->header()->setStretchLastSection(false);
    m_pending->setMinimumHeight(m_pending->fontMetrics().lineSpacing() * 4);
    m_pending->setMaximumHeight(m_pending->fontMetrics().lineSpacing() * 9);
    pendingLayout->addWidget(m_pending);
    auto* pendingRow = new QHBoxLayout;
    m_pendingStatus = wrapped(QString(), pendingBox);
    m_pendingStatus->setObjectName(QStringLiteral("pendingStatus"));
    pendingRow->addWidget(m_pendingStatus, 1);
    m_cancel = new QPushButton(tr("C&ancel Invitation"), pendingBox);
    m_cancel->setObjectName(QStringLiteral("cancelInvitation"));
    pendingRow->addWidget(m_cancel);
    pendingLayout->addLayout(pendingRow);
    // For an invitation by safety number made here: the comparison, also after the dialog
    // that sent it was closed.
    m_compare = new QWidget(pendingBox);
    auto* compareLayout = new QVBoxLayout(m_compare);
    compareLayout->setContentsMargins(0, 0, 0, 0);
    m_compareExpected = wrapped(QString(), m_compare);
    m_compareExpected->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    compareLayout->addWidget(m_compareExpected);
    m_compareOwn = wrapped(QString(), m_compare);
    m_compareOwn->setObjectName(QStringLiteral("pendingOwnNumber"));
    m_compareOwn->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    compareLayout->addWidget(m_compareOwn);
    auto* compareRow = new QHBoxLayout;
    m_compareTyped = new QLineEdit(m_compare);
    m_compareTyped->setObjectName(QStringLiteral("pendingComparedNumber"));
    m_compareTyped->setPlaceholderText(tr("The number they read out"));
    compareRow->addWidget(m_compareTyped, 1);
    auto* compareButton = new QPushButton(tr("Numbers Ma&tch"), m_compare);
    compareButton->setObjectName(QStringLiteral("pendingConfirmNumber"));
    compareRow->addWidget(compareButton);
    compareLayout->addLayout(compareRow);
    m_compareOutcome = wrapped(QString(), m_compare);
    compareLayout->addWidget(m_compareOutcome);
    m_compare->hide();
    pendingLayout->addWidget(m_compare);
    connect(compareButton, &QPushButton::clicked, this, &ShareFolderDialog::confirmSelected);
    connect(m_compareTyped, &QLineEdit::returnPressed, this, &ShareFolderDialog::confirmSelected);
    layout->addWidget(pendingBox, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_invite = buttons->addButton(tr("Send &Invitations"), QDialogButtonBox::ActionRole);
    m_invite->setObjectName(QStringLiteral("invite"));
    m_invite->setDefault(true);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_invite, &QPushButton::clicked, this, &ShareFolderDialog::sendInvitations);
    connect(m_back, &QPushButton::clicked, this, [this] {
        m_pages->setCurrentIndex(0);
        m_emails->clear();
        m_emails->setFocus();
        updateButtons();
    });
    connect(m_emails, &QLineEdit::textChanged, this, &ShareFolderDialog::updateButtons);
    connect(m_emails, &QLineEdit::returnPressed, this, &ShareFolderDialog::sendInvitations);
    connect(m_pending, &QTreeWidget::currentItemChanged, this, &ShareFolderDialog::updateButtons);
    connect(m_cancel, &QPushButton::clicked, this, &ShareFolderDialog::cancelSelected);
    if (m_flow)
        connect(m_flow, &InvitationFlow::invitationsChanged, this, &ShareFolderDialog::reloadPending);

    resize(660, 640);
    m_emails->setFocus();
    updateButtons();
    reloadPending();
}

ShareFolderDialog::~ShareFolderDialog() = default;

QStringList ShareFolderDialog::splitAddresses(const QString& text)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    QStringList addresses;
    for (const QString& part : text.split(separators, Qt::SkipEmptyParts)) {
        const QString address = part.trimmed().toLower();
        if (!addresses.contains(address))
            addresses.append(address);
    }
    return addresses;
}

QStringList ShareFolderDialog::invalidAddresses(const QStringList& addresses)
{
    static const QRegularExpression pattern(QStringLiteral("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$"));
    QStringList invalid;
    for (const QString& address : addresses) {
        if (!pattern.match(address).hasMatch())
            invalid.append(address);
    }
    return invalid;
}

void ShareFolderDialog::updateButtons()
{
    m_invite->setEnabled(!m_busy && m_flow && m_pages->currentIndex() == 0 &&
                         !m_emails->text().trimmed().isEmpty());
    const QTreeWidgetItem* item = m_pending->currentItem();
    const bool chosen = m_flow && item;
    m_cancel->setEnabled(chosen);
    const QUuid id = chosen ? item->data(0, Qt::UserRole).toUuid() : QUuid();
    const auto other = m_othersAccepted.find(id);
    const bool others = chosen && other != m_othersAccepted.end() && !m_flow->canComplete(id);
    QString expected;
    if (others)
        expected = m_flow->answerSafetyNumber(other->second);
    else if (chosen)
        expected = m_flow->safetyNumberOf(id);
    const bool compare = !expected.isEmpty() && !m_flow->isConfirmed(id);
    if (compare && m_compare->property("invitation").toUuid() != id) {
        m_compareExpected->setText(
            others
                ? tr("%1 accepted and waits for the inviter's Conclave to add them. To add them now, "
                     "call them or meet in person and ask them to read out their safety number. It "
                     "must be: %2")
                      .arg(item->text(0), expected)
                : tr("Ask %1 to read out their safety number. It must be: %2").arg(item->text(0), expected));
        m_compareOwn->setText(tr("Then read out yours: %1").arg(m_flow->ownSafetyNumber()));
        m_compareTyped->clear();
        m_compareOutcome->clear();
        m_compare->setProperty("invitation", id);
    }
    m_compare->setVisible(compare);
    // Why another manager's accepted invitation cannot be completed here, once it is chosen;
    // gone again when a row without one is chosen.
    const auto refusal = m_refusals.find(id);
    if (chosen && refusal != m_refusals.end()) {
        m_pendingStatus->setText(refusal->second);
        m_shownRefusal = refusal->second;
    } else if (!m_shownRefusal.isEmpty()) {
        if (m_pendingStatus->text() == m_shownRefusal)
            m_pendingStatus->clear();
        m_shownRefusal.clear();
    }
}

void ShareFolderDialog::confirmSelected()
{
    const QUuid id = m_compare->property("invitation").toUuid();
    if (!m_flow || id.isNull())
        return;
    // Another manager's invitation: from now on this client completes it by the comparison.
    if (const auto other = m_othersAccepted.find(id);
        other != m_othersAccepted.end() && !m_flow->canComplete(id)) {
        const Core::Result<QString> taken = m_flow->takeOver(other->second);
        if (!taken) {
            m_compareOutcome->setText(taken.error().message);
            return;
        }
    }
    const Core::Status matched = m_flow->confirmSafetyNumber(id, m_compareTyped->text());
    if (!matched) {
        m_compareOutcome->setText(matched.error().message);
        return;
    }
    m_compare->setProperty("invitation", QUuid());
    m_pendingStatus->setText(tr("The numbers match. Conclave adds them as soon as they accept."));
    reloadPending();
}

void ShareFolderDialog::sendInvitations()
{
    if (!m_flow || m_busy)
        return;
    const QStringList addresses = splitAddresses(m_emails->text());
    const QStringList invalid = invalidAddresses(addresses);
    QString problem;
    if (addresses.isEmpty())
        problem = tr("Enter at least one email address.");
    else if (!invalid.isEmpty())
        problem = tr("Not an email address: %1").arg(invalid.join(QStringLiteral(", ")));
    else if (addresses.size() > InvitationFlow::kMaxAddresses)
        problem = tr("Invite at most %1 addresses at a time.").arg(InvitationFlow::kMaxAddresses);
    if (!problem.isEmpty()) {
        m_error->setText(problem);
        m_error->show();
        m_emails->setFocus();
        return;
    }
    m_error->hide();
    m_busy = true;
    updateButtons();
    const auto role = Core::FolderRole(m_role->currentData().toInt());
    const auto mode =
        m_modeSafety->isChecked() ? InvitationFlow::Mode::SafetyNumber : InvitationFlow::Mode::Code;
    m_flow->invite(m_folderId, addresses, role, mode, this, [this, mode](QList<InvitationFlow::Sent> sent) {
        m_busy = false;
        showResults(sent, mode);
        updateButtons();
        int count = 0;
        for (const InvitationFlow::Sent& s : sent)
            count += s.error ? 0 : 1;
        emit invited(count);
    });
}

void ShareFolderDialog::showResults(const QList<InvitationFlow::Sent>& sent, InvitationFlow::Mode mode)
{
    while (QLayoutItem* item = m_results->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const InvitationFlow::Sent& s : sent) {
        auto* box = new QGroupBox(s.email, m_resultsBox);
        auto* boxLayout = new QVBoxLayout(box);
        if (s.error) {
            auto* label = wrapped(tr("Not invited: %1").arg(s.error->message), box);
            label->setObjectName(QStringLiteral("refusal"));
            boxLayout->addWidget(label);
        } else if (mode == InvitationFlow::Mode::Code) {
            boxLayout->addWidget(wrapped(tr("Invitation code:"), box));
            auto* row = new QHBoxLayout;
            auto* code = new QLineEdit(s.code, box);
            code->setObjectName(QStringLiteral("code"));
            code->setReadOnly(true);
            code->setFont(codeFont(18));
            code->setAlignment(Qt::AlignCenter);
            code->setMinimumWidth(code->fontMetrics().horizontalAdvance(s.code) + 40);
            row->addWidget(code, 1);
            auto* copy = new QPushButton(tr("&Copy"), box);
            copy->setObjectName(QStringLiteral("copyCode"));
            connect(copy, &QPushButton::clicked, this,
                    [this, code] { m_clipboard->copy(code->text(), true); });
            row->addWidget(copy);
            boxLayout->addLayout(row);
            boxLayout->addWidget(
                wrapped(tr("Send this code to %1 by another channel than email: a chat message, "
                           "a phone call or in person. They type it when they accept. Only this "
                           "computer can check the code (it keeps it, encrypted, until then): they "
                           "join the next time Conclave runs here, signed in, after they accepted.")
                            .arg(s.email),
                        box));
        } else {
            boxLayout->addWidget(
                wrapped(tr("Call %1 or meet in person. Ask them to read out the safety number Conclave shows "
                           "them under Team Sharing > Invitations. It must be:")
                            .arg(s.email),
                        box));
            auto* number = new QLabel(s.safetyNumber, box);
            number->setObjectName(QStringLiteral("safetyNumber"));
            number->setFont(codeFont(14));
            number->setWordWrap(true);
            number->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
            boxLayout->addWidget(number);
            boxLayout->addWidget(wrapped(tr("Then read out yours: %1").arg(m_flow->ownSafetyNumber()), box));
            auto* row = new QHBoxLayout;
            auto* typed = new QLineEdit(box);
            typed->setObjectName(QStringLiteral("comparedNumber"));
            typed->setPlaceholderText(tr("The number they read out"));
            row->addWidget(typed, 1);
            auto* confirm = new QPushButton(tr("&Numbers Match"), box);
            confirm->setObjectName(QStringLiteral("confirmNumber"));
            row->addWidget(confirm);
            boxLayout->addLayout(row);
            auto* outcome = wrapped(QString(), box);
            outcome->setObjectName(QStringLiteral("compareOutcome"));
            boxLayout->addWidget(outcome);
            const QUuid id = s.invitationId;
            auto check = [this, id, typed, confirm, outcome] {
                if (!m_flow)
                    return;
                const Core::Status matched = m_flow->confirmSafetyNumber(id, typed->text());
                if (!matched) {
                    outcome->setText(matched.error().message);
                    return;
                }
                outcome->setText(tr("The numbers match. Conclave adds them as soon as they accept."));
                typed->setReadOnly(true);
                confirm->setEnabled(false);
                reloadPending();
            };
            connect(confirm, &QPushButton::clicked, this, check);
            connect(typed, &QLineEdit::returnPressed, this, check);
        }
        m_results->addWidget(box);
    }
    m_results->addStretch();
    m_pages->setCurrentIndex(1);
    if (auto* first = m_resultsBox->findChild<QLineEdit*>())
        first->setFocus();
    else
        m_back->setFocus();
    reloadPending();
}

void ShareFolderDialog::reloadPending()
{
    if (!m_flow)
        return;
    const QString reading = tr("Reading the open invitations…");
    if (m_pendingStatus->text().isEmpty())
        m_pendingStatus->setText(reading);
    m_flow->openInvitations(
        m_folderId, this, [this, reading](Core::Result<QList<InvitationApi::Managed>> open) {
            const QUuid selected =
                m_pending->currentItem() ? m_pending->currentItem()->data(0, Qt::UserRole).toUuid() : QUuid();
            m_pending->clear();
            m_othersAccepted.clear();
            m_refusals.clear();
            if (!open) {
                m_pendingStatus->setText(open.error().message);
                updateButtons();
                return;
            }
            for (const InvitationApi::Managed& m : open.value()) {
                // The role the member will be added with: the one kept here for an invitation
                // this computer completes, the inviter's signed one for another's it can take
                // over, else the server's word.
                Core::FolderRole addedAs = m_flow->roleOf(m.id).value_or(Core::folderRoleFromName(m.role));
                QString state = tr("Waiting for an answer");
                QString refusal; // why this computer cannot add them, when it cannot
                if (m.state == InvitationApi::State::Accepted) {
                    if (!m_flow->canComplete(m.id)) {
                        const QString inviter = m_engine ? m_engine->emailOf(m.inviterId) : QString();
                        const QString who = inviter.isEmpty() ? tr("the inviter") : inviter;
                        // Offered only for what the inviter signed, as listed.
                        if (const Core::Result<Core::FolderRole> signedRole = m_flow->takeOverRole(m);
                            signedRole) {
                            state = tr("Accepted, waiting for %1 — or compare safety numbers to add now")
                                        .arg(who);
                            addedAs = *signedRole;
                            m_othersAccepted.insert_or_assign(m.id, m);
                        } else {
                            state = tr("Accepted, waiting for %1").arg(who);
                            refusal = signedRole.error().message;
                        }
                    } else if (m_flow->modeOf(m.id) == InvitationFlow::Mode::SafetyNumber &&
                               !m_flow->isConfirmed(m.id))
                        state = tr("Accepted; compare safety numbers");
                    else
                        state = tr("Accepted; adding…");
                }
                // A listing whose terms do not hold names no role anyone would add them with.
                const QString role = refusal.isEmpty()
                                         ? MemberListModel::roleName(addedAs)
                                         : tr("—", "role of an invitation whose signed terms do not hold");
                auto* item = new QTreeWidgetItem(
                    m_pending, {m.inviteeEmail, role, state,
                                QLocale().toString(m.expiresAt.toLocalTime().date(), QLocale::ShortFormat)});
                item->setData(0, Qt::UserRole, m.id);
                if (!refusal.isEmpty()) {
                    // For the mouse; the status line says it when chosen.
                    item->setToolTip(1, refusal);
                    item->setToolTip(2, refusal);
                    m_refusals.insert_or_assign(m.id, refusal);
                }
                if (m.id == selected)
                    m_pending->setCurrentItem(item);
            }
            // A sentence about the last action stays until the next one.
            if (open->isEmpty())
                m_pendingStatus->setText(tr("No open invitations."));
            else if (m_pendingStatus->text() == reading ||
                     m_pendingStatus->text() == tr("No open invitations."))
                m_pendingStatus->clear();
            for (int c = 1; c < m_pending->columnCount(); ++c)
                m_pending->resizeColumnToContents(c);
            updateButtons();
        });
}

void ShareFolderDialog::cancelSelected()
{
    QTreeWidgetItem* item = m_pending->currentItem();
    if (!m_flow || !item)
        return;
    const QUuid id = item->data(0, Qt::UserRole).toUuid();
    m_cancel->setEnabled(false);
    m_flow->cancel(id, this, [this](Core::Status cancelled) {
        m_pendingStatus->setText(cancelled ? tr("The invitation was cancelled.") : cancelled.error().message);
        reloadPending();
    });
}

} // namespace Conclave::Gui
