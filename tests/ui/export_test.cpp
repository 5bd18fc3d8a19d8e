// SPDX-License-Identifier: GPL-3.0-or-later
// Export and print from the window on the offscreen platform, and PDF files read back with
// poppler's pdftotext.
#include "article_list_model.h"
#include "article_printer.h"
#include "export_controller.h"
#include "export_dialog.h"
#include "importing/import_job.h"
#include "main_window.h"
#include "store/article_store.h"
#include "test_support.h"

#include <QAction>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QMenuBar>
#include <QPrinter>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace broadsheet;
using namespace broadsheet::test;

namespace {

std::unique_ptr<core::ArticleStore> sampleLibrary(const QTemporaryDir& dir)
{
    auto store = openNewLibrary(dir);
    auto report = importPaths(*store, {sampleDir()});
    REQUIRE(report.ok());
    REQUIRE(report->added == 12);
    return store;
}

/// The text of a PDF, or nothing when poppler's pdftotext is not installed.
std::optional<QString> pdfText(const QString& path)
{
    const QString tool = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (tool.isEmpty())
        return std::nullopt;
    QProcess process;
    process.start(tool, {QStringLiteral("-layout"), path, QStringLiteral("-")});
    REQUIRE(process.waitForFinished(60000));
    REQUIRE(process.exitCode() == 0);
    return QString::fromUtf8(process.readAllStandardOutput());
}

QStringList titlesOf(core::ArticleStore& store)
{
    auto ids = store.articleIds();
    REQUIRE(ids.ok());
    auto summaries = store.summaries(*ids);
    REQUIRE(summaries.ok());
    QStringList titles;
    for (const auto& summary : *summaries)
        titles.append(summary.title);
    return titles;
}

} // namespace

TEST_CASE("PDF export puts every story on its own pages, with its title in the text",
          "[ui][export][pdf]")
{
    QTemporaryDir dir;
    auto store = sampleLibrary(dir);
    auto ids = store->articleIds();
    REQUIRE(ids.ok());
    const QString out = dir.filePath(QStringLiteral("stories.pdf"));
    auto report = ui::exportPdf(*store, *ids, out, false);
    INFO((report.ok() ? QString() : report.error().message));
    REQUIRE(report.ok());
    CHECK(report->articles == 12);
    CHECK(readFile(out).startsWith("%PDF-"));
    const auto text = pdfText(out);
    if (!text) {
        WARN("pdftotext is not installed; the PDF's text is not checked");
        return;
    }
    // pdftotext separates pages with form feeds: at least one page a story.
    CHECK(text->count(u'\f') >= 12);
    for (const QString& title : titlesOf(*store)) {
        // Titles may wrap: check the first words.
        const QString start = title.section(u' ', 0, 2);
        INFO("title " << title);
        CHECK(text->contains(start));
    }

    // Taken without replace: refused and untouched; cancelled: nothing written.
    const QByteArray before = readFile(out);
    CHECK_FALSE(ui::exportPdf(*store, *ids, out, false).ok());
    CHECK(readFile(out) == before);
    std::stop_source stop;
    stop.request_stop();
    auto cancelled = ui::exportPdf(*store, *ids, dir.filePath(QStringLiteral("never.pdf")), false,
                                   stop.get_token());
    REQUIRE_FALSE(cancelled.ok());
    CHECK(cancelled.error().cancelled);
    CHECK_FALSE(QFileInfo::exists(dir.filePath(QStringLiteral("never.pdf"))));
    CHECK(QDir(dir.path())
              .entryList({QStringLiteral("never*")}, QDir::Files | QDir::Hidden)
              .isEmpty());
}

TEST_CASE("the window exports the selection from File → Export Selected… and prints it",
          "[ui][export]")
{
    QSettings().clear();
    QTemporaryDir dir;
    auto store = sampleLibrary(dir);
    ui::MainWindow window(std::move(store));
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    REQUIRE(window.storyModel()->rowCount() == 12);

    // The File menu and the story list's context menu both offer it, on Ctrl+E.
    QAction* exportAction = nullptr;
    for (QAction* menu : window.menuBar()->actions()) {
        for (QAction* action : menu->menu()->actions()) {
            if (action->text().contains(QStringLiteral("Export Selected")))
                exportAction = action;
        }
    }
    REQUIRE(exportAction);
    CHECK(exportAction->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_E));
    CHECK(window.storyList()->actions().contains(exportAction));

    // Three stories selected, exported as JSON on the export worker.
    window.storyList()->selectRow(0);
    window.storyList()->selectionModel()->select(
        window.storyModel()->index(2, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    window.storyList()->selectionModel()->select(
        window.storyModel()->index(4, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    const QList<core::ArticleId> chosen{window.storyModel()->idAt(0), window.storyModel()->idAt(2),
                                        window.storyModel()->idAt(4)};
    const QString out = dir.filePath(QStringLiteral("three.json"));
    QSignalSpy ended(&window, &ui::MainWindow::exportFinished);
    REQUIRE(window.exportStories(chosen, QStringLiteral("json"), out, false));
    REQUIRE(ended.wait(60000));
    CHECK(ended.first().at(0).toBool());
    CHECK(ended.first().at(1).toString().contains(QStringLiteral("3")));
    const QJsonArray written = QJsonDocument::fromJson(readFile(out)).array();
    REQUIRE(written.size() == 3);

    // Its message has Open and Show in Folder, which hand the desktop the file and its folder.
    {
        QPushButton* open = nullptr;
        QPushButton* show = nullptr;
        for (QPushButton* button : window.statusBar()->findChildren<QPushButton*>()) {
            if (button->text() == u"Open")
                open = button;
            if (button->text() == u"Show in Folder")
                show = button;
        }
        REQUIRE(open);
        REQUIRE(show);
        CHECK(open->isVisible());
        CHECK(show->isVisible());
        test::UrlRecorder desktop;
        QDesktopServices::setUrlHandler(QStringLiteral("file"), &desktop, "open");
        open->click();
        show->click();
        QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
        CHECK(desktop.opened ==
              QList<QUrl>{QUrl::fromLocalFile(out), QUrl::fromLocalFile(dir.path())});
        window.statusBar()->showMessage(QStringLiteral("something else"));
        CHECK_FALSE(open->isVisible()); // they go with the export's message
    }
    CHECK(written.at(1).toObject().value(QStringLiteral("id")).toInteger() == chosen[1]);

    // The same path again, without the user's yes: the worker refuses and says why.
    ended.clear();
    REQUIRE(window.exportStories(chosen, QStringLiteral("csv"), out, false));
    REQUIRE(ended.wait(60000));
    CHECK_FALSE(ended.first().at(0).toBool());
    CHECK(ended.first().at(1).toString().contains(QStringLiteral("already exists")));
    CHECK(QJsonDocument::fromJson(readFile(out)).array().size() == 3);

    // The whole library, listed on the worker.
    ended.clear();
    const QString everything = dir.filePath(QStringLiteral("everything.ndjson"));
    REQUIRE(window.exportStories(std::nullopt, QStringLiteral("ndjson"), everything, false));
    REQUIRE(ended.wait(60000));
    CHECK(ended.first().at(0).toBool());
    CHECK(readFile(everything).count('\n') == 12);

    // Print: the same pages, on a printer (here one that prints to a PDF file).
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    const QString printed = dir.filePath(QStringLiteral("printed.pdf"));
    printer.setOutputFileName(printed);
    auto pages = window.printStories(printer, chosen);
    REQUIRE(pages.ok());
    CHECK(*pages == 3);
    if (const auto text = pdfText(printed)) {
        for (int row : {0, 2, 4}) {
            const QString title =
                window.storyModel()
                    ->data(window.storyModel()->index(row, ui::ArticleListModel::TitleColumn))
                    .toString();
            INFO("title " << title);
            CHECK(text->contains(title.section(u' ', 0, 2)));
        }
    }
}

TEST_CASE("the export dialog counts each choice and suggests a name for the format", "[ui][export]")
{
    ui::ExportDialog dialog(3, 40, 1200);
    CHECK(dialog.scope() == ui::ExportDialog::Scope::Selection);
    CHECK(dialog.scopeButton(ui::ExportDialog::Scope::Results)
              ->text()
              .contains(QStringLiteral("40")));
    CHECK(dialog.scopeButton(ui::ExportDialog::Scope::Library)
              ->text()
              .contains(QStringLiteral("1200")));
    CHECK(dialog.format() == QStringLiteral("md"));
    CHECK(dialog.destination().endsWith(QStringLiteral("Broadsheet export (md)")));
    dialog.formatBox()->setCurrentIndex(dialog.formatBox()->findData(QStringLiteral("pdf")));
    CHECK(dialog.destination().endsWith(QStringLiteral("Broadsheet export.pdf")));
    // A name the user typed stays when the format changes.
    dialog.destinationField()->setText(QStringLiteral("/tmp/mine.csv"));
    dialog.formatBox()->setCurrentIndex(dialog.formatBox()->findData(QStringLiteral("csv")));
    CHECK(dialog.destination() == QStringLiteral("/tmp/mine.csv"));

    ui::ExportDialog nothingSelected(0, 5, 5);
    CHECK_FALSE(nothingSelected.scopeButton(ui::ExportDialog::Scope::Selection)->isEnabled());
    CHECK(nothingSelected.scope() == ui::ExportDialog::Scope::Results);
}

TEST_CASE("an export cancelled from the window leaves nothing behind", "[ui][export]")
{
    REQUIRE_SHARED("data/text-articles/files");
    QSettings().clear();
    QTemporaryDir dir;
    auto store = openNewLibrary(dir);
    auto imported = importPaths(*store, {sharedPath(QStringLiteral("data/text-articles/files"))});
    REQUIRE(imported.ok());
    ui::MainWindow window(std::move(store));
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));

    // PDF lays out every page: 159 stories take long enough to stop on the first report.
    const QString out = dir.filePath(QStringLiteral("stopped.pdf"));
    QSignalSpy ended(&window, &ui::MainWindow::exportFinished);
    QObject::connect(window.exporter(), &ui::ExportController::progress, &window,
                     [&window] { window.exporter()->cancel(); });
    REQUIRE(window.exportStories(std::nullopt, QStringLiteral("pdf"), out, false));
    REQUIRE(ended.wait(60000));
    CHECK_FALSE(ended.first().at(0).toBool());
    CHECK(ended.first().at(1).toString().contains(QStringLiteral("cancelled")));
    CHECK(QDir(dir.path())
              .entryList({QStringLiteral("stopped*")}, QDir::Files | QDir::Hidden)
              .isEmpty());
}
