// SPDX-License-Identifier: GPL-3.0-or-later
// Sync accounts in the window, on real widgets against a real Tiny Tiny RSS on 127.0.0.1:
// File → Add Account… with its Test button, the sync on its own thread, the account with its
// folders and feeds in the sidebar, the status line, and a read mark going back.
#include "add_account_dialog.h"
#include "add_feed_dialog.h"
#include "feed_refresh_controller.h"
#include "feed_servers.h"
#include "http_test_server.h"
#include "main_window.h"
#include "sidebar.h"
#include "store/article_store.h"
#include "store/library_writer.h"
#include "sync/credentials.h"
#include "sync/greader_backend.h"
#include "sync/http_client.h"
#include "sync/ttrss_backend.h"
#include "sync_controller.h"
#include "test_support.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <catch2/catch.hpp>

using namespace broadsheet;

namespace {

/// The top-level sidebar group of a sync account, or null.
QStandardItem* accountGroup(ui::Sidebar* sidebar)
{
    QStandardItemModel* model = sidebar->entries();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->item(row)->data(ui::Sidebar::AccountRole).isValid())
            return model->item(row);
    }
    return nullptr;
}

} // namespace

TEST_CASE("window: Add Account tests the login, adds the account, syncs it on its own thread, "
          "shows its folders and feeds in the sidebar and its state in the status line, and "
          "sends a read mark back",
          "[ui][sync][server][ttrss]")
{
    if (!test::TtRss::installed()) {
        WARN("tt-rss or PostgreSQL 15 is not installed (scripts/deps installs them)");
        REQUIRE(test::TtRss::installed());
    }
    QTemporaryDir dir;
    qputenv("BROADSHEET_NO_KEYRING", "1");
    qputenv("BROADSHEET_CREDENTIALS", dir.filePath(QStringLiteral("passwords.json")).toUtf8());
    test::TtRss server(dir.filePath(QStringLiteral("ttrss")));
    INFO(server.error().toStdString());
    REQUIRE(server.start());
    const qint64 money = server.addCategory(QStringLiteral("Money"));
    const qint64 wire = server.addFeed(QStringLiteral("Wire"),
                                       QStringLiteral("http://example.com/wire.xml"), money);
    for (int i = 0; i < 3; ++i)
        server.addEntry(wire, QStringLiteral("Harbour report %1").arg(i),
                        QStringLiteral("http://example.com/w/%1").arg(i),
                        QStringLiteral("<p>Boats and tides, part %1.</p>").arg(i), 60 * i);

    QSettings().clear();
    QTemporaryDir libraryDir;
    auto window = std::make_unique<ui::MainWindow>(test::openNewLibrary(libraryDir));
    window->feedRefresher()->setSchedule(0);
    window->syncer()->setSchedule(0); // the test syncs when it means to
    window->show();
    REQUIRE(QTest::qWaitForWindowExposed(window.get()));
    CHECK_FALSE(window->syncStatus()->isVisible()); // no account: no sync line

    window->showAddAccountDialog();
    auto* dialog = window->findChild<ui::AddAccountDialog*>();
    REQUIRE(dialog);
    CHECK_FALSE(dialog->testButton()->isEnabled());
    dialog->kindField()->setCurrentIndex(dialog->kindField()->findData(QStringLiteral("ttrss")));
    dialog->urlField()->setText(server.apiUrl().toString());
    dialog->userField()->setText(server.user());
    dialog->passwordField()->setText(QStringLiteral("wrong-password-77"));
    REQUIRE(dialog->testButton()->isEnabled());

    // A wrong password: the dialog says so, and stays open.
    QSignalSpy checked(dialog, &ui::AddAccountDialog::checked);
    QTest::mouseClick(dialog->testButton(), Qt::LeftButton);
    REQUIRE(checked.wait(15000));
    CHECK_FALSE(checked.takeFirst().at(0).toBool());
    CHECK(dialog->statusLabel()->text().contains(QStringLiteral("refused user 'alice'")));
    CHECK_FALSE(dialog->statusLabel()->text().contains(QStringLiteral("wrong-password-77")));
    dialog->addButton()->click();
    REQUIRE(checked.wait(15000));
    CHECK_FALSE(checked.takeFirst().at(0).toBool());
    CHECK(dialog->isVisible());

    // The right one: Test says so; Add adds the account and syncs it.
    dialog->passwordField()->setText(server.password());
    QTest::mouseClick(dialog->testButton(), Qt::LeftButton);
    REQUIRE(checked.wait(15000));
    CHECK(checked.takeFirst().at(0).toBool());
    QSignalSpy synced(window.get(), &ui::MainWindow::synced);
    dialog->addButton()->click();
    REQUIRE(synced.wait(30000));
    CHECK(synced.front().at(0).toInt() == 3);
    CHECK(synced.front().at(1).toInt() == 0);
    REQUIRE(QTest::qWaitFor([&] { return window->sidebarIsCurrent(); }, 15000));

    // The account in the sidebar, with its server's folder and feed.
    QStandardItem* account = accountGroup(window->sidebar());
    REQUIRE(account);
    CHECK(account->text().contains(QStringLiteral("alice on 127.0.0.1")));
    REQUIRE(account->rowCount() == 1);
    QStandardItem* folder = account->child(0);
    CHECK(folder->text().startsWith(QStringLiteral("Money")));
    REQUIRE(folder->rowCount() == 1);
    CHECK(folder->child(0)->text().startsWith(QStringLiteral("Wire")));
    CHECK_FALSE(folder->child(0)->text().contains(QStringLiteral("⊘")));
    CHECK(window->syncStatus()->isVisible());
    CHECK(window->syncStatus()->text().contains(QStringLiteral("synced")));
    auto reader = core::ArticleStore::open(libraryDir.filePath(QStringLiteral("library.sqlite")),
                                           core::ArticleStore::OpenMode::OpenExisting);
    REQUIRE(reader.ok());
    auto count = [&](const char* sql) {
        auto value = (*reader)->database().queryInt(sql);
        REQUIRE(value.ok());
        return *value;
    };
    CHECK(count("SELECT count(*) FROM articles") == 3);

    // Read here: queued, and on the server after the next sync.
    const qint64 id = count("SELECT id FROM articles WHERE title = 'Harbour report 1'");
    window->writer()->post([id](core::ArticleStore& store) -> core::Result<void> {
        auto marked = store.setRead({id}, true);
        if (!marked)
            return marked.error();
        return {};
    });
    window->waitForWrites();
    // (The story the reader shows was read when shown: its mark waits too.)
    CHECK(count("SELECT count(*) FROM sync_queue WHERE kind = 'read'") >= 1);
    const qint64 unreadHere = count("SELECT count(*) FROM articles WHERE is_read = 0");
    CHECK(unreadHere < 3);
    synced.clear();
    window->syncer()->sync();
    REQUIRE(synced.wait(30000));
    core::HttpClient http;
    core::TtRssBackend elsewhere(core::AccountSettings{QStringLiteral("ttrss"), server.apiUrl(),
                                                       server.user(), server.password()},
                                 http);
    auto unread = elsewhere.unreadIds();
    REQUIRE(unread.ok());
    CHECK(unread->size() == unreadHere);
    CHECK(count("SELECT count(*) FROM sync_queue") == 0);

    // Subscribe to a Feed… on the account: the server is asked, and its refusal (TT-RSS
    // fetches no loopback feed) is said with the address; nothing is subscribed here.
    {
        test::HttpTestServer feeds;
        REQUIRE(feeds.listen());
        test::HttpTestServer::Response desk;
        desk.headers = {{"Content-Type", "application/rss+xml"}};
        desk.body = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Desk</title>"
                    "<item><title>Desk one</title><link>http://example.com/d/1</link></item>"
                    "</channel></rss>";
        feeds.route("/desk.xml", desk);
        REQUIRE(accountGroup(window->sidebar()));
        const qint64 accountId =
            accountGroup(window->sidebar())->data(ui::Sidebar::AccountRole).toLongLong();
        REQUIRE(accountId > 0);
        window->showAddFeedDialog(accountId, QStringLiteral("Money"));
        auto* add = window->findChild<ui::AddFeedDialog*>();
        REQUIRE(add);
        CHECK(add->placeBox()->isVisible());
        CHECK(add->account() == accountId);
        add->addressField()->setText(feeds.url(QStringLiteral("/desk.xml")));
        QSignalSpy looked(add, &ui::AddFeedDialog::looked);
        add->find();
        REQUIRE(looked.wait(15000));
        REQUIRE(add->subscribeButton()->isEnabled());
        QSignalSpy answered(window->syncer(), &ui::SyncController::subscribed);
        synced.clear();
        add->subscribeButton()->click();
        REQUIRE(answered.wait(30000));
        const QString error = answered.front().at(2).toString();
        CHECK(error.contains(feeds.url(QStringLiteral("/desk.xml"))));
        CHECK(window->statusBar()->currentMessage().contains(QStringLiteral("did not subscribe")));
        // The run ends (no sync of a feed the server refused).
        REQUIRE(QTest::qWaitFor([&] { return !synced.isEmpty(); }, 30000));
        CHECK(count("SELECT count(*) FROM subscriptions") == 1);
    }

    // The server down: the status line says the sync failed; nothing here is lost.
    server.stop();
    synced.clear();
    window->syncer()->sync();
    REQUIRE(synced.wait(30000));
    CHECK(synced.front().at(1).toInt() == 1);
    CHECK(window->syncStatus()->text().contains(QStringLiteral("failed")));
    CHECK(window->syncStatus()->toolTip().contains(QStringLiteral("127.0.0.1")));
    CHECK(count("SELECT count(*) FROM articles") == 3);
}

TEST_CASE("window: Subscribe to a Feed… on a FreshRSS account asks the server, which fetches "
          "the feed, and the next sync brings it into the account's folder with its stories",
          "[ui][sync][server]")
{
    REQUIRE_SHARED("servers/freshrss/start");
    QTemporaryDir dir;
    qputenv("BROADSHEET_NO_KEYRING", "1");
    qputenv("BROADSHEET_CREDENTIALS", dir.filePath(QStringLiteral("passwords.json")).toUtf8());
    test::FreshRss server(dir.filePath(QStringLiteral("freshrss")));
    INFO(server.error().toStdString());
    REQUIRE(server.start());
    test::HttpTestServer feeds;
    REQUIRE(feeds.listen());
    test::HttpTestServer::Response desk;
    desk.headers = {{"Content-Type", "application/rss+xml"}};
    desk.body = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Desk</title>"
                "<link>http://example.com/</link>"
                "<item><title>Desk one</title><link>http://example.com/d/1</link>"
                "<description>The first.</description></item>"
                "<item><title>Desk two</title><link>http://example.com/d/2</link>"
                "<description>The second.</description></item></channel></rss>";
    feeds.route("/desk.xml", desk);

    QSettings().clear();
    QTemporaryDir libraryDir;
    auto library = test::openNewLibrary(libraryDir);
    auto id =
        library->addAccount(QStringLiteral("greader"), server.apiUrl().toString(), server.user());
    REQUIRE(id.ok());
    auto account = library->account(*id);
    REQUIRE(account.ok());
    REQUIRE(account->has_value());
    REQUIRE(core::credentials::store(**account, server.apiPassword()).ok());
    auto window = std::make_unique<ui::MainWindow>(std::move(library));
    window->feedRefresher()->setSchedule(0);
    window->syncer()->setSchedule(0);
    window->show();
    REQUIRE(QTest::qWaitForWindowExposed(window.get()));
    REQUIRE(QTest::qWaitFor([&] { return window->sidebarIsCurrent(); }, 15000));

    // File → Add Feed… offers the account; chosen, the server is asked, not the feed fetched
    // here for keeps.
    window->showAddFeedDialog();
    auto* add = window->findChild<ui::AddFeedDialog*>();
    REQUIRE(add);
    REQUIRE(add->placeBox()->count() == 2);
    CHECK(add->account() == 0);
    add->placeBox()->setCurrentIndex(1);
    CHECK(add->account() == *id);
    for (QLineEdit* field : add->findChildren<QLineEdit*>()) {
        if (field->accessibleName() == QStringLiteral("Name"))
            CHECK_FALSE(field->isEnabled()); // the server names it
    }
    add->addressField()->setText(feeds.url(QStringLiteral("/desk.xml")));
    QSignalSpy looked(add, &ui::AddFeedDialog::looked);
    add->find();
    REQUIRE(looked.wait(15000));
    REQUIRE(add->subscribeButton()->isEnabled());
    CHECK(add->preview()->count() == 2);
    for (QComboBox* box : add->findChildren<QComboBox*>()) {
        if (box->accessibleName() == QStringLiteral("Folder"))
            box->setCurrentText(QStringLiteral("Desks"));
    }
    QSignalSpy answered(window->syncer(), &ui::SyncController::subscribed);
    QSignalSpy synced(window.get(), &ui::MainWindow::synced);
    add->subscribeButton()->click();
    REQUIRE(answered.wait(30000));
    INFO(answered.front().at(2).toString().toStdString());
    CHECK(answered.front().at(2).toString().isEmpty());
    REQUIRE(synced.wait(30000));
    CHECK(synced.front().at(0).toInt() == 2);
    CHECK(synced.front().at(1).toInt() == 0);

    // On the server, in its folder; here, under the account with its stories.
    core::HttpClient http;
    core::GReaderBackend elsewhere(core::AccountSettings{QStringLiteral("greader"), server.apiUrl(),
                                                         server.user(), server.apiPassword()},
                                   http);
    auto there = elsewhere.feeds();
    REQUIRE(there.ok());
    REQUIRE(there->size() == 1);
    CHECK(there->front().folder == QStringLiteral("Desks"));
    REQUIRE(QTest::qWaitFor([&] { return window->sidebarIsCurrent(); }, 15000));
    QStandardItem* group = accountGroup(window->sidebar());
    REQUIRE(group);
    REQUIRE(group->rowCount() == 1);
    CHECK(group->child(0)->text().startsWith(QStringLiteral("Desks")));
    REQUIRE(group->child(0)->rowCount() == 1);
    CHECK(group->child(0)->child(0)->text().startsWith(QStringLiteral("Desk")));
    auto reader = core::ArticleStore::open(libraryDir.filePath(QStringLiteral("library.sqlite")),
                                           core::ArticleStore::OpenMode::OpenExisting);
    REQUIRE(reader.ok());
    auto local = (*reader)->database().queryInt(
        "SELECT count(*) FROM subscriptions WHERE account_id IS NULL");
    REQUIRE(local.ok());
    CHECK(*local == 0); // not a subscription of this library's own
    auto stories = (*reader)->database().queryInt("SELECT count(*) FROM articles");
    REQUIRE(stories.ok());
    CHECK(*stories == 2);
}
