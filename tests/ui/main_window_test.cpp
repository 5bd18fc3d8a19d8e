// SPDX-License-Identifier: GPL-3.0-or-later
// The window on the offscreen platform, with real widgets and a real library file.
#include "app_identity.h"
#include "article_list_model.h"
#include "import_controller.h"
#include "main_window.h"
#include "preferences_dialog.h"
#include "reader_view.h"
#include "sample_library.h"
#include "search/searcher.h"
#include "sidebar.h"
#include "store/article_store.h"
#include "store/backups.h"
#include "tag_manager_dialog.h"
#include "tagging_controller.h"
#include "test_support.h"
#include "timeline_view.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QFile>
#include <QFont>
#include <QFontInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextCursor>
#include <QTextDocument>
#include <QTimer>
#include <QUrl>

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

/// Each window test starts from no saved window state.
void forgetSettings()
{
    QSettings().clear();
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
    forgetSettings();
    QTemporaryDir dir;
    ui::MainWindow window(openLibrary(dir));
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    CHECK(window.windowTitle().startsWith(QStringLiteral("Broadsheet")));
    CHECK(window.storyModel()->rowCount() == 0);
    CHECK(window.showsWelcome());

    const core::ImportReport report = importAndWait(window, {sampleDir()});
    CHECK(report.added == 12);
    CHECK(report.skipped.isEmpty());
    REQUIRE(window.storyModel()->rowCount() == 12);
    CHECK_FALSE(window.showsWelcome());

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
    forgetSettings();
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
    forgetSettings();
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
    forgetSettings();
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

namespace {

/// A shown window on a library holding the sample stories.
struct SampleWindow {
    QTemporaryDir dir;
    std::unique_ptr<ui::MainWindow> window;

    SampleWindow()
    {
        window = std::make_unique<ui::MainWindow>(openLibrary(dir));
        window->show();
        REQUIRE(QTest::qWaitForWindowExposed(window.get()));
        REQUIRE(importAndWait(*window, {sampleDir()}).added == 12);
        // The tagging pass that follows the import, and the recount after it.
        REQUIRE(QTest::qWaitFor([this] { return !window->tagger()->isRunning(); }, 60000));
        waitForSidebar();
    }

    void waitForSidebar()
    {
        REQUIRE(QTest::qWaitFor([this] { return window->sidebarIsCurrent(); }, 10000));
    }

    /// The story of `row` as stored, once the writer has stored what the window posted.
    std::optional<core::Article> stored(int row)
    {
        window->waitForWrites();
        auto store = core::ArticleStore::open(dir.filePath(QStringLiteral("library.sqlite")),
                                              core::ArticleStore::OpenMode::OpenExisting);
        REQUIRE(store.ok());
        auto article = (*store)->article(window->storyModel()->idAt(row));
        REQUIRE(article.ok());
        return *article;
    }
};

} // namespace

TEST_CASE("typing a query filters the list and shows the count and hints", "[ui][search]")
{
    forgetSettings();
    SampleWindow fixture;
    ui::MainWindow& window = *fixture.window;
    QSignalSpy searched(&window, &ui::MainWindow::searchFinished);
    window.searchField()->setFocus();
    QTest::keyClicks(window.searchField(), QStringLiteral("village OR library"));
    REQUIRE(searched.wait(10000));
    while (searched.last().at(0).toString() != QStringLiteral("village OR library"))
        REQUIRE(searched.wait(10000));
    CHECK(window.storyModel()->rowCount() == 5);
    CHECK(window.countLabel()->text() == QStringLiteral("5 matches"));
    CHECK(window.hintLabel()->isHidden());
    CHECK_FALSE(window.showsWelcome());

    // The reader marks what the search matched.
    window.search(QStringLiteral("cricket"));
    REQUIRE(searched.wait(10000));
    REQUIRE(window.storyModel()->rowCount() == 1);
    QTextCursor found = window.reader()->document()->find(QStringLiteral("cricket"));
    REQUIRE_FALSE(found.isNull());
    CHECK(found.charFormat().background().style() != Qt::NoBrush);
    QTextCursor plain = window.reader()->document()->find(QStringLiteral("season"));
    REQUIRE_FALSE(plain.isNull());
    CHECK(plain.charFormat().background().style() == Qt::NoBrush);

    window.search(QStringLiteral("\"cricket team"));
    REQUIRE(searched.wait(10000));
    CHECK(window.storyModel()->rowCount() == 1);
    CHECK_FALSE(window.hintLabel()->isHidden());
    CHECK(window.hintLabel()->text().contains(QStringLiteral("quote")));

    window.search(QStringLiteral("zeppelin"));
    REQUIRE(searched.wait(10000));
    CHECK(window.storyModel()->rowCount() == 0);
    CHECK(window.countLabel()->text() == QStringLiteral("0 matches"));
    CHECK_FALSE(window.showsWelcome()); // no matches is not an empty library

    window.search(QString());
    REQUIRE(searched.wait(10000));
    CHECK(window.storyModel()->rowCount() == 12);
    CHECK(window.countLabel()->text() == QStringLiteral("12 articles"));
}

TEST_CASE("opening a story marks it read, m and s toggle read and star in the store", "[ui]")
{
    forgetSettings();
    SampleWindow fixture;
    ui::MainWindow& window = *fixture.window;
    // Row 0 was opened after the import: it is read now, and no longer bold.
    CHECK(fixture.stored(0)->read);
    CHECK_FALSE(window.storyModel()->index(0, 0).data(Qt::FontRole).isValid());
    CHECK_FALSE(fixture.stored(1)->read);

    window.storyList()->setFocus();
    QTest::keyClick(window.storyList(), Qt::Key_M);
    CHECK_FALSE(fixture.stored(0)->read);
    CHECK(window.storyModel()->index(0, 0).data(Qt::FontRole).value<QFont>().bold());
    QTest::keyClick(window.storyList(), Qt::Key_S);
    CHECK(fixture.stored(0)->starred);
    QTest::keyClick(window.storyList(), Qt::Key_S);
    CHECK_FALSE(fixture.stored(0)->starred);

    // j and k move through the list; the story moved to is opened and marked read.
    QTest::keyClick(window.storyList(), Qt::Key_J);
    CHECK(window.storyList()->currentIndex().row() == 1);
    CHECK(fixture.stored(1)->read);
    QTest::keyClick(window.storyList(), Qt::Key_J);
    QTest::keyClick(window.storyList(), Qt::Key_K);
    CHECK(window.storyList()->currentIndex().row() == 1);
    const QString title =
        window.storyModel()->index(1, ui::ArticleListModel::TitleColumn).data().toString();
    CHECK(window.reader()->toPlainText().startsWith(title));
}

TEST_CASE("typing m in the search field types, it does not mark a story", "[ui][regression]")
{
    forgetSettings();
    SampleWindow fixture;
    ui::MainWindow& window = *fixture.window;
    window.searchField()->setFocus();
    QTest::keyClicks(window.searchField(), QStringLiteral("ms"));
    CHECK(window.searchField()->text() == QStringLiteral("ms"));
    CHECK(fixture.stored(0)->read);
    CHECK_FALSE(fixture.stored(0)->starred);
}

TEST_CASE("the window restores its panes and last search on the next start", "[ui][settings]")
{
    forgetSettings();
    QTemporaryDir dir;
    QList<int> sizes;
    {
        ui::MainWindow window(openLibrary(dir));
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        REQUIRE(importAndWait(window, {sampleDir()}).added == 12);
        window.resize(900, 640);
        auto* splitter = window.findChild<QSplitter*>();
        REQUIRE(splitter != nullptr);
        splitter->setSizes({300, 600});
        sizes = splitter->sizes();
        QSignalSpy searched(&window, &ui::MainWindow::searchFinished);
        window.searchField()->setText(QStringLiteral("cricket"));
        REQUIRE(searched.wait(10000));
        window.close();
    }
    ui::MainWindow again(openLibrary(dir));
    QSignalSpy searched(&again, &ui::MainWindow::searchFinished);
    again.show();
    REQUIRE(QTest::qWaitForWindowExposed(&again));
    CHECK(again.size() == QSize(900, 640));
    CHECK(again.findChild<QSplitter*>()->sizes() == sizes);
    CHECK(again.searchField()->text() == QStringLiteral("cricket"));
    if (searched.isEmpty())
        REQUIRE(searched.wait(10000));
    CHECK(again.storyModel()->rowCount() == 1);
    QSettings().remove(QStringLiteral("window"));
}

TEST_CASE("dropping a folder on the window imports it", "[ui][import]")
{
    forgetSettings();
    QTemporaryDir dir;
    writeFile(dir.filePath(QStringLiteral("dropped/a.txt")), "Dropped story\n\nIts body.\n");
    ui::MainWindow window(openLibrary(dir));
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(dir.filePath(QStringLiteral("dropped")))});
    QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    CHECK(enter.isAccepted());
    QSignalSpy done(&window, &ui::MainWindow::importFinished);
    QDropEvent drop(QPointF(50, 50), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    REQUIRE(done.wait(10000));
    CHECK(window.storyModel()->rowCount() == 1);
    CHECK_FALSE(window.showsWelcome());

    // Remote URLs are refused.
    QMimeData remote;
    remote.setUrls({QUrl(QStringLiteral("https://example.org/feed.xml"))});
    QDragEnterEvent refused(QPoint(50, 50), Qt::CopyAction, &remote, Qt::LeftButton,
                            Qt::NoModifier);
    refused.setAccepted(false);
    QApplication::sendEvent(&window, &refused);
    CHECK_FALSE(refused.isAccepted());
}

TEST_CASE("the reader can sit below the list, and every shortcut is listed", "[ui]")
{
    forgetSettings();
    QTemporaryDir dir;
    ui::MainWindow window(openLibrary(dir));
    CHECK_FALSE(window.readerBelow());
    window.setReaderBelow(true);
    CHECK(window.readerBelow());
    const QString shortcuts = window.shortcutList().join(QLatin1Char('\n'));
    for (const char* expected :
         {"Next Story: J", "Previous Story: K", "Toggle Read: M", "Toggle Star: S", "Search: /",
          "Quit: Ctrl+Q", "Page Down, then Next Story: Space"}) {
        INFO(expected);
        CHECK(shortcuts.contains(QString::fromUtf8(expected)));
    }
}

TEST_CASE("space pages through the reader, then moves to the next story", "[ui]")
{
    SampleWindow fixture;
    ui::MainWindow& window = *fixture.window;
    window.resize(700, 300); // a short reader, so a story takes more than one page
    window.storyList()->setFocus();
    QScrollBar* bar = window.reader()->verticalScrollBar();
    REQUIRE(bar->maximum() > 0);
    int presses = 0;
    while (window.storyList()->currentIndex().row() == 0 && presses < 50) {
        QTest::keyClick(window.storyList(), Qt::Key_Space);
        ++presses;
    }
    CHECK(presses > 1); // it paged before it moved on
    CHECK(window.storyList()->currentIndex().row() == 1);
    CHECK(bar->value() == 0); // the next story starts at its top
}

TEST_CASE("the sidebar lists flags, sources and sections with counts, and saved searches",
          "[ui][sidebar]")
{
    forgetSettings();
    SampleWindow fixture;
    ui::MainWindow& window = *fixture.window;
    QStandardItemModel* entries = window.sidebar()->entries();
    auto find = [entries](const QString& query) {
        const QModelIndexList found =
            entries->match(entries->index(0, 0), ui::Sidebar::QueryRole, query, 1,
                           Qt::MatchExactly | Qt::MatchRecursive);
        return found.isEmpty() ? QModelIndex() : found.front();
    };
    CHECK(find(QString()).data().toString() == QStringLiteral("All  (12)"));
    CHECK(find(QStringLiteral("is:unread")).data().toString() ==
          QStringLiteral("Unread  (11)")); // one opened
    // A source shows what is left to read; its total on hover.
    const QModelIndex sample = find(QStringLiteral("source:\"sample\""));
    CHECK(sample.data().toString() == QStringLiteral("sample  (11)"));
    CHECK(sample.data(Qt::ToolTipRole).toString() == QStringLiteral("12 stories, 11 unread"));
    const QModelIndex sport = find(QStringLiteral("section:\"Sport\""));
    REQUIRE(sport.isValid());
    CHECK(sport.data().toString() == QStringLiteral("Sport  (2)"));

    // Choosing an entry searches for it.
    QSignalSpy searched(&window, &ui::MainWindow::searchFinished);
    window.sidebar()->setCurrentIndex(sport);
    REQUIRE(searched.wait(10000));
    CHECK(window.searchField()->text() == QStringLiteral("section:\"Sport\""));
    CHECK(window.storyModel()->rowCount() == 2);

    // Starring updates the count; a saved search appears under its name.
    window.storyList()->setFocus();
    QTest::keyClick(window.storyList(), Qt::Key_S);
    fixture.waitForSidebar();
    CHECK(find(QStringLiteral("is:starred")).data().toString() == QStringLiteral("Starred  (1)"));
    CHECK(window.saveCurrentSearch(QStringLiteral("Sport")));
    fixture.waitForSidebar();
    const QModelIndexList saved =
        entries->match(entries->index(0, 0), Qt::DisplayRole, QStringLiteral("Sport"), -1,
                       Qt::MatchExactly | Qt::MatchRecursive);
    REQUIRE(saved.size() == 1);
    CHECK(saved.front().parent().data().toString() == QStringLiteral("Saved Searches"));
    CHECK(saved.front().data(ui::Sidebar::QueryRole).toString() ==
          QStringLiteral("section:\"Sport\""));
    CHECK_FALSE(window.saveCurrentSearch(QStringLiteral("  ")));

    // Saved searches are renamed, ordered and deleted from the sidebar.
    window.search(QStringLiteral("film"));
    REQUIRE(searched.wait(10000));
    CHECK(window.saveCurrentSearch(QStringLiteral("Films")));
    fixture.waitForSidebar();
    auto savedNames = [&window] {
        QStringList names;
        for (const core::SavedSearch& search : window.sidebar()->overview().savedSearches)
            names.append(search.name);
        return names;
    };
    CHECK(savedNames() == QStringList{QStringLiteral("Films"), QStringLiteral("Sport")});
    CHECK(window.orderSavedSearches(
        window.sidebar()->savedSearchesMoved(QStringLiteral("Sport"), -1)));
    window.waitForWrites();
    fixture.waitForSidebar();
    CHECK(savedNames() == QStringList{QStringLiteral("Sport"), QStringLiteral("Films")});
    CHECK(window.sidebar()->savedSearchesMoved(QStringLiteral("Sport"), -1).isEmpty());
    CHECK(window.renameSavedSearch(QStringLiteral("Films"), QStringLiteral("Cinema")));
    window.waitForWrites();
    fixture.waitForSidebar();
    CHECK(savedNames() == QStringList{QStringLiteral("Sport"), QStringLiteral("Cinema")});
    // Onto a name that is taken: refused, and said.
    CHECK(window.renameSavedSearch(QStringLiteral("Cinema"), QStringLiteral("Sport")));
    window.waitForWrites();
    fixture.waitForSidebar();
    CHECK(savedNames() == QStringList{QStringLiteral("Sport"), QStringLiteral("Cinema")});
    CHECK(window.statusBar()->currentMessage().contains(QStringLiteral("already")));
    CHECK(window.deleteSavedSearch(QStringLiteral("Sport")));
    window.waitForWrites();
    fixture.waitForSidebar();
    CHECK(savedNames() == QStringList{QStringLiteral("Cinema")});

    // A group the user folds stays folded when the counts change, and the scroll stays.
    ui::Sidebar* sidebar = window.sidebar();
    const QModelIndexList sections = entries->match(
        entries->index(0, 0), Qt::DisplayRole, QStringLiteral("Sections"), 1, Qt::MatchExactly);
    REQUIRE(sections.size() == 1);
    sidebar->collapse(sections.front());
    CHECK(sidebar->foldedKeys().contains(QStringLiteral("group:sections")));
    QTest::keyClick(window.storyList(), Qt::Key_S); // a count changes: the sidebar refills
    window.waitForWrites();
    fixture.waitForSidebar();
    const QModelIndexList again = entries->match(entries->index(0, 0), Qt::DisplayRole,
                                                 QStringLiteral("Sections"), 1, Qt::MatchExactly);
    REQUIRE(again.size() == 1);
    CHECK_FALSE(sidebar->isExpanded(again.front()));
    CHECK(QSettings()
              .value(QStringLiteral("sidebar/folded"))
              .toStringList()
              .contains(QStringLiteral("group:sections")));
    sidebar->expand(again.front());
    CHECK_FALSE(sidebar->foldedKeys().contains(QStringLiteral("group:sections")));
}

TEST_CASE("the timeline shows stories per month and a click narrows the search", "[ui][timeline]")
{
    forgetSettings();
    SampleWindow fixture;
    ui::MainWindow& window = *fixture.window;
    // Before any search it shows the whole library's months (the sidebar counts them).
    CHECK(window.timeline()->isVisible());
    CHECK(window.timeline()->months().size() >= 9);
    QSignalSpy searched(&window, &ui::MainWindow::searchFinished);
    window.search(QStringLiteral("nothingmatchesthis"));
    REQUIRE(searched.wait(10000));
    CHECK_FALSE(window.timeline()->isVisible()); // no months: no empty chart
    window.search(QStringLiteral("village OR library"));
    REQUIRE(searched.wait(10000));
    CHECK(window.timeline()->isVisible());
    // Matches from January to September 2025: nine months, gaps included.
    const QStringList months = window.timeline()->months();
    REQUIRE(months.size() == 9);
    CHECK(months.front() == QStringLiteral("2025-01"));
    CHECK(months.back() == QStringLiteral("2025-09"));

    window.timeline()->activateMonth(static_cast<int>(months.indexOf(QStringLiteral("2025-08"))));
    REQUIRE(searched.wait(10000));
    CHECK(window.searchField()->text() == QStringLiteral("village OR library date:2025-08"));
    CHECK(window.storyModel()->rowCount() == 1);
    // Another month replaces the first.
    window.timeline()->activateMonth(0);
    REQUIRE(searched.wait(10000));
    CHECK(window.searchField()->text() == QStringLiteral("village OR library date:2025-08"));
}

TEST_CASE("the welcome page and the menu's Open Sample Library open the sample library in a window "
          "and a library of their own, and the user's library never holds its stories",
          "[ui][regression]")
{
    forgetSettings();
    QTemporaryDir dir;
    ui::MainWindow window(openLibrary(dir));
    window.show();
    REQUIRE(window.showsWelcome());
    QPushButton* sample = nullptr;
    for (QPushButton* button : window.findChildren<QPushButton*>()) {
        if (button->text() == QStringLiteral("Open the Sample Library"))
            sample = button;
    }
    REQUIRE(sample != nullptr);
    QFile::remove(ui::sampleLibraryPath());
    sample->click();
    ui::MainWindow* opened = window.openSampleLibrary(); // the window the click opened
    REQUIRE(opened);
    REQUIRE(opened != &window);
    REQUIRE(QTest::qWaitFor([opened] { return opened->storyModel()->rowCount() == 12; }, 60000));
    CHECK(window.showsWelcome()); // the user's library is as empty as it was
    // File → Open Sample Library: the same window, not a second one on it.
    QAction* open = nullptr;
    for (QAction* action : window.findChildren<QAction*>()) {
        if (action->text() == u"Open &Sample Library")
            open = action;
    }
    REQUIRE(open);
    const qsizetype windows = QApplication::topLevelWidgets().size();
    open->trigger();
    CHECK(QApplication::topLevelWidgets().size() == windows);
    auto mine = core::ArticleStore::open(dir.filePath(QStringLiteral("library.sqlite")),
                                         core::ArticleStore::OpenMode::OpenExisting);
    REQUIRE(mine.ok());
    CHECK(*(*mine)->count() == 0);
    auto theirs = core::ArticleStore::open(ui::sampleLibraryPath(),
                                           core::ArticleStore::OpenMode::OpenExisting);
    REQUIRE(theirs.ok());
    CHECK(*(*theirs)->count() == 12);
    theirs->reset();
    opened->close();
    QTest::qWait(50);
    QFile::remove(ui::sampleLibraryPath());
}

TEST_CASE("column headers sort the list both ways, the star column stars, and the sort is kept",
          "[ui][sort]")
{
    forgetSettings();
    auto fixture = std::make_unique<SampleWindow>();
    ui::MainWindow* window = fixture->window.get();
    QHeaderView* header = window->storyList()->horizontalHeader();
    auto clickHeader = [&](int column) {
        QSignalSpy searched(window, &ui::MainWindow::searchFinished);
        const QPoint at(header->sectionViewportPosition(column) + header->sectionSize(column) / 2,
                        header->height() / 2);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, at);
        REQUIRE(searched.wait(10000));
    };
    auto column = [&](int which) {
        QStringList values;
        for (int row = 0; row < window->storyModel()->rowCount(); ++row)
            values.append(window->storyModel()->index(row, which).data().toString());
        return values;
    };
    auto caseless = [](const QString& a, const QString& b) {
        return a.compare(b, Qt::CaseInsensitive) < 0;
    };
    const QStringList newestFirst = column(ui::ArticleListModel::TitleColumn);

    clickHeader(ui::ArticleListModel::TitleColumn);
    QStringList titles = column(ui::ArticleListModel::TitleColumn);
    CHECK(titles.size() == 12);
    CHECK(titles != newestFirst);
    CHECK(std::is_sorted(titles.begin(), titles.end(), caseless));
    clickHeader(ui::ArticleListModel::TitleColumn); // again: Z to A
    titles = column(ui::ArticleListModel::TitleColumn);
    CHECK(std::is_sorted(titles.rbegin(), titles.rend(), caseless));
    clickHeader(ui::ArticleListModel::TitleColumn); // a third time: back to newest first
    CHECK(header->sortIndicatorSection() == -1);
    CHECK(column(ui::ArticleListModel::TitleColumn) == newestFirst);

    // A click in the star column stars that story; the sidebar count follows at once.
    const int row = 5;
    const core::ArticleId starred = window->storyModel()->idAt(row);
    QTableView* list = window->storyList();
    const QRect cell = list->visualRect(window->storyModel()->index(row, 0));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, cell.center());
    CHECK(fixture->stored(row)->starred);
    CHECK(window->storyModel()->index(row, 0).data().toString() == QStringLiteral("\u2605"));
    CHECK(window->sidebarIsCurrent()); // no recount was needed
    CHECK(window->sidebar()->overview().starred == 1);

    clickHeader(ui::ArticleListModel::StarColumn); // starred first
    CHECK(window->storyModel()->idAt(0) == starred);
    clickHeader(ui::ArticleListModel::DateColumn); // newest first, as before
    CHECK(column(ui::ArticleListModel::TitleColumn) == newestFirst);
    clickHeader(ui::ArticleListModel::DateColumn); // oldest first
    QStringList oldestFirst = newestFirst;
    std::reverse(oldestFirst.begin(), oldestFirst.end());
    CHECK(column(ui::ArticleListModel::TitleColumn) == oldestFirst);

    // The next start shows the same order, with the indicator on the same column.
    const QString library = fixture->dir.filePath(QStringLiteral("library.sqlite"));
    window->close();
    fixture->window.reset();
    auto store = core::ArticleStore::open(library, core::ArticleStore::OpenMode::OpenExisting);
    REQUIRE(store.ok());
    ui::MainWindow again(std::move(*store));
    QSignalSpy searched(&again, &ui::MainWindow::searchFinished);
    again.show();
    REQUIRE(QTest::qWaitForWindowExposed(&again));
    if (searched.isEmpty())
        REQUIRE(searched.wait(10000));
    CHECK(again.storyList()->horizontalHeader()->sortIndicatorSection() ==
          ui::ArticleListModel::DateColumn);
    QStringList shown;
    for (int r = 0; r < again.storyModel()->rowCount(); ++r)
        shown.append(
            again.storyModel()->index(r, ui::ArticleListModel::TitleColumn).data().toString());
    CHECK(shown == oldestFirst);
    QSettings().remove(QStringLiteral("window"));
}

TEST_CASE("opening and marking stories moves the sidebar's counts without a recount",
          "[ui][sidebar]")
{
    forgetSettings();
    SampleWindow fixture;
    ui::MainWindow& window = *fixture.window;
    CHECK(window.sidebar()->overview().unread == 11); // the first story was opened
    window.storyList()->setFocus();
    QTest::keyClick(window.storyList(), Qt::Key_J); // opens the second
    CHECK(window.sidebarIsCurrent());
    CHECK(window.sidebar()->overview().unread == 10);
    // Three selected, one of them already unread: Mark Unread marks all three, +2.
    window.storyList()->selectionModel()->select(
        QItemSelection(window.storyModel()->index(0, 0), window.storyModel()->index(2, 0)),
        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QTest::keyClick(window.storyList(), Qt::Key_U);
    CHECK_FALSE(fixture.stored(0)->read);
    CHECK_FALSE(fixture.stored(1)->read);
    CHECK(window.sidebar()->overview().unread == 12);
    CHECK(window.sidebarIsCurrent());
    QStandardItemModel* entries = window.sidebar()->entries();
    const QModelIndexList unread =
        entries->match(entries->index(0, 0), ui::Sidebar::QueryRole, QStringLiteral("is:unread"), 1,
                       Qt::MatchExactly | Qt::MatchRecursive);
    REQUIRE(unread.size() == 1);
    CHECK(unread.front().data().toString() == QStringLiteral("Unread  (12)"));
}

TEST_CASE("a large library counts its sidebar after its ids have loaded", "[ui][sidebar]")
{
    forgetSettings();
    QTemporaryDir dir;
    auto store = openLibrary(dir);
    QList<core::Article> batch;
    for (int i = 0; i < 5000; ++i) { // more than the list shows at once
        core::Article article;
        article.title = QStringLiteral("Story %1").arg(i);
        article.body = QStringLiteral("Body of story %1.").arg(i);
        article.source = QStringLiteral("Wire");
        article.published = core::PublishedDate::day(QDate(2020, 1, 1).addDays(i));
        batch.append(article);
    }
    REQUIRE(store->addArticles(batch).ok());
    ui::MainWindow window(std::move(store));
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    REQUIRE(QTest::qWaitFor([&] { return window.sidebarIsCurrent(); }, 20000));
    CHECK_FALSE(window.storyModel()->isLoading());
    CHECK(window.storyModel()->rowCount() == 5000);
    CHECK(window.sidebar()->overview().articles == 5000);
    const QList<core::CountedName> sources = window.sidebar()->overview().sources;
    REQUIRE(sources.size() == 1);
    CHECK(sources[0].name == u"Wire");
    CHECK(sources[0].count == 5000);
    CHECK(sources[0].unread >= 4999); // the story shown first may be read by now
}

TEST_CASE("tags go on and off the selected stories, and the tag manager renames, merges and "
          "deletes",
          "[ui][tagging]")
{
    forgetSettings();
    SampleWindow fixture;
    ui::MainWindow& window = *fixture.window;
    window.storyList()->selectionModel()->select(
        QItemSelection(window.storyModel()->index(0, 0), window.storyModel()->index(2, 0)),
        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    REQUIRE(window.addTagToSelection(QStringLiteral("Reading list")));
    for (int row = 0; row < 3; ++row) {
        const QString tags =
            window.storyModel()->index(row, ui::ArticleListModel::TagsColumn).data().toString();
        CHECK(tags.contains(QStringLiteral("Reading list")));
        bool stored = false;
        const std::optional<core::Article> article = fixture.stored(row);
        for (const core::Tag& tag : article->tags)
            stored = stored || (tag.name == u"Reading list" && tag.kind == u"manual");
        CHECK(stored);
    }
    CHECK_FALSE(window.storyModel()
                    ->index(3, ui::ArticleListModel::TagsColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("Reading list")));
    // The reader shows the current story's new tag as a chip.
    CHECK(window.reader()->toPlainText().contains(QStringLiteral("Reading list")));
    // The sidebar lists it under Tags once it has recounted.
    fixture.waitForSidebar();
    QStandardItemModel* entries = window.sidebar()->entries();
    const QModelIndexList entry = entries->match(entries->index(0, 0), ui::Sidebar::QueryRole,
                                                 QStringLiteral("tag:\"Reading list\""), 1,
                                                 Qt::MatchExactly | Qt::MatchRecursive);
    REQUIRE(entry.size() == 1);
    CHECK(entry.front().data().toString() == QStringLiteral("Reading list  (3)"));
    CHECK(entry.front().parent().data().toString() == QStringLiteral("Tags"));

    // Off one story again.
    window.storyList()->selectRow(1);
    REQUIRE(window.removeTagFromSelection(QStringLiteral("reading list")));
    CHECK_FALSE(window.storyModel()
                    ->index(1, ui::ArticleListModel::TagsColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("Reading list")));

    // The tag manager: rename onto a new name, merge another into it, then delete it.
    window.showTagManager();
    ui::TagManagerDialog* manager = window.tagManager();
    REQUIRE(manager != nullptr);
    CHECK(manager->isVisible());
    // The dialog counts on a worker; each change is stored, then counted again.
    QSignalSpy reloaded(manager, &ui::TagManagerDialog::reloaded);
    REQUIRE(reloaded.wait(10000));
    auto rowsNamed = [manager](const QString& name) {
        int rows = 0;
        QAbstractItemModel* model = manager->table()->model();
        for (int row = 0; row < model->rowCount(); ++row)
            rows += model->index(row, ui::TagManagerDialog::NameColumn).data().toString() == name;
        return rows;
    };
    CHECK(rowsNamed(QStringLiteral("Reading list")) == 1);
    REQUIRE(manager->renameTag(QStringLiteral("Reading list"), QStringLiteral("Later")));
    REQUIRE(reloaded.wait(10000));
    CHECK(rowsNamed(QStringLiteral("Later")) == 1);
    CHECK(window.storyModel()
              ->index(0, ui::ArticleListModel::TagsColumn)
              .data()
              .toString()
              .contains(QStringLiteral("Later")));
    window.storyList()->selectRow(5);
    REQUIRE(window.addTagToSelection(QStringLiteral("Soon")));
    window.waitForWrites();
    manager->reload();
    REQUIRE(reloaded.wait(10000));
    REQUIRE(manager->mergeTags(QStringLiteral("Soon"), QStringLiteral("Later")));
    REQUIRE(reloaded.wait(10000));
    CHECK(rowsNamed(QStringLiteral("Soon")) == 0);
    CHECK(window.storyModel()->index(5, ui::ArticleListModel::TagsColumn).data().toString() ==
          QStringLiteral("Later"));
    manager->filter()->setText(QStringLiteral("lat"));
    CHECK(manager->table()->model()->rowCount() == 1);
    REQUIRE(manager->deleteTag(QStringLiteral("Later")));
    REQUIRE(reloaded.wait(10000));
    CHECK(window.storyModel()
              ->index(0, ui::ArticleListModel::TagsColumn)
              .data()
              .toString()
              .isEmpty());
    CHECK_FALSE(manager->deleteTag(QStringLiteral("Later"))); // gone: refused with a reason
    CHECK_FALSE(manager->lastError().isEmpty());

    // Undo puts the deleted tag back on its stories, then undoes the merge before it.
    manager->filter()->clear();
    auto tagsOf = [&window](int row) {
        return window.storyModel()->index(row, ui::ArticleListModel::TagsColumn).data().toString();
    };
    REQUIRE(manager->canUndo());
    REQUIRE(manager->undo());
    REQUIRE(reloaded.wait(10000));
    CHECK(rowsNamed(QStringLiteral("Later")) == 1);
    CHECK(tagsOf(0).contains(QStringLiteral("Later")));
    CHECK(tagsOf(5) == QStringLiteral("Later"));
    REQUIRE(manager->undo());
    REQUIRE(reloaded.wait(10000));
    CHECK(rowsNamed(QStringLiteral("Soon")) == 1);
    CHECK(tagsOf(5) == QStringLiteral("Soon"));
    CHECK(tagsOf(0).contains(QStringLiteral("Later")));
    // Many at once: both deleted in one change, and both back with one undo.
    REQUIRE(manager->deleteTags({QStringLiteral("Soon"), QStringLiteral("Later")}));
    REQUIRE(reloaded.wait(10000));
    CHECK(rowsNamed(QStringLiteral("Soon")) + rowsNamed(QStringLiteral("Later")) == 0);
    REQUIRE(manager->undo());
    REQUIRE(reloaded.wait(10000));
    CHECK(rowsNamed(QStringLiteral("Soon")) + rowsNamed(QStringLiteral("Later")) == 2);
    CHECK(tagsOf(5) == QStringLiteral("Soon"));
    CHECK(manager->table()->selectionMode() == QAbstractItemView::ExtendedSelection);
    CHECK(window.shortcutList().join(u'\n').contains(QStringLiteral("Add Tag…: T")));
}

TEST_CASE("File → Restore from Backup… chooses a backup and closes the window to restore it",
          "[ui][backup]")
{
    forgetSettings();
    QTemporaryDir dir;
    auto store = openLibrary(dir);
    auto made = core::backups::make(store->database(), QStringLiteral("manual"));
    REQUIRE(made.ok());
    ui::MainWindow window(std::move(store));
    window.show();
    QAction* restore = nullptr;
    for (QAction* menu : window.menuBar()->actions()) {
        for (QAction* action : menu->menu()->actions()) {
            if (action->text().remove(QLatin1Char('&')) == QStringLiteral("Restore from Backup…"))
                restore = action;
        }
    }
    REQUIRE(restore != nullptr);
    // The question lists the backup; accepting it marks it for restoring and closes.
    QString asked;
    QTimer::singleShot(200, [&asked] {
        if (auto* dialog = qobject_cast<QInputDialog*>(QApplication::activeModalWidget())) {
            asked = dialog->comboBoxItems().join(QLatin1Char('\n'));
            dialog->accept();
        }
    });
    restore->trigger();
    CHECK(asked.contains(QStringLiteral("manual")));
    CHECK(window.pendingRestore() == *made);
    CHECK_FALSE(window.isVisible());
}

TEST_CASE("a library opened for salvage shows its stories, read-only", "[ui][health]")
{
    forgetSettings();
    QTemporaryDir dir;
    {
        auto store = openLibrary(dir);
        QList<core::Article> articles(3);
        for (int i = 0; i < 3; ++i) {
            articles[i].title = QStringLiteral("Salvaged %1").arg(i);
            articles[i].body = QStringLiteral("Body %1").arg(i);
        }
        REQUIRE(store->addArticles(articles).ok());
    }
    auto salvaged = core::ArticleStore::open(dir.filePath(QStringLiteral("library.sqlite")),
                                             core::ArticleStore::OpenMode::Salvage);
    REQUIRE(salvaged.ok());
    ui::MainWindow window(std::move(*salvaged));
    window.show();
    CHECK(window.windowTitle().contains(QStringLiteral("read-only")));
    QTRY_COMPARE_WITH_TIMEOUT(window.storyModel()->rowCount(), 3, 10000);
    CHECK(window.importer() == nullptr); // no writer: nothing can change it
}

TEST_CASE("settings land under the program's own name, and an earlier version's are taken over",
          "[ui][settings][regression]")
{
    const QString organization = QCoreApplication::organizationName();
    {
        QSettings earlier(QSettings::NativeFormat, QSettings::UserScope,
                          QStringLiteral("Unknown Organization"),
                          QCoreApplication::applicationName());
        earlier.setValue(QStringLiteral("reader/zoom"), 3);
    }
    QCoreApplication::setOrganizationName(QStringLiteral("broadsheet"));
    QSettings().clear();
    CHECK(ui::adoptSettingsFrom(QStringLiteral("Unknown Organization")));
    CHECK(QSettings().value(QStringLiteral("reader/zoom")).toInt() == 3);
    CHECK(QSettings().fileName().contains(u"/broadsheet/"));
    CHECK_FALSE(QSettings().fileName().contains(u"Unknown Organization"));
    // Once the current settings hold something, nothing is copied over them again.
    QSettings().setValue(QStringLiteral("reader/zoom"), 5);
    CHECK_FALSE(ui::adoptSettingsFrom(QStringLiteral("Unknown Organization")));
    CHECK(QSettings().value(QStringLiteral("reader/zoom")).toInt() == 5);
    QSettings().clear();
    QCoreApplication::setOrganizationName(organization);
}

TEST_CASE("Enter or Down in the search field moves to the list, so j moves there, and Escape "
          "comes back",
          "[ui][keys][regression]")
{
    forgetSettings();
    QTemporaryDir dir;
    ui::MainWindow window(openLibrary(dir));
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    REQUIRE(importAndWait(window, {sampleDir()}).added == 12);
    window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    QLineEdit* search = window.searchField();
    for (const Qt::Key key : {Qt::Key_Return, Qt::Key_Down}) {
        INFO("key " << key);
        search->setFocus();
        search->clear();
        QSignalSpy searched(&window, &ui::MainWindow::searchFinished);
        QTest::keyClicks(search, QStringLiteral("the"));
        QTest::keyClick(search, key);
        REQUIRE((searched.isEmpty() ? searched.wait(10000) : true));
        CHECK(window.storyList()->hasFocus());
        const int row = window.storyList()->currentIndex().row();
        CHECK(row >= 0);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_J);
        CHECK(search->text() == u"the"); // j went to the list, not into the search
        CHECK(window.storyList()->currentIndex().row() == row + 1);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        CHECK(search->hasFocus());
        CHECK(search->selectedText() == u"the");
    }
}

TEST_CASE("m toggles the current story only, and Mark Read, Mark Unread and Mark All Read are "
          "commands of their own",
          "[ui][keys][regression]")
{
    forgetSettings();
    QTemporaryDir dir;
    ui::MainWindow window(openLibrary(dir));
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    REQUIRE(importAndWait(window, {sampleDir()}).added == 12);
    window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    auto unread = [&] {
        window.waitForWrites();
        auto store = core::ArticleStore::open(dir.filePath(QStringLiteral("library.sqlite")),
                                              core::ArticleStore::OpenMode::OpenExisting);
        REQUIRE(store.ok());
        auto stats = (*store)->stats();
        REQUIRE(stats.ok());
        return stats->unread;
    };
    QTableView* list = window.storyList();
    list->setFocus();
    QTest::keyClick(list, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(list, Qt::Key_U);
    CHECK(unread() == 12);
    list->selectRow(3); // opened: read
    const qint64 before = unread();
    QTest::keyClick(list, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(list, Qt::Key_M);
    // One story, the current one, unread again; before, all twelve took the opposite of the
    // first one's flag (unread, so all became read).
    CHECK(unread() == before + 1);
    QTest::keyClick(list, Qt::Key_R);
    CHECK(unread() == 0);
    QTest::keyClick(list, Qt::Key_U);
    CHECK(unread() == 12);
    list->selectRow(3);
    QTest::keyClick(list, Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    CHECK(unread() == 0); // the whole list, whatever is selected
    CHECK(window.statusBar()->currentMessage() == u"Marked 12 stories read.");
}

TEST_CASE("counts read as English: one story, two stories, never story(s)", "[ui][regression]")
{
    const char* context = "broadsheet::ui::MainWindow";
    CHECK(QCoreApplication::translate(context, "%n articles", nullptr, 1) == u"1 article");
    CHECK(QCoreApplication::translate(context, "%n articles", nullptr, 2095) == u"2095 articles");
    CHECK(QCoreApplication::translate(context, "%n matches", nullptr, 1) == u"1 match");
    CHECK(QCoreApplication::translate(context, "%n new articles", nullptr, 1) == u"1 new article");
    CHECK(QCoreApplication::translate(context, "Deleted %n stories (Ctrl+Z brings them back)",
                                      nullptr, 1) == u"Deleted 1 story (Ctrl+Z brings it back)");
    // Every numerus string of the window has its English forms.
    QFile ts(QStringLiteral(BROADSHEET_TEST_DATA_DIR "/../../translations/broadsheet_en.ts"));
    REQUIRE(ts.open(QIODevice::ReadOnly));
    const QByteArray text = ts.readAll();
    CHECK(text.count("numerus=\"yes\"") > 20);
    CHECK(text.count("numerus=\"yes\"") * 2 == text.count("<numerusform>"));
    CHECK_FALSE(text.contains("(s)"));
}

TEST_CASE("the reader zooms in and out with Ctrl+plus and Ctrl+minus, for every story and "
          "across restarts, and Ctrl+0 goes back",
          "[ui][reader][keys]")
{
    forgetSettings();
    QTemporaryDir dir;
    qreal base = 0;
    {
        ui::MainWindow window(openLibrary(dir));
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        REQUIRE(importAndWait(window, {sampleDir()}).added == 12);
        window.activateWindow();
        REQUIRE(QTest::qWaitForWindowActive(&window));
        base = window.reader()->font().pointSizeF();
        window.storyList()->setFocus();
        QTest::keyClick(window.storyList(), Qt::Key_Plus, Qt::ControlModifier);
        QTest::keyClick(window.storyList(), Qt::Key_Equal, Qt::ControlModifier);
        CHECK(window.reader()->zoom() == 2);
        CHECK(window.reader()->font().pointSizeF() == base + 2);
        QTest::keyClick(window.storyList(), Qt::Key_J); // another story: the same size
        CHECK(window.reader()->font().pointSizeF() == base + 2);
        QTest::keyClick(window.storyList(), Qt::Key_Minus, Qt::ControlModifier);
        CHECK(window.reader()->zoom() == 1);
        window.close();
    }
    ui::MainWindow again(openLibrary(dir)); // a restart keeps it
    CHECK(again.reader()->zoom() == 1);
    CHECK(again.reader()->font().pointSizeF() == base + 1);
    again.show();
    REQUIRE(QTest::qWaitForWindowExposed(&again));
    again.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&again));
    QTest::keyClick(again.storyList(), Qt::Key_0, Qt::ControlModifier);
    CHECK(again.reader()->zoom() == 0);
    CHECK(QSettings().value(QStringLiteral("reader/zoom")).toInt() == 0);
}

TEST_CASE("a source is renamed from its sidebar entry", "[ui][sidebar]")
{
    forgetSettings();
    SampleWindow fixture;
    ui::MainWindow& window = *fixture.window;
    QStandardItemModel* entries = window.sidebar()->entries();
    QString name;
    for (const QModelIndex& index :
         entries->match(entries->index(0, 0), ui::Sidebar::SourceRole, QStringLiteral("?*"), -1,
                        Qt::MatchWildcard | Qt::MatchRecursive))
        name = index.data(ui::Sidebar::SourceRole).toString();
    REQUIRE_FALSE(name.isEmpty());
    const int stories = window.storyModel()->rowCount();
    QTimer::singleShot(200, [] {
        if (auto* dialog = qobject_cast<QInputDialog*>(QApplication::activeModalWidget())) {
            dialog->setTextValue(QStringLiteral("Renamed Wire"));
            dialog->accept();
        }
    });
    window.renameSource(name);
    window.waitForWrites();
    INFO("source " << name.toStdString()
                   << ", status: " << window.statusBar()->currentMessage().toStdString());
    REQUIRE(QTest::qWaitFor(
        [&] {
            return !entries
                        ->match(entries->index(0, 0), ui::Sidebar::SourceRole,
                                QStringLiteral("Renamed Wire"), 1,
                                Qt::MatchExactly | Qt::MatchRecursive)
                        .isEmpty();
        },
        10000));
    CHECK(entries
              ->match(entries->index(0, 0), ui::Sidebar::SourceRole, name, 1,
                      Qt::MatchExactly | Qt::MatchRecursive)
              .isEmpty());
    CHECK(window.storyModel()->rowCount() == stories);
}

TEST_CASE("an import's report can be reopened from the status bar until the next import",
          "[ui][import]")
{
    forgetSettings();
    QTemporaryDir dir;
    ui::MainWindow window(openLibrary(dir));
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    QPushButton* report = nullptr;
    for (QPushButton* button : window.statusBar()->findChildren<QPushButton*>()) {
        if (button->text() == u"Import Report")
            report = button;
    }
    REQUIRE(report);
    CHECK_FALSE(report->isVisible()); // no import yet
    REQUIRE(importAndWait(window, {sampleDir()}).added == 12);
    CHECK(report->isVisible());
    CHECK(window.findChildren<QMessageBox*>().isEmpty()); // nothing skipped: no box by itself
    report->click();
    const QList<QMessageBox*> boxes = window.findChildren<QMessageBox*>();
    REQUIRE(boxes.size() == 1);
    CHECK(boxes.front()->text() == u"Imported 12 new articles.");
    boxes.front()->button(QMessageBox::Ok)->click();
    QTest::qWait(20);
    window.importPaths({sampleDir()});
    CHECK_FALSE(report->isVisible()); // the next import is running
    QSignalSpy done(&window, &ui::MainWindow::importFinished);
    REQUIRE(done.wait(60000));
    CHECK(report->isVisible());
}

TEST_CASE("Preferences apply at once: reader font, colours, density, snippets, order, and "
          "shortcuts with conflicts refused",
          "[ui][preferences]")
{
    forgetSettings();
    SampleWindow fixture;
    ui::MainWindow& window = *fixture.window;
    window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    QAction* preferencesAction = nullptr;
    for (QAction* action : window.commands()) {
        if (action->objectName() == u"preferences")
            preferencesAction = action;
    }
    REQUIRE(preferencesAction != nullptr);
    CHECK(preferencesAction->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_Comma));
    preferencesAction->trigger();
    ui::PreferencesDialog* dialog = window.preferencesDialog();
    REQUIRE(dialog != nullptr);
    CHECK(dialog->isVisible());

    // A serif reader at 15 pt, at once.
    auto* typeface = dialog->findChild<QComboBox*>(QStringLiteral("typeface"));
    auto* size = dialog->findChild<QSpinBox*>(QStringLiteral("pointSize"));
    REQUIRE(typeface);
    REQUIRE(size);
    typeface->setCurrentIndex(int(ui::Preferences::Typeface::Serif));
    size->setValue(15);
    CHECK(window.reader()->font().pointSize() == 15);
    CHECK((QFontInfo(window.reader()->font()).styleHint() == QFont::Serif ||
           window.reader()->font().families().contains(QStringLiteral("serif"))));
    CHECK(window.preferences().typeface == ui::Preferences::Typeface::Serif);

    // Dark colours for the whole window; the reader follows.
    auto* theme = dialog->findChild<QComboBox*>(QStringLiteral("theme"));
    REQUIRE(theme);
    theme->setCurrentIndex(int(ui::Preferences::Theme::Dark));
    CHECK(QApplication::palette().color(QPalette::Base).lightness() < 60);
    CHECK(QTest::qWaitFor(
        [&window] { return window.reader()->palette().color(QPalette::Base).lightness() < 60; },
        5000));

    // Density and snippets change the rows; the title cell gets the story's first line.
    const int comfortable = window.storyList()->verticalHeader()->defaultSectionSize();
    auto* density = dialog->findChild<QComboBox*>(QStringLiteral("density"));
    REQUIRE(density);
    density->setCurrentIndex(int(ui::Preferences::Density::Compact));
    CHECK(window.storyList()->verticalHeader()->defaultSectionSize() < comfortable);
    auto* snippets = dialog->findChild<QCheckBox*>(QStringLiteral("snippets"));
    REQUIRE(snippets);
    snippets->setChecked(true);
    CHECK(window.storyList()->verticalHeader()->defaultSectionSize() > comfortable);
    const QString snippet = window.storyModel()
                                ->index(0, ui::ArticleListModel::TitleColumn)
                                .data(ui::ArticleListModel::SnippetRole)
                                .toString();
    CHECK(snippet.size() > 20);
    CHECK_FALSE(snippet.contains(u'\n'));

    // Feeds: notifications off, and no automatic refresh, at once.
    auto* notifications = dialog->findChild<QCheckBox*>(QStringLiteral("notifications"));
    auto* automatic = dialog->findChild<QCheckBox*>(QStringLiteral("refreshAutomatically"));
    REQUIRE(notifications);
    REQUIRE(automatic);
    notifications->setChecked(false);
    automatic->setChecked(false);
    CHECK_FALSE(window.preferences().notifications);
    CHECK_FALSE(window.preferences().refreshAutomatically);
    CHECK_FALSE(ui::Preferences::load().notifications);

    // The order: oldest first, now.
    QSignalSpy searched(&window, &ui::MainWindow::searchFinished);
    auto* sort = dialog->findChild<QComboBox*>(QStringLiteral("sort"));
    REQUIRE(sort);
    sort->setCurrentIndex(int(ui::Preferences::Sort::Oldest));
    REQUIRE(searched.wait(10000));
    CHECK(window.storyList()->horizontalHeader()->sortIndicatorSection() ==
          ui::ArticleListModel::DateColumn);
    CHECK(window.storyList()->horizontalHeader()->sortIndicatorOrder() == Qt::AscendingOrder);

    // Shortcuts: a key another command has is refused, with the reason; a free one works
    // at once; Default puts the old one back.
    QAction* star = nullptr;
    for (QAction* action : window.commands()) {
        if (action->objectName() == u"toggle-star")
            star = action;
    }
    REQUIRE(star != nullptr);
    const QString refused =
        dialog->assignKey(QStringLiteral("toggle-star"), QKeySequence(Qt::Key_J));
    CHECK(refused.contains(QStringLiteral("Next Story")));
    CHECK(dialog->findChild<QLabel*>(QStringLiteral("keyMessage"))->text() == refused);
    CHECK(star->shortcut() == QKeySequence(Qt::Key_S));
    CHECK(dialog->assignKey(QStringLiteral("toggle-star"), QKeySequence(Qt::Key_X)).isEmpty());
    CHECK(star->shortcut() == QKeySequence(Qt::Key_X));
    CHECK(ui::Preferences::load().shortcuts.value(QStringLiteral("toggle-star")) ==
          QList<QKeySequence>{QKeySequence(Qt::Key_X)});
    // S is free now: another command may take it, and then Default for Star is refused.
    CHECK(dialog->assignKey(QStringLiteral("mark-read"), QKeySequence(Qt::Key_S)).isEmpty());
    dialog->resetKeys(QStringLiteral("toggle-star"));
    CHECK(star->shortcut() == QKeySequence(Qt::Key_X));
    dialog->resetAllKeys();
    CHECK(star->shortcut() == QKeySequence(Qt::Key_S));
    CHECK(ui::Preferences::load().shortcuts.isEmpty());

    // Kept for next time: a new window opens as the user left it.
    dialog->close();
    const ui::Preferences kept = ui::Preferences::load();
    CHECK(kept.pointSize == 15);
    CHECK(kept.theme == ui::Preferences::Theme::Dark);
    CHECK(kept.snippets);
    CHECK(kept.sort == ui::Preferences::Sort::Oldest);
    ui::Preferences light = kept;
    light.theme = ui::Preferences::Theme::System;
    window.applyPreferences(light); // back to the desktop's colours for the tests after
    CHECK(QApplication::palette().color(QPalette::Base).lightness() > 200);
}

TEST_CASE("the reader keeps a readable measure, puts source, author and date on one line, "
          "opens the original with o or Enter, and its tag chips search",
          "[ui][reader]")
{
    forgetSettings();
    SampleWindow fixture;
    ui::MainWindow& window = *fixture.window;
    window.resize(1800, 900);
    window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    window.storyList()->selectRow(0);
    QApplication::processEvents();
    ui::ReaderView* reader = window.reader();
    // However wide the pane, a line holds about 70 characters.
    const QFontMetricsF metrics(reader->document()->defaultFont());
    const qreal perCharacter =
        metrics.horizontalAdvance(QStringLiteral("abcdefghij klmnopqrst")) / 21;
    CHECK(reader->viewport()->width() > 100 * perCharacter);
    CHECK(reader->textWidth() < 80 * perCharacter);
    CHECK(reader->textWidth() > 60 * perCharacter);

    // One line of where, who and when.
    core::Article story;
    story.title = QStringLiteral("Rates rise");
    story.source = QStringLiteral("Wire");
    story.author = QStringLiteral("Ann Lee");
    story.published = core::PublishedDate::day(QDate(2024, 3, 5));
    story.url = QStringLiteral("https://example.com/rates");
    story.tags = {core::Tag{QStringLiteral("Bank of England"), QStringLiteral("organization")},
                  core::Tag{QStringLiteral("London"), QStringLiteral("place")}};
    const QString html = ui::ReaderView::articleHtml(story);
    CHECK(html.contains(QStringLiteral("Wire · by Ann Lee · ") +
                        QLocale().toString(QDate(2024, 3, 5), QLocale::LongFormat)));
    CHECK(html.contains(QStringLiteral("Open the original")));
    // Each kind has its own tint.
    QTextDocument document;
    document.setHtml(html);
    CHECK(document.toPlainText().contains(QStringLiteral("Bank of England")));

    // o and Enter open the story's page in the browser; only web links go.
    test::UrlRecorder desktop;
    QDesktopServices::setUrlHandler(QStringLiteral("https"), &desktop, "open");
    QDesktopServices::setUrlHandler(QStringLiteral("http"), &desktop, "open");
    reader->showArticle(story);
    window.storyList()->setFocus();
    QTest::keyClick(window.storyList(), Qt::Key_O);
    CHECK(desktop.opened == QList<QUrl>{QUrl(story.url)});
    QTest::keyClick(window.storyList(), Qt::Key_Return);
    CHECK(desktop.opened.size() == 2);
    QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
    QDesktopServices::unsetUrlHandler(QStringLiteral("http"));

    // A chip searches for its tag.
    QSignalSpy searched(&window, &ui::MainWindow::searchFinished);
    reader->followLink(
        ui::ReaderView::tagLink(QStringLiteral("Bank of England"), QStringLiteral("organization")));
    REQUIRE(searched.wait(10000));
    CHECK(window.searchField()->text() == QStringLiteral("tag:\"Bank of England\""));
    const auto [name, kind] = ui::ReaderView::tagOfLink(
        ui::ReaderView::tagLink(QStringLiteral("a \"b\" c"), QStringLiteral("person")));
    CHECK(name == QStringLiteral("a \"b\" c"));
    CHECK(kind == QStringLiteral("person"));
}

TEST_CASE("the list has an author column that sorts, and the timeline counts undated stories",
          "[ui][list]")
{
    forgetSettings();
    QTemporaryDir dir;
    auto store = openLibrary(dir);
    QList<core::Article> batch;
    for (int i = 0; i < 4; ++i) {
        core::Article a;
        a.title = QStringLiteral("story %1").arg(i);
        a.body = QStringLiteral("body of story %1").arg(i);
        a.source = QStringLiteral("Wire");
        a.author = i == 0 ? QString() : QStringLiteral("Writer %1").arg(QChar(u'D' - i));
        if (i < 3)
            a.published = core::PublishedDate::day(QDate(2024, 1 + i, 1));
        batch.append(a);
    }
    REQUIRE(store->addArticles(batch).ok());
    ui::MainWindow window(std::move(store));
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    REQUIRE(QTest::qWaitFor([&window] { return window.sidebarIsCurrent(); }, 10000));
    CHECK(window.timeline()->undated() == 1);
    CHECK(window.timeline()->undatedLabel()->isVisible());
    CHECK(window.timeline()->undatedLabel()->text() == QStringLiteral("1 undated"));

    // Shown from the header's menu; most feeds name no author, so it starts hidden.
    CHECK(window.storyList()->horizontalHeader()->isSectionHidden(
        ui::ArticleListModel::AuthorColumn));
    QSignalSpy searched(&window, &ui::MainWindow::searchFinished);
    window.storyList()->horizontalHeader()->setSortIndicator(ui::ArticleListModel::AuthorColumn,
                                                             Qt::AscendingOrder);
    REQUIRE(searched.wait(10000));
    QStringList authors;
    for (int row = 0; row < window.storyModel()->rowCount(); ++row)
        authors.append(
            window.storyModel()->index(row, ui::ArticleListModel::AuthorColumn).data().toString());
    CHECK(authors == QStringList{QStringLiteral("Writer A"), QStringLiteral("Writer B"),
                                 QStringLiteral("Writer C"), QString()});

    // A date filter says it leaves the undated story out.
    window.search(QStringLiteral("after:2024-01"));
    REQUIRE(searched.wait(10000));
    CHECK(window.hintLabel()->text().contains(QStringLiteral("no date")));
}

TEST_CASE("Preferences read from damaged settings fall back to the defaults", "[ui][preferences]")
{
    forgetSettings();
    {
        QSettings settings;
        settings.setValue(QStringLiteral("reader/typeface"), 99);
        settings.setValue(QStringLiteral("reader/pointSize"), 100000);
        settings.setValue(QStringLiteral("appearance/theme"), -3);
        settings.setValue(QStringLiteral("appearance/density"), QStringLiteral("\x01garbage"));
        settings.setValue(QStringLiteral("feeds/newFeedInterval"), -50);
        settings.setValue(QStringLiteral("shortcuts/toggle-star"),
                          QStringList{QString(), QStringLiteral("\xff\xfe")});
    }
    const ui::Preferences read = ui::Preferences::load();
    const ui::Preferences defaults;
    CHECK(read.typeface == defaults.typeface);
    CHECK(read.pointSize == 72); // held to the largest the reader takes
    CHECK(read.theme == defaults.theme);
    CHECK(read.density == ui::Preferences::Density::Compact); // not a number: 0
    CHECK(read.newFeedInterval == 0);
    // Keys that are no key at all are dropped: the command has none, not a broken one.
    for (const QKeySequence& key : read.shortcuts.value(QStringLiteral("toggle-star")))
        CHECK_FALSE(key.isEmpty());
    forgetSettings();
}

TEST_CASE("the reader lists a story's other versions and related stories, and a click shows one",
          "[ui][reader][discovery]")
{
    REQUIRE_SHARED("data/bbc/news/business");
    forgetSettings();
    QTemporaryDir dir;
    {
        auto store = openLibrary(dir);
        REQUIRE(importPaths(*store, {sharedPath(QStringLiteral("data/bbc/news/business"))}).ok());
    }
    ui::MainWindow window(openLibrary(dir));
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    // The corpus has this story twice, under two headlines.
    const QString query = QStringLiteral("title:\"UK interest rates held\"");
    window.search(query);
    REQUIRE(QTest::qWaitFor([&] { return window.storyModel()->rowCount() == 1; }, 10000));
    window.storyList()->selectRow(0);
    const QString shown = window.reader()->toPlainText();
    CHECK(shown.startsWith(QStringLiteral("UK interest rates held at 4.75%")));
    CHECK(shown.contains(QStringLiteral("Other versions of this story")));
    CHECK(shown.contains(QStringLiteral("Bank holds interest rate at 4.75%")));
    CHECK(shown.contains(QStringLiteral("Related stories")));
    const QString html = window.reader()->toHtml();
    CHECK(html.count(QStringLiteral("broadsheet-story:")) == 11); // one version, ten related

    // A click on the other version (outside the search's list) shows it, with the first
    // among its versions.
    auto store = openLibrary(dir);
    auto found = core::Searcher(store->database())
                     .matchingIds(QStringLiteral("title:\"Bank holds interest rate\""));
    REQUIRE(found.ok());
    REQUIRE(found->size() == 1);
    window.reader()->followLink(ui::ReaderView::storyLink(found->front()));
    CHECK(window.reader()->toPlainText().startsWith(
        QStringLiteral("Bank holds interest rate at 4.75%")));
    CHECK(window.reader()->toPlainText().contains(QStringLiteral("UK interest rates held")));
    CHECK(ui::ReaderView::storyOfLink(QUrl(QStringLiteral("broadsheet-story:x"))) == 0);
    CHECK(ui::ReaderView::storyOfLink(QUrl(QStringLiteral("https://example.com/1"))) == 0);
}

TEST_CASE("grouped, the list shows a story told twice once, naming its other version, and "
          "the choice is remembered",
          "[ui][discovery][versions]")
{
    REQUIRE_SHARED("data/bbc/news/business");
    forgetSettings();
    QTemporaryDir dir;
    {
        auto store = openLibrary(dir);
        REQUIRE(importPaths(*store, {sharedPath(QStringLiteral("data/bbc/news/business"))}).ok());
    }
    const int stories = [&dir] {
        auto store = openLibrary(dir);
        return static_cast<int>(*store->database().queryInt("SELECT count(*) FROM articles"));
    }();
    {
        ui::MainWindow window(openLibrary(dir));
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        REQUIRE(QTest::qWaitFor([&] { return window.storyModel()->rowCount() == stories; }, 10000));
        QSignalSpy searched(&window, &ui::MainWindow::searchFinished);
        window.search(QStringLiteral("\"interest rate\""));
        REQUIRE(searched.wait(10000));
        const int matches = window.storyModel()->rowCount();
        REQUIRE(matches < stories);
        CHECK(window.countLabel()->text() == QStringLiteral("%1 matches").arg(matches));

        QAction* group = window.groupVersionsAction();
        REQUIRE(group);
        CHECK_FALSE(group->isChecked());
        group->setChecked(true);
        REQUIRE(searched.wait(10000));
        REQUIRE(window.storyModel()->rowCount() < matches);
        CHECK(window.countLabel()->text() ==
              QStringLiteral("%1 stories match").arg(window.storyModel()->rowCount()));
        // The story told under two headlines is one row, which names the other.
        const ui::ArticleListModel& model = *window.storyModel();
        int named = 0;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex title = model.index(row, ui::ArticleListModel::TitleColumn);
            const QString versions = title.data(ui::ArticleListModel::VersionsRole).toString();
            if (versions.isEmpty())
                continue;
            ++named;
            CHECK(versions.startsWith(QStringLiteral("and ")));
            CHECK(title.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Also told in:")));
            if (title.data().toString().startsWith(QStringLiteral("UK interest rates held")) ||
                title.data().toString().startsWith(QStringLiteral("Bank holds interest rate"))) {
                CHECK(versions == QStringLiteral("and 1 more from business")); // its folder
                CHECK(title.data(Qt::ToolTipRole)
                          .toString()
                          .contains(QStringLiteral("interest rate")));
            }
        }
        CHECK(named >= 1);
        CHECK(named <= matches - model.rowCount());       // each named row stands for one or more
        CHECK_FALSE(window.storyList()->grab().isNull()); // the delegate paints the line

        // The whole library, grouped, lists fewer rows than it has stories.
        window.search(QString());
        REQUIRE(searched.wait(10000));
        CHECK(model.rowCount() > matches);
        CHECK(model.rowCount() < stories);
        CHECK(window.countLabel()->text() == QStringLiteral("%1 stories").arg(model.rowCount()));
    }
    // Remembered: the next window opens grouped; unchecked, every version has its row.
    {
        ui::MainWindow window(openLibrary(dir));
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        CHECK(window.groupVersionsAction()->isChecked());
        REQUIRE(QTest::qWaitFor(
            [&] {
                return window.storyModel()->rowCount() > 0 &&
                       window.storyModel()->rowCount() < stories;
            },
            10000));
        window.groupVersionsAction()->setChecked(false);
        REQUIRE(QTest::qWaitFor([&] { return window.storyModel()->rowCount() == stories; }, 10000));
        CHECK(window.countLabel()->text() == QStringLiteral("%1 articles").arg(stories));
    }
    forgetSettings();
}

TEST_CASE("a name in the sidebar opens its page: its stories, the names found with it, and a "
          "chip opens theirs",
          "[ui][discovery][entity]")
{
    REQUIRE_SHARED("data/bbc/news/business");
    forgetSettings();
    QTemporaryDir dir;
    {
        auto store = openLibrary(dir);
        REQUIRE(importPaths(*store, {sharedPath(QStringLiteral("data/bbc/news/business"))}).ok());
    }
    ui::MainWindow window(openLibrary(dir));
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    QStandardItemModel* entries = window.sidebar()->entries();
    QModelIndex yukos;
    REQUIRE(QTest::qWaitFor(
        [&] {
            const QModelIndexList found = entries->match(
                entries->index(0, 0), ui::Sidebar::QueryRole,
                ui::Sidebar::filterQuery(QStringLiteral("tag"), QStringLiteral("Yukos")), 1,
                Qt::MatchExactly | Qt::MatchRecursive);
            yukos = found.isEmpty() ? QModelIndex() : found.front();
            return yukos.isValid();
        },
        20000));
    CHECK(yukos.data(ui::Sidebar::EntityRole).toString() == QStringLiteral("Yukos"));

    QSignalSpy searched(&window, &ui::MainWindow::searchFinished);
    QSignalSpy shown(&window, &ui::MainWindow::entityShown);
    window.sidebar()->setCurrentIndex(yukos);
    REQUIRE((shown.count() > 0 || shown.wait(10000)));
    REQUIRE((searched.count() > 0 || searched.wait(10000)));
    ui::ReaderView* reader = window.reader();
    CHECK(reader->entityShown() == QStringLiteral("Yukos"));
    const QString page = reader->toPlainText();
    CHECK(page.startsWith(QStringLiteral("Yukos")));
    CHECK(page.contains(QStringLiteral("Organisation")));
    CHECK(page.contains(QStringLiteral("have no date"))); // the corpus is undated
    CHECK(page.contains(QStringLiteral("Found with")));
    CHECK(page.contains(QStringLiteral("Russia")));
    // The list shows its stories, none picked: the page stays until one is.
    CHECK(window.searchField()->text() == QStringLiteral("tag:\"Yukos\""));
    CHECK(window.storyModel()->rowCount() >= 20);
    CHECK_FALSE(window.storyList()->currentIndex().isValid());

    // A chip on the page opens that name's page.
    shown.clear();
    searched.clear();
    reader->followLink(ui::ReaderView::tagLink(QStringLiteral("Russia"), QStringLiteral("place")));
    REQUIRE(shown.wait(10000));
    CHECK(reader->entityShown() == QStringLiteral("Russia"));
    CHECK(reader->toPlainText().contains(QStringLiteral("Place")));
    REQUIRE((searched.count() > 0 || searched.wait(10000)));
    CHECK(window.searchField()->text() == QStringLiteral("tag:\"Russia\""));
    CHECK_FALSE(window.storyList()->currentIndex().isValid());

    // Picking a story reads it; another search forgets the page.
    window.storyList()->selectRow(0);
    CHECK(reader->entityShown().isEmpty());
    window.search(QStringLiteral("oil"));
    REQUIRE(searched.wait(10000));
    CHECK(window.storyList()->currentIndex().isValid());
}
