// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow's menus, toolbar and shortcuts: every action the window offers.
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
#include "store/backups.h"
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

namespace {

/// The desktop theme's icon where it has one (it follows a dark palette), else ours.
QIcon themedIcon(const char* themeName, const char* resource)
{
    return QIcon::fromTheme(QString::fromLatin1(themeName), QIcon(QString::fromLatin1(resource)));
}

} // namespace

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* folder = file->addAction(tr("Import &Folder…"), this, &MainWindow::importFolder);
    folder->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
    QAction* files = file->addAction(tr("&Import Files…"), this, &MainWindow::importFiles);
    files->setShortcut(QKeySequence::Open);
    file->addSeparator();
    QAction* feedsMark = file->addSeparator(); // the feed actions go here, below
    QAction* exportAction =
        file->addAction(tr("&Export Selected…"), this, &MainWindow::showExportDialog);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    QAction* print = file->addAction(tr("&Print…"), this, &MainWindow::printSelection);
    print->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    file->addSeparator();
    file->addAction(tr("&Restore from Backup…"), this, &MainWindow::restoreFromBackup);
    file->addAction(tr("Open &Sample Library"), this, &MainWindow::openSampleLibrary);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    // Ctrl+Q everywhere: QKeySequence::Quit is empty on some platforms (and offscreen).
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* preferences = edit->addAction(tr("&Preferences…"), this, &MainWindow::showPreferences);
    preferences->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    preferences->setMenuRole(QAction::PreferencesRole);

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
    addKey(tr("Mark R&ead"), QKeySequence(Qt::Key_R), [this] { markSelectionRead(true); });
    addKey(tr("Mark &Unread"), QKeySequence(Qt::Key_U), [this] { markSelectionRead(false); });
    addKey(tr("Mark &All Read"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A),
           [this] { markListRead(); });
    QAction* star = addKey(tr("Toggle &Star"), QKeySequence(Qt::Key_S), [this] { toggleStar(); });
    star->setIcon(themedIcon("mail-mark-important", ":/icons/star.svg"));
    addKey(tr("Page Down, then Next Story"), QKeySequence(Qt::Key_Space), &MainWindow::pageReader);
    addKey(tr("Open &Original"), QKeySequence(Qt::Key_O), [this] { openOriginal(); });
    {
        // File → Add Feed…, Refresh; Story → Delete, Undo Delete (main_window_feeds.cpp).
        QMenu feedActions;
        addFeedActions(&feedActions, go);
        feedActions.addSeparator();
        addSyncActions(&feedActions);
        const QList<QAction*> moved = feedActions.actions();
        for (QAction* action : moved) {
            feedActions.removeAction(action);
            action->setParent(this);
        }
        file->insertActions(feedsMark, moved);
    }
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
    // One row per story however many sources tell it; nothing is hidden for good: the row
    // names the others and the reader lists them.
    m_groupVersions = view->addAction(tr("&Group Versions of a Story"));
    m_groupVersions->setCheckable(true);
    m_groupVersions->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    m_groupVersions->setToolTip(
        tr("Show a story told by several sources, or updated, once, with the others named"));
    m_groupVersions->setChecked(
        QSettings().value(QStringLiteral("window/groupVersions"), false).toBool());
    connect(m_groupVersions, &QAction::toggled, this, [this](bool grouped) {
        QSettings().setValue(QStringLiteral("window/groupVersions"), grouped);
        search(m_matches >= 0 ? m_query : QString()); // the list, one way or the other
    });
    view->addSeparator();
    // The reader's text size, kept for every story and across restarts.
    auto zoomBy = [this](int steps) {
        m_reader->setZoom(steps == 0 ? 0 : m_reader->zoom() + steps);
        QSettings().setValue(QStringLiteral("reader/zoom"), m_reader->zoom());
    };
    QAction* zoomIn = view->addAction(tr("Zoom &In"), this, [zoomBy] { zoomBy(1); });
    zoomIn->setShortcuts(
        {QKeySequence(QKeySequence::ZoomIn), QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    QAction* zoomOut = view->addAction(tr("Zoom &Out"), this, [zoomBy] { zoomBy(-1); });
    zoomOut->setShortcut(QKeySequence(QKeySequence::ZoomOut));
    QAction* zoomReset = view->addAction(tr("&Actual Size"), this, [zoomBy] { zoomBy(0); });
    zoomReset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    m_reader->setZoom(QSettings().value(QStringLiteral("reader/zoom"), 0).toInt());
    view->addSeparator();
    m_loadImages = view->addAction(tr("Load &Images"), this, [this] {
        if (!m_reader->hasRemoteImages()) {
            statusBar()->showMessage(tr("This story has no images to load."), 4000);
            return;
        }
        m_reader->loadImages();
    });
    m_loadImages->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    m_loadImages->setToolTip(tr("Fetch this story's images (nothing is fetched until you ask)"));
    m_alwaysLoadImages = view->addAction(tr("&Always Load Images"));
    m_alwaysLoadImages->setCheckable(true);
    m_alwaysLoadImages->setChecked(
        QSettings().value(QStringLiteral("reader/alwaysLoadImages"), false).toBool());
    m_reader->setAlwaysLoadImages(m_alwaysLoadImages->isChecked());
    connect(m_alwaysLoadImages, &QAction::toggled, this, [this](bool always) {
        QSettings().setValue(QStringLiteral("reader/alwaysLoadImages"), always);
        m_preferences.loadImages = always; // the dialog shows what the menu chose
        m_reader->setAlwaysLoadImages(always);
    });

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

} // namespace broadsheet::ui

namespace broadsheet::ui {

void MainWindow::restoreFromBackup()
{
    const QList<core::backups::Backup> found = core::backups::list(m_store->path());
    if (found.isEmpty()) {
        QMessageBox::information(this, tr("Restore from Backup"),
                                 tr("There are no backups of this library yet. Broadsheet makes "
                                    "one before every upgrade and once a day when something "
                                    "changed; broadsheet-cli backup makes one now."));
        return;
    }
    QStringList items;
    for (const auto& backup : found) {
        items.append(tr("%1 — %2, %3 MiB")
                         .arg(QLocale().toString(backup.made.toLocalTime(), QLocale::ShortFormat),
                              backup.reason)
                         .arg(static_cast<double>(backup.bytes) / (1024.0 * 1024.0), 0, 'f', 1));
    }
    bool ok = false;
    const QString chosen =
        QInputDialog::getItem(this, tr("Restore from Backup"),
                              tr("Put this backup in the library's place? The library as it is "
                                 "now is moved aside, not deleted, and Broadsheet starts again."),
                              items, 0, false, &ok);
    if (!ok)
        return;
    m_pendingRestore = found.at(static_cast<qsizetype>(items.indexOf(chosen))).path;
    close();
}

} // namespace broadsheet::ui
