// SPDX-License-Identifier: GPL-3.0-or-later
#include "main_window.h"

#include "article_list_model.h"
#include "import_controller.h"
#include "reader_view.h"
#include "store/article_store.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QToolButton>

namespace broadsheet::ui {

MainWindow::MainWindow(std::unique_ptr<core::ArticleStore> store, QWidget* parent)
    : QMainWindow(parent)
    , m_store(std::move(store))
{
    setWindowTitle(
        QStringLiteral("Broadsheet — %1").arg(QFileInfo(m_store->path()).completeBaseName()));
    resize(1100, 700);

    m_model = new ArticleListModel(*m_store, this);
    m_importer = new ImportController(m_store->path(), this);

    m_list = new QTableView;
    m_list->setModel(m_model);
    m_list->setAccessibleName(tr("Stories"));
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setShowGrid(false);
    m_list->setWordWrap(false);
    m_list->verticalHeader()->hide();
    m_list->verticalHeader()->setDefaultSectionSize(m_list->fontMetrics().height() + 8);
    m_list->horizontalHeader()->setSectionResizeMode(ArticleListModel::TitleColumn,
                                                     QHeaderView::Stretch);
    m_list->horizontalHeader()->resizeSection(ArticleListModel::DateColumn, 110);
    m_list->horizontalHeader()->resizeSection(ArticleListModel::SourceColumn, 140);
    m_list->horizontalHeader()->setHighlightSections(false);

    m_reader = new ReaderView;

    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->addWidget(m_list);
    m_splitter->addWidget(m_reader);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({560, 540});
    setCentralWidget(m_splitter);

    m_count = new QLabel;
    m_progress = new QProgressBar;
    m_progress->setMaximumWidth(240);
    m_progress->setAccessibleName(tr("Import progress"));
    m_progress->hide();
    m_cancel = new QToolButton;
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop the import after the files in hand"));
    m_cancel->hide();
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancel);
    statusBar()->addPermanentWidget(m_count);

    createMenus();

    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::showCurrentArticle);
    connect(m_cancel, &QToolButton::clicked, m_importer, &ImportController::cancel);
    connect(m_importer, &ImportController::progress, this, &MainWindow::onImportProgress);
    connect(m_importer, &ImportController::finished, this, &MainWindow::onImportFinished);
    connect(m_importer, &ImportController::failed, this, &MainWindow::onImportFailed);

    updateCountLabel();
    if (m_model->rowCount() > 0)
        m_list->selectRow(0);
    else
        m_reader->showMessage(tr("This library is empty. Choose File → Import Folder… to add "
                                 "a folder of article files."));
}

MainWindow::~MainWindow()
{
    m_importer->cancel();
    m_importer->wait();
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* folder = file->addAction(tr("Import &Folder…"), this, &MainWindow::importFolder);
    folder->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
    QAction* files = file->addAction(tr("&Import Files…"), this, &MainWindow::importFiles);
    files->setShortcut(QKeySequence::Open);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    // Ctrl+Q everywhere: QKeySequence::Quit is empty on some platforms (and offscreen).
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Broadsheet"), this, [this] {
        QMessageBox::about(this, tr("About Broadsheet"),
                           tr("<h3>Broadsheet %1</h3><p>A desktop news reader for the news you "
                              "keep.</p><p>Licensed under the GNU GPL, version 3 or later.</p>")
                               .arg(QStringLiteral(BROADSHEET_VERSION)));
    });
}

void MainWindow::showCurrentArticle()
{
    const QModelIndex current = m_list->currentIndex();
    const core::ArticleId id = m_model->idAt(current.row());
    if (id == 0)
        return;
    auto article = m_store->article(id);
    if (!article) {
        m_reader->showMessage(article.error().message);
        return;
    }
    if (*article)
        m_reader->showArticle(**article);
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
        tr("News articles (*.txt *.text *.csv);;All files (*)"));
    if (!files.isEmpty())
        importPaths(files);
}

void MainWindow::importPaths(const QStringList& paths)
{
    if (!m_importer->start(paths)) {
        statusBar()->showMessage(tr("An import is already running."), 5000);
        return;
    }
    m_progress->setRange(0, 0);
    m_progress->show();
    m_cancel->show();
    statusBar()->showMessage(tr("Importing…"));
}

void MainWindow::onImportProgress(const core::ImportProgress& progress)
{
    m_progress->setRange(0, std::max(progress.filesTotal, 1));
    m_progress->setValue(progress.filesDone);
    statusBar()->showMessage(tr("Importing: %1 of %2 files, %3 new")
                                 .arg(progress.filesDone)
                                 .arg(progress.filesTotal)
                                 .arg(progress.added));
}

void MainWindow::onImportFinished(const core::ImportReport& report)
{
    m_progress->hide();
    m_cancel->hide();
    const core::ArticleId current = m_model->idAt(m_list->currentIndex().row());
    m_model->reload();
    updateCountLabel();
    if (const int row = m_model->rowOf(current); row >= 0)
        m_list->selectRow(row);
    else if (m_model->rowCount() > 0)
        m_list->selectRow(0);

    QString summary = tr("%n new article(s)", nullptr, report.added);
    if (report.duplicates > 0)
        summary += tr(", %n already in the library", nullptr, report.duplicates);
    if (!report.skipped.isEmpty())
        summary += tr(", %n file(s) skipped", nullptr, static_cast<int>(report.skipped.size()));
    if (report.cancelled)
        summary += tr(" (cancelled)");
    statusBar()->showMessage(summary, 15000);

    if (!report.skipped.isEmpty()) {
        QStringList lines;
        for (const auto& file : report.skipped)
            lines.append(QStringLiteral("%1: %2").arg(file.path, file.reason));
        auto* box = new QMessageBox(QMessageBox::Information, tr("Import"),
                                    tr("Imported %1.").arg(summary), QMessageBox::Ok, this);
        box->setDetailedText(lines.join(QLatin1Char('\n')));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    Q_EMIT importFinished(report);
}

void MainWindow::onImportFailed(const QString& message)
{
    m_progress->hide();
    m_cancel->hide();
    m_model->reload();
    updateCountLabel();
    statusBar()->showMessage(tr("Import failed"), 15000);
    auto* box =
        new QMessageBox(QMessageBox::Warning, tr("Import failed"), message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    Q_EMIT importFinished(core::ImportReport{});
}

void MainWindow::updateCountLabel()
{
    m_count->setText(tr("%n article(s)", nullptr, m_model->rowCount()));
}

} // namespace broadsheet::ui
