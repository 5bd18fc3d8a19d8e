// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow's changes to stories: read and star flags, tags, through the library's writer,
// shown at once in the list and the reader.
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
    if (!m_writer) {
        statusBar()->showMessage(tr("This library cannot be changed: it could not be opened "
                                    "for writing."),
                                 10000);
        return false;
    }
    m_writer->post(std::move(change), this,
                   [this, done = std::move(done)](const core::Result<void>& outcome) {
                       if (!outcome)
                           statusBar()->showMessage(outcome.error().message, 10000);
                       if (done)
                           done(outcome);
                   });
    return true;
}

// The stories take the opposite of the first one's flag, as mail clients do.
void MainWindow::toggleFlag(ArticleListModel::Flag flag, const QList<core::ArticleId>& ids)
{
    QList<core::ArticleSummary> before;
    for (core::ArticleId id : ids) {
        if (auto summary = m_model->summaryOf(id))
            before.append(*summary);
    }
    if (before.isEmpty())
        return;
    const bool read = flag == ArticleListModel::Flag::Read;
    setFlag(flag, before, !(read ? before.front().read : before.front().starred));
}

// The list shows the change at once; the writer stores it between import batches. The
// sidebar's Unread and Starred counts move by what changed, without recounting the library.
void MainWindow::setFlag(ArticleListModel::Flag flag, const QList<core::ArticleSummary>& before,
                         bool value)
{
    const bool read = flag == ArticleListModel::Flag::Read;
    QList<core::ArticleId> ids;
    qint64 changed = 0;
    for (const core::ArticleSummary& summary : before) {
        ids.append(summary.id);
        if ((read ? summary.read : summary.starred) != value)
            ++changed;
    }
    const bool queued = write(
        [ids, read, value](core::ArticleStore& store) {
            return read ? store.setRead(ids, value) : store.setStarred(ids, value);
        },
        [this, ids](const core::Result<void>& outcome) {
            m_model->confirm(ids);
            if (!outcome)
                refreshSidebar(); // the counts moved for nothing
        });
    if (!queued)
        return;
    m_model->setFlag(ids, flag, value);
    const qint64 delta = value ? changed : -changed;
    m_sidebarCounts->flagsChanged(read ? -delta : 0, read ? 0 : delta);
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

// A tag change shows at once in the list's tags column and the reader's chips; the sidebar's
// tag counts follow from a recount on the worker.
bool MainWindow::changeSelectionTag(const QString& name, bool add)
{
    const QList<core::ArticleId> ids = selectedIds();
    const QString trimmed = name.trimmed();
    if (ids.isEmpty() || trimmed.isEmpty())
        return false;
    const bool queued = write(
        [ids, trimmed, add](core::ArticleStore& store) -> core::Result<void> {
            auto changed = add ? store.addTag(ids, trimmed) : store.removeTag(ids, trimmed);
            if (!changed)
                return changed.error();
            return {};
        },
        [this, ids, trimmed, add](const core::Result<void>& outcome) {
            m_model->confirm(ids);
            showCurrentArticle();
            if (outcome) {
                const int count = static_cast<int>(ids.size());
                statusBar()->showMessage(
                    add ? tr("Tagged %n story(s) with %1.", nullptr, count).arg(trimmed)
                        : tr("Took %1 off %n story(s).", nullptr, count).arg(trimmed),
                    5000);
            }
        });
    if (!queued)
        return false;
    m_model->showTag(ids, trimmed, add);
    showCurrentArticle(); // its chips, at once
    refreshSidebar();     // counts after the writer has stored the tag
    return true;
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
    toggleFlag(ArticleListModel::Flag::Read, selectedIds());
}

void MainWindow::toggleStar()
{
    toggleFlag(ArticleListModel::Flag::Starred, selectedIds());
}

} // namespace broadsheet::ui
