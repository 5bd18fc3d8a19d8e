// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow's sync accounts: File → Add Account…, syncing in the background (soon after
// the window opens, every quarter of an hour, with F5, and from an account's menu in the
// sidebar), the sync status line, and removing an account.
#include "add_account_dialog.h"
#include "main_window.h"
#include "sidebar.h"
#include "store/library_writer.h"
#include "sync/credentials.h"
#include "sync_controller.h"
#include "tagging_controller.h"

#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>
#include <QUrl>

namespace broadsheet::ui {

void MainWindow::setUpSync()
{
    m_syncStatus = new QLabel(this);
    m_syncStatus->setObjectName(QStringLiteral("syncStatus"));
    m_syncStatus->hide(); // shown once there is an account
    statusBar()->addPermanentWidget(m_syncStatus);
    connect(m_sidebar, &Sidebar::removeAccountRequested, this, &MainWindow::removeAccount);
    if (!m_writer)
        return;
    m_sync = new SyncController(*m_writer, this);
    connect(m_sidebar, &Sidebar::syncRequested, m_sync, [this](qint64 id) { m_sync->sync(id); });
    connect(m_sidebar, &Sidebar::addFeedRequested, this,
            [this](qint64 id, const QString& folder) { showAddFeedDialog(id, folder); });
    connect(m_sync, &SyncController::subscribed, this,
            [this](const core::SyncAccount& account, const QString& url, const QString& error) {
                statusBar()->showMessage(
                    error.isEmpty()
                        ? tr("%1 subscribed to %2; its stories come with this sync.")
                              .arg(Sidebar::accountName(account), url)
                        : tr("%1 did not subscribe: %2").arg(Sidebar::accountName(account), error),
                    15000);
            });
    connect(m_sync, &SyncController::started, this, [this](const core::SyncAccount& account) {
        m_syncStatus->setText(tr("Syncing %1…").arg(Sidebar::accountName(account)));
        m_syncStatus->setToolTip(account.url);
        m_syncStatus->show();
    });
    connect(
        m_sync, &SyncController::progress, this,
        [this](const core::SyncAccount& account, int received) {
            m_syncStatus->setText(
                tr("Syncing %1: %n stories", nullptr, received).arg(Sidebar::accountName(account)));
        });
    connect(
        m_sync, &SyncController::accountSynced, this,
        [this](const core::SyncAccount& account, int added, const QString& error,
               const QStringList& refused) {
            if (account.id == 0) { // the library could not be read
                statusBar()->showMessage(error, 15000);
                return;
            }
            m_syncStatus->show();
            if (!error.isEmpty()) {
                m_syncStatus->setText(tr("⚠ Sync of %1 failed").arg(Sidebar::accountName(account)));
                m_syncStatus->setToolTip(error);
                statusBar()->showMessage(error, 15000);
                return;
            }
            m_syncStatus->setText(
                tr("%1 synced %2")
                    .arg(Sidebar::accountName(account),
                         QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
            m_syncStatus->setToolTip(tr("%n new stories", nullptr, added) +
                                     (refused.isEmpty() ? QString() : u'\n' + refused.join(u'\n')));
            if (!refused.isEmpty())
                statusBar()->showMessage(refused.front(), 15000);
        });
    connect(m_sync, &SyncController::finished, this, [this](int added, int failed) {
        refreshInPlace();
        refreshSidebar();
        if (m_tagger && added > 0)
            m_tagger->start();
        if (failed == 0 && added > 0)
            statusBar()->showMessage(tr("Synced: %n new stories", nullptr, added), 10000);
        Q_EMIT synced(added, failed);
    });
}

void MainWindow::showSyncState(const QList<core::SyncAccount>& accounts)
{
    if (!m_syncStatus)
        return;
    if (accounts.isEmpty()) {
        m_syncStatus->hide();
        return;
    }
    if (m_sync && m_sync->isRunning())
        return; // the running sync says how it goes
    // The one that went worst, else the one synced longest ago.
    const core::SyncAccount* shown = &accounts.front();
    for (const core::SyncAccount& a : accounts) {
        const bool worse = !a.lastError.isEmpty() && shown->lastError.isEmpty();
        const bool asBadAndOlder =
            a.lastError.isEmpty() == shown->lastError.isEmpty() && a.lastSync < shown->lastSync;
        if (worse || asBadAndOlder)
            shown = &a;
    }
    if (!shown->lastError.isEmpty()) {
        m_syncStatus->setText(tr("⚠ Sync of %1 failed").arg(Sidebar::accountName(*shown)));
        m_syncStatus->setToolTip(shown->lastError);
    } else if (!shown->lastSync.isValid()) {
        m_syncStatus->setText(tr("%1 not synced yet").arg(Sidebar::accountName(*shown)));
        m_syncStatus->setToolTip(shown->url);
    } else {
        m_syncStatus->setText(
            tr("%1 synced %2")
                .arg(Sidebar::accountName(*shown),
                     QLocale().toString(shown->lastSync.toLocalTime(), QLocale::ShortFormat)));
        m_syncStatus->setToolTip(shown->url);
    }
    m_syncStatus->show();
}

void MainWindow::addSyncActions(QMenu* file)
{
    file->addAction(tr("Add Acc&ount…"), this, &MainWindow::showAddAccountDialog);
    file->addAction(tr("S&ync Accounts Now"), this, [this] {
        if (m_sync)
            m_sync->sync();
    });
}

void MainWindow::showAddAccountDialog()
{
    if (!m_sync || !m_writer) {
        statusBar()->showMessage(tr("The library cannot be written: no account can be added."),
                                 10000);
        return;
    }
    auto* dialog = new AddAccountDialog(*m_sync, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QString kind = dialog->kind();
        const QString url = dialog->url().toString();
        const QString user = dialog->user();
        const QString password = dialog->password();
        auto added = std::make_shared<std::optional<core::SyncAccount>>();
        m_writer->post(
            [kind, url, user, added](core::ArticleStore& store) -> core::Result<void> {
                auto id = store.addAccount(kind, url, user);
                if (!id)
                    return id.error();
                auto account = store.account(*id);
                if (!account)
                    return account.error();
                *added = *account;
                return {};
            },
            this,
            [this, added, password](const core::Result<void>& outcome) {
                if (!outcome || !*added) {
                    statusBar()->showMessage(
                        outcome ? tr("The account went missing.") : outcome.error().message, 15000);
                    return;
                }
                QString where;
                if (auto kept = core::credentials::store(**added, password, &where); !kept) {
                    const qint64 id = (*added)->id;
                    m_writer->post([id](core::ArticleStore& store) -> core::Result<void> {
                        auto removed = store.removeAccount(id);
                        if (!removed)
                            return removed.error();
                        return {};
                    });
                    statusBar()->showMessage(kept.error().message, 15000);
                    return;
                }
                statusBar()->showMessage(tr("Added %1; its password is in %2.")
                                             .arg(Sidebar::accountName(**added), where),
                                         10000);
                refreshSidebar();
                m_sync->sync((*added)->id);
            });
    });
    dialog->open();
}

void MainWindow::removeAccount(qint64 id)
{
    if (!m_writer)
        return;
    const auto& accounts = m_sidebar->overview().accounts;
    const auto it = std::find_if(accounts.cbegin(), accounts.cend(),
                                 [id](const core::SyncAccount& a) { return a.id == id; });
    if (it == accounts.cend())
        return;
    const core::SyncAccount account = *it; // NOLINT(performance-unnecessary-copy-initialization):
                                           // the overview may change while the question is asked
    QMessageBox ask(QMessageBox::Question, tr("Remove Account"),
                    tr("Stop syncing with %1?").arg(Sidebar::accountName(account)),
                    QMessageBox::Cancel, this);
    ask.setInformativeText(tr("Its stories stay in the library; its feeds are no longer "
                              "synced, and changes not yet sent are dropped."));
    ask.addButton(tr("&Remove"), QMessageBox::DestructiveRole);
    if (ask.exec() == QMessageBox::Cancel)
        return;
    m_writer->post(
        [id](core::ArticleStore& store) -> core::Result<void> {
            auto removed = store.removeAccount(id);
            if (!removed)
                return removed.error();
            return {};
        },
        this,
        [this, account](const core::Result<void>& outcome) {
            if (!outcome) {
                statusBar()->showMessage(outcome.error().message, 10000);
                return;
            }
            core::credentials::forget(account);
            statusBar()->showMessage(tr("Removed %1.").arg(Sidebar::accountName(account)), 10000);
            refreshSidebar();
        });
}

} // namespace broadsheet::ui
