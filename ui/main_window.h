// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importing/import_report.h"

#include <QMainWindow>

#include <memory>

class QLabel;
class QProgressBar;
class QSplitter;
class QTableView;
class QToolButton;

namespace broadsheet::core {
class ArticleStore;
}

namespace broadsheet::ui {

class ArticleListModel;
class ImportController;
class ReaderView;

/// Broadsheet's window: the story list beside the reader, a File menu to import files
/// and folders with progress and cancel in the status bar. Owns the GUI thread's
/// connection to the library; imports run on their own.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    /// Takes a store already opened on the library at `store->path()`.
    explicit MainWindow(std::unique_ptr<core::ArticleStore> store, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Imports files and folders in the background; the list refreshes when it ends.
    void importPaths(const QStringList& paths);

    QTableView* storyList() const { return m_list; }
    ReaderView* reader() const { return m_reader; }
    ArticleListModel* storyModel() const { return m_model; }
    ImportController* importer() const { return m_importer; }

Q_SIGNALS:
    /// After an import has ended and the list shows its articles.
    void importFinished(const broadsheet::core::ImportReport& report);

private:
    void createMenus();
    void showCurrentArticle();
    void importFolder();
    void importFiles();
    void onImportProgress(const core::ImportProgress& progress);
    void onImportFinished(const core::ImportReport& report);
    void onImportFailed(const QString& message);
    void updateCountLabel();

    std::unique_ptr<core::ArticleStore> m_store;
    ArticleListModel* m_model = nullptr;
    ImportController* m_importer = nullptr;
    QSplitter* m_splitter = nullptr;
    QTableView* m_list = nullptr;
    ReaderView* m_reader = nullptr;
    QProgressBar* m_progress = nullptr;
    QToolButton* m_cancel = nullptr;
    QLabel* m_count = nullptr;
};

} // namespace broadsheet::ui
