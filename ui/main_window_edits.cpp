// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow's changes to stories, wired to its StoryEditor: read and star flags, tags, and
// the tag manager.
#include "article_list_model.h"
#include "article_printer.h"
#include "export/export_job.h"
#include "export_controller.h"
#include "export_dialog.h"
#include "import_controller.h"
#include "job_indicator.h"
#include "library_worker.h"
#include "main_window.h"
#include "reader_view.h"
#include "sample_library.h"
#include "search/query_text.h"
#include "search_controller.h"
#include "sidebar.h"
#include "sidebar_controller.h"
#include "store/article_store.h"
#include "store/library_writer.h"
#include "story_editor.h"
#include "tag_manager_dialog.h"
#include "tagging_controller.h"
#include "timeline_view.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QIcon>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPrintDialog>
#include <QPrinter>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace broadsheet::ui {

bool MainWindow::write(std::function<core::Result<void>(core::ArticleStore&)> change,
                       std::function<void(const core::Result<void>&)> done)
{
    return m_editor->write(std::move(change), std::move(done));
}

void MainWindow::setFlag(ArticleListModel::Flag flag, const QList<core::ArticleSummary>& before,
                         bool value)
{
    m_editor->setFlag(flag, before, value);
}

void MainWindow::toggleFlag(ArticleListModel::Flag flag, const QList<core::ArticleId>& ids)
{
    m_editor->toggleFlag(flag, ids);
}

// Your own tags (manual, then rules) to choose from; the tagger's are too many to offer,
// and counting them all would stall the window on a large library.
QStringList MainWindow::userTagNames() const
{
    auto names = m_store->tagNames(
        {QString::fromLatin1(core::tag_kind::kManual), QString::fromLatin1(core::tag_kind::kRule)});
    return names ? *names : QStringList();
}

QStringList MainWindow::selectionTagNames() const
{
    QStringList names;
    auto summaries = m_store->summaries(selectedIds());
    if (!summaries)
        return names;
    for (const core::ArticleSummary& summary : *summaries) {
        for (const QString& tag : summary.tags) {
            if (!names.contains(tag))
                names.append(tag);
        }
    }
    names.sort(Qt::CaseInsensitive);
    return names;
}

bool MainWindow::addTagToSelection(const QString& name)
{
    return changeSelectionTag(name, true);
}

bool MainWindow::removeTagFromSelection(const QString& name)
{
    return changeSelectionTag(name, false);
}

bool MainWindow::changeSelectionTag(const QString& name, bool add)
{
    return m_editor->changeTag(selectedIds(), name, add);
}

void MainWindow::showTagManager()
{
    if (!m_tagManager) {
        if (!m_writer)
            return;
        m_tagManager = new TagManagerDialog(*m_writer, this);
        connect(m_tagManager, &TagManagerDialog::tagsChanged, this, [this] {
            m_model->refreshAll();
            showCurrentArticle();
            refreshSidebar();
        });
    } else {
        m_tagManager->reload();
    }
    m_tagManager->show();
    m_tagManager->raise();
}

void MainWindow::toggleRead()
{
    // One story, the current one: toggling a selection by its first story's flag marked a
    // dozen stories unread after Ctrl+A (Mark Read and Mark Unread are for selections).
    const QModelIndex current = m_list->currentIndex();
    if (current.isValid())
        toggleFlag(ArticleListModel::Flag::Read, {m_model->idAt(current.row())});
}

void MainWindow::markSelectionRead(bool read)
{
    m_editor->setFlag(ArticleListModel::Flag::Read, selectedIds(), read);
}

void MainWindow::markListRead()
{
    QList<core::ArticleId> ids;
    ids.reserve(m_model->rowCount());
    for (int row = 0; row < m_model->rowCount(); ++row)
        ids.append(m_model->idAt(row));
    m_editor->setRead(ids, true);
    statusBar()->showMessage(tr("Marked %n stories read.", nullptr, int(ids.size())), 5000);
}

void MainWindow::toggleStar()
{
    toggleFlag(ArticleListModel::Flag::Starred, selectedIds());
}

} // namespace broadsheet::ui

namespace broadsheet::ui {

// ---- Saved searches, from the sidebar's context menu ----

bool MainWindow::renameSavedSearch(const QString& name, const QString& newName)
{
    const QString trimmed = newName.trimmed();
    if (trimmed.isEmpty() || trimmed == name)
        return false;
    return write([name, trimmed](
                     core::ArticleStore& store) { return store.renameSavedSearch(name, trimmed); },
                 [this](const core::Result<void>& outcome) {
                     if (!outcome)
                         statusBar()->showMessage(outcome.error().message, 10000);
                     refreshSidebar();
                 });
}

bool MainWindow::orderSavedSearches(const QStringList& names)
{
    if (names.isEmpty())
        return false;
    return write([names](core::ArticleStore& store) { return store.orderSavedSearches(names); },
                 [this](const core::Result<void>& outcome) {
                     if (!outcome)
                         statusBar()->showMessage(outcome.error().message, 10000);
                     refreshSidebar();
                 });
}

bool MainWindow::deleteSavedSearch(const QString& name)
{
    // No dialog: the message gives the query back, so a wrong click costs little (search
    // for it and Ctrl+D saves it again).
    const auto found = std::find_if(
        m_sidebar->overview().savedSearches.cbegin(), m_sidebar->overview().savedSearches.cend(),
        [&name](const core::SavedSearch& saved) { return saved.name == name; });
    const QString query =
        found != m_sidebar->overview().savedSearches.cend() ? found->query : QString();
    return write([name](core::ArticleStore& store) { return store.removeSavedSearch(name); },
                 [this, name, query](const core::Result<void>& outcome) {
                     if (!outcome) {
                         statusBar()->showMessage(outcome.error().message, 10000);
                         return;
                     }
                     statusBar()->showMessage(
                         tr("Deleted the saved search \"%1\" (%2)").arg(name, query), 10000);
                     refreshSidebar();
                 });
}

} // namespace broadsheet::ui
