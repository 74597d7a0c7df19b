// render-screenshots <store> <output-dir> [connection name]: renders the main window with a
// connection selected and the connection editor for it into PNG files (main-window.png,
// connection-editor.png) for the documentation. Not a test; run it with
// QT_QPA_PLATFORM=offscreen or under Xvfb, in any language (LANGUAGE=de).
#include "core/keychain/MemorySecretStore.h"
#include "core/storage/ConnectionRepository.h"
#include "translations/Translations.h"
#include "ui/ConnectionEditorDialog.h"
#include "ui/ConnectionTreeModel.h"
#include "ui/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>

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
                editor->grab().save(outDir + QStringLiteral("/connection-editor.png"));
                // CONCLAVE_ALL_TABS=1: every tab, for checking that translations fit.
                if (qEnvironmentVariableIsSet("CONCLAVE_ALL_TABS")) {
                    for (int tab = 0; tab < editor->tabs()->count(); ++tab) {
                        editor->tabs()->setCurrentIndex(tab);
                        editor->grab().save(outDir + QStringLiteral("/connection-editor-tab%1.png").arg(tab));
                    }
                }
            }
            app.quit();
        });
    });
    return app.exec();
}
