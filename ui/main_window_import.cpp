// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow's imports (the File menu, drops, the sample library, progress and the report),
// the tagging pass that follows them, and what another program adds.
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
#include <QPointer>
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

MainWindow* MainWindow::openSampleLibrary()
{
    const QString path = sampleLibraryPath();
    if (QFileInfo(m_store->path()).absoluteFilePath() == QFileInfo(path).absoluteFilePath()) {
        raise();
        activateWindow();
        return this;
    }
    static QPointer<MainWindow> open; // one window on it, however often it is asked for
    if (open) {
        open->raise();
        open->activateWindow();
        return open;
    }
    const QString folder = installSampleLibrary();
    const bool fresh = !QFileInfo::exists(path);
    auto store =
        folder.isEmpty()
            ? core::Result<std::unique_ptr<core::ArticleStore>>(
                  core::Error{QStringLiteral("the data folder cannot be written")})
            : core::ArticleStore::open(path, core::ArticleStore::OpenMode::CreateIfMissing);
    if (!store) {
        statusBar()->showMessage(
            tr("The sample library could not be opened: %1").arg(store.error().message), 10000);
        return nullptr;
    }
    auto* window = new MainWindow(std::move(*store));
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->show();
    open = window;
    if (fresh)
        window->importPaths({folder});
    return window;
}

void MainWindow::importFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(
        this, tr("Import Folder"), QStandardPaths::writableLocation(QStandardPaths::HomeLocation));
    if (!folder.isEmpty())
        importPaths({folder});
}

void MainWindow::importFiles()
{
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Import Files"), QStandardPaths::writableLocation(QStandardPaths::HomeLocation),
        tr("News articles and feeds (*.txt *.text *.csv *.md *.markdown *.json *.ndjson *.jsonl "
           "*.xml *.rss *.atom *.rdf *.opml);;"
           "Feeds (*.xml *.rss *.atom *.rdf *.json);;Subscription lists (*.opml *.xml);;"
           "All files (*)"));
    if (!files.isEmpty())
        importPaths(files);
}

void MainWindow::importPaths(const QStringList& paths)
{
    if (!m_importer) {
        statusBar()->showMessage(tr("This library cannot be changed: it could not be opened "
                                    "for writing."),
                                 10000);
        return;
    }
    if (!m_importer->start(paths)) {
        statusBar()->showMessage(tr("An import is already running."), 5000);
        return;
    }
    m_importJob->started();
    m_importReport->hide(); // the report to reopen is this import's, once it ends
    statusBar()->showMessage(tr("Importing…"));
}

void MainWindow::onImportProgress(const core::ImportProgress& progress)
{
    m_importJob->progress(progress.filesDone, progress.filesTotal);
    statusBar()->showMessage(tr("Importing: %1 of %2 files, %3 new")
                                 .arg(progress.filesDone)
                                 .arg(progress.filesTotal)
                                 .arg(progress.added));
}

void MainWindow::onImportFinished(const core::ImportReport& report)
{
    m_importJob->ended();
    QString summary = tr("%n new articles", nullptr, report.added);
    if (report.duplicates > 0)
        summary += tr(", %n already in the library", nullptr, report.duplicates);
    if (!report.skipped.isEmpty())
        summary += tr(", %n files skipped", nullptr, static_cast<int>(report.skipped.size()));
    if (report.subscriptionsAdded + report.subscriptionsKnown > 0)
        summary += tr(", %n new subscriptions", nullptr, report.subscriptionsAdded);
    if (report.cancelled)
        summary += tr(" (cancelled)");
    statusBar()->showMessage(summary, 15000);

    m_importSummary = summary;
    m_importSkipped.clear();
    for (const auto& file : report.skipped)
        m_importSkipped.append(QStringLiteral("%1: %2").arg(file.path, file.reason));
    m_importReport->show();
    if (!report.skipped.isEmpty())
        showImportReport();
    // The new stories join the list where they belong (read on the search worker), and
    // importFinished() follows once they show; then the tagging pass finds their names.
    // One scan at a time: on two cores the list, the counts and the pass together starve
    // the GUI thread. The counts and the pass follow once the list shows the new stories.
    m_importShown = report;
    refreshInPlace();
}

void MainWindow::showImportReport()
{
    auto* box = new QMessageBox(QMessageBox::Information, tr("Import"),
                                tr("Imported %1.").arg(m_importSummary), QMessageBox::Ok, this);
    if (!m_importSkipped.isEmpty())
        box->setDetailedText(m_importSkipped.join(QLatin1Char('\n')));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::onImportFailed(const QString& message)
{
    m_importJob->ended();
    refreshInPlace(); // what was committed before the failure stays
    refreshSidebar();
    statusBar()->showMessage(tr("Import failed"), 15000);
    auto* box =
        new QMessageBox(QMessageBox::Warning, tr("Import failed"), message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    Q_EMIT importFinished(core::ImportReport{});
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    const bool local =
        !urls.isEmpty() &&
        std::all_of(urls.begin(), urls.end(), [](const QUrl& url) { return url.isLocalFile(); });
    if (local)
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    }
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    importPaths(paths);
}

void MainWindow::onLibraryChangedElsewhere()
{
    // Flags and tags may have changed under the rows shown, and stories come or gone.
    m_model->refreshAll();
    refreshInPlace();
    refreshSidebar();
    if (m_tagger)
        m_tagger->start(); // the other program may have stored stories untagged
    Q_EMIT libraryChangedElsewhere();
}

void MainWindow::onTaggingProgress(qint64 done, qint64 total)
{
    m_taggingJob->progress(
        done, total,
        tr("Tagging %1 of %2 stories").arg(QLocale().toString(done), QLocale().toString(total)));
    // The rows shown pick up their new tags now and then, not at every chunk.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now - m_lastTagRefresh >= 2000) {
        m_lastTagRefresh = now;
        m_model->refreshAll();
    }
}

void MainWindow::onTaggingFinished(qint64 tagged, bool paused)
{
    if (!paused) {
        m_taggingJob->ended();
    }
    if (tagged > 0) {
        m_model->refreshAll();
        refreshSidebar();
        const core::ArticleId current = m_model->idAt(m_list->currentIndex().row());
        if (current != 0) {
            if (auto article = m_store->article(current); article && *article) {
                core::Article shown = **article;
                if (auto summary = m_model->summaryOf(current))
                    shown.read = summary->read;
                m_reader->showArticle(shown); // its new tag chips
            }
        }
    }
    Q_EMIT taggingFinished(tagged);
}

} // namespace broadsheet::ui
