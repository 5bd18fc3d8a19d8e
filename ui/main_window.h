// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "article_list_model.h"
#include "feeds/feed_fetcher.h"
#include "importing/import_report.h"
#include "preferences.h"
#include "search/searcher.h"
#include "search_controller.h"
#include "store/article_store.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>
#include <optional>

class QAction;
class QDragEnterEvent;
class QDropEvent;
class QLabel;
class QPushButton;
class QLineEdit;
class QMenu;
class QPrinter;
class QProgressBar;
class QStackedWidget;
class QTimer;
class QToolBar;
class QSplitter;
class QTableView;
class QToolButton;

namespace broadsheet::core {
class ArticleStore;
class LibraryWriter;
} // namespace broadsheet::core

namespace broadsheet::ui {

class ArticleListModel;
class ExportController;
class FeedRefreshController;
class SyncController;
class ImportController;
class JobIndicator;
class LibraryWorker;
class PreferencesDialog;
class ReaderView;
class TaggingController;
class Sidebar;
class SidebarController;
class StoryEditor;
class TagManagerDialog;
class TimelineView;

/// Broadsheet's window: the story list beside the reader, a File menu to import files
/// and folders with progress and cancel in the status bar. Owns the library's writer (every
/// change goes through it, so the GUI thread never waits on a lock) and the GUI thread's
/// read connection; searches, counts, imports and the tagging pass run on workers. Notices
/// what another process writes and shows it in place.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    /// Takes a store already opened on the library at `store->path()` (the GUI thread's
    /// reads), and opens the library's writer.
    explicit MainWindow(std::unique_ptr<core::ArticleStore> store, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// The backup File → Restore from Backup… chose: put in the library's place once the
    /// window (and every connection) is closed, then Broadsheet starts again.
    QString pendingRestore() const { return m_pendingRestore; }
    /// Asks which backup to restore and closes the window to do it.
    void restoreFromBackup();

    /// Imports files and folders in the background; the list refreshes when it ends.
    void importPaths(const QStringList& paths);
    /// Opens the sample library in a window of its own: a library file of its own
    /// (sample-library.sqlite in the data folder), made from the sample stories the first
    /// time. The user's library never holds them. Returns the window (null on failure).
    MainWindow* openSampleLibrary();

    QTableView* storyList() const { return m_list; }
    ReaderView* reader() const { return m_reader; }
    QAction* loadImagesAction() const { return m_loadImages; }
    QAction* groupVersionsAction() const { return m_groupVersions; }
    QAction* alwaysLoadImagesAction() const { return m_alwaysLoadImages; }
    ArticleListModel* storyModel() const { return m_model; }
    ImportController* importer() const { return m_importer; }
    QLineEdit* searchField() const { return m_search; }
    QLabel* hintLabel() const { return m_hint; }
    QLabel* countLabel() const { return m_count; }
    bool showsWelcome() const;

    /// True when the reader sits below the list instead of beside it.
    bool readerBelow() const;
    void setReaderBelow(bool below);
    /// Every shortcut of the window's menus, as "Action: Keys" lines (Help → Keyboard Shortcuts).
    QStringList shortcutList() const;

    TaggingController* tagger() const { return m_tagger; }
    core::LibraryWriter* writer() const { return m_writer.get(); }
    /// Waits until every change posted so far is stored, then shows what the writer
    /// reported (tests; the window itself never waits).
    void waitForWrites();

    Sidebar* sidebar() const { return m_sidebar; }
    /// False while the sidebar's counts are being recounted (off the GUI thread).
    bool sidebarIsCurrent() const;
    TimelineView* timeline() const { return m_timeline; }
    /// The search the list shows, narrowed to one month ("YYYY-MM").
    void narrowToMonth(const QString& month);
    /// Saves the search the list shows under `name`, in the sidebar.
    bool saveCurrentSearch(const QString& name);
    /// The sidebar's saved searches: rename, order (these names first), delete.
    bool renameSavedSearch(const QString& name, const QString& newName);
    bool orderSavedSearches(const QStringList& names);
    bool deleteSavedSearch(const QString& name);
    /// Tags → Add Tag… (t) and Remove Tag… (Shift+T) on the selected stories.
    bool addTagToSelection(const QString& name);
    bool removeTagFromSelection(const QString& name);
    /// Tags → Manage Tags…: rename, merge, recolour, delete.
    void showTagManager();
    TagManagerDialog* tagManager() const { return m_tagManager; }

    // ---- Feeds (main_window_feeds.cpp) ----
    /// File → Add Feed… (Ctrl+Shift+N); from an account's menu, with that account and
    /// folder chosen: its server is then asked to subscribe.
    void showAddFeedDialog(qint64 account = 0, const QString& folder = {});
    /// Stores a subscription and the stories of the feed as fetched (from the dialog).
    void subscribeTo(const core::Subscription& subscription, const core::FetchResult& answer);
    /// Refreshes these subscriptions (none: all of them), in the background (F5, Shift+F5).
    void refreshFeeds(const QList<qint64>& ids = {});
    /// The subscriptions of the sidebar's current entry (a feed, or a folder's).
    QList<qint64> currentSubscriptions() const;
    FeedRefreshController* feedRefresher() const { return m_feeds; }
    SyncController* syncer() const { return m_sync; }
    QLabel* syncStatus() const { return m_syncStatus; }
    /// File → Add Account…: the dialog; accepted, the account is added and synced.
    void showAddAccountDialog();
    /// A subscription's Properties… dialog; its changes go through the writer.
    void showFeedProperties(qint64 id);
    /// Asks, then unsubscribes (its stories stay unless the user says otherwise).
    void confirmUnsubscribe(qint64 id);
    void unsubscribe(qint64 id, bool deleteStories);
    /// Marks every story the query matches as read.
    void markAllRead(const QString& query);
    void markFeedRead(qint64 subscription);
    /// After a change to many stories: its failure in the status bar, the list and the
    /// sidebar read again.
    void showLibraryChanged(const core::Result<void>& outcome);
    /// Asks for a source's new name and renames it (onto another: the two become one).
    void renameSource(const QString& name);
    /// Edit → Delete (Delete): the selected stories, with Undo until the window closes.
    void deleteSelection();
    /// Edit → Undo Delete (Ctrl+Z): the last stories deleted come back.
    void undoDelete();
    bool canUndoDelete() const { return !m_deleted.isEmpty(); }

    // ---- Preferences (main_window_preferences.cpp) ----
    /// Edit → Preferences… (Ctrl+,): a dialog whose changes apply at once.
    void showPreferences();
    PreferencesDialog* preferencesDialog() const;
    /// Applies what the user chose (the dialog calls it on every change).
    void applyPreferences(const Preferences& preferences);
    const Preferences& preferences() const { return m_preferences; }
    /// Every command of the menus (the Shortcuts page lists them), and its stable id.
    QList<QAction*> commands() const;
    static QString commandId(const QAction* action);

    /// Runs a search now (the field waits a moment after each key before it does).
    void search(const QString& query);
    /// A person's, organisation's or place's page: the list shows its stories and the
    /// reader its page (EntityPage) until a story is picked. The sidebar's names and the
    /// chips of names open it.
    void openEntity(const QString& name);

    /// File → Export Selected… (Ctrl+E): the dialog, then exportStories().
    void showExportDialog();
    /// Exports in the background (`format`: an export_format name or "pdf"; no ids: the
    /// whole library), with progress and Cancel in the status bar; `replace` only after the
    /// user said so.
    bool exportStories(const std::optional<QList<core::ArticleId>>& ids, const QString& format,
                       const QString& destination, bool replace);
    ExportController* exporter() const { return m_exporter; }
    /// File → Print… (Ctrl+P): the selected stories, through the print dialog.
    void printSelection();
    /// Prints the stories on `printer`, each from a new page; returns how many.
    core::Result<int> printStories(QPrinter& printer, const QList<core::ArticleId>& ids);
    /// The same through `store` (a worker's connection), a chunk of stories at a time.
    static core::Result<int> printStories(core::ArticleStore& store, QPrinter& printer,
                                          const QList<core::ArticleId>& ids);

Q_SIGNALS:
    /// After an import has ended and the list shows its articles.
    void importFinished(const broadsheet::core::ImportReport& report);
    /// After the list, sidebar and counts show what another process wrote.
    void libraryChangedElsewhere();
    /// After a tagging pass ended (or paused) and the list shows its tags.
    void taggingFinished(qint64 tagged);
    /// After the list shows the results of a search.
    void searchFinished(const QString& query);
    /// After the reader shows a name's page (or says it has none).
    void entityShown(const QString& name);
    /// After the sidebar shows fresh counts.
    void sidebarRefreshed();
    /// After an export has ended, written or not.
    void exportFinished(bool written, const QString& message);
    /// After a refresh of feeds ended and the list shows what it brought.
    void feedsRefreshed(int added, int failed);
    /// A sync of the accounts ended (and the list shows what it brought).
    void synced(int added, int failed);
    /// After a subscription made in the window is stored (or failed: `message`).
    void subscribed(qint64 id, const QString& message);
    /// After stories were deleted, or brought back by undo, and the list shows it.
    void storiesDeleted(int count);
    void storiesRestored(int count);

protected:
    /// Enter and Down in the search field go to the story list; Escape there comes back.
    bool eventFilter(QObject* watched, QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createMenus();
    void setUpFeeds();
    void addFeedActions(QMenu* file, QMenu* story);
    void updateWindowTitle(qint64 unread);
    QStringList folderNames(qint64 account = 0) const; ///< here's (0) or an account's
    void saveSettings() const;
    void restoreSettings();
    void showCurrentArticle();
    /// The reader's lists under the story: its other versions and the stories most like it.
    void showRelatedStories(core::ArticleId id);
    /// Shows a story the reader links to (selected in the list when the list has it).
    void openStory(core::ArticleId id);
    /// Loads the name's page for the reader (openEntity() without the search).
    void showEntityPage(const QString& name);
    void importFolder();
    void importFiles();
    void onImportProgress(const core::ImportProgress& progress);
    void onImportFinished(const core::ImportReport& report);
    void onImportFailed(const QString& message);
    void updateCountLabel();
    void onSearchFinished(const QString& query, const core::SearchResults& results);
    void updateWelcome();
    void toggleFlag(ArticleListModel::Flag flag, const QList<core::ArticleId>& ids);
    void setFlag(ArticleListModel::Flag flag, const QList<core::ArticleSummary>& before,
                 bool value);
    /// Queues a change for the writer; `done` runs on the GUI thread afterwards. Without a
    /// writer (the library is read-only) says so and returns false.
    bool write(std::function<core::Result<void>(core::ArticleStore&)> change,
               std::function<void(const core::Result<void>&)> done = {});
    /// Re-reads the list (on the search worker) and shows it in place.
    void refreshInPlace();
    /// Once the list shows an import's stories: the counts, the tagging pass, the signal.
    void afterImportShown();
    void onLibraryChangedElsewhere();
    void onTaggingProgress(qint64 done, qint64 total);
    void onTaggingFinished(qint64 tagged, bool paused);
    ListOrder listOrder() const;
    bool changeSelectionTag(const QString& name, bool add);
    QStringList userTagNames() const;
    QStringList selectionTagNames() const;
    void toggleRead();
    void toggleStar();
    /// Every story of the list as it stands (all its rows, not only those shown) read.
    void markListRead();
    /// The selected stories read (or unread), whatever each was.
    void markSelectionRead(bool read);
    void moveSelection(int delta);
    /// The shown story's page in the browser (o, Enter on the list).
    void openOriginal();
    void pageReader();
    void refreshSidebar();
    void setTimelineMonths(const QMap<QString, qint64>& months, qint64 undated);
    QList<core::ArticleId> selectedIds() const;

    std::unique_ptr<core::ArticleStore> m_store;
    std::unique_ptr<core::LibraryWriter> m_writer;
    TaggingController* m_tagger = nullptr;
    std::unique_ptr<JobIndicator> m_importJob;
    std::unique_ptr<JobIndicator> m_exportJob;
    std::unique_ptr<JobIndicator> m_taggingJob;
    std::unique_ptr<JobIndicator> m_feedJob;
    FeedRefreshController* m_feeds = nullptr;
    SyncController* m_sync = nullptr;
    QLabel* m_syncStatus = nullptr; ///< the sync status line: how the last sync went, or now
    void setUpSync();
    void addSyncActions(QMenu* file);
    void removeAccount(qint64 id);
    /// The status line from the accounts as the library has them (when no sync runs).
    void showSyncState(const QList<core::SyncAccount>& accounts);
    QTimer* m_feedsShown = nullptr; ///< new stories shown in place a moment after they land
    QList<QList<core::DeletedStory>> m_deleted; ///< for Undo Delete, newest last
    QAction* m_undoDelete = nullptr;
    QStringList m_notifyTitles; ///< subscriptions with notifications that brought stories
    ArticleListModel* m_model = nullptr;
    ImportController* m_importer = nullptr;
    ExportController* m_exporter = nullptr;
    QSplitter* m_splitter = nullptr;
    QTableView* m_list = nullptr;
    ReaderView* m_reader = nullptr;
    QLabel* m_count = nullptr;
    QLineEdit* m_search = nullptr;
    QLabel* m_hint = nullptr;
    /// After an export, beside its message: open what it wrote, or the folder it is in.
    QPushButton* m_openExport = nullptr;
    QPushButton* m_showExport = nullptr;
    /// The last import's report, to reopen from the status bar until the next import.
    QPushButton* m_importReport = nullptr;
    QString m_importSummary;
    QStringList m_importSkipped;
    void showImportReport();
    QTimer* m_searchDelay = nullptr;
    SearchController* m_searcher = nullptr;
    QStackedWidget* m_pages = nullptr;
    QSplitter* m_outer = nullptr; ///< the sidebar beside the list and reader
    Sidebar* m_sidebar = nullptr;
    TimelineView* m_timeline = nullptr;
    SidebarController* m_sidebarCounts = nullptr;
    StoryEditor* m_editor = nullptr;         ///< flags and tags, through the writer
    LibraryWorker* m_printWorker = nullptr;  ///< prints off the GUI thread
    LibraryWorker* m_entityLoader = nullptr; ///< reads a name's page
    QString m_entity;       ///< the name whose page the reader shows, or will once read
    bool m_inPlace = false; ///< the search running re-reads the list in place
    std::optional<core::ImportReport> m_importShown; ///< reported once the list shows it
    qint64 m_lastTagRefresh = 0; ///< when the list last re-read its tags (ms since epoch)
    QAction* m_readerBelow = nullptr;
    QAction* m_groupVersions = nullptr;    ///< one row per story, its other versions named
    QAction* m_loadImages = nullptr;       ///< the story shown loads its images
    QAction* m_alwaysLoadImages = nullptr; ///< every story does (a setting, kept)
    QToolBar* m_toolbar = nullptr;
    TagManagerDialog* m_tagManager = nullptr;
    QString m_query;       ///< the query the list shows
    qint64 m_matches = -1; ///< its total, or -1 when the list shows the whole library
    QString m_pendingRestore;
    Preferences m_preferences;
    bool m_preferencesApplied = false;
    QPointer<PreferencesDialog> m_preferencesDialog; ///< while it is open
    void rememberDefaultShortcuts();
    void applyDefaultSort();
};

} // namespace broadsheet::ui
