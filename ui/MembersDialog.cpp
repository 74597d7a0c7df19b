// The members dialog of a shared folder; see the header.
#include "ui/MembersDialog.h"

#include "ui/MemberListModel.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace Conclave::Gui {

using Core::FolderRole;
using Core::SyncEngine;

MembersDialog::MembersDialog(SyncEngine* engine, QUuid folderId, QWidget* parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_folderId(folderId)
{
    setObjectName(QStringLiteral("membersDialog"));
    setWindowTitle(tr("Members"));
    auto* layout = new QVBoxLayout(this);

    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    layout->addWidget(m_title);

    m_model = new MemberListModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("memberTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    m_table->setAccessibleName(tr("Members of the folder"));
    // Buttons in a column beside the table, so longer (German) labels widen nothing else.
    auto* body = new QHBoxLayout;
    body->addWidget(m_table, 1);
    auto* buttons = new QVBoxLayout;
    auto makeButton = [this, buttons](const QString& text, const char* name) {
        auto* button = new QPushButton(text, this);
        button->setObjectName(QLatin1String(name));
        button->setAutoDefault(false);
        buttons->addWidget(button);
        return button;
    };
    m_role = makeButton(tr("Change &role…"), "changeRoleButton");
    m_remove = makeButton(tr("Re&move…"), "removeButton");
    m_handOver = makeButton(tr("&Hand over Manage…"), "handOverButton");
    m_compare = makeButton(tr("&Compare safety number…"), "compareButton");
    buttons->addSpacing(12);
    m_leave = makeButton(tr("&Leave folder…"), "leaveButton");
    buttons->addStretch(1);
    body->addLayout(buttons);
    layout->addLayout(body, 1);

    auto* statusRow = new QHBoxLayout;
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0); // busy: the engine does not say how far a member change is
    m_progress->setMaximumWidth(120);
    m_progress->setTextVisible(false);
    m_progress->setAccessibleName(tr("Working"));
    m_progress->hide();
    statusRow->addWidget(m_progress);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusRow->addWidget(m_status, 1);
    layout->addLayout(statusRow);

    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(close);

    connect(m_role, &QPushButton::clicked, this, &MembersDialog::askRole);
    connect(m_remove, &QPushButton::clicked, this, &MembersDialog::askRemove);
    connect(m_leave, &QPushButton::clicked, this, &MembersDialog::askLeave);
    connect(m_handOver, &QPushButton::clicked, this, &MembersDialog::askHandOver);
    connect(m_compare, &QPushButton::clicked, this, &MembersDialog::askCompare);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MembersDialog::updateButtons);

    if (m_engine) {
        connect(m_engine, &SyncEngine::folderChanged, this, [this](const QUuid& id) {
            if (id == m_folderId && !m_busy)
                reload();
        });
        connect(m_engine, &SyncEngine::memberKeyChanged, this, [this](const QUuid& id, const QUuid&) {
            if (id == m_folderId)
                reload();
        });
        connect(m_engine, &SyncEngine::folderWiped, this, [this](const QUuid& id, const QString& reason) {
            if (id != m_folderId)
                return;
            m_gone = true;
            m_model->setMembers({});
            say(reason, false);
            updateButtons();
        });
        connect(m_engine, &QObject::destroyed, this, [this] {
            m_gone = true;
            m_model->setMembers({});
            say(tr("You signed out of Team Sharing; the members are shown again after sign-in."), false);
            updateButtons();
        });
    }
    reload();
    resize(sizeHint().expandedTo(QSize(960, 360)));
}

QString MembersDialog::statusText() const
{
    return m_status->text();
}

void MembersDialog::reload()
{
    if (!m_engine || m_gone) {
        updateButtons();
        return;
    }
    const QUuid keep = selected() ? selected()->userId : QUuid();
    QList<SyncEngine::MemberInfo> members = m_engine->members(m_folderId);
    // Oneself first, then by address, so the list reads the same on every computer.
    std::sort(members.begin(), members.end(),
              [](const SyncEngine::MemberInfo& a, const SyncEngine::MemberInfo& b) {
                  if (a.isSelf != b.isSelf)
                      return a.isSelf;
                  return a.email.compare(b.email, Qt::CaseInsensitive) < 0;
              });
    m_model->setMembers(members);
    const QString name = m_engine->folderName(m_folderId);
    m_title->setText(name.isEmpty() ? tr("Members of this shared folder:")
                                    : tr("Members of the shared folder \"%1\":").arg(name));
    int row = 0;
    for (int i = 0; i < m_model->rowCount(); ++i) {
        if (m_model->index(i, 0).data(MemberListModel::UserIdRole).value<QUuid>() == keep)
            row = i;
    }
    if (m_model->rowCount() > 0)
        m_table->selectRow(row);
    updateButtons();
}

std::optional<SyncEngine::MemberInfo> MembersDialog::selected() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty() || rows.first().row() >= m_model->members().size())
        return std::nullopt;
    return m_model->members().at(rows.first().row());
}

void MembersDialog::updateButtons()
{
    const bool usable = m_engine && !m_gone && !m_busy;
    const bool manager = usable && m_engine->roleIn(m_folderId) == FolderRole::Manage;
    const std::optional<SyncEngine::MemberInfo> member = usable ? selected() : std::nullopt;
    const bool other = member && !member->isSelf;
    m_role->setEnabled(manager && member.has_value());
    m_remove->setEnabled(manager && other);
    m_handOver->setEnabled(manager && other);
    m_compare->setEnabled(other);
    m_leave->setEnabled(usable && m_engine->roleIn(m_folderId) != FolderRole::None);
}

QString MembersDialog::nameOf(const SyncEngine::MemberInfo& member) const
{
    return member.email.isEmpty() ? tr("this member") : member.email;
}

void MembersDialog::say(const QString& text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: palette(bright-text); background: #b3261e; "
                                                   "padding: 4px; border-radius: 3px;")
                                  : QString());
}

void MembersDialog::run(const QString& working, const QString& success,
                        const std::function<void(QObject*, SyncEngine::StatusDone)>& start)
{
    if (!m_engine || m_busy)
        return;
    m_busy = true;
    m_progress->show();
    say(working, false);
    updateButtons();
    start(this, [this, success](Core::Status status) { finish(status, success); });
}

void MembersDialog::finish(const Core::Status& status, const QString& success)
{
    m_busy = false;
    m_progress->hide();
    if (status)
        say(success, false);
    else
        say(status.error().message, true);
    reload();
}

void MembersDialog::askRole()
{
    const std::optional<SyncEngine::MemberInfo> member = selected();
    if (!member || !m_engine)
        return;
    auto* question = new QInputDialog(this);
    question->setObjectName(QStringLiteral("roleQuestion"));
    question->setAttribute(Qt::WA_DeleteOnClose);
    question->setWindowTitle(tr("Change Role"));
    question->setLabelText(tr("Role of %1 in this folder:").arg(nameOf(*member)));
    const QList<FolderRole> roles{FolderRole::View, FolderRole::Edit, FolderRole::Manage};
    QStringList names;
    for (FolderRole role : roles)
        names << MemberListModel::roleName(role);
    question->setComboBoxItems(names);
    question->setComboBoxEditable(false);
    question->setTextValue(MemberListModel::roleName(member->role));
    question->setOkButtonText(tr("Change Role"));
    const QUuid userId = member->userId;
    const QString name = nameOf(*member);
    connect(question, &QInputDialog::textValueSelected, this,
            [this, roles, names, userId, name](const QString& v) {
                const FolderRole role = roles.value(names.indexOf(v), FolderRole::None);
                run(tr("Changing the role of %1…").arg(name),
                    tr("%1 now has the role %2.").arg(name, MemberListModel::roleName(role)),
                    [this, userId, role](QObject* context, SyncEngine::StatusDone done) {
                        m_engine->changeRole(m_folderId, userId, role, context, std::move(done));
                    });
            });
    question->open();
}

void MembersDialog::askRemove()
{
    const std::optional<SyncEngine::MemberInfo> member = selected();
    if (!member || member->isSelf || !m_engine)
        return;
    const QString name = nameOf(*member);
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Remove Member"),
                                tr("Remove %1 from this folder?").arg(name), QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("removeQuestion"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(
        tr("The folder gets a new key, so %1 cannot read anything added or changed from now on. "
           "What %1 has already seen stays known to them: change any password they knew if it "
           "matters.")
            .arg(name));
    QPushButton* remove = box->addButton(tr("Remove"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("confirmRemove"));
    QPushButton* cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    const QUuid userId = member->userId;
    connect(box, &QMessageBox::buttonClicked, this, [this, remove, userId, name](QAbstractButton* clicked) {
        if (clicked != remove)
            return;
        run(tr("Removing %1 and giving the folder a new key…").arg(name),
            tr("%1 was removed. The folder has a new key.").arg(name),
            [this, userId](QObject* context, SyncEngine::StatusDone done) {
                m_engine->removeMember(m_folderId, userId, context, std::move(done));
            });
    });
    box->open();
}

void MembersDialog::askLeave()
{
    if (!m_engine)
        return;
    auto* box = new QMessageBox(QMessageBox::Question, tr("Leave Folder"), tr("Leave this shared folder?"),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("leaveQuestion"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(
        tr("Its connections are removed from this computer. A manager can add you again."));
    QPushButton* leave = box->addButton(tr("Leave"), QMessageBox::DestructiveRole);
    leave->setObjectName(QStringLiteral("confirmLeave"));
    QPushButton* cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    connect(box, &QMessageBox::buttonClicked, this, [this, leave](QAbstractButton* clicked) {
        if (clicked != leave)
            return;
        run(tr("Leaving the folder…"), tr("You left the folder."),
            [this](QObject* context, SyncEngine::StatusDone done) {
                m_engine->leaveFolder(m_folderId, context, std::move(done));
            });
    });
    box->open();
}

void MembersDialog::askHandOver()
{
    const std::optional<SyncEngine::MemberInfo> member = selected();
    if (!member || member->isSelf || !m_engine)
        return;
    const QString name = nameOf(*member);
    auto* box = new QMessageBox(QMessageBox::Question, tr("Hand Over Manage"),
                                tr("Give %1 the Manage role and step down to Edit yourself?").arg(name),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("handOverQuestion"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("You can then no longer add or remove members or change roles, unless a "
                               "manager gives you Manage again."));
    QPushButton* handOver = box->addButton(tr("Hand Over"), QMessageBox::AcceptRole);
    handOver->setObjectName(QStringLiteral("confirmHandOver"));
    QPushButton* cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    const QUuid userId = member->userId;
    connect(box, &QMessageBox::buttonClicked, this, [this, handOver, userId, name](QAbstractButton* clicked) {
        if (clicked != handOver)
            return;
        run(tr("Handing over Manage to %1…").arg(name),
            tr("%1 manages the folder now; you can edit.").arg(name),
            [this, userId](QObject* context, SyncEngine::StatusDone done) {
                m_engine->handOverManage(m_folderId, userId, context, std::move(done));
            });
    });
    box->open();
}

void MembersDialog::askCompare()
{
    const std::optional<SyncEngine::MemberInfo> member = selected();
    if (!member || member->isSelf || !m_engine)
        return;
    const QString name = nameOf(*member);
    auto* question = new QInputDialog(this);
    question->setObjectName(QStringLiteral("compareQuestion"));
    question->setAttribute(Qt::WA_DeleteOnClose);
    question->setWindowTitle(tr("Compare Safety Number"));
    question->setInputMode(QInputDialog::TextInput);
    question->setLabelText(
        member->keyChanged
            ? tr("The key of %1 has changed. Ask them, in person or on a call, to read out the safety "
                 "number next to their own address in this window, and type it here:")
                  .arg(name)
            : tr("Ask %1, in person or on a call, to read out the safety number next to their own "
                 "address in this window, and type it here:")
                  .arg(name));
    question->setOkButtonText(tr("Compare"));
    // The question wraps: the box stays as wide as the Members window, not as the sentence.
    for (QLabel* label : question->findChildren<QLabel*>())
        label->setWordWrap(true);
    question->resize(520, question->sizeHint().height());
    const QUuid userId = member->userId;
    const bool changed = member->keyChanged;
    connect(question, &QInputDialog::textValueSelected, this,
            [this, userId, name, changed](const QString& typed) {
                if (!m_engine)
                    return;
                const Core::Status compared = m_engine->confirmChangedKey(userId, typed);
                if (!compared && compared.error().field == QLatin1String("safetyNumber")) {
                    say(tr("The number you typed is not the safety number shown for %1 here. Check that "
                           "you typed it as they read it out; if you did, the key the sharing server "
                           "shows for them is not theirs.")
                            .arg(name),
                        true);
                } else if (!compared) {
                    say(compared.error().message, true);
                } else if (changed) {
                    say(tr("The new key of %1 is confirmed. The folder gets a new key now.").arg(name),
                        false);
                } else {
                    say(tr("The safety numbers match: the key of %1 is verified.").arg(name), false);
                }
                reload();
            });
    question->open();
}

} // namespace Conclave::Gui
