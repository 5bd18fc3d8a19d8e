// SPDX-License-Identifier: GPL-3.0-or-later
#include "main_window.h"

#include "article_list_model.h"
#include "article_printer.h"
#include "export/export_job.h"
#include "export_controller.h"
#include "export_dialog.h"
#include "import_controller.h"
#include "library_worker.h"
#include "reader_view.h"
#include "sample_library.h"
#include "search/query_text.h"
#include "search_controller.h"
#include "sidebar.h"
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

namespace {

/// The desktop theme's icon where it has one (it follows a dark palette), else ours.
QIcon themedIcon(const char* themeName, const char* resource)
{
    return QIcon::fromTheme(QString::fromLatin1(themeName), QIcon(QString::fromLatin1(resource)));
}

} // namespace

MainWindow::MainWindow(std::unique_ptr<core::ArticleStore> store, QWidget* parent)
    : QMainWindow(parent)
    , m_store(std::move(store))
{
    setAcceptDrops(true);
    setWindowTitle(
        QStringLiteral("Broadsheet — %1").arg(QFileInfo(m_store->path()).completeBaseName()));
    resize(1100, 700);

    // The one writer of this process: every change the window makes is queued to it.
    if (auto writer = core::LibraryWriter::open(m_store->path(),
                                                core::ArticleStore::OpenMode::OpenExisting)) {
        m_writer = std::move(*writer);
    } else {
        statusBar()->showMessage(writer.error().message);
    }
    m_model = new ArticleListModel(*m_store, this);
    m_importer = m_writer ? new ImportController(*m_writer, this) : nullptr;
    m_tagger = m_writer ? new TaggingController(*m_writer, this) : nullptr;
    m_exporter = new ExportController(m_store->path(), this);
    m_overviewWorker = new LibraryWorker(m_store->path(), LibraryWorker::Policy::LatestOnly, this);

    m_list = new QTableView;
    m_list->setModel(m_model);
    m_list->setAccessibleName(tr("Stories"));
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setShowGrid(false);
    m_list->setWordWrap(false);
    m_list->verticalHeader()->hide();
    m_list->verticalHeader()->setDefaultSectionSize(m_list->fontMetrics().height() + 8);
    QHeaderView* header = m_list->horizontalHeader();
    header->setSectionResizeMode(ArticleListModel::TitleColumn, QHeaderView::Stretch);
    header->setMinimumSectionSize(header->fontMetrics().height() + 12);
    header->resizeSection(ArticleListModel::StarColumn, header->minimumSectionSize());
    header->resizeSection(ArticleListModel::DateColumn, 88);
    header->resizeSection(ArticleListModel::SourceColumn, 90);
    header->resizeSection(ArticleListModel::TagsColumn, 110);
    header->setHighlightSections(false);
    header->setSectionsMovable(true);
    // A click sorts by a column, a second reverses it and a third goes back to relevance
    // (newest first without words). Sorting is a query, run on the search worker.
    header->setSectionsClickable(true);
    header->setSortIndicatorShown(true);
    header->setSortIndicatorClearable(true);
    header->setSortIndicator(-1, Qt::DescendingOrder);
    connect(header, &QHeaderView::sortIndicatorChanged, this, [this] { search(m_search->text()); });
    connect(m_list, &QTableView::clicked, this, [this](const QModelIndex& index) {
        if (index.column() == ArticleListModel::StarColumn)
            toggleFlag(ArticleListModel::Flag::Starred, {m_model->idAt(index.row())});
    });

    m_reader = new ReaderView;

    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->addWidget(m_list);
    m_splitter->addWidget(m_reader);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({500, 380});

    // An empty library shows a welcome page instead of an empty list.
    auto* welcome = new QWidget;
    auto* welcomeLayout = new QVBoxLayout(welcome);
    auto* welcomeText = new QLabel(
        tr("<h2>Welcome to Broadsheet</h2><p>Your library is empty. Import a folder of news "
           "articles (text files, or CSV data sets) to start reading and searching.</p>"));
    welcomeText->setWordWrap(true);
    welcomeText->setAlignment(Qt::AlignCenter);
    auto* importButton = new QPushButton(tr("Import a Folder…"));
    importButton->setAccessibleName(tr("Import a folder"));
    connect(importButton, &QPushButton::clicked, this, &MainWindow::importFolder);
    auto* sampleButton = new QPushButton(tr("Open the Sample Library"));
    sampleButton->setAccessibleName(tr("Open the sample library"));
    connect(sampleButton, &QPushButton::clicked, this, &MainWindow::importSampleLibrary);
    welcomeLayout->addStretch();
    welcomeLayout->addWidget(welcomeText);
    welcomeLayout->addWidget(importButton, 0, Qt::AlignHCenter);
    welcomeLayout->addWidget(sampleButton, 0, Qt::AlignHCenter);
    welcomeLayout->addStretch();

    m_pages = new QStackedWidget;
    m_pages->addWidget(welcome);
    m_sidebar = new Sidebar;
    m_timeline = new TimelineView;
    m_timeline->hide(); // until there are months to show
    auto* listArea = new QWidget;
    auto* listLayout = new QVBoxLayout(listArea);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->setSpacing(0);
    listLayout->addWidget(m_timeline);
    listLayout->addWidget(m_splitter, 1);
    m_outer = new QSplitter(Qt::Horizontal);
    m_outer->addWidget(m_sidebar);
    m_outer->addWidget(listArea);
    m_outer->setStretchFactor(0, 0);
    m_outer->setStretchFactor(1, 1);
    m_outer->setSizes({220, 880});
    m_pages->addWidget(m_outer);
    setCentralWidget(m_pages);

    m_search = new QLineEdit;
    m_search->setPlaceholderText(tr("Search: words, \"phrases\", prefix*, OR, -word, title:, "
                                    "after:2014-12 (press / to search)"));
    m_search->setAccessibleName(tr("Search"));
    m_search->setClearButtonEnabled(true);
    m_hint = new QLabel;
    m_hint->setAccessibleName(tr("Search hint"));
    m_toolbar = addToolBar(tr("Search"));
    m_toolbar->setObjectName(QStringLiteral("searchToolBar"));
    m_toolbar->setMovable(false);
    m_toolbar->setToolButtonStyle(Qt::ToolButtonFollowStyle);
    m_toolbar->addWidget(m_search);
    m_hint->setStyleSheet(QStringLiteral("color: palette(link)"));
    statusBar()->addWidget(m_hint, 1);
    m_hint->hide();
    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(200);
    m_searcher = new SearchController(m_store->path(), this);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, [this] { search(m_search->text()); });
    connect(m_searcher, &SearchController::finished, this, &MainWindow::onSearchFinished);
    connect(m_timeline, &TimelineView::monthActivated, this, &MainWindow::narrowToMonth);
    connect(m_sidebar, &Sidebar::querySelected, this, [this](const QString& query) {
        const QSignalBlocker blocker(m_search);
        m_search->setText(query);
        search(query);
    });
    connect(m_searcher, &SearchController::failed, this,
            [this](const QString&, const QString& message) {
                statusBar()->showMessage(message, 10000);
            });

    m_count = new QLabel;
    m_progress = new QProgressBar;
    m_progress->setMaximumWidth(240);
    m_progress->setAccessibleName(tr("Import progress"));
    m_progress->hide();
    m_cancel = new QToolButton;
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop the import after the files in hand"));
    m_cancel->hide();
    m_exportProgress = new QProgressBar;
    m_exportProgress->setMaximumWidth(240);
    m_exportProgress->setAccessibleName(tr("Export progress"));
    m_exportProgress->hide();
    m_exportCancel = new QToolButton;
    m_exportCancel->setText(tr("Cancel Export"));
    m_exportCancel->setToolTip(tr("Stop the export; nothing is written"));
    m_exportCancel->hide();
    m_tagProgress = new QProgressBar;
    m_tagProgress->setMaximumWidth(160);
    m_tagProgress->setAccessibleName(tr("Tagging progress"));
    m_tagProgress->hide();
    m_tagPause = new QToolButton;
    m_tagPause->setText(tr("Pause Tagging"));
    m_tagPause->setToolTip(tr("People, places and keywords are being found in the new "
                              "stories; pause to leave the machine to you"));
    m_tagPause->hide();
    statusBar()->addPermanentWidget(m_tagProgress);
    statusBar()->addPermanentWidget(m_tagPause);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancel);
    statusBar()->addPermanentWidget(m_exportProgress);
    statusBar()->addPermanentWidget(m_exportCancel);
    statusBar()->addPermanentWidget(m_count);

    createMenus();

    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::showCurrentArticle);
    if (m_importer) {
        connect(m_cancel, &QToolButton::clicked, m_importer, &ImportController::cancel);
        connect(m_importer, &ImportController::progress, this, &MainWindow::onImportProgress);
        connect(m_importer, &ImportController::finished, this, &MainWindow::onImportFinished);
        connect(m_importer, &ImportController::failed, this, &MainWindow::onImportFailed);
    }
    if (m_tagger) {
        connect(m_tagger, &TaggingController::progress, this, &MainWindow::onTaggingProgress);
        connect(m_tagger, &TaggingController::finished, this, &MainWindow::onTaggingFinished);
        connect(m_tagger, &TaggingController::failed, this, [this](const QString& message) {
            m_tagProgress->hide();
            m_tagPause->hide();
            statusBar()->showMessage(tr("Tagging stopped: %1").arg(message), 15000);
        });
        connect(m_tagPause, &QToolButton::clicked, this, [this] {
            if (m_tagger->isPaused()) {
                m_tagger->resume();
                m_tagPause->setText(tr("Pause Tagging"));
            } else {
                m_tagger->pause();
                m_tagPause->setText(tr("Resume Tagging"));
            }
        });
    }
    if (m_writer) {
        // Another program (the CLI, a second window) wrote to the library: show it in place.
        m_writer->setExternalChangeCallback([this] {
            QMetaObject::invokeMethod(this, &MainWindow::onLibraryChangedElsewhere,
                                      Qt::QueuedConnection);
        });
        m_writer->setWaitingCallback([this](const QString& message) {
            QMetaObject::invokeMethod(
                this, [this, message] { statusBar()->showMessage(message, 5000); },
                Qt::QueuedConnection);
        });
    }
    connect(m_exportCancel, &QToolButton::clicked, m_exporter, &ExportController::cancel);
    connect(m_exporter, &ExportController::progress, this, [this](qint64 done, qint64 total) {
        m_exportProgress->setRange(0, static_cast<int>(std::max<qint64>(total, 1)));
        m_exportProgress->setValue(static_cast<int>(done));
        statusBar()->showMessage(tr("Exporting: %1 of %2 stories").arg(done).arg(total));
    });
    auto exportEnded = [this](bool written, const QString& message) {
        m_exportProgress->hide();
        m_exportCancel->hide();
        statusBar()->showMessage(message, 15000);
        Q_EMIT exportFinished(written, message);
    };
    connect(m_exporter, &ExportController::finished, this,
            [exportEnded](const core::ExportReport& report) {
                exportEnded(true, tr("Exported %n story(s) to %1", nullptr, int(report.articles))
                                      .arg(QDir::toNativeSeparators(report.destination)));
            });
    connect(m_exporter, &ExportController::failed, this,
            [this, exportEnded](const QString& message, bool cancelled) {
                exportEnded(false, cancelled ? tr("Export cancelled; nothing was written.")
                                             : tr("Export failed: %1").arg(message));
                if (!cancelled) {
                    auto* box = new QMessageBox(QMessageBox::Warning, tr("Export failed"), message,
                                                QMessageBox::Ok, this);
                    box->setAttribute(Qt::WA_DeleteOnClose);
                    box->open();
                }
            });

    updateCountLabel();
    updateWelcome();
    // Two scans of a large library at once starve the GUI thread on two cores (the first
    // paint at a million stories took 3x longer): the sidebar counts after the ids load.
    if (m_model->isLoading()) {
        m_overviewDeferred = true;
        connect(m_model, &ArticleListModel::idsLoaded, this, &MainWindow::startDeferredSidebar,
                Qt::SingleShotConnection);
    } else {
        refreshSidebar();
    }
    if (m_model->rowCount() > 0)
        m_list->selectRow(0);
    restoreSettings();
    // Stories stored without their people, places and keywords (a pass that was stopped,
    // an import by `--no-tags`, a newer tagger) are tagged in the background.
    if (m_tagger)
        m_tagger->start();
}

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
        m_list->horizontalHeader()->restoreState(
            settings.value(QStringLiteral("columns")).toByteArray());
    }
    const QString query = settings.value(QStringLiteral("query")).toString();
    settings.endGroup();
    const ListOrder order = listOrder();
    const bool newestFirst = order.sort == core::SearchRequest::Sort::Relevance ||
                             (order.sort == core::SearchRequest::Sort::Date && !order.reversed);
    if (!query.isEmpty() || !newestFirst) {
        const QSignalBlocker blocker(m_search); // search now, not after the typing delay
        m_search->setText(query);
        search(query);
    }
}

MainWindow::~MainWindow()
{
    saveSettings();
    if (m_writer) {
        m_writer->setExternalChangeCallback({});
        m_writer->setWaitingCallback({});
    }
    m_overviewWorker->cancel();
    m_overviewWorker->wait();
    if (m_importer) {
        m_importer->cancel();
        m_importer->wait();
    }
    if (m_tagger) {
        m_tagger->pause();
        m_tagger->wait();
    }
    m_exporter->cancel();
    m_exporter->wait();
    // The writer, the last member to go that writes, commits what is queued.
    delete m_tagger;
    m_tagger = nullptr;
    delete m_importer;
    m_importer = nullptr;
}

void MainWindow::waitForWrites()
{
    if (m_writer)
        (void)m_writer->run([](core::ArticleStore&) { return core::Result<void>(); });
    // The writer's replies were queued to this thread before the barrier returned.
    QCoreApplication::processEvents();
}

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

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* folder = file->addAction(tr("Import &Folder…"), this, &MainWindow::importFolder);
    folder->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
    QAction* files = file->addAction(tr("&Import Files…"), this, &MainWindow::importFiles);
    files->setShortcut(QKeySequence::Open);
    file->addSeparator();
    QAction* exportAction =
        file->addAction(tr("&Export Selected…"), this, &MainWindow::showExportDialog);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    QAction* print = file->addAction(tr("&Print…"), this, &MainWindow::printSelection);
    print->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    // Ctrl+Q everywhere: QKeySequence::Quit is empty on some platforms (and offscreen).
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);

    QMenu* go = menuBar()->addMenu(tr("&Story"));
    auto addKey = [this, go](const QString& text, const QKeySequence& key, auto slot) {
        QAction* action = go->addAction(text, this, slot);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WindowShortcut);
        return action;
    };
    addKey(tr("&Next Story"), QKeySequence(Qt::Key_J), [this] { moveSelection(1); });
    addKey(tr("&Previous Story"), QKeySequence(Qt::Key_K), [this] { moveSelection(-1); });
    QAction* read = addKey(tr("Toggle &Read"), QKeySequence(Qt::Key_M), [this] { toggleRead(); });
    read->setIcon(themedIcon("mail-mark-read", ":/icons/read.svg"));
    QAction* star = addKey(tr("Toggle &Star"), QKeySequence(Qt::Key_S), [this] { toggleStar(); });
    star->setIcon(themedIcon("mail-mark-important", ":/icons/star.svg"));
    addKey(tr("Page Down, then Next Story"), QKeySequence(Qt::Key_Space), &MainWindow::pageReader);
    go->addSeparator();
    QAction* save = go->addAction(tr("Save Search…"), this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Save Search"), tr("Name:"),
                                                   QLineEdit::Normal, m_query, &ok);
        if (ok)
            saveCurrentSearch(name);
    });
    save->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    QAction* find = go->addAction(tr("&Search"), this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    find->setShortcuts({QKeySequence(Qt::Key_Slash), QKeySequence(Qt::CTRL | Qt::Key_F)});

    QMenu* tags = menuBar()->addMenu(tr("&Tags"));
    QAction* addTag = tags->addAction(tr("&Add Tag…"), this, [this] {
        bool ok = false;
        const QString name =
            QInputDialog::getItem(this, tr("Add Tag"), tr("Tag the selected stories with:"),
                                  userTagNames(), 0, true, &ok);
        if (ok)
            addTagToSelection(name);
    });
    addTag->setShortcut(QKeySequence(Qt::Key_T));
    addTag->setShortcutContext(Qt::WindowShortcut);
    QAction* removeTag = tags->addAction(tr("&Remove Tag…"), this, [this] {
        const QStringList names = selectionTagNames();
        if (names.isEmpty()) {
            statusBar()->showMessage(tr("The selected stories have no tags."), 5000);
            return;
        }
        bool ok = false;
        const QString name = QInputDialog::getItem(this, tr("Remove Tag"),
                                                   tr("Take this tag off the selected stories:"),
                                                   names, 0, false, &ok);
        if (ok)
            removeTagFromSelection(name);
    });
    removeTag->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_T));
    removeTag->setShortcutContext(Qt::WindowShortcut);
    tags->addSeparator();
    tags->addAction(tr("&Manage Tags…"), this, &MainWindow::showTagManager);

    // The story list's context menu: what acts on the selection.
    m_list->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto* separator = new QAction(this);
    separator->setSeparator(true);
    m_list->addActions({addTag, removeTag, read, star, separator, exportAction, print});

    QMenu* view = menuBar()->addMenu(tr("&View"));
    m_readerBelow = view->addAction(tr("Reader &Below the List"));
    m_readerBelow->setCheckable(true);
    m_readerBelow->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_readerBelow->setIcon(themedIcon("view-split-top-bottom", ":/icons/layout.svg"));
    connect(m_readerBelow, &QAction::toggled, this, &MainWindow::setReaderBelow);

    // The toolbar: the common actions (SVG icons, or the desktop theme's), then the search.
    folder->setIcon(themedIcon("document-import", ":/icons/import.svg"));
    m_toolbar->insertActions(m_toolbar->actions().value(0), {folder, read, star, m_readerBelow});
    m_toolbar->insertSeparator(m_toolbar->actions().value(4));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard Shortcuts"), this, [this] {
        auto* box = new QMessageBox(QMessageBox::Information, tr("Keyboard Shortcuts"),
                                    shortcutList().join(QLatin1Char('\n')), QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
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
    if (!*article)
        return;
    core::Article shown = **article;
    if (m_matches >= 0) { // mark what the search matched
        auto marked = core::Searcher(m_store->database()).highlighted(id, m_query);
        if (marked && *marked) {
            shown.title = (*marked)->title;
            shown.body = (*marked)->body;
        }
    }
    // What the window shows may be ahead of the store: the writer has it queued.
    if (const auto summary = m_model->summaryOf(id)) {
        shown.read = summary->read;
        shown.starred = summary->starred;
    }
    for (const auto& [name, added] : m_model->pendingTags(id)) {
        shown.tags.removeIf([&name](const core::Tag& tag) {
            return tag.name.compare(name, Qt::CaseInsensitive) == 0;
        });
        if (added)
            shown.tags.append(core::Tag{name, QString::fromLatin1(core::tag_kind::kManual)});
    }
    m_reader->showArticle(shown);
    if (!shown.read) { // opening a story marks it read
        core::ArticleSummary before;
        before.id = id;
        setFlag(ArticleListModel::Flag::Read, {before}, true);
    }
}

QList<core::ArticleId> MainWindow::selectedIds() const
{
    QList<core::ArticleId> ids;
    for (const QModelIndex& index : m_list->selectionModel()->selectedRows())
        ids.append(m_model->idAt(index.row()));
    if (ids.isEmpty() && m_list->currentIndex().isValid())
        ids.append(m_model->idAt(m_list->currentIndex().row()));
    return ids;
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
    // Remembered until a recount that includes it shows (refreshSidebar()).
    m_flagDeltas.append({++m_flagSeq, read ? -delta : 0, read ? 0 : delta});
    if (read)
        m_sidebar->adjustFlagCounts(-delta, 0);
    else
        m_sidebar->adjustFlagCounts(0, delta);
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

void MainWindow::moveSelection(int delta)
{
    if (m_model->rowCount() == 0)
        return;
    const int current = m_list->currentIndex().isValid() ? m_list->currentIndex().row() : -1;
    const int row = std::clamp(current + delta, 0, m_model->rowCount() - 1);
    m_list->selectRow(row);
    m_list->scrollTo(m_model->index(row, 0));
}

// Counting sources, sections and tags reads the whole library: it runs on a worker with its
// own connection, so a large library paints its list first. It counts after the writer has
// stored every change posted before it (a barrier in the writer's queue), so the counts
// include what the window shows already. A refresh asked for while one runs replaces it.
void MainWindow::refreshSidebar()
{
    if (m_sidebarBarrier)
        return; // the recount about to start will see this change too
    m_sidebarBarrier = true;
    // The writer counts Unread and Starred in order with every change: a change posted
    // after this command is not in its counts, and is added on top when they show.
    const quint64 counted = m_flagSeq;
    auto flags = std::make_shared<core::ArticleStore::FlagCounts>();
    auto count = [this, counted, flags](const core::Result<void>&) {
        m_sidebarBarrier = false;
        m_overviewWorker->start([this, counted, flags](core::ArticleStore& reader,
                                                       std::stop_token) -> LibraryWorker::Delivery {
            auto overview = reader.overview();
            return [this, counted, flags, overview = std::move(overview)]() mutable {
                if (overview && m_writer) {
                    m_flagDeltas.removeIf(
                        [counted](const FlagDelta& delta) { return delta.seq <= counted; });
                    overview->unread = flags->unread;
                    overview->starred = flags->starred;
                    for (const FlagDelta& delta : std::as_const(m_flagDeltas)) {
                        overview->unread += delta.unread;
                        overview->starred += delta.starred;
                    }
                }
                showOverview(overview);
            };
        });
    };
    const bool queued = m_writer && write(
                                        [flags](core::ArticleStore& store) -> core::Result<void> {
                                            auto counts = store.flagCounts();
                                            if (!counts)
                                                return counts.error();
                                            *flags = *counts;
                                            return {};
                                        },
                                        count);
    if (!queued)
        count({});
}

void MainWindow::showOverview(const core::Result<core::LibraryOverview>& overview)
{
    if (!overview) {
        statusBar()->showMessage(overview.error().message, 10000);
    } else {
        m_sidebar->setOverview(*overview);
        m_sidebar->selectQuery(m_matches >= 0 ? m_query : QString());
        if (m_matches < 0) // the whole library is listed: its months are the timeline
            setTimelineMonths(overview->months);
    }
    Q_EMIT sidebarRefreshed();
}

// The timeline only takes room when it has months to show.
void MainWindow::setTimelineMonths(const QMap<QString, qint64>& months)
{
    m_timeline->setMonths(months);
    m_timeline->setVisible(!months.isEmpty());
}

bool MainWindow::sidebarIsCurrent() const
{
    return !m_sidebarBarrier && !m_overviewWorker->isBusy() && !m_overviewDeferred;
}

void MainWindow::startDeferredSidebar()
{
    if (!m_overviewDeferred)
        return;
    m_overviewDeferred = false;
    refreshSidebar();
}

void MainWindow::narrowToMonth(const QString& month)
{
    const QString query = core::query_text::withMonth(m_query, month);
    const QSignalBlocker blocker(m_search);
    m_search->setText(query);
    search(query);
}

bool MainWindow::saveCurrentSearch(const QString& name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || m_query.trimmed().isEmpty())
        return false;
    const core::SavedSearch saved{trimmed, m_query};
    if (!write([saved](core::ArticleStore& store) { return store.saveSearch(saved); }))
        return false;
    refreshSidebar(); // after the writer has stored it
    return true;
}

void MainWindow::pageReader()
{
    QScrollBar* bar = m_reader->verticalScrollBar();
    if (bar->value() < bar->maximum())
        bar->setValue(bar->value() + bar->pageStep());
    else
        moveSelection(1);
}

bool MainWindow::readerBelow() const
{
    return m_splitter->orientation() == Qt::Vertical;
}

void MainWindow::setReaderBelow(bool below)
{
    m_splitter->setOrientation(below ? Qt::Vertical : Qt::Horizontal);
    if (m_readerBelow->isChecked() != below)
        m_readerBelow->setChecked(below);
}

QStringList MainWindow::shortcutList() const
{
    QStringList lines;
    for (QAction* menu : menuBar()->actions()) {
        for (QAction* action : menu->menu()->actions()) {
            QStringList keys;
            for (const QKeySequence& key : action->shortcuts())
                keys.append(key.toString(QKeySequence::NativeText));
            if (!keys.isEmpty())
                lines.append(QStringLiteral("%1: %2").arg(action->text().remove(QLatin1Char('&')),
                                                          keys.join(QStringLiteral(", "))));
        }
    }
    return lines;
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

ListOrder MainWindow::listOrder() const
{
    const QHeaderView* header = m_list->horizontalHeader();
    const int column = header->sortIndicatorSection();
    if (column < 0 || column >= ArticleListModel::ColumnCount)
        return {};
    return {ArticleListModel::sortFor(column),
            header->sortIndicatorOrder() != ArticleListModel::naturalOrder(column)};
}

void MainWindow::search(const QString& query)
{
    m_searchDelay->stop();
    m_inPlace = false;
    m_searcher->start(query, listOrder());
}

void MainWindow::refreshInPlace()
{
    m_searchDelay->stop();
    m_inPlace = true;
    m_searcher->start(m_matches >= 0 ? m_query : QString(), listOrder());
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
    m_tagProgress->setRange(0, static_cast<int>(std::min<qint64>(total, INT_MAX)));
    m_tagProgress->setValue(static_cast<int>(std::min<qint64>(done, INT_MAX)));
    m_tagProgress->setFormat(
        tr("Tagging %1 of %2 stories").arg(QLocale().toString(done), QLocale().toString(total)));
    m_tagProgress->setToolTip(m_tagProgress->format());
    m_tagProgress->show();
    m_tagPause->show();
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
        m_tagProgress->hide();
        m_tagPause->hide();
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

void MainWindow::onSearchFinished(const QString& query, const core::SearchResults& results)
{
    const bool inPlace = std::exchange(m_inPlace, false);
    m_query = query;
    m_matches = query.trimmed().isEmpty() ? -1 : results.total;
    const core::ArticleId current = m_model->idAt(m_list->currentIndex().row());
    if (inPlace) {
        // Rows come and go around the ones shown: the selection and scroll stay.
        const int top = m_list->rowAt(0);
        const core::ArticleId topId = m_model->idAt(top);
        m_model->updateIds(results.ids);
        if (m_list->rowAt(0) != m_model->rowOf(topId) && m_model->rowOf(topId) >= 0)
            m_list->scrollTo(m_model->index(m_model->rowOf(topId), 0),
                             QAbstractItemView::PositionAtTop);
        setTimelineMonths(results.months);
        updateCountLabel();
        updateWelcome();
        if (m_model->rowOf(current) >= 0 && m_list->currentIndex().row() != m_model->rowOf(current))
            m_list->selectRow(m_model->rowOf(current));
        else if (current == 0 && m_model->rowCount() > 0)
            m_list->selectRow(0);
        startDeferredSidebar();
        if (auto report = std::exchange(m_importShown, std::nullopt))
            Q_EMIT importFinished(*report);
        Q_EMIT searchFinished(query);
        return;
    }
    m_model->setIds(results.ids);
    setTimelineMonths(results.months);
    const QString hint = results.hints.join(QStringLiteral("; "));
    m_hint->setText(hint);
    m_hint->setToolTip(hint);
    m_hint->setVisible(!hint.isEmpty());
    updateCountLabel();
    updateWelcome();
    m_sidebar->selectQuery(m_matches >= 0 ? query : QString());
    if (const int row = m_model->rowOf(current); row >= 0) {
        m_list->selectRow(row);
        showCurrentArticle(); // the same story, marked for the new search
    } else if (m_model->rowCount() > 0) {
        m_list->selectRow(0);
    } else {
        m_reader->showMessage(tr("No story matches this search."));
    }
    startDeferredSidebar(); // the list no longer waits for its ids
    Q_EMIT searchFinished(query);
}

bool MainWindow::showsWelcome() const
{
    return m_pages->currentIndex() == 0;
}

void MainWindow::updateWelcome()
{
    const bool empty = m_model->rowCount() == 0 && m_matches < 0;
    m_pages->setCurrentIndex(empty ? 0 : 1);
}

void MainWindow::importSampleLibrary()
{
    const QString folder = installSampleLibrary();
    if (folder.isEmpty()) {
        statusBar()->showMessage(tr("The sample library could not be written to the application "
                                    "data folder."),
                                 10000);
        return;
    }
    importPaths({folder});
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
        tr("News articles (*.txt *.text *.csv *.md *.markdown *.json *.ndjson *.jsonl);;"
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
    // The new stories join the list where they belong (read on the search worker), and
    // importFinished() follows once they show; then the tagging pass finds their names.
    m_importShown = report;
    refreshInPlace();
    refreshSidebar();
    if (m_tagger && report.added > 0)
        m_tagger->start();
}

void MainWindow::onImportFailed(const QString& message)
{
    m_progress->hide();
    m_cancel->hide();
    refreshInPlace(); // what was committed before the failure stays
    refreshSidebar();
    statusBar()->showMessage(tr("Import failed"), 15000);
    auto* box =
        new QMessageBox(QMessageBox::Warning, tr("Import failed"), message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    Q_EMIT importFinished(core::ImportReport{});
}

void MainWindow::updateCountLabel()
{
    if (m_matches >= 0)
        m_count->setText(tr("%n match(es)", nullptr, static_cast<int>(m_matches)));
    else
        m_count->setText(tr("%n article(s)", nullptr, m_model->rowCount()));
}

} // namespace broadsheet::ui

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
    m_exportProgress->setRange(0, 0);
    m_exportProgress->show();
    m_exportCancel->show();
    statusBar()->showMessage(tr("Exporting…"));
    return true;
}

void MainWindow::printSelection()
{
    const QList<core::ArticleId> ids = selectedIds();
    if (ids.isEmpty()) {
        statusBar()->showMessage(tr("Select the stories to print."), 5000);
        return;
    }
    QPrinter printer(QPrinter::HighResolution);
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print %n Story(s)", nullptr, int(ids.size())));
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto printed = printStories(printer, ids);
    statusBar()->showMessage(printed ? tr("Printed %n story(s).", nullptr, *printed)
                                     : tr("Printing failed: %1").arg(printed.error().message),
                             10000);
}

core::Result<int> MainWindow::printStories(QPrinter& printer, const QList<core::ArticleId>& ids)
{
    ArticlePrinter pages(printer);
    if (auto r = pages.begin(); !r)
        return r.error();
    auto articles = m_store->articles(ids);
    if (!articles)
        return articles.error();
    for (const core::Article& article : *articles)
        pages.print(article);
    if (auto r = pages.end(); !r)
        return r.error();
    return static_cast<int>(articles->size());
}

} // namespace broadsheet::ui
