// SPDX-License-Identifier: GPL-3.0-or-later
// The window on the engine: writes during an import, another program's writes shown in
// place, the tagging pass in the background, a quoted tag name from the sidebar.
#include "article_list_model.h"
#include "importing/import_job.h"
#include "main_window.h"
#include "reader_view.h"
#include "search/query_text.h"
#include "sidebar.h"
#include "store/article_store.h"
#include "store/library_writer.h"
#include "tagging/tagging_pass.h"
#include "tagging_controller.h"
#include "test_support.h"

#include <QAction>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

#include <csignal>

using namespace broadsheet;
using namespace broadsheet::test;

namespace {

struct Window {
    QTemporaryDir dir;
    std::unique_ptr<ui::MainWindow> window;

    Window()
    {
        QSettings().clear();
        window = std::make_unique<ui::MainWindow>(openNewLibrary(dir));
        window->show();
        REQUIRE(QTest::qWaitForWindowExposed(window.get()));
    }

    QString path() const { return dir.filePath(QStringLiteral("library.sqlite")); }

    core::ImportReport import(const QStringList& paths)
    {
        QSignalSpy done(window.get(), &ui::MainWindow::importFinished);
        window->importPaths(paths);
        REQUIRE(done.wait(120000));
        return done.takeFirst().at(0).value<core::ImportReport>();
    }

    void waitForTagging()
    {
        REQUIRE(QTest::qWaitFor([this] { return !window->tagger()->isRunning(); }, 120000));
    }

    std::optional<core::Article> stored(core::ArticleId id)
    {
        window->waitForWrites();
        auto store = core::ArticleStore::open(path(), core::ArticleStore::OpenMode::OpenExisting);
        REQUIRE(store.ok());
        auto article = (*store)->article(id);
        REQUIRE(article.ok());
        return *article;
    }
};

} // namespace

TEST_CASE("stars toggled while the window imports show at once and are stored", "[ui][engine]")
{
    Window w;
    REQUIRE(w.import({sampleDir()}).added == 12);
    const QString folder = writeStories(w.dir, QStringLiteral("big"), 4000, 2010);
    QSignalSpy done(w.window.get(), &ui::MainWindow::importFinished);
    w.window->importPaths({folder});
    ui::MainWindow& window = *w.window;
    window.storyList()->setFocus();
    window.storyList()->selectRow(2);
    const core::ArticleId id = window.storyModel()->idAt(2);
    bool starred = false;
    int toggles = 0;
    while (done.isEmpty() && toggles < 40) {
        QTest::keyClick(window.storyList(), Qt::Key_S);
        starred = !starred;
        ++toggles;
        // The row shows it at once, whatever the writer is doing.
        CHECK(window.storyModel()->summaryOf(id)->starred == starred);
        QTest::qWait(20);
    }
    REQUIRE((done.isEmpty() ? done.wait(120000) : true));
    CHECK(toggles > 0);
    CHECK(w.stored(id)->starred == starred);
    CHECK(window.storyModel()->rowCount() == 4012);
    CHECK(window.storyModel()->idAt(window.storyList()->currentIndex().row()) == id);
}

TEST_CASE("the window shows what another program imports, keeping the selection", "[ui][engine]")
{
    Window w;
    REQUIRE(w.import({sampleDir()}).added == 12);
    ui::MainWindow& window = *w.window;
    window.storyList()->selectRow(4);
    const core::ArticleId selected = window.storyModel()->idAt(4);
    // Another program: a writer (a connection) of its own, as the CLI has.
    QSignalSpy changed(&window, &ui::MainWindow::libraryChangedElsewhere);
    QSignalSpy listed(&window, &ui::MainWindow::searchFinished);
    {
        auto other =
            core::LibraryWriter::open(w.path(), core::ArticleStore::OpenMode::OpenExisting);
        REQUIRE(other.ok());
        const QString newer = writeStories(w.dir, QStringLiteral("newer"), 5, 2030);
        REQUIRE(core::ImportJob(**other).run({newer})->added == 5);
    }
    REQUIRE(changed.wait(5000)); // noticed within the writer's watch (a second)
    REQUIRE(listed.wait(10000));
    CHECK(window.storyModel()->rowCount() == 17);
    // The five newer stories went in above; the same story is still the one selected.
    CHECK(window.storyModel()->idAt(window.storyList()->currentIndex().row()) == selected);
    CHECK(window.storyList()->currentIndex().row() == 9);
    CHECK(window.storyModel()
              ->index(0, ui::ArticleListModel::TitleColumn)
              .data()
              .toString()
              .contains(QStringLiteral("newer")));
}

TEST_CASE("the window tags new stories in the background, and the pass pauses and resumes",
          "[ui][engine][tagging]")
{
    Window w;
    REQUIRE(w.import({sampleDir()}).added == 12);
    w.waitForTagging();
    ui::MainWindow& window = *w.window;
    // The people and places found show in the list's tags column.
    QStringList shown;
    for (int row = 0; row < window.storyModel()->rowCount(); ++row)
        shown +=
            window.storyModel()->index(row, ui::ArticleListModel::TagsColumn).data().toString();
    CHECK(shown.join(u',').contains(QStringLiteral("Helen Marsh")));
    // A larger import: pause the pass as soon as it reports, resume, and it finishes.
    const QString folder = writeStories(w.dir, QStringLiteral("many"), 3000, 2012);
    ui::TaggingController* tagger = window.tagger();
    QSignalSpy progress(tagger, &ui::TaggingController::progress);
    QSignalSpy finished(tagger, &ui::TaggingController::finished);
    w.import({folder});
    REQUIRE((progress.isEmpty() ? progress.wait(60000) : true));
    tagger->pause();
    REQUIRE(QTest::qWaitFor([&] { return !tagger->isRunning(); }, 60000));
    auto writer = core::LibraryWriter::open(w.path(), core::ArticleStore::OpenMode::OpenExisting);
    REQUIRE(writer.ok());
    const qint64 waiting = *core::TaggingPass::pending(**writer);
    CHECK(waiting > 0); // paused before the end
    tagger->resume();
    w.waitForTagging();
    CHECK(*core::TaggingPass::pending(**writer) == 0);
    REQUIRE_FALSE(finished.isEmpty());
    CHECK(finished.last().at(1).toBool() == false); // the last pass ran to the end
}

TEST_CASE("a tag whose name holds a quote is found from the sidebar", "[ui][sidebar][regression]")
{
    Window w;
    REQUIRE(w.import({sampleDir()}).added == 12);
    ui::MainWindow& window = *w.window;
    const QString name = QStringLiteral("Say \"cheese\"");
    window.storyList()->selectionModel()->select(
        QItemSelection(window.storyModel()->index(0, 0), window.storyModel()->index(1, 0)),
        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    REQUIRE(window.addTagToSelection(name));
    REQUIRE(QTest::qWaitFor([&] { return window.sidebarIsCurrent(); }, 10000));
    QStandardItemModel* entries = window.sidebar()->entries();
    const QString query = core::query_text::filter(QStringLiteral("tag"), name);
    const QModelIndexList entry = entries->match(entries->index(0, 0), ui::Sidebar::QueryRole,
                                                 query, 1, Qt::MatchExactly | Qt::MatchRecursive);
    REQUIRE(entry.size() == 1);
    QSignalSpy searched(&window, &ui::MainWindow::searchFinished);
    window.sidebar()->setCurrentIndex(entry.front());
    REQUIRE(searched.wait(10000));
    CHECK(window.storyModel()->rowCount() == 2);
    CHECK(window.hintLabel()->isHidden());
}

TEST_CASE("View → Always Load Images is kept for the next window, Load Images acts on the story",
          "[ui][images]")
{
    {
        Window w;
        ui::MainWindow& window = *w.window;
        REQUIRE(window.loadImagesAction());
        REQUIRE(window.alwaysLoadImagesAction());
        CHECK(window.loadImagesAction()->shortcut() ==
              QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
        CHECK_FALSE(window.alwaysLoadImagesAction()->isChecked()); // off until the user says
        CHECK_FALSE(window.reader()->alwaysLoadImages());
        window.loadImagesAction()->trigger(); // no story, no images: a word, nothing fetched
        CHECK(window.statusBar()->currentMessage().contains(u"no images"));
        window.alwaysLoadImagesAction()->setChecked(true);
        CHECK(window.reader()->alwaysLoadImages());
    }
    QTemporaryDir dir;
    ui::MainWindow again(openNewLibrary(dir));
    CHECK(again.alwaysLoadImagesAction()->isChecked());
    CHECK(again.reader()->alwaysLoadImages());
    QSettings().clear();
}

TEST_CASE("a full disk during the window's import says why, keeps what was stored, and the "
          "window goes on working",
          "[ui][engine][crash]")
{
    Window w;
    REQUIRE(w.import({sampleDir()}).added == 12);
    ui::MainWindow& window = *w.window;
    const QString folder = writeStories(w.dir, QStringLiteral("big"), 3000, 2010);
    // The file size limit binds this process (root too) as a full disk does: every file it
    // writes is held to a little more than the library is now.
    std::signal(SIGXFSZ, SIG_IGN);
    rlimit before{};
    REQUIRE(::getrlimit(RLIMIT_FSIZE, &before) == 0);
    const auto size = static_cast<rlim_t>(QFileInfo(w.path()).size());
    const rlimit small{size + 128 * 1024, before.rlim_max};
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
    QSignalSpy done(&window, &ui::MainWindow::importFinished);
    window.importPaths({folder});
    const bool finished = done.wait(120000);
    ::setrlimit(RLIMIT_FSIZE, &before);
    REQUIRE(finished);

    const QList<QMessageBox*> boxes = window.findChildren<QMessageBox*>();
    REQUIRE(boxes.size() == 1);
    INFO(boxes.front()->text().toStdString());
    CHECK(boxes.front()->text().contains(u"reached the size limit set for this program"));
    CHECK(window.statusBar()->currentMessage() == u"Import failed");
    boxes.front()->button(QMessageBox::Ok)->click();
    window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&window));

    // The window goes on: a star is stored, a search answers, a new import completes.
    window.storyList()->setFocus();
    window.storyList()->selectRow(0);
    const core::ArticleId id = window.storyModel()->idAt(0);
    QTest::keyClick(window.storyList(), Qt::Key_S);
    CHECK(window.storyModel()->summaryOf(id)->starred);
    const bool starStored = w.stored(id)->starred;
    INFO("status: " << window.statusBar()->currentMessage().toStdString());
    CHECK(starStored);
    const core::ImportReport again = w.import({folder});
    CHECK(again.added + again.duplicates == 3000);
    w.waitForTagging();
    REQUIRE(QTest::qWaitFor([&] { return window.storyModel()->rowCount() == 3012; }, 20000));
    auto store = core::ArticleStore::open(w.path(), core::ArticleStore::OpenMode::OpenExisting);
    REQUIRE(store.ok());
    auto count = (*store)->count();
    REQUIRE(count.ok());
    CHECK(*count == 3012);
}
