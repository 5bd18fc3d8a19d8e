// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow's feeds: adding a subscription, refreshing in the background (F5, Shift+F5,
// and every minute what is due), properties, unsubscribing, marking a feed read, deleting
// stories with undo, and telling the desktop of new stories.
#include "add_feed_dialog.h"
#include "article_list_model.h"
#include "desktop_notifier.h"
#include "feed_properties_dialog.h"
#include "feed_refresh_controller.h"
#include "job_indicator.h"
#include "main_window.h"
#include "search/searcher.h"
#include "sidebar.h"
#include "sidebar_controller.h"
#include "store/library_writer.h"
#include "sync_controller.h"
#include "tagging_controller.h"

#include <QAction>
#include <QCheckBox>
#include <QFileInfo>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolButton>

namespace broadsheet::ui {

namespace {
constexpr int kShowNewAfterMs = 3000; ///< new stories are shown in place this soon
} // namespace

void MainWindow::setUpFeeds()
{
    m_feedJob = std::make_unique<JobIndicator>(statusBar(), tr("Feed refresh progress"),
                                               tr("Cancel Refresh"),
                                               tr("Stop refreshing; what arrived stays"), 200);
    m_feedsShown = new QTimer(this);
    m_feedsShown->setSingleShot(true);
    m_feedsShown->setInterval(kShowNewAfterMs);
    connect(m_feedsShown, &QTimer::timeout, this, [this] {
        refreshInPlace();
        refreshSidebar();
    });
    connect(m_sidebar, &Sidebar::refreshRequested, this, &MainWindow::refreshFeeds);
    connect(m_sidebar, &Sidebar::markAllReadRequested, this, &MainWindow::markAllRead);
    connect(m_sidebar, &Sidebar::markFeedReadRequested, this, &MainWindow::markFeedRead);
    connect(m_sidebar, &Sidebar::renameSourceRequested, this, &MainWindow::renameSource);
    connect(m_sidebar, &Sidebar::renameSavedSearchRequested, this, [this](const QString& name) {
        bool ok = false;
        const QString newName = QInputDialog::getText(
            this, tr("Rename Saved Search"), tr("New name:"), QLineEdit::Normal, name, &ok);
        if (ok)
            renameSavedSearch(name, newName);
    });
    connect(m_sidebar, &Sidebar::savedSearchOrderRequested, this, &MainWindow::orderSavedSearches);
    connect(m_sidebar, &Sidebar::deleteSavedSearchRequested, this, &MainWindow::deleteSavedSearch);
    connect(m_sidebar, &Sidebar::propertiesRequested, this, &MainWindow::showFeedProperties);
    connect(m_sidebar, &Sidebar::unsubscribeRequested, this, &MainWindow::confirmUnsubscribe);
    connect(m_sidebarCounts, &SidebarController::refreshed, this,
            [this](const core::LibraryOverview& overview) {
                updateWindowTitle(overview.unread);
                showSyncState(overview.accounts);
            });
    if (!m_writer)
        return;
    m_feeds = new FeedRefreshController(*m_writer, m_store->path(), this);
    connect(m_feedJob->button(), &QToolButton::clicked, m_feeds, &FeedRefreshController::cancel);
    connect(m_feeds, &FeedRefreshController::progress, this, [this](int done, int total) {
        m_feedJob->progress(done, total, tr("Feeds: %1 of %2").arg(done).arg(total));
    });
    connect(m_feeds, &FeedRefreshController::feedRefreshed, this,
            [this](const core::FeedUpdate& update) {
                if (update.added > 0 || update.updated > 0 || update.removed > 0) {
                    if (!m_feedsShown->isActive())
                        m_feedsShown->start();
                }
                if (update.added > 0 && update.state.notify)
                    m_notifyTitles.append(
                        tr("%1: %n new", nullptr, update.added).arg(update.state.title));
            });
    connect(m_feeds, &FeedRefreshController::problem, this,
            [this](const QString& message) { statusBar()->showMessage(message, 15000); });
    connect(
        m_feeds, &FeedRefreshController::finished, this, [this](int asked, int added, int failed) {
            const bool userAsked = m_feedJob->isShown();
            m_feedJob->ended();
            if (asked == 0 && !userAsked)
                return; // a scheduled look found nothing due
            m_feedsShown->stop();
            refreshInPlace();
            refreshSidebar();
            if (m_tagger && added > 0)
                m_tagger->start();
            QString message = asked == 0 ? tr("No feeds to refresh.")
                                         : tr("Feeds refreshed: %n new stories", nullptr, added);
            if (failed > 0)
                message += tr("; %n feeds failed (see the sidebar)", nullptr, failed);
            statusBar()->showMessage(message, 10000);
            if (!m_notifyTitles.isEmpty() && m_preferences.notifications) {
                desktop_notifier::notify(tr("New stories in Broadsheet"),
                                         m_notifyTitles.join(u'\n'));
            }
            m_notifyTitles.clear();
            Q_EMIT feedsRefreshed(added, failed);
        });
    // Every minute what is due; soon after opening, what fell due while it was closed (or
    // the computer slept): applyPreferences() starts the schedule, unless the user stopped it.
}

void MainWindow::addFeedActions(QMenu* file, QMenu* story)
{
    QAction* add = file->addAction(tr("&Add Feed…"), this, [this] { showAddFeedDialog(); });
    add->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    QAction* all = file->addAction(tr("&Refresh All Feeds"), this, [this] { refreshFeeds(); });
    all->setShortcut(QKeySequence(Qt::Key_F5));
    QAction* one = file->addAction(tr("Refresh &This Feed"), this, [this] {
        const QList<qint64> ids = currentSubscriptions();
        if (ids.isEmpty())
            statusBar()->showMessage(tr("Choose a feed or folder in the sidebar first."), 5000);
        else
            refreshFeeds(ids);
    });
    one->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));

    story->addSeparator();
    QAction* remove = story->addAction(tr("&Delete"), this, &MainWindow::deleteSelection);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_list->addAction(remove);
    m_undoDelete = story->addAction(tr("&Undo Delete"), this, &MainWindow::undoDelete);
    m_undoDelete->setShortcut(QKeySequence::Undo);
    m_undoDelete->setEnabled(false);
}

void MainWindow::updateWindowTitle(qint64 unread)
{
    QString name = QFileInfo(m_store->path()).completeBaseName();
    if (m_store->readOnly())
        name += tr(" (read-only)");
    setWindowTitle(unread > 0 ? tr("Broadsheet — %1 (%n unread)", nullptr, int(unread)).arg(name)
                              : tr("Broadsheet — %1").arg(name));
}

QStringList MainWindow::folderNames(qint64 account) const
{
    QStringList names;
    for (const core::SubscriptionState& s : m_sidebar->overview().subscriptions) {
        if (s.accountId != account)
            continue;
        for (qsizetype n = 1; n <= s.folders.size(); ++n) {
            const QString path = s.folders.mid(0, n).join(u'/');
            if (!names.contains(path))
                names.append(path);
        }
    }
    names.sort(Qt::CaseInsensitive);
    return names;
}

void MainWindow::showAddFeedDialog(qint64 account, const QString& folder)
{
    auto* dialog = new AddFeedDialog(folderNames(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_sync) {
        QList<AddFeedDialog::Place> places;
        for (const core::SyncAccount& a : m_sidebar->overview().accounts)
            places.append({a.id, Sidebar::accountName(a), folderNames(a.id)});
        dialog->setPlaces(places, account, folder);
    }
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (dialog->account() != 0 && m_sync) {
            const core::Subscription wanted = dialog->subscription();
            m_sync->subscribe(dialog->account(), wanted.url, wanted.folders.join(u'/'));
            statusBar()->showMessage(tr("Asking the server to subscribe to %1…").arg(wanted.url),
                                     10000);
            return;
        }
        subscribeTo(dialog->subscription(), dialog->answer());
    });
    dialog->open();
}

void MainWindow::subscribeTo(const core::Subscription& subscription,
                             const core::FetchResult& answer)
{
    if (subscription.url.isEmpty())
        return;
    auto id = std::make_shared<qint64>(0);
    auto added = std::make_shared<int>(0);
    const bool queued = write(
        [subscription, answer, id, added, interval = m_preferences.newFeedInterval](
            core::ArticleStore& store) -> core::Result<void> {
            auto stored = store.addSubscriptions({subscription});
            if (!stored)
                return stored.error();
            auto states = store.subscriptionStates();
            if (!states)
                return states.error();
            for (core::SubscriptionState& s : *states) {
                if (s.url != subscription.url)
                    continue;
                *id = s.id;
                if (s.intervalMinutes == 0 && interval > 0) { // the user's default for new feeds
                    s.intervalMinutes = interval;
                    if (auto r = store.updateSubscription(s); !r)
                        return r.error();
                }
                const QDateTime now = QDateTime::currentDateTimeUtc();
                auto update = core::storeFetch(store, core::prepareFetch(s, answer, now), now);
                if (!update)
                    return update.error();
                *added = update->added;
            }
            return {};
        },
        [this, subscription, id, added](const core::Result<void>& outcome) {
            if (!outcome) {
                Q_EMIT subscribed(0, outcome.error().message);
                return;
            }
            statusBar()->showMessage(
                tr("Subscribed to %1: %n new stories", nullptr, *added)
                    .arg(subscription.title.isEmpty() ? subscription.url : subscription.title),
                10000);
            refreshInPlace();
            refreshSidebar();
            if (m_tagger && *added > 0)
                m_tagger->start();
            Q_EMIT subscribed(*id, QString());
        });
    if (!queued)
        Q_EMIT subscribed(0, tr("The library cannot be written."));
}

void MainWindow::refreshFeeds(const QList<qint64>& ids)
{
    if (!m_feeds) {
        statusBar()->showMessage(tr("The library cannot be written: feeds are not refreshed."),
                                 10000);
        return;
    }
    m_feedJob->started();
    if (ids.isEmpty() && m_sync)
        m_sync->sync(); // every feed: the accounts' feeds too, which their servers fetch
    m_feeds->refresh(ids.isEmpty() ? FeedRefreshController::Scope::All
                                   : FeedRefreshController::Scope::Named,
                     ids);
}

QList<qint64> MainWindow::currentSubscriptions() const
{
    return m_sidebar->subscriptionsOf(m_sidebar->currentIndex());
}

void MainWindow::showFeedProperties(qint64 id)
{
    // One row by its key, with the password the overview leaves out.
    auto state = m_store->subscriptionState(id);
    if (!state || !*state) {
        statusBar()->showMessage(state ? tr("That subscription is gone.") : state.error().message,
                                 10000);
        return;
    }
    auto* dialog = new FeedPropertiesDialog(**state, folderNames((*state)->accountId), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const core::SubscriptionState changed = dialog->state();
        write([changed](core::ArticleStore& store) { return store.updateSubscription(changed); },
              [this](const core::Result<void>& outcome) {
                  if (!outcome)
                      statusBar()->showMessage(outcome.error().message, 10000);
                  refreshSidebar();
              });
    });
    dialog->open();
}

void MainWindow::confirmUnsubscribe(qint64 id)
{
    QString title;
    for (const core::SubscriptionState& s : m_sidebar->overview().subscriptions) {
        if (s.id == id)
            title = s.title.isEmpty() ? s.url : s.title;
    }
    auto* box = new QMessageBox(QMessageBox::Question, tr("Unsubscribe"),
                                tr("Unsubscribe from %1?").arg(title), QMessageBox::NoButton, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton* yes = box->addButton(tr("&Unsubscribe"), QMessageBox::AcceptRole);
    box->addButton(QMessageBox::Cancel);
    auto* alsoStories = new QCheckBox(tr("Also &delete its stories"));
    box->setCheckBox(alsoStories);
    connect(box, &QMessageBox::buttonClicked, this,
            [this, id, yes, alsoStories](QAbstractButton* clicked) {
                if (clicked == yes)
                    unsubscribe(id, alsoStories->isChecked());
            });
    box->open();
}

void MainWindow::unsubscribe(qint64 id, bool deleteStories)
{
    write(
        [id, deleteStories](core::ArticleStore& store) -> core::Result<void> {
            auto removed = store.removeSubscription(id, deleteStories);
            if (!removed)
                return removed.error();
            return {};
        },
        [this](const core::Result<void>& outcome) {
            if (!outcome)
                statusBar()->showMessage(outcome.error().message, 10000);
            refreshInPlace();
            refreshSidebar();
        });
}

void MainWindow::showLibraryChanged(const core::Result<void>& outcome)
{
    if (!outcome)
        statusBar()->showMessage(outcome.error().message, 10000);
    m_model->refreshAll();
    refreshSidebar();
}

void MainWindow::markAllRead(const QString& query)
{
    write(
        [query](core::ArticleStore& store) -> core::Result<void> {
            auto ids = core::Searcher(store.database()).matchingIds(query);
            if (!ids)
                return ids.error();
            return store.setRead(*ids, true);
        },
        [this](const core::Result<void>& outcome) { showLibraryChanged(outcome); });
}

void MainWindow::markFeedRead(qint64 subscription)
{
    write(
        [subscription](core::ArticleStore& store) -> core::Result<void> {
            auto marked = store.markSubscriptionRead(subscription);
            if (!marked)
                return marked.error();
            return {};
        },
        [this](const core::Result<void>& outcome) { showLibraryChanged(outcome); });
}

void MainWindow::renameSource(const QString& name)
{
    bool ok = false;
    const QString to =
        QInputDialog::getText(this, tr("Rename Source"), tr("New name for %1:").arg(name),
                              QLineEdit::Normal, name, &ok)
            .simplified();
    if (!ok || to.isEmpty() || to == name)
        return;
    write(
        [name, to](core::ArticleStore& store) -> core::Result<void> {
            auto renamed = store.renameSource(name, to);
            if (!renamed)
                return renamed.error();
            return {};
        },
        [this](const core::Result<void>& outcome) { showLibraryChanged(outcome); });
}

void MainWindow::deleteSelection()
{
    const QList<core::ArticleId> ids = selectedIds();
    if (ids.isEmpty())
        return;
    auto undo = std::make_shared<QList<core::DeletedStory>>();
    write(
        [ids, undo](core::ArticleStore& store) -> core::Result<void> {
            auto deleted = store.deleteArticles(ids, undo.get());
            if (!deleted)
                return deleted.error();
            return {};
        },
        [this, undo](const core::Result<void>& outcome) {
            if (!outcome) {
                statusBar()->showMessage(outcome.error().message, 10000);
                return;
            }
            m_deleted.append(*undo);
            m_undoDelete->setEnabled(true);
            statusBar()->showMessage(
                tr("Deleted %n stories (Ctrl+Z brings them back)", nullptr, int(undo->size())),
                10000);
            refreshInPlace();
            refreshSidebar();
            Q_EMIT storiesDeleted(static_cast<int>(undo->size()));
        });
}

void MainWindow::undoDelete()
{
    if (m_deleted.isEmpty())
        return;
    const QList<core::DeletedStory> stories = m_deleted.takeLast();
    m_undoDelete->setEnabled(!m_deleted.isEmpty());
    write([stories](core::ArticleStore& store) { return store.restoreArticles(stories); },
          [this, count = static_cast<int>(stories.size())](const core::Result<void>& outcome) {
              if (!outcome) {
                  statusBar()->showMessage(outcome.error().message, 10000);
                  return;
              }
              statusBar()->showMessage(tr("Brought back %n stories", nullptr, count), 10000);
              refreshInPlace();
              refreshSidebar();
              Q_EMIT storiesRestored(count);
          });
}

} // namespace broadsheet::ui
