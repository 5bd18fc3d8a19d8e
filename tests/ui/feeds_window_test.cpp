// SPDX-License-Identifier: GPL-3.0-or-later
// Subscriptions in the window, on real widgets against a real HTTP server on 127.0.0.1: the
// Add Feed dialog's discovery and preview, refreshes in place, error marks in the sidebar,
// Delete with Undo, properties and unsubscribing.
#include "add_feed_dialog.h"
#include "article_list_model.h"
#include "feed_refresh_controller.h"
#include "http_test_server.h"
#include "main_window.h"
#include "sidebar.h"
#include "store/article_store.h"
#include "test_support.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <catch2/catch.hpp>

using namespace broadsheet;
using Response = test::HttpTestServer::Response;

namespace {

QByteArray rss(const QList<int>& items, const QByteArray& title = "Harbour Gazette")
{
    QByteArray out = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>" + title +
                     "</title><link>https://harbour.example/</link>";
    for (int i : items) {
        const QByteArray n = QByteArray::number(i);
        out += "<item><title>Tide report " + n + "</title><guid>https://harbour.example/" + n +
               "</guid><pubDate>Tue, 0" + n +
               " Dec 2026 08:00:00 GMT</pubDate><description>Boats and tides, part " + n +
               ".</description></item>";
    }
    return out + "</channel></rss>";
}

Response feed(const QByteArray& body)
{
    return Response{200, {{"Content-Type", "application/rss+xml"}}, body, 0};
}

struct Window {
    QTemporaryDir dir;
    std::unique_ptr<ui::MainWindow> window;

    Window()
    {
        QSettings().clear();
        window = std::make_unique<ui::MainWindow>(test::openNewLibrary(dir));
        window->feedRefresher()->setSchedule(0); // the test refreshes when it means to
        window->show();
        REQUIRE(QTest::qWaitForWindowExposed(window.get()));
    }

    qint64 subscribe(const QString& url)
    {
        ui::AddFeedDialog dialog({});
        dialog.addressField()->setText(url);
        QSignalSpy looked(&dialog, &ui::AddFeedDialog::looked);
        dialog.find();
        REQUIRE(looked.wait(15000));
        REQUIRE(dialog.subscribeButton()->isEnabled());
        QSignalSpy subscribed(window.get(), &ui::MainWindow::subscribed);
        window->subscribeTo(dialog.subscription(), dialog.answer());
        REQUIRE(subscribed.wait(15000));
        REQUIRE(subscribed.front().at(1).toString().isEmpty());
        const qint64 id = subscribed.front().at(0).toLongLong();
        waitForSidebar();
        return id;
    }

    std::pair<int, int> refresh(const QList<qint64>& ids = {})
    {
        QSignalSpy done(window.get(), &ui::MainWindow::feedsRefreshed);
        window->refreshFeeds(ids);
        REQUIRE(done.wait(30000));
        waitForSidebar();
        return {done.front().at(0).toInt(), done.front().at(1).toInt()};
    }

    void waitForSidebar()
    {
        REQUIRE(QTest::qWaitFor([this] { return window->sidebarIsCurrent(); }, 15000));
        QTest::qWait(50);
        REQUIRE(QTest::qWaitFor([this] { return window->sidebarIsCurrent(); }, 15000));
    }

    QStandardItem* entryOf(qint64 id)
    {
        const QModelIndex index = window->sidebar()->subscriptionIndex(id);
        REQUIRE(index.isValid());
        return window->sidebar()->entries()->itemFromIndex(index);
    }
};

} // namespace

TEST_CASE("Add Feed finds a site's feeds, previews the chosen one and subscribes to it",
          "[ui][feeds][http]")
{
    test::HttpTestServer server;
    REQUIRE(server.listen());
    server.route("/", {200,
                       {{"Content-Type", "text/html; charset=utf-8"}},
                       "<html><head><title>Harbour</title>"
                       "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"News\" "
                       "href=\"/news.xml\">"
                       "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Comments\" "
                       "href=\"/comments.xml\"></head><body>Hello</body></html>",
                       0});
    server.route("/news.xml", feed(rss({1, 2, 3})));
    server.route("/comments.xml", feed(rss({}, "Comments")));
    ui::AddFeedDialog dialog({QStringLiteral("Local")});
    dialog.addressField()->setText(server.url(QStringLiteral("/")));
    QSignalSpy looked(&dialog, &ui::AddFeedDialog::looked);
    dialog.find();
    REQUIRE(looked.wait(15000));
    REQUIRE(dialog.foundFeeds()->count() == 2);
    CHECK(dialog.foundFeeds()->isVisible() == dialog.isVisible());
    CHECK_FALSE(dialog.subscribeButton()->isEnabled()); // not before one is chosen
    dialog.foundFeeds()->setCurrentRow(0);
    REQUIRE(looked.wait(15000));
    REQUIRE(dialog.subscribeButton()->isEnabled());
    REQUIRE(dialog.preview()->count() == 3);
    CHECK(dialog.preview()->item(0)->text().startsWith(u"Tide report"));
    CHECK(dialog.subscription().url == server.url(QStringLiteral("/news.xml")));
    CHECK(dialog.subscription().title == u"Harbour Gazette");

    // Something that is no feed says so, naming where.
    server.route("/nothing", {200, {{"Content-Type", "text/plain"}}, "just words", 0});
    dialog.addressField()->setText(server.url(QStringLiteral("/nothing")));
    dialog.find();
    REQUIRE(looked.wait(15000));
    CHECK(dialog.statusLabel()->text().contains(u"/nothing"));
    CHECK_FALSE(dialog.subscribeButton()->isEnabled());
}

TEST_CASE("the window refreshes feeds in place, marks one that fails, and shows unread in its "
          "title",
          "[ui][feeds][http]")
{
    test::HttpTestServer server;
    REQUIRE(server.listen());
    server.route("/news.xml", feed(rss({1, 2})));
    Window w;
    ui::MainWindow& window = *w.window;
    const qint64 id = w.subscribe(server.url(QStringLiteral("/news.xml")));
    REQUIRE(QTest::qWaitFor([&] { return window.storyModel()->rowCount() == 2; }, 15000));
    // The story shown is read; the other is counted in the feed's entry and the title.
    auto unread = [&] {
        INFO(w.entryOf(id)->text().toStdString() << " / " << window.windowTitle().toStdString());
        // The feed's count is the recount's; the title's follows reading at once, so it may
        // be one story ahead of it.
        const qint64 n = window.sidebar()->overview().subscriptions.front().unread;
        CHECK(w.entryOf(id)->text().contains(QStringLiteral("(%1)").arg(n)));
        CHECK(window.windowTitle().contains(u"unread"));
        return n;
    };
    CHECK(unread() >= 1);

    // The story at the bottom stays selected while a new one arrives above it.
    window.storyList()->selectRow(1);
    const core::ArticleId selected = window.storyModel()->idAt(1);
    server.route("/news.xml", feed(rss({1, 2, 3})));
    const auto [added, failed] = w.refresh();
    CHECK(added == 1);
    CHECK(failed == 0);
    REQUIRE(QTest::qWaitFor([&] { return window.storyModel()->rowCount() == 3; }, 15000));
    CHECK(window.storyModel()->idAt(window.storyList()->currentIndex().row()) == selected);
    CHECK(unread() >= 1); // the new one at least (the one selected was read on showing)

    // A server error: the feed is marked, the reason on hover; the stories stay.
    server.route("/news.xml", {500, {}, "broken", 0});
    const auto [none, failures] = w.refresh({id});
    CHECK(none == 0);
    CHECK(failures == 1);
    QStandardItem* entry = w.entryOf(id);
    CHECK(entry->text().startsWith(u"⚠"));
    INFO(entry->toolTip().toStdString());
    CHECK(entry->toolTip().contains(u"500"));
    CHECK(window.storyModel()->rowCount() == 3);
}

TEST_CASE("Delete removes the selected stories and Undo brings them back, and unsubscribing "
          "keeps the stories",
          "[ui][feeds][http]")
{
    test::HttpTestServer server;
    REQUIRE(server.listen());
    server.route("/news.xml", feed(rss({1, 2, 3})));
    Window w;
    ui::MainWindow& window = *w.window;
    const qint64 id = w.subscribe(server.url(QStringLiteral("/news.xml")));
    REQUIRE(QTest::qWaitFor([&] { return window.storyModel()->rowCount() == 3; }, 15000));

    window.storyList()->setFocus();
    window.storyList()->selectRow(0);
    QSignalSpy deleted(&window, &ui::MainWindow::storiesDeleted);
    QTest::keyClick(window.storyList(), Qt::Key_Delete);
    REQUIRE(deleted.wait(15000));
    REQUIRE(QTest::qWaitFor([&] { return window.storyModel()->rowCount() == 2; }, 15000));
    CHECK(window.canUndoDelete());
    // A refresh does not bring it back.
    CHECK(w.refresh().first == 0);
    CHECK(window.storyModel()->rowCount() == 2);

    QSignalSpy restored(&window, &ui::MainWindow::storiesRestored);
    QTest::keyClick(window.storyList(), Qt::Key_Z, Qt::ControlModifier);
    REQUIRE(restored.wait(15000));
    REQUIRE(QTest::qWaitFor([&] { return window.storyModel()->rowCount() == 3; }, 15000));
    CHECK_FALSE(window.canUndoDelete());

    window.unsubscribe(id, false);
    REQUIRE(
        QTest::qWaitFor([&] { return !window.sidebar()->subscriptionIndex(id).isValid(); }, 15000));
    w.waitForSidebar();
    CHECK(window.storyModel()->rowCount() == 3);
    auto store = core::ArticleStore::open(w.dir.filePath(QStringLiteral("library.sqlite")),
                                          core::ArticleStore::OpenMode::OpenExisting);
    REQUIRE(store);
    auto problems = (*store)->check();
    REQUIRE(problems);
    CHECK(problems->isEmpty());
}

TEST_CASE("the schedule refreshes what is due by the wall clock, so a window opened after a "
          "night away (or a computer that slept) catches up",
          "[ui][feeds][http]")
{
    test::HttpTestServer server;
    REQUIRE(server.listen());
    server.route("/news.xml", feed(rss({1})));
    Window w;
    const qint64 id = w.subscribe(server.url(QStringLiteral("/news.xml")));
    ui::FeedRefreshController& feeds = *w.window->feedRefresher();
    auto due = [&feeds](const QDateTime& now) {
        feeds.setClock([now] { return now; });
        QSignalSpy finished(&feeds, &ui::FeedRefreshController::finished);
        feeds.refresh(ui::FeedRefreshController::Scope::Due);
        REQUIRE(finished.wait(15000));
        return finished.front().at(0).toInt();
    };
    const qsizetype asked = server.requests().size();
    // Just subscribed: the next refresh is about an hour away.
    CHECK(due(QDateTime::currentDateTimeUtc()) == 0);
    CHECK(server.requests().size() == asked);
    // Eight hours later (the lid was closed): it is due, and asked for once.
    CHECK(due(QDateTime::currentDateTimeUtc().addSecs(8 * 3600)) == 1);
    CHECK(server.requests().size() == asked + 1);
    CHECK(w.window->sidebar()->subscriptionIndex(id).isValid());
}
