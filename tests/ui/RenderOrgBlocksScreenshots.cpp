// render-org-blocks-screenshots <output-dir>: starts the real conclave-server with the
// organisation of OrgBlocksScenario, blocks a member's address and a second domain of the
// organisation with their reasons, and renders the owner's Organisation Blocks dialog into
// org-blocks.png, with a "-de" suffix when the UI language is German (LANGUAGE=de). Not a test;
// run it on the offscreen platform (docs/development.md).
#include "OrgBlocksScenario.h"

#include "core/sync/OrgBlocksApi.h"
#include "translations/Translations.h"
#include "ui/OrgBlocksDialog.h"

#include <QApplication>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace Conclave;

namespace {

bool setBlock(Core::OrgBlocksApi& api, const QUuid& orgId, Core::OrgBlocksApi::Scope scope,
              const QString& value, const QString& reason)
{
    std::optional<bool> done;
    QObject context;
    api.create(orgId, scope, value, reason, &context,
               [&done](Core::Result<QUuid> made) { done = made.ok(); });
    return QTest::qWaitFor([&] { return done.has_value(); }, 30'000) && *done;
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Conclave"));
    QApplication::setApplicationName(QStringLiteral("Conclave"));
    const QString language = Gui::Translations::install(&app);
    const QStringList args = app.arguments();
    if (args.size() < 2)
        return 2;
    const QString suffix = language == QStringLiteral("en") ? QString() : QChar(u'-') + language;
    const QString outDir = args.at(1);

    OrgBlocksScenario scenario;
    if (!scenario.start(QStringLiteral("render-org-blocks-screenshots"),
                        QStringLiteral("analytical.example.com")))
        return 1;
    const QString contractors = QStringLiteral("contractors.example.com");
    if (scenario.server().admin({QStringLiteral("add-domain"), QStringLiteral("--org"),
                                 scenario.orgId.toString(QUuid::WithoutBraces), QStringLiteral("--domain"),
                                 contractors}) != 0)
        return 1;
    auto ada = scenario.session(scenario.ada);
    Core::OrgBlocksApi api(ada->api);
    if (!setBlock(api, scenario.orgId, Core::OrgBlocksApi::Scope::Email, scenario.bob.email,
                  QStringLiteral("Left the project; ask it@analytical.example.com")) ||
        !setBlock(api, scenario.orgId, Core::OrgBlocksApi::Scope::Domain, contractors,
                  QStringLiteral("Contract ended on 30 November")))
        return 1;

    Gui::OrgBlocksDialog dialog(ada->api, scenario.orgId);
    dialog.resize(820, 300);
    dialog.move(40, 40);
    dialog.show();
    QObject::connect(
        &dialog, &Gui::OrgBlocksDialog::loaded, &app,
        [&] {
            if (auto* view = dialog.findChild<QTreeWidget*>(QStringLiteral("blocksView"));
                view && view->topLevelItem(0))
                view->setCurrentItem(view->topLevelItem(0));
            // After the layouts took the new texts in (they do so on the next turn of the loop).
            QTimer::singleShot(300, &app, [&] {
                dialog.grab().save(outDir + QStringLiteral("/org-blocks") + suffix + QStringLiteral(".png"));
                app.quit();
            });
        },
        Qt::SingleShotConnection);
    return app.exec();
}
