// Tests ImportDialog: each problem names its place once (pasted text, a URI file, an SSH
// configuration and a file it includes; English and German), long reasons keep their full
// text in a tooltip, the Kind column is not cut, generated names read as words and can be
// renamed from the keyboard, and connections that exist already are marked and unticked.
#include "core/model/ConnectionImporter.h"
#include "translations/Translations.h"
#include "ui/ImportDialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QTreeWidget>

using namespace Conclave::Core;
using namespace Conclave::Gui;

namespace {

QTreeWidget* preview(ImportDialog& dialog)
{
    return dialog.findChild<QTreeWidget*>(QStringLiteral("importPreview"));
}

void writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

Connection existing(ConnectionKind kind, const QString& host, quint16 port, const QString& user,
                    const QString& database)
{
    Connection c;
    c.id = QUuid::createUuid();
    c.name = QStringLiteral("Stored ") + host;
    c.kind = kind;
    c.hosts = {HostPort{host, port}};
    c.username = user;
    c.defaultDatabase = database;
    return c;
}

} // namespace

class TestImportDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void problemPlaceSaidOnce_data();
    void problemPlaceSaidOnce();
    void sshConfigProblemsNameTheirFile();
    void longReasonHasTooltipAndKindFits();
    void friendlyNamesRenamedByKeyboard();
    void duplicatesMarkedAndUnticked();

private:
    QTemporaryDir m_dir;
};

void TestImportDialog::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestImportDialog::cleanup()
{
    // Back to English for the next test.
    for (QTranslator* translator : qApp->findChildren<QTranslator*>())
        QCoreApplication::removeTranslator(translator);
}

void TestImportDialog::problemPlaceSaidOnce_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("prefix");
    QTest::newRow("English") << "en"
                             << "Line 2: ";
    QTest::newRow("German") << "de"
                            << "Zeile 2: ";
}

void TestImportDialog::problemPlaceSaidOnce()
{
    QFETCH(QString, language);
    QFETCH(QString, prefix);
    if (language != QLatin1String("en"))
        QCOMPARE(Translations::install(qApp, QLocale(language)), language);

    ImportDialog dialog({}, QString());
    dialog.setText(QStringLiteral("postgresql://app@db.example.com/orders\nfoo://nowhere\n"));
    QCOMPARE(dialog.previewProblemCount(), 1);
    const QString shown = dialog.previewProblems().first();
    QVERIFY2(shown.startsWith(prefix), qPrintable(shown));
    QCOMPARE(shown.count(prefix.trimmed()), 1);
    QCOMPARE(preview(dialog)->topLevelItem(1)->text(0), shown);

    // From a file: the file is named above the preview, so each line says only its number.
    const QString path = m_dir.filePath(QStringLiteral("uris-%1.txt").arg(language));
    writeFile(path, "redis://cache.example.com\nnot a uri\n");
    dialog.loadUriFile(path);
    QCOMPARE(dialog.previewProblemCount(), 1);
    QVERIFY2(dialog.previewProblems().first().startsWith(prefix),
             qPrintable(dialog.previewProblems().first()));
    QVERIFY(!dialog.previewProblems().first().contains(path));
}

void TestImportDialog::sshConfigProblemsNameTheirFile()
{
    const QString included = m_dir.filePath(QStringLiteral("extra.conf"));
    writeFile(included, "Host other\n  Port 99999\n");
    const QString config = m_dir.filePath(QStringLiteral("config"));
    writeFile(config,
              "Host web\n  HostName web.example.com\n  Port notaport\nInclude " + included.toUtf8() + "\n");
    ImportDialog dialog({}, QString());
    dialog.loadSshConfig(config);
    const QStringList problems = dialog.previewProblems();
    QCOMPARE(problems.size(), 2);
    // The file read is named once, above the preview; an included file is named where its
    // line is, once.
    QVERIFY2(
        problems.contains(QStringLiteral("Line 3: Host web: the port \"notaport\" is not a number between 1 "
                                         "and 65535.")),
        qPrintable(problems.join(u'\n')));
    bool includedShown = false;
    for (const QString& problem : problems) {
        if (problem.contains(QStringLiteral("extra.conf"))) {
            includedShown = true;
            QVERIFY2(problem.startsWith(QDir::toNativeSeparators(included) +
                                        QStringLiteral(", line 2: Host other")),
                     qPrintable(problem));
            QCOMPARE(problem.count(QStringLiteral("line 2")), 1);
        }
    }
    QVERIFY(includedShown);
}

void TestImportDialog::longReasonHasTooltipAndKindFits()
{
    ImportDialog dialog({}, QString());
    dialog.resize(520, 400);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.setText(
        QStringLiteral("mysql://app@shop.example.com/shop\n"
                       "mongodb+srv://app@cluster0.example.com:27017,second.example.com/orders\n"));
    QTreeWidget* tree = preview(dialog);
    QTreeWidgetItem* problem = tree->topLevelItem(1);
    QVERIFY(problem);
    QCOMPARE(problem->toolTip(0), problem->text(0));
    // The Kind column shows "MySQL/MariaDB" whole.
    const int needed = tree->fontMetrics().horizontalAdvance(QStringLiteral("MySQL/MariaDB"));
    QTRY_VERIFY2(tree->header()->sectionSize(1) >= needed,
                 qPrintable(QStringLiteral("%1 < %2").arg(tree->header()->sectionSize(1)).arg(needed)));
}

void TestImportDialog::friendlyNamesRenamedByKeyboard()
{
    ImportDialog dialog({}, QString());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.setText(QStringLiteral("postgresql://app@db.example.com/orders\n"
                                  "mongodb://localhost/app\n"
                                  "redis://127.0.0.1:6380/0\n"
                                  "mongodb://[::1]/app\n"
                                  "postgresql://other@db.example.com/orders\n"));
    QTreeWidget* tree = preview(dialog);
    QStringList names;
    for (int i = 0; i < dialog.previewConnectionCount(); ++i)
        names.append(tree->topLevelItem(i)->text(0));
    QCOMPARE(names,
             (QStringList{QStringLiteral("PostgreSQL on db.example.com/orders"),
                          QStringLiteral("MongoDB on localhost/app"),
                          QStringLiteral("Redis on 127.0.0.1:6380/0"), QStringLiteral("MongoDB on ::1/app"),
                          QStringLiteral("PostgreSQL on db.example.com/orders (2)")}));

    // F2 on the first row, a new name, Enter; then Import.
    tree->setFocus();
    tree->setCurrentItem(tree->topLevelItem(0));
    QTest::keyClick(tree, Qt::Key_F2);
    auto* editor = qobject_cast<QLineEdit*>(QApplication::focusWidget());
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("Orders (production)"));
    QTest::keyClick(editor, Qt::Key_Return); // the editor commits on the next event loop pass
    QTRY_COMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("Orders (production)"));

    // An empty name is not taken: the row keeps the one it had.
    tree->setCurrentItem(tree->topLevelItem(1));
    QTest::keyClick(tree, Qt::Key_F2);
    editor = qobject_cast<QLineEdit*>(QApplication::focusWidget());
    QVERIFY(editor);
    editor->clear();
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_VERIFY(!QApplication::focusWidget() || !qobject_cast<QLineEdit*>(QApplication::focusWidget()));
    QCOMPARE(tree->topLevelItem(1)->text(0), QStringLiteral("MongoDB on localhost/app"));

    auto* buttons = dialog.findChild<QDialogButtonBox*>(QStringLiteral("buttons"));
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const ConnectionImporter::Outcome result = dialog.takeResult();
    QCOMPARE(result.connections.size(), 5);
    QCOMPARE(result.connections.at(0).name, QStringLiteral("Orders (production)"));
    QCOMPARE(result.connections.at(1).name, QStringLiteral("MongoDB on localhost/app"));
}

void TestImportDialog::duplicatesMarkedAndUnticked()
{
    ImportDialog dialog({}, QString());
    dialog.setExistingConnections({existing(ConnectionKind::PostgreSQL, QStringLiteral("DB.example.com"),
                                            5432, QStringLiteral("app"), QStringLiteral("orders"))});
    dialog.setText(QStringLiteral("postgresql://app:secret@db.example.com:5432/orders?sslmode=require\n"
                                  "postgresql://app@db.example.com/reports\n"
                                  "redis://cache.example.com\n"
                                  "redis://cache.example.com\n"));
    QTreeWidget* tree = preview(dialog);
    QCOMPARE(dialog.previewDuplicateRows(), (QList<int>{0, 3}));
    QCOMPARE(tree->topLevelItem(0)->checkState(0), Qt::Unchecked);
    QCOMPARE(tree->topLevelItem(1)->checkState(0), Qt::Checked);
    QCOMPARE(tree->topLevelItem(2)->checkState(0), Qt::Checked);
    QCOMPARE(tree->topLevelItem(3)->checkState(0), Qt::Unchecked);
    QVERIFY(!tree->topLevelItem(0)->text(3).isEmpty());
    QVERIFY(tree->topLevelItem(0)->toolTip(3).contains(QStringLiteral("Stored DB.example.com")));

    // Ticking a duplicate imports it anyway; its password comes with it.
    tree->topLevelItem(0)->setCheckState(0, Qt::Checked);
    auto* buttons = dialog.findChild<QDialogButtonBox*>(QStringLiteral("buttons"));
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    const ConnectionImporter::Outcome result = dialog.takeResult();
    QCOMPARE(result.connections.size(), 3);
    QCOMPARE(result.passwords.size(), std::size_t(1));
}

QTEST_MAIN(TestImportDialog)
#include "TestImportDialog.moc"
