// ImportDialog: see the header.
#include "ui/ImportDialog.h"

#include "core/crypto/SecureBytes.h"
#include "ui/ConnectionTreeModel.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QSignalBlocker>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Conclave::Gui {

using namespace Conclave::Core;

namespace {

constexpr int kConnectionIndexRole = Qt::UserRole + 1;
constexpr int kDuplicateRole = Qt::UserRole + 2;

enum Column
{
    NameColumn,
    KindColumn,
    HostColumn,
    NoteColumn
};

} // namespace

ImportDialog::ImportDialog(const QUuid& folderId, const QString& folderName, QWidget* parent)
    : QDialog(parent)
    , m_folderId(folderId)
{
    setObjectName(QStringLiteral("ImportDialog"));
    setWindowTitle(tr("Import Connections"));
    auto* layout = new QVBoxLayout(this);

    auto* intro =
        new QLabel(tr("Paste connection URIs, one per line (mongodb://, mongodb+srv://, postgresql://, "
                      "mysql://, redis://, ssh://), or read them from a file."),
                   this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("importText"));
    m_text->setPlaceholderText(QStringLiteral("postgresql://app@db.example.com:5432/orders"));
    m_text->setTabChangesFocus(true);
    m_text->setMaximumHeight(140);
    layout->addWidget(m_text);

    auto* sources = new QHBoxLayout;
    auto* openFile = new QPushButton(tr("Open &File…"), this);
    openFile->setObjectName(QStringLiteral("importOpenFile"));
    auto* sshConfig = new QPushButton(tr("Read ~/.ssh/&config"), this);
    sshConfig->setObjectName(QStringLiteral("importSshConfig"));
    sources->addWidget(openFile);
    sources->addWidget(sshConfig);
    sources->addStretch();
    layout->addLayout(sources);

    m_source = new QLabel(this);
    m_source->setObjectName(QStringLiteral("importSource"));
    m_source->setWordWrap(true);
    m_source->setTextFormat(Qt::PlainText);
    m_source->hide();
    layout->addWidget(m_source);

    m_preview = new QTreeWidget(this);
    m_preview->setObjectName(QStringLiteral("importPreview"));
    m_preview->setColumnCount(4);
    m_preview->setHeaderLabels({tr("Name"), tr("Kind"), tr("Host"), tr("Note")});
    m_preview->setRootIsDecorated(false);
    m_preview->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                               QAbstractItemView::SelectedClicked);
    m_preview->header()->setStretchLastSection(false);
    m_preview->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_preview->header()->setSectionResizeMode(KindColumn, QHeaderView::ResizeToContents);
    // Name and Host share what Kind and Note leave; a long host list is cut, with a tooltip.
    m_preview->header()->setSectionResizeMode(HostColumn, QHeaderView::Stretch);
    m_preview->header()->setSectionResizeMode(NoteColumn, QHeaderView::ResizeToContents);
    m_preview->setToolTip(tr("Untick what you do not want; press F2 or double-click a name to change it."));
    layout->addWidget(m_preview, 1);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    auto* target =
        new QLabel(folderName.isEmpty() ? tr("Connections are added at the top level.")
                                        : tr("Connections are added to the folder “%1”.").arg(folderName),
                   this);
    target->setTextFormat(Qt::PlainText);
    target->setEnabled(false);
    layout->addWidget(target);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("buttons"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Import"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ImportDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ImportDialog::reject);
    connect(this, &QDialog::rejected, this, &ImportDialog::wipe);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(150);
    connect(&m_debounce, &QTimer::timeout, this, &ImportDialog::refreshFromText);
    connect(m_text, &QPlainTextEdit::textChanged, this, [this] {
        m_fromText = true;
        m_debounce.start();
    });
    connect(openFile, &QPushButton::clicked, this, [this] {
        auto* dialog = new QFileDialog(this, tr("Import URIs from a File"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setFileMode(QFileDialog::ExistingFile);
        dialog->setNameFilters({tr("Text files (*.txt *.uri *.list)"), tr("All files (*)")});
        connect(dialog, &QFileDialog::fileSelected, this, &ImportDialog::loadUriFile);
        dialog->open();
    });
    connect(sshConfig, &QPushButton::clicked, this,
            [this] { loadSshConfig(ConnectionImporter::defaultSshConfigPath()); });
    connect(m_preview, &QTreeWidget::itemChanged, this, &ImportDialog::onItemChanged);
    showOutcome({}, QString());
    resize(760, 560);
}

ImportDialog::~ImportDialog()
{
    // QDialog's destructor hides the window, which makes an open name editor commit: the
    // change must not reach this half-destroyed object.
    disconnect(m_preview, nullptr, this, nullptr);
    wipe();
}

void ImportDialog::setText(const QString& text)
{
    m_text->setPlainText(text);
    m_debounce.stop();
    refreshFromText();
}

void ImportDialog::refreshFromText()
{
    if (!m_fromText)
        return;
    m_source->hide();
    m_sourcePath.clear();
    showOutcome(ConnectionImporter::fromUriText(m_text->toPlainText(), m_folderId), QString());
}

void ImportDialog::loadUriFile(const QString& path)
{
    auto outcome = ConnectionImporter::fromUriFile(path, m_folderId);
    if (!outcome) {
        showLoadError(outcome.error().message);
        return;
    }
    m_fromText = false;
    m_sourcePath = path;
    showOutcome(std::move(outcome).value(), tr("From the file %1").arg(QDir::toNativeSeparators(path)));
}

void ImportDialog::loadSshConfig(const QString& path)
{
    auto outcome = ConnectionImporter::fromSshConfigFile(path, m_folderId);
    if (!outcome) {
        showLoadError(outcome.error().message);
        return;
    }
    m_fromText = false;
    m_sourcePath = path.isEmpty() ? ConnectionImporter::defaultSshConfigPath() : path;
    showOutcome(std::move(outcome).value(),
                tr("From the SSH configuration %1").arg(QDir::toNativeSeparators(path)));
}

void ImportDialog::showLoadError(const QString& message)
{
    m_source->setText(message);
    m_source->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_source->show();
}

void ImportDialog::setExistingConnections(const QList<Connection>& existing)
{
    m_existing.clear();
    for (const Connection& c : existing)
        m_existing.insert(ConnectionImporter::duplicateKey(c), c.name);
    rebuildPreview();
}

QString ImportDialog::problemText(const ConnectionImporter::Problem& problem) const
{
    // The place once: the line for pasted text and the file read (whose name is shown
    // above the preview), the file and line for an included file.
    if (problem.line <= 0)
        return problem.reason;
    if (problem.file.isEmpty() || problem.file == m_sourcePath)
        return tr("Line %1: %2").arg(problem.line).arg(problem.reason);
    return tr("%1, line %2: %3")
        .arg(QDir::toNativeSeparators(problem.file))
        .arg(problem.line)
        .arg(problem.reason);
}

void ImportDialog::showOutcome(ConnectionImporter::Outcome outcome, const QString& source)
{
    m_outcome = std::move(outcome);
    m_sourceText = source;
    if (!source.isEmpty()) {
        m_source->setText(source);
        m_source->setStyleSheet(QString());
        m_source->show();
    }
    // The same generated name twice (two users on one server) gets a number, as files do.
    QHash<QString, int> seen;
    for (Connection& c : m_outcome.connections) {
        const int count = ++seen[c.name];
        if (count > 1)
            c.name = tr("%1 (%2)").arg(c.name).arg(count);
    }
    rebuildPreview();
}

void ImportDialog::rebuildPreview()
{
    const QSignalBlocker blocker(m_preview);
    m_preview->clear();
    QSet<QString> listed;
    int duplicates = 0;
    for (qsizetype i = 0; i < m_outcome.connections.size(); ++i) {
        const Connection& c = m_outcome.connections.at(i);
        auto* item = new QTreeWidgetItem(
            m_preview, {c.name, kindDisplayName(c.kind), ConnectionTreeModel::hostSummary(c), QString()});
        item->setIcon(NameColumn, ConnectionTreeModel::kindIcon(c.kind));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable | Qt::ItemIsEditable);
        item->setData(NameColumn, kConnectionIndexRole, int(i));
        item->setToolTip(HostColumn, ConnectionTreeModel::hostSummary(c));
        item->setToolTip(NameColumn, c.name);
        const QString key = ConnectionImporter::duplicateKey(c);
        QString note;
        QString why;
        if (const auto it = m_existing.constFind(key); it != m_existing.constEnd()) {
            note = tr("Already exists");
            why = tr("A connection to the same server, as the same user, exists already: “%1”. Tick it "
                     "to import it anyway.")
                      .arg(it.value());
        } else if (listed.contains(key)) {
            note = tr("Listed twice");
            why = tr("The same connection is listed above. Tick it to import it anyway.");
        }
        listed.insert(key);
        item->setCheckState(NameColumn, note.isEmpty() ? Qt::Checked : Qt::Unchecked);
        if (!note.isEmpty()) {
            ++duplicates;
            item->setText(NoteColumn, note);
            item->setToolTip(NoteColumn, why);
            item->setToolTip(NameColumn, why);
            item->setData(NameColumn, kDuplicateRole, true);
            item->setIcon(NoteColumn, style()->standardIcon(QStyle::SP_MessageBoxInformation));
        }
    }
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (const ConnectionImporter::Problem& problem : std::as_const(m_outcome.problems)) {
        const QString text = problemText(problem);
        auto* item = new QTreeWidgetItem(m_preview, {text});
        item->setIcon(NameColumn, warning);
        item->setFirstColumnSpanned(true);
        item->setForeground(NameColumn, QColor(0xb3, 0x26, 0x1e));
        item->setToolTip(NameColumn, text); // the row cuts long reasons
        item->setFlags(Qt::ItemIsEnabled);
    }
    const int found = int(m_outcome.connections.size());
    const int problems = int(m_outcome.problems.size());
    QString summary;
    if (found == 0 && problems == 0)
        summary = tr("Nothing to import yet.");
    else
        summary = tr("%n connection(s) found.", nullptr, found);
    if (duplicates > 0)
        summary += u' ' + tr("%n of them exist already and are not ticked.", nullptr, duplicates);
    if (problems > 0)
        summary += u' ' + tr("%n line(s) could not be read and will be skipped.", nullptr, problems);
    if (!m_outcome.skipped.isEmpty())
        summary += u' ' + tr("Skipped: %1.").arg(m_outcome.skipped.join(QStringLiteral(", ")));
    if (!m_outcome.passwords.empty())
        summary +=
            u' ' + (m_secretsPersistent ? tr("Passwords found in URIs go to your keychain.")
                                        : tr("Passwords found in URIs are kept in memory until Conclave "
                                             "quits (no keychain is in use)."));
    m_summary->setText(summary);
    updateImportButton();
}

void ImportDialog::updateImportButton()
{
    int ticked = 0;
    for (int i = 0; i < m_preview->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_preview->topLevelItem(i);
        if (item->data(NameColumn, kConnectionIndexRole).isValid() &&
            item->checkState(NameColumn) == Qt::Checked)
            ++ticked;
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ticked > 0);
}

void ImportDialog::onItemChanged(QTreeWidgetItem* item, int column)
{
    const QVariant index = item->data(NameColumn, kConnectionIndexRole);
    if (column == NameColumn && index.isValid()) {
        // A rename in the preview: keep it unless it would not pass validation, in which
        // case the name goes back to what it was.
        Connection& c = m_outcome.connections[index.toInt()];
        const QString name = item->text(NameColumn).trimmed();
        Connection renamed = c;
        renamed.name = name;
        if (validateConnection(renamed))
            c.name = name;
        const QSignalBlocker blocker(m_preview);
        if (item->text(NameColumn) != c.name)
            item->setText(NameColumn, c.name);
        if (!item->data(NameColumn, kDuplicateRole).toBool())
            item->setToolTip(NameColumn, c.name);
    }
    updateImportButton();
}

int ImportDialog::previewConnectionCount() const
{
    return int(m_outcome.connections.size());
}

int ImportDialog::previewProblemCount() const
{
    return int(m_outcome.problems.size());
}

QStringList ImportDialog::previewProblems() const
{
    QStringList result;
    for (const auto& problem : m_outcome.problems)
        result.append(problemText(problem));
    return result;
}

QList<int> ImportDialog::previewDuplicateRows() const
{
    QList<int> rows;
    for (int i = 0; i < m_preview->topLevelItemCount(); ++i) {
        if (m_preview->topLevelItem(i)->data(NameColumn, kDuplicateRole).toBool())
            rows.append(i);
    }
    return rows;
}

void ImportDialog::accept()
{
    if (m_debounce.isActive()) {
        m_debounce.stop();
        refreshFromText();
    }
    QSet<QUuid> ticked;
    for (int i = 0; i < m_preview->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_preview->topLevelItem(i);
        const QVariant index = item->data(0, kConnectionIndexRole);
        if (index.isValid() && item->checkState(0) == Qt::Checked)
            ticked.insert(m_outcome.connections.at(index.toInt()).id);
    }
    if (ticked.isEmpty())
        return;
    m_result = {};
    for (const Connection& c : std::as_const(m_outcome.connections)) {
        if (ticked.contains(c.id))
            m_result.connections.append(c);
    }
    for (auto& secret : m_outcome.passwords) {
        if (ticked.contains(secret.connectionId))
            m_result.passwords.push_back(std::move(secret));
    }
    m_result.problems = m_outcome.problems;
    wipe();
    QDialog::accept();
}

ConnectionImporter::Outcome ImportDialog::takeResult()
{
    return std::exchange(m_result, {});
}

void ImportDialog::wipe()
{
    // Pasted URIs may carry passwords: do not keep them in the editor or its undo history.
    m_text->blockSignals(true);
    m_text->clear();
    m_text->document()->clearUndoRedoStacks();
    m_text->blockSignals(false);
    m_outcome = {};
}

} // namespace Conclave::Gui
