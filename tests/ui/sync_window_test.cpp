// SPDX-License-Identifier: GPL-3.0-or-later
// Sync accounts in the window, on real widgets against a real Tiny Tiny RSS on 127.0.0.1:
// File → Add Account… with its Test button, the sync on its own thread, the account with its
// folders and feeds in the sidebar, the status line, and a read mark going back.
#include "add_account_dialog.h"
#include "feed_refresh_controller.h"
#include "feed_servers.h"
#include "main_window.h"
#include "sidebar.h"
#include "store/article_store.h"
#include "store/library_writer.h"
#include "sync/http_client.h"
#include "sync/ttrss_backend.h"
#include "sync_controller.h"
#include "test_support.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardItemModel>
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
