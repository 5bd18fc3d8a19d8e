// SPDX-License-Identifier: GPL-3.0-or-later
// The window on the offscreen platform, with real widgets and a real library file.
#include "article_list_model.h"
#include "import_controller.h"
#include "main_window.h"
#include "reader_view.h"
#include "store/article_store.h"
#include "test_support.h"

#include <QAction>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace broadsheet;
using namespace broadsheet::test;

namespace {

std::unique_ptr<core::ArticleStore> openLibrary(const QTemporaryDir& dir)
{
    auto store = core::ArticleStore::open(dir.filePath(QStringLiteral("library.sqlite")),
                                          core::ArticleStore::OpenMode::CreateIfMissing);
    REQUIRE(store.ok());
    return std::move(*store);
}

core::ImportReport importAndWait(ui::MainWindow& window, const QStringList& paths)
{
    QSignalSpy done(&window, &ui::MainWindow::importFinished);
    window.importPaths(paths);
    REQUIRE(done.wait(60000));
    return done.takeFirst().at(0).value<core::ImportReport>();
}

} // namespace

TEST_CASE("the window imports the sample library and shows the newest story", "[ui]")
{
    QTemporaryDir dir;
    ui::MainWindow window(openLibrary(dir));
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    CHECK(window.windowTitle().startsWith(QStringLiteral("Broadsheet")));
    CHECK(window.storyModel()->rowCount() == 0);
    CHECK(window.reader()->toPlainText().contains(QStringLiteral("Import Folder")));

    const core::ImportReport report = importAndWait(window, {sampleDir()});
    CHECK(report.added == 12);
    CHECK(report.skipped.isEmpty());
    REQUIRE(window.storyModel()->rowCount() == 12);

    // The newest story is selected and shown in the reader.
    const QString firstTitle =
        window.storyModel()->index(0, ui::ArticleListModel::TitleColumn).data().toString();
    CHECK(firstTitle ==
          QStringLiteral("Market town's empty shops filled by makers on short leases"));
    CHECK(window.reader()->toPlainText().startsWith(firstTitle));

    // Choosing another row shows that story.
    window.storyList()->selectRow(3);
    const QString fourth =
        window.storyModel()->index(3, ui::ArticleListModel::TitleColumn).data().toString();
    CHECK(window.reader()->toPlainText().startsWith(fourth));
    CHECK(window.reader()->toPlainText().contains(QStringLiteral("Sport"))); // its section
}

TEST_CASE("the window reports skipped files and keeps the stories it has", "[ui]")
{
    QTemporaryDir dir;
    writeFile(dir.filePath(QStringLiteral("in/good.txt")), "Good story\n\nWith a body.\n");
    writeFile(dir.filePath(QStringLiteral("in/empty.txt")), "");
    ui::MainWindow window(openLibrary(dir));
    window.show();
    const core::ImportReport report = importAndWait(window, {dir.filePath(QStringLiteral("in"))});
    CHECK(report.added == 1);
    CHECK(report.skipped.size() == 1);
    CHECK(window.storyModel()->rowCount() == 1);
    // Importing the same folder again adds nothing and keeps the list.
    const core::ImportReport again = importAndWait(window, {dir.filePath(QStringLiteral("in"))});
    CHECK(again.added == 0);
    CHECK(again.duplicates == 1);
    CHECK(window.storyModel()->rowCount() == 1);
}

TEST_CASE("the File menu offers import and Ctrl+Q quits", "[ui]")
{
    QTemporaryDir dir;
    ui::MainWindow window(openLibrary(dir));
    QStringList actions;
    QAction* quit = nullptr;
    for (QAction* menu : window.menuBar()->actions()) {
        for (QAction* action : menu->menu()->actions()) {
            actions.append(action->text().remove(QLatin1Char('&')));
            if (action->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_Q))
                quit = action;
        }
    }
    CHECK(actions.contains(QStringLiteral("Import Folder…")));
    CHECK(actions.contains(QStringLiteral("Import Files…")));
    REQUIRE(quit != nullptr);
    CHECK(quit->text().remove(QLatin1Char('&')) == QStringLiteral("Quit"));
}

TEST_CASE("an import can be cancelled from the window", "[ui]")
{
    QTemporaryDir dir;
    for (int i = 0; i < 1500; ++i)
        writeFile(QStringLiteral("%1/in/%2.txt").arg(dir.path()).arg(i),
                  QStringLiteral("Story %1\n\nBody %1.\n").arg(i).toUtf8());
    ui::MainWindow window(openLibrary(dir));
    QSignalSpy done(&window, &ui::MainWindow::importFinished);
    window.importPaths({dir.filePath(QStringLiteral("in"))});
    window.importer()->cancel();
    REQUIRE(done.wait(60000));
    const auto report = done.takeFirst().at(0).value<core::ImportReport>();
    CHECK(report.cancelled);
    CHECK(report.added < 1500);
    CHECK(window.storyModel()->rowCount() == report.added);
}
