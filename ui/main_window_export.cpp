// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow's export and printing: the dialog, the export worker, the printer.
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

void MainWindow::showExportDialog()
{
    const QList<core::ArticleId> selection = selectedIds();
    auto counted = m_store->count();
    const qint64 library = counted ? *counted : 0;
    // Without a search the list is the library (its older ids may still be loading).
    const bool searching = m_matches >= 0;
    ExportDialog dialog(selection.size(), searching ? m_model->ids().size() : library, library,
                        this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    std::optional<QList<core::ArticleId>> ids; // none: the whole library, listed on the worker
    if (dialog.scope() == ExportDialog::Scope::Selection)
        ids = selection;
    else if (dialog.scope() == ExportDialog::Scope::Results && searching)
        ids = m_model->ids();
    const QString destination = dialog.destination();
    bool replace = false;
    if (core::ExportJob::destinationTaken(destination)) {
        const auto answer = QMessageBox::question(
            this, tr("Replace?"),
            tr("%1 already exists. Replace it with this export?\n\nEverything in it will be "
               "replaced once the export is complete.")
                .arg(QDir::toNativeSeparators(destination)),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return;
        replace = true;
    }
    exportStories(ids, dialog.format(), destination, replace);
}

bool MainWindow::exportStories(const std::optional<QList<core::ArticleId>>& ids,
                               const QString& format, const QString& destination, bool replace)
{
    if (!m_exporter->start(ids, format, destination, replace)) {
        statusBar()->showMessage(tr("An export is already running."), 5000);
        return false;
    }
    m_exportJob->started();
    statusBar()->showMessage(tr("Exporting…"));
    return true;
}

// Laying out pages and fetching the stories both run on a worker (QPainter on a printer
// works off the GUI thread), a chunk of stories at a time; the window stays responsive.
void MainWindow::printSelection()
{
    const QList<core::ArticleId> ids = selectedIds();
    if (ids.isEmpty()) {
        statusBar()->showMessage(tr("Select the stories to print."), 5000);
        return;
    }
    auto printer = std::make_shared<QPrinter>(QPrinter::HighResolution);
    QPrintDialog dialog(printer.get(), this);
    dialog.setWindowTitle(tr("Print %n Stories", nullptr, int(ids.size())));
    if (dialog.exec() != QDialog::Accepted)
        return;
    statusBar()->showMessage(tr("Printing %n stories…", nullptr, int(ids.size())));
    m_printWorker->start([this, printer, ids](core::ArticleStore& reader,
                                              std::stop_token) -> LibraryWorker::Delivery {
        auto printed = printStories(reader, *printer, ids);
        return [this, printed] {
            statusBar()->showMessage(printed
                                         ? tr("Printed %n stories.", nullptr, *printed)
                                         : tr("Printing failed: %1").arg(printed.error().message),
                                     10000);
        };
    });
}

core::Result<int> MainWindow::printStories(QPrinter& printer, const QList<core::ArticleId>& ids)
{
    return printStories(*m_store, printer, ids);
}

core::Result<int> MainWindow::printStories(core::ArticleStore& store, QPrinter& printer,
                                           const QList<core::ArticleId>& ids)
{
    constexpr qsizetype kChunk = 256;
    ArticlePrinter pages(printer);
    if (auto r = pages.begin(); !r)
        return r.error();
    int printed = 0;
    for (qsizetype from = 0; from < ids.size(); from += kChunk) {
        auto articles = store.articles(ids.mid(from, kChunk));
        if (!articles)
            return articles.error();
        for (const core::Article& article : *articles)
            pages.print(article);
        printed += static_cast<int>(articles->size());
    }
    if (auto r = pages.end(); !r)
        return r.error();
    return printed;
}

} // namespace broadsheet::ui
