// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow's preferences: Edit → Preferences, and applying what the user chose.
#include "article_list_model.h"
#include "feed_refresh_controller.h"
#include "main_window.h"
#include "preferences_dialog.h"
#include "reader_view.h"
#include "store/article_store.h"
#include "store/library_writer.h"
#include "sync_controller.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QStatusBar>
#include <QTableView>

namespace broadsheet::ui {

namespace {
constexpr int kScheduleMs = 60 * 1000;          ///< how often what is due is looked for
constexpr int kFirstLookMs = 3 * 1000;          ///< after the window opens
constexpr int kSyncScheduleMs = 15 * 60 * 1000; ///< how often the accounts sync
} // namespace

QString MainWindow::commandId(const QAction* action)
{
    // The menu text without its mnemonic and ellipsis: "Mark All Read" → "mark-all-read".
    QString id = action->text().remove(QLatin1Char('&')).remove(QChar(0x2026)).trimmed().toLower();
    static const QRegularExpression spaces(QStringLiteral("[^a-z0-9]+"));
    id.replace(spaces, QStringLiteral("-"));
    return id;
}

QList<QAction*> MainWindow::commands() const
{
    QList<QAction*> found;
    for (QAction* menu : menuBar()->actions()) {
        if (!menu->menu())
            continue;
        for (QAction* action : menu->menu()->actions()) {
            if (!action->isSeparator() && !action->menu() && !action->text().isEmpty())
                found.append(action);
        }
    }
    return found;
}

void MainWindow::rememberDefaultShortcuts()
{
    for (QAction* action : commands()) {
        action->setObjectName(commandId(action));
        action->setProperty("defaultShortcuts", QVariant::fromValue(action->shortcuts()));
    }
}

PreferencesDialog* MainWindow::preferencesDialog() const
{
    return m_preferencesDialog.data();
}

void MainWindow::showPreferences()
{
    if (m_preferencesDialog) {
        m_preferencesDialog->raise();
        m_preferencesDialog->activateWindow();
        return;
    }
    QList<PreferencesDialog::Command> list;
    for (QAction* action : commands()) {
        list.append({action->objectName(), action->text().remove(QLatin1Char('&')),
                     action->property("defaultShortcuts").value<QList<QKeySequence>>()});
    }
    std::optional<core::Retention> retention;
    if (m_writer) {
        if (auto r = m_store->defaultRetention())
            retention = *r;
    }
    m_preferencesDialog = new PreferencesDialog(m_preferences, list, retention, this);
    m_preferencesDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_preferencesDialog, &PreferencesDialog::changed, this, &MainWindow::applyPreferences);
    connect(m_preferencesDialog, &PreferencesDialog::retentionChanged, this,
            [this](const core::Retention& chosen) {
                write([chosen](core::ArticleStore& store) {
                    return store.setDefaultRetention(chosen);
                });
                statusBar()->showMessage(
                    tr("Feeds without their own setting keep: %1")
                        .arg(chosen.mode == core::Retention::Mode::All ? tr("every story")
                             : chosen.mode == core::Retention::Mode::Days
                                 ? tr("%n days", nullptr, chosen.value)
                                 : tr("the newest %n stories", nullptr, chosen.value)),
                    8000);
            });
    m_preferencesDialog->show();
}

void MainWindow::applyPreferences(const Preferences& preferences)
{
    const Preferences before = std::exchange(m_preferences, preferences);
    const bool first = !m_preferencesApplied;
    m_preferencesApplied = true;

    // Colours: the desktop's palette is what the application had before the first change.
    static const QPalette desktop = QApplication::palette();
    if (first ? preferences.theme != Preferences::Theme::System : preferences.theme != before.theme)
        QApplication::setPalette(Preferences::palette(preferences.theme, desktop));

    m_reader->setBaseFont(preferences.readerFont(QApplication::font(m_reader)));
    m_model->setSnippets(preferences.snippets);
    m_list->verticalHeader()->setDefaultSectionSize(
        preferences.rowHeight(m_list->fontMetrics().height()));
    if (m_alwaysLoadImages->isChecked() != preferences.loadImages)
        m_alwaysLoadImages->setChecked(preferences.loadImages);
    if (m_feeds && (first || preferences.refreshAutomatically != before.refreshAutomatically))
        m_feeds->setSchedule(preferences.refreshAutomatically ? kScheduleMs : 0,
                             first ? kFirstLookMs : kScheduleMs);
    if (m_sync && (first || preferences.refreshAutomatically != before.refreshAutomatically))
        m_sync->setSchedule(preferences.refreshAutomatically ? kSyncScheduleMs : 0,
                            first ? kFirstLookMs : kSyncScheduleMs);
    if (!first && preferences.sort != before.sort)
        applyDefaultSort(); // searches again

    for (QAction* action : commands()) {
        const auto it = preferences.shortcuts.constFind(action->objectName());
        action->setShortcuts(
            it != preferences.shortcuts.constEnd()
                ? *it
                : action->property("defaultShortcuts").value<QList<QKeySequence>>());
    }
}

void MainWindow::applyDefaultSort()
{
    QHeaderView* header = m_list->horizontalHeader();
    switch (m_preferences.sort) {
    case Preferences::Sort::Relevance:
        header->setSortIndicator(-1, Qt::DescendingOrder);
        break;
    case Preferences::Sort::Newest:
        header->setSortIndicator(ArticleListModel::DateColumn, Qt::DescendingOrder);
        break;
    case Preferences::Sort::Oldest:
        header->setSortIndicator(ArticleListModel::DateColumn, Qt::AscendingOrder);
        break;
    }
}

} // namespace broadsheet::ui
