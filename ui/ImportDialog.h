// ImportDialog: brings connections in from pasted URIs, a file of URIs, or the user's
// ~/.ssh/config. A preview lists what will be imported (each can be unticked and renamed,
// F2 or double-click) and every line that could not be read, with its line number and the
// reason. Connections that exist already (same server, user and database) are marked and
// start unticked, so importing the same list twice adds nothing by accident. Passwords found in
// URIs come out with the connections (as SecureBytes) for the keychain; the pasted text is
// wiped when the dialog closes.
#pragma once

#include "core/model/ConnectionImporter.h"

#include <QDialog>
#include <QHash>
#include <QTimer>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace Conclave::Gui {

class ImportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportDialog)

public:
    // Imported connections go into `folderId` (null: top level); `folderName` is shown.
    ImportDialog(const QUuid& folderId, const QString& folderName, QWidget* parent = nullptr);
    ~ImportDialog() override;

    // Reads a URI file or an SSH config file into the preview (also used by the buttons).
    void loadUriFile(const QString& path);
    void loadSshConfig(const QString& path);
    void setText(const QString& text);
    // The connections already stored, to mark duplicates in the preview.
    void setExistingConnections(const QList<Core::Connection>& existing);
    // False when no keychain is in use: the summary then says where found passwords go.
    void setSecretsPersistent(bool persistent) { m_secretsPersistent = persistent; }

    // After accept(): the ticked connections and their passwords; handed out once.
    Core::ConnectionImporter::Outcome takeResult();
    // Counts shown in the preview, for tests.
    int previewConnectionCount() const;
    int previewProblemCount() const;
    QStringList previewProblems() const;
    // Connections marked as already existing (or listed twice), by preview row.
    QList<int> previewDuplicateRows() const;

public slots:
    void accept() override;

private:
    void refreshFromText();
    void showOutcome(Core::ConnectionImporter::Outcome outcome, const QString& source);
    void showLoadError(const QString& message);
    void rebuildPreview();
    void updateImportButton();
    void onItemChanged(QTreeWidgetItem* item, int column);
    QString problemText(const Core::ConnectionImporter::Problem& problem) const;
    void wipe();

    QUuid m_folderId;
    QPlainTextEdit* m_text;
    QLabel* m_source;
    QTreeWidget* m_preview;
    QLabel* m_summary;
    QDialogButtonBox* m_buttons;
    QTimer m_debounce;
    Core::ConnectionImporter::Outcome m_outcome;
    Core::ConnectionImporter::Outcome m_result;
    bool m_fromText = true;
    bool m_secretsPersistent = true;
    QString m_sourcePath;               // the file read, to show included files' names only
    QHash<QString, QString> m_existing; // ConnectionImporter::duplicateKey() -> name
    QString m_sourceText;
};

} // namespace Conclave::Gui
