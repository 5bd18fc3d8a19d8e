// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow's remembered state (QSettings): geometry, panes, columns, the last search.
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

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

// Window state persists per user (QSettings): geometry, panes, columns, the last search.
void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("window"));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"), saveState());
    settings.setValue(QStringLiteral("splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("sidebarSplitter"), m_outer->saveState());
    settings.setValue(QStringLiteral("columns"), m_list->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("query"), m_search->text());
    settings.setValue(QStringLiteral("readerBelow"), readerBelow());
    settings.endGroup();
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("window"));
    restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("state")).toByteArray());
    setReaderBelow(settings.value(QStringLiteral("readerBelow"), false).toBool());
    m_splitter->restoreState(settings.value(QStringLiteral("splitter")).toByteArray());
    m_outer->restoreState(settings.value(QStringLiteral("sidebarSplitter")).toByteArray());
    {
        const QSignalBlocker blocker(m_list->horizontalHeader()); // one search, below
        const QByteArray columns = settings.value(QStringLiteral("columns")).toByteArray();
        // The order last used; the first time, the one Preferences gives.
        if (!m_list->horizontalHeader()->restoreState(columns)) {
            applyDefaultSort();
            // The author column waits in the header's menu: most feeds name none.
            m_list->horizontalHeader()->setSectionHidden(ArticleListModel::AuthorColumn, true);
        }
    }
    const QString query = settings.value(QStringLiteral("query")).toString();
    settings.endGroup();
    const ListOrder order = listOrder();
    const bool newestFirst = order.sort == core::SearchRequest::Sort::Relevance ||
                             (order.sort == core::SearchRequest::Sort::Date && !order.reversed);
    if (!query.isEmpty() || !newestFirst || order.grouped) {
        const QSignalBlocker blocker(m_search); // search now, not after the typing delay
        m_search->setText(query);
        search(query);
    }
}

} // namespace broadsheet::ui
