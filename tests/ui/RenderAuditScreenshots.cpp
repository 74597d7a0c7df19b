// render-audit-screenshots <output-dir>: starts the real conclave-server with the sample history
// of AuditScenario (a shared connection created and edited by Ada, a change Bob may not make
// refused) and renders a connection's history and the organisation's audit log after Verify
// into item-history.png and org-audit.png, with a "-de" suffix when the UI language is German
// (LANGUAGE=de). Not a test; run it on the offscreen platform (docs/development.md).
#include "AuditScenario.h"

#include "translations/Translations.h"
#include "ui/ItemHistoryDialog.h"
#include "ui/OrgAuditDialog.h"

#include <QApplication>
#include <QLocale>
#include <QTemporaryDir>
#include <QTimer>

using namespace Conclave;

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Conclave"));
    QApplication::setApplicationName(QStringLiteral("Conclave"));
    const QString language = Gui::Translations::install(&app);
    // Dates and numbers as a desktop in that language shows them (LANGUAGE=de alone leaves
    // the C locale's formats).
    if (language != QLatin1String("en"))
        QLocale::setDefault(QLocale(language));
    const QStringList args = app.arguments();
    if (args.size() < 2)
        return 2;
    const QString suffix = language == QStringLiteral("en") ? QString() : QChar(u'-') + language;
    const QString outDir = args.at(1);

    AuditScenario scenario;
    if (!scenario.start(QStringLiteral("render-audit-screenshots"), QStringLiteral("analytical.example.com")))
        return 1;
    const QHash<QString, QString> emails{
        {scenario.ada->client.account().userId.toString(QUuid::WithoutBraces), scenario.adaEmail}};

    Gui::ItemHistoryDialog item(&scenario.ada->audit, &scenario.ada->engine, scenario.folderId,
                                scenario.itemId);
    item.setKnownEmails(emails);
    item.move(40, 40);
    item.show();

    QTemporaryDir trust;
    Gui::OrgAuditDialog org(&scenario.ada->audit, scenario.orgId);
    org.setTrustDirectory(trust.path());
    org.setKnownEmails(emails);
    org.move(40, 440);
    org.show();

    int pending = 2;
    const auto finished = [&] {
        if (--pending > 0)
            return;
        // After the layouts took the new texts in (they do so on the next turn of the loop).
        QTimer::singleShot(300, &app, [&] {
            item.grab().save(outDir + QStringLiteral("/item-history") + suffix + QStringLiteral(".png"));
            org.grab().save(outDir + QStringLiteral("/org-audit") + suffix + QStringLiteral(".png"));
            app.quit();
        });
    };
    QObject::connect(&item, &Gui::ItemHistoryDialog::loaded, &app, finished);
    QObject::connect(
        &org, &Gui::OrgAuditDialog::loaded, &org, [&org] { org.verify(); }, Qt::SingleShotConnection);
    QObject::connect(&org, &Gui::OrgAuditDialog::verified, &app, finished);
    return app.exec();
}
