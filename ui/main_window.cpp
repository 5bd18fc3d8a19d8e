// SPDX-License-Identifier: GPL-3.0-or-later
#include "main_window.h"

#include "article_list_model.h"
#include "article_printer.h"
#include "background.h"
#include "export/export_job.h"
#include "export_controller.h"
#include "export_dialog.h"
#include "feed_refresh_controller.h"
#include "import_controller.h"
#include "job_indicator.h"
#include "library_worker.h"
#include "reader_view.h"
#include "remote_images.h"
#include "sample_library.h"
#include "search/query_text.h"
#include "search_controller.h"
#include "sidebar.h"
#include "sidebar_controller.h"
#include "store/article_store.h"
#include "store/library_location.h"
#include "store/library_writer.h"
#include "story_editor.h"
#include "story_list_delegate.h"
#include "sync_controller.h"
#include "tag_manager_dialog.h"
#include "tagging_controller.h"
#include "timeline_view.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDate>
#include <QDateTime>
#include <QDesktopServices>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QIcon>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
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
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace broadsheet::ui {

MainWindow::MainWindow(std::unique_ptr<core::ArticleStore> store, QWidget* parent)
    : QMainWindow(parent)
    , m_store(std::move(store))
{
    core::setBackgroundWorkYields(true); // imports and the tagging pass yield to this thread
    setAcceptDrops(true);
    updateWindowTitle(0);
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
    m_printWorker = new LibraryWorker(m_store->path(), LibraryWorker::Policy::Queue, this);

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
    // As wide as a date in this locale's short form needs, with room to spare.
    header->resizeSection(ArticleListModel::DateColumn,
                          m_list->fontMetrics().horizontalAdvance(
                              QLocale().toString(QDate(2026, 12, 31), QLocale::ShortFormat)) +
                              24);
    header->resizeSection(ArticleListModel::SourceColumn, 90);
    header->resizeSection(ArticleListModel::AuthorColumn, 90);
    m_list->setItemDelegateForColumn(ArticleListModel::TitleColumn, new StoryTitleDelegate(m_list));
    // The header's context menu shows and hides columns (the title always shows).
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this, [this, header](QPoint at) {
        QMenu menu;
        for (int column = 0; column < ArticleListModel::ColumnCount; ++column) {
            if (column == ArticleListModel::TitleColumn)
                continue;
            QString name = m_model->headerData(column, Qt::Horizontal).toString();
            if (column == ArticleListModel::StarColumn)
                name = tr("Starred");
            QAction* shown = menu.addAction(name);
            shown->setCheckable(true);
            shown->setChecked(!header->isSectionHidden(column));
            connect(shown, &QAction::toggled, header,
                    [header, column](bool on) { header->setSectionHidden(column, !on); });
        }
        menu.exec(header->mapToGlobal(at));
    });
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
    // Images a story names load only when the user allows it, from a bounded cache of the
    // user's own (never a browser's, never with cookies).
    m_reader->setRemoteImages(
        new RemoteImages(core::cacheFolder() + QStringLiteral("/images"), this));
    connect(m_reader, &ReaderView::tagClicked, this,
            [this](const QString& name, const QString& kind) {
                if (kind == u"person" || kind == u"organization" || kind == u"place") {
                    openEntity(name);
                    return;
                }
                const QString query = Sidebar::filterQuery(QStringLiteral("tag"), name);
                const QSignalBlocker blocker(m_search);
                m_search->setText(query);
                search(query);
            });
    connect(m_reader, &ReaderView::storyClicked, this, &MainWindow::openStory);
    connect(
        m_reader, &ReaderView::tagHovered, this, [this](const QString& name, const QString& kind) {
            if (name.isEmpty()) {
                statusBar()->clearMessage();
                return;
            }
            const QString what = kind == u"person"         ? tr("a person")
                                 : kind == u"organization" ? tr("an organisation")
                                 : kind == u"place"        ? tr("a place")
                                 : kind == u"keyword"      ? tr("a keyword")
                                 : kind == u"rule"         ? tr("a rule's tag")
                                                           : tr("your tag");
            statusBar()->showMessage(tr("%1 (%2): click for every story with it").arg(name, what));
        });
    connect(m_reader, &ReaderView::linkRefused, this, [this](const QUrl& url) {
        statusBar()->showMessage(tr("Not opened: %1 is not a web or mail link.")
                                     .arg(url.toDisplayString(QUrl::RemoveUserInfo).left(120)),
                                 8000);
    });

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
        tr("<h2>Welcome to Broadsheet</h2><p>Your library is empty. Add a feed to follow a "
           "site's news, or import a folder of news articles (text files, CSV data sets, "
           "feeds) to start reading and searching.</p>"));
    welcomeText->setWordWrap(true);
    welcomeText->setAlignment(Qt::AlignCenter);
    auto* addFeedButton = new QPushButton(tr("Add a Feed…"));
    addFeedButton->setAccessibleName(tr("Add a feed"));
    connect(addFeedButton, &QPushButton::clicked, this, [this] { showAddFeedDialog(); });
    auto* importButton = new QPushButton(tr("Import a Folder…"));
    importButton->setAccessibleName(tr("Import a folder"));
    connect(importButton, &QPushButton::clicked, this, &MainWindow::importFolder);
    auto* sampleButton = new QPushButton(tr("Open the Sample Library"));
    sampleButton->setAccessibleName(tr("Open the sample library"));
    connect(sampleButton, &QPushButton::clicked, this, &MainWindow::openSampleLibrary);
    welcomeLayout->addStretch();
    welcomeLayout->addWidget(welcomeText);
    welcomeLayout->addWidget(addFeedButton, 0, Qt::AlignHCenter);
    welcomeLayout->addWidget(importButton, 0, Qt::AlignHCenter);
    welcomeLayout->addWidget(sampleButton, 0, Qt::AlignHCenter);
    welcomeLayout->addStretch();

    m_pages = new QStackedWidget;
    m_pages->addWidget(welcome);
    m_sidebar = new Sidebar;
    m_sidebarCounts = new SidebarController(m_sidebar, m_writer.get(), m_store->path(), this);
    connect(m_sidebarCounts, &SidebarController::refreshed, this,
            [this](const core::LibraryOverview& overview) {
                m_sidebar->selectQuery(m_matches >= 0 ? m_query : QString());
                if (m_matches < 0) // the whole library is listed: its months are the timeline
                    setTimelineMonths(overview.months, overview.undated);
                Q_EMIT sidebarRefreshed();
            });
    m_editor = new StoryEditor(m_writer.get(), m_model, m_sidebarCounts, this);
    connect(m_editor, &StoryEditor::message, this, [this](const QString& text, int timeoutMs) {
        statusBar()->showMessage(text, timeoutMs);
    });
    connect(m_editor, &StoryEditor::storiesChanged, this, &MainWindow::showCurrentArticle);
    connect(m_sidebarCounts, &SidebarController::failed, this, [this](const QString& message) {
        statusBar()->showMessage(message, 10000);
        Q_EMIT sidebarRefreshed();
    });
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
    m_openExport = new QPushButton(tr("Open"));
    m_showExport = new QPushButton(tr("Show in Folder"));
    m_importReport = new QPushButton(tr("Import Report"));
    m_importReport->setToolTip(tr("What the last import added and skipped"));
    connect(m_importReport, &QPushButton::clicked, this, &MainWindow::showImportReport);
    for (QPushButton* button : {m_importReport, m_openExport, m_showExport}) {
        button->setFlat(true);
        button->hide();
        statusBar()->addPermanentWidget(button);
    }
    // They go with the export's message.
    connect(statusBar(), &QStatusBar::messageChanged, this, [this](const QString& message) {
        if (message.isEmpty() ||
            !message.contains(m_openExport->property("destination").toString())) {
            m_openExport->hide();
            m_showExport->hide();
        }
    });
    connect(m_openExport, &QPushButton::clicked, this, [this] {
        QDesktopServices::openUrl(
            QUrl::fromLocalFile(m_openExport->property("destination").toString()));
    });
    connect(m_showExport, &QPushButton::clicked, this, [this] {
        QDesktopServices::openUrl(QUrl::fromLocalFile(
            QFileInfo(m_openExport->property("destination").toString()).absolutePath()));
    });
    m_hint->hide();
    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(200);
    m_searcher = new SearchController(m_store->path(), this);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    m_search->installEventFilter(this);
    m_list->installEventFilter(this);
    connect(m_searchDelay, &QTimer::timeout, this, [this] { search(m_search->text()); });
    connect(m_searcher, &SearchController::finished, this, &MainWindow::onSearchFinished);
    connect(m_timeline, &TimelineView::monthActivated, this, &MainWindow::narrowToMonth);
    connect(m_sidebar, &Sidebar::querySelected, this, [this](const QString& query) {
        const QSignalBlocker blocker(m_search);
        m_search->setText(query);
        search(query);
    });
    m_entityLoader = new LibraryWorker(m_store->path(), LibraryWorker::Policy::LatestOnly, this);
    connect(m_sidebar, &Sidebar::entitySelected, this, &MainWindow::showEntityPage);
    connect(m_searcher, &SearchController::failed, this,
            [this](const QString&, const QString& message) {
                statusBar()->showMessage(message, 10000);
            });

    m_count = new QLabel;
    m_taggingJob = std::make_unique<JobIndicator>(
        statusBar(), tr("Tagging progress"), tr("Pause Tagging"),
        tr("People, places and keywords are being found in the new stories; pause to leave "
           "the machine to you"),
        200);
    m_importJob =
        std::make_unique<JobIndicator>(statusBar(), tr("Import progress"), tr("Cancel"),
                                       tr("Stop the import after the files in hand"), 240);
    m_exportJob =
        std::make_unique<JobIndicator>(statusBar(), tr("Export progress"), tr("Cancel Export"),
                                       tr("Stop the export; nothing is written"), 240);
    statusBar()->addPermanentWidget(m_count);

    createMenus();
    setUpFeeds();
    setUpSync();
    rememberDefaultShortcuts();
    applyPreferences(Preferences::load());

    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::showCurrentArticle);
    if (m_importer) {
        connect(m_importJob->button(), &QToolButton::clicked, m_importer,
                &ImportController::cancel);
        connect(m_importer, &ImportController::progress, this, &MainWindow::onImportProgress);
        connect(m_importer, &ImportController::finished, this, &MainWindow::onImportFinished);
        connect(m_importer, &ImportController::failed, this, &MainWindow::onImportFailed);
    }
    if (m_tagger) {
        connect(m_tagger, &TaggingController::progress, this, &MainWindow::onTaggingProgress);
        connect(m_tagger, &TaggingController::finished, this, &MainWindow::onTaggingFinished);
        connect(m_tagger, &TaggingController::failed, this, [this](const QString& message) {
            m_taggingJob->ended();
            statusBar()->showMessage(tr("Tagging stopped: %1").arg(message), 15000);
        });
        connect(m_taggingJob->button(), &QToolButton::clicked, this, [this] {
            if (m_tagger->isPaused()) {
                m_tagger->resume();
                m_taggingJob->button()->setText(tr("Pause Tagging"));
            } else {
                m_tagger->pause();
                m_taggingJob->button()->setText(tr("Resume Tagging"));
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
    connect(m_exportJob->button(), &QToolButton::clicked, m_exporter, &ExportController::cancel);
    connect(m_exporter, &ExportController::progress, this, [this](qint64 done, qint64 total) {
        m_exportJob->progress(done, total);
        statusBar()->showMessage(tr("Exporting: %1 of %2 stories").arg(done).arg(total));
    });
    auto exportEnded = [this](bool written, const QString& message) {
        m_exportJob->ended();
        statusBar()->showMessage(message, 15000);
        Q_EMIT exportFinished(written, message);
    };
    connect(m_exporter, &ExportController::finished, this,
            [this, exportEnded](const core::ExportReport& report) {
                const QString shown = QDir::toNativeSeparators(report.destination);
                m_openExport->setProperty("destination", report.destination);
                exportEnded(
                    true,
                    tr("Exported %n stories to %1", nullptr, int(report.articles)).arg(shown));
                m_openExport->show();
                m_showExport->show();
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
        m_sidebarCounts->deferUntilStarted();
        connect(m_model, &ArticleListModel::idsLoaded, m_sidebarCounts,
                &SidebarController::startDeferred, Qt::SingleShotConnection);
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

MainWindow::~MainWindow()
{
    saveSettings();
    if (m_writer) {
        m_writer->setExternalChangeCallback({});
        m_writer->setWaitingCallback({});
    }
    delete std::exchange(m_feeds, nullptr); // its thread ends before the writer goes
    delete std::exchange(m_sync, nullptr);  // and the sync's, which writes through it
    m_sidebarCounts->cancel();
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
    m_printWorker->wait();
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
    showRelatedStories(id);
    if (auto images = m_store->loadsImages(id); images && *images)
        m_reader->loadImages(); // its subscription says so
    if (!shown.read) {          // opening a story marks it read
        core::ArticleSummary before;
        before.id = id;
        setFlag(ArticleListModel::Flag::Read, {before}, true);
    }
}

void MainWindow::showRelatedStories(core::ArticleId id)
{
    // From the reader's own connection, like the story itself: a few milliseconds even in a
    // large library (measured by broadsheet-bench --discovery-only).
    auto versions = m_store->versions(id);
    auto related = m_store->relatedStories(id, 10);
    if (!versions || !related) {
        m_reader->setRelatedStories({}, {});
        return;
    }
    QList<core::ArticleId> relatedIds;
    for (const auto& r : *related)
        relatedIds.append(r.id);
    auto versionSummaries = m_store->summaries(*versions);
    auto relatedSummaries = m_store->summaries(relatedIds);
    m_reader->setRelatedStories(
        versionSummaries ? *versionSummaries : QList<core::ArticleSummary>(),
        relatedSummaries ? *relatedSummaries : QList<core::ArticleSummary>());
}

void MainWindow::openStory(core::ArticleId id)
{
    // In the list: select it there. Outside what the list shows: in the reader alone.
    if (const int row = m_model->rowOf(id); row >= 0) {
        m_list->setCurrentIndex(m_model->index(row, 0));
        m_list->scrollTo(m_list->currentIndex());
        return;
    }
    auto article = m_store->article(id);
    if (!article || !*article)
        return;
    m_reader->showArticle(**article);
    showRelatedStories(id);
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

void MainWindow::openOriginal()
{
    if (!m_list->currentIndex().isValid())
        return;
    if (!m_reader->openOriginal())
        statusBar()->showMessage(tr("This story has no web page to open."), 4000);
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

void MainWindow::refreshSidebar()
{
    m_sidebarCounts->refresh();
}

// The timeline only takes room when it has months to show.
void MainWindow::setTimelineMonths(const QMap<QString, qint64>& months, qint64 undated)
{
    m_timeline->setMonths(months);
    m_timeline->setUndated(undated);
    m_timeline->setVisible(!months.isEmpty());
}

bool MainWindow::sidebarIsCurrent() const
{
    return m_sidebarCounts->isCurrent();
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

ListOrder MainWindow::listOrder() const
{
    const QHeaderView* header = m_list->horizontalHeader();
    const int column = header->sortIndicatorSection();
    const bool grouped = m_groupVersions && m_groupVersions->isChecked();
    if (column < 0 || column >= ArticleListModel::ColumnCount)
        return {core::SearchRequest::Sort::Relevance, false, grouped};
    return {ArticleListModel::sortFor(column),
            header->sortIndicatorOrder() != ArticleListModel::naturalOrder(column), grouped};
}

void MainWindow::search(const QString& query)
{
    m_searchDelay->stop();
    m_inPlace = false;
    m_searcher->start(query, listOrder());
}

void MainWindow::openEntity(const QString& name)
{
    const QString query = Sidebar::filterQuery(QStringLiteral("tag"), name);
    {
        const QSignalBlocker blocker(m_search);
        m_search->setText(query);
    }
    search(query);
    showEntityPage(name);
}

void MainWindow::showEntityPage(const QString& name)
{
    m_entity = name;
    m_list->clearSelection();
    m_list->selectionModel()->clearCurrentIndex();
    m_entityLoader->start(
        [this, name](core::ArticleStore& reader, std::stop_token) -> LibraryWorker::Delivery {
            constexpr int kAlongside = 12;
            auto overview = reader.entityOverview(name, kAlongside);
            return [this, name, overview = std::move(overview)] {
                if (m_entity != name || m_list->currentIndex().isValid())
                    return; // another page was asked for, or a story picked, meanwhile
                if (!overview)
                    m_reader->showMessage(overview.error().message);
                else if (!*overview)
                    m_reader->showMessage(
                        tr("No person, organisation or place is called %1 any more.").arg(name));
                else
                    m_reader->showEntity(**overview);
                Q_EMIT entityShown(name);
            };
        });
}

void MainWindow::refreshInPlace()
{
    m_searchDelay->stop();
    m_inPlace = true;
    m_searcher->start(m_matches >= 0 ? m_query : QString(), listOrder());
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
        m_model->setVersions(results.versions);
        m_model->updateIds(results.ids);
        if (m_list->rowAt(0) != m_model->rowOf(topId) && m_model->rowOf(topId) >= 0)
            m_list->scrollTo(m_model->index(m_model->rowOf(topId), 0),
                             QAbstractItemView::PositionAtTop);
        setTimelineMonths(results.months, results.undated);
        updateCountLabel();
        updateWelcome();
        if (m_model->rowOf(current) >= 0 && m_list->currentIndex().row() != m_model->rowOf(current))
            m_list->selectRow(m_model->rowOf(current));
        else if (current == 0 && m_model->rowCount() > 0 && m_entity.isEmpty())
            m_list->selectRow(0);
        m_sidebarCounts->startDeferred();
        afterImportShown();
        Q_EMIT searchFinished(query);
        return;
    }
    m_model->setVersions(results.versions);
    m_model->setIds(results.ids);
    setTimelineMonths(results.months, results.undated);
    const QString hint = results.hints.join(QStringLiteral("; "));
    m_hint->setText(hint);
    m_hint->setToolTip(hint);
    m_hint->setVisible(!hint.isEmpty());
    updateCountLabel();
    updateWelcome();
    m_sidebar->selectQuery(m_matches >= 0 ? query : QString());
    if (!m_entity.isEmpty() && query != Sidebar::filterQuery(QStringLiteral("tag"), m_entity))
        m_entity.clear(); // another search: the name's page is gone
    if (!m_entity.isEmpty()) {
        // The name's page stays in the reader (or is on its way) until a story is picked.
    } else if (const int row = m_model->rowOf(current); row >= 0) {
        m_list->selectRow(row);
        showCurrentArticle(); // the same story, marked for the new search
    } else if (m_model->rowCount() > 0) {
        m_list->selectRow(0);
    } else {
        m_reader->showMessage(tr("No story matches this search."));
    }
    afterImportShown();               // a search typed meanwhile replaced the in-place one
    m_sidebarCounts->startDeferred(); // the list no longer waits for its ids
    Q_EMIT searchFinished(query);
}

void MainWindow::afterImportShown()
{
    if (auto report = std::exchange(m_importShown, std::nullopt)) {
        refreshSidebar();
        if (m_tagger && report->added > 0)
            m_tagger->start();
        Q_EMIT importFinished(*report);
    }
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

void MainWindow::updateCountLabel()
{
    const bool grouped = m_groupVersions && m_groupVersions->isChecked();
    if (m_matches >= 0 && grouped)
        m_count->setText(tr("%n stories match", nullptr, static_cast<int>(m_matches)));
    else if (m_matches >= 0)
        m_count->setText(tr("%n matches", nullptr, static_cast<int>(m_matches)));
    else if (grouped)
        m_count->setText(tr("%n stories", nullptr, m_model->rowCount()));
    else
        m_count->setText(tr("%n articles", nullptr, m_model->rowCount()));
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::KeyPress)
        return QMainWindow::eventFilter(watched, event);
    const auto* key = static_cast<QKeyEvent*>(event);
    if (watched == m_search && key->modifiers() == Qt::NoModifier &&
        (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter ||
         key->key() == Qt::Key_Down)) {
        if (m_searchDelay->isActive()) { // Enter searches now, not after the typing pause
            m_searchDelay->stop();
            search(m_search->text());
        }
        m_list->setFocus(Qt::OtherFocusReason);
        if (!m_list->currentIndex().isValid() && m_model->rowCount() > 0)
            m_list->selectRow(0);
        return true;
    }
    if (watched == m_list && key->modifiers() == Qt::NoModifier &&
        (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)) {
        openOriginal();
        return true;
    }
    if (watched == m_list && key->key() == Qt::Key_Escape && key->modifiers() == Qt::NoModifier) {
        m_search->setFocus(Qt::OtherFocusReason);
        m_search->selectAll();
        return true;
    }
    return QMainWindow::eventFilter(watched, event);
}

} // namespace broadsheet::ui
