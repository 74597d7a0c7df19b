// render-screenshots <store> <output-dir> [connection name]: renders the main window with a
// connection selected, the connection editor for it and the import dialog with a sample
// paste, and the Trash after a folder was deleted into PNG files (main-window.png,
// connection-editor.png, import-dialog.png, trash-dialog.png) for the documentation. Not a test; run it with
// QT_QPA_PLATFORM=offscreen or under Xvfb, in any language (LANGUAGE=de).
#include "core/keychain/MemorySecretStore.h"
#include "core/model/ConnectionUri.h"
#include "core/storage/ConnectionRepository.h"
#include "translations/Translations.h"
#include "ui/ConnectionEditorDialog.h"
#include "ui/ConnectionTreeModel.h"
#include "ui/ImportDialog.h"
#include "ui/MainWindow.h"
#include "ui/TrashDialog.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QMessageBox>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>

using namespace Conclave;

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Conclave"));
    QApplication::setApplicationName(QStringLiteral("Conclave"));
    Gui::Translations::install(&app);
    const QStringList args = app.arguments();
    if (args.size() < 3)
        return 2;
    const QString outDir = args.at(2);
    const QString wanted = args.size() > 3 ? args.at(3) : QStringLiteral("Catalog");
    Core::MemorySecretStore secrets;
    const auto repository = Core::ConnectionRepository::open(args.at(1));
    Gui::MainWindow::Services services;
    services.repository = repository.get();
    services.secrets = &secrets;
    Gui::MainWindow window(services);
    window.resize(1060, 640);
    window.show();
    for (const Core::Connection& c : window.model()->connections()) {
        if (c.name == wanted)
            window.selectConnection(c.id);
    }
    QTimer::singleShot(500, &window, [&] {
        window.grab().save(outDir + QStringLiteral("/main-window.png"));
        window.findChild<QAction*>(QStringLiteral("actionEdit"))->trigger();
        QTimer::singleShot(500, &window, [&] {
            if (auto* editor = window.findChild<Gui::ConnectionEditorDialog*>()) {
                editor->setFolders(window.model()->folders()); // as the main window passes them
                editor->grab().save(outDir + QStringLiteral("/connection-editor.png"));
                // CONCLAVE_ALL_TABS=1: every tab, for checking that translations fit.
                if (qEnvironmentVariableIsSet("CONCLAVE_ALL_TABS")) {
                    for (int tab = 0; tab < editor->tabs()->count(); ++tab) {
                        editor->tabs()->setCurrentIndex(tab);
                        editor->grab().save(outDir + QStringLiteral("/connection-editor-tab%1.png").arg(tab));
                    }
                    // The states with extra words: SRV over several hosts, the discard question.
                    editor->tabs()->setCurrentIndex(0);
                    if (auto* srv = editor->findChild<QCheckBox*>(QStringLiteral("srv")))
                        srv->setChecked(true);
                    editor->grab().save(outDir + QStringLiteral("/connection-editor-srv.png"));
                    editor->reject();
                    if (auto* question = editor->findChild<QMessageBox*>())
                        question->grab().save(outDir + QStringLiteral("/connection-editor-discard.png"));
                }
            }
            // The import preview: friendly names, a duplicate of a stored connection, a bad line.
            Gui::ImportDialog import(QUuid(), QString(), &window);
            import.setExistingConnections(window.model()->connections());
            const Core::Connection* sample = nullptr;
            for (const Core::Connection& c : window.model()->connections()) {
                if (c.name == wanted)
                    sample = window.model()->connection(c.id);
            }
            QString text = QStringLiteral("postgresql://app@db.example.com/orders\n"
                                          "mongodb://localhost/app\n"
                                          "redis://127.0.0.1:6380/0\n"
                                          "mysql://shop@shop.example.com/shop\n"
                                          "postgresql://db.example.com:99999/orders\n"
                                          "mongodb+srv://app@cluster0.example.com:27017/orders\n");
            if (sample)
                text += Core::ConnectionUri::format(*sample) + u'\n';
            import.setText(text);
            import.show();
            import.grab().save(outDir + QStringLiteral("/import-dialog.png"));
            import.close();
            // The Trash after deleting the selected connection's folder (undone afterwards, so
            // the store is left as it was).
            if (sample && !sample->folderId.isNull()) {
                window.selectFolder(sample->folderId);
                window.findChild<QAction*>(QStringLiteral("actionDelete"))->trigger();
                Gui::TrashDialog trash(repository.get(), &window);
                trash.show();
                trash.grab().save(outDir + QStringLiteral("/trash-dialog.png"));
                trash.close();
                window.undoStack()->undo();
            }
            app.quit();
        });
    });
    return app.exec();
}
