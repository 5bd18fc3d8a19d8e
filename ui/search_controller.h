// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "search/searcher.h"

#include <QObject>

namespace broadsheet::ui {

/// How the window's matches are listed: ordered by relevance (newest first without words)
/// or by the column the list is sorted on, and one row per story or per version.
struct ListOrder {
    core::SearchRequest::Sort sort = core::SearchRequest::Sort::Relevance;
    bool reversed = false;
    bool grouped = false; ///< SearchRequest::group
};

class LibraryWorker;

/// Runs the window's searches off the GUI thread, on a long-lived read connection of its
/// own. A new search stops the one before it; only the newest search's results are
/// delivered. Used by MainWindow's search field, and to re-read the list in place when the
/// library changed.
class SearchController final : public QObject {
    Q_OBJECT
public:
    explicit SearchController(QString libraryPath, QObject* parent = nullptr);
    ~SearchController() override;

    /// Starts searching for `query`; a search still running is stopped and forgotten.
    void start(const QString& query, ListOrder order = {});
    bool isRunning() const;

Q_SIGNALS:
    void finished(const QString& query, const broadsheet::core::SearchResults& results);
    void failed(const QString& query, const QString& message);

private:
    LibraryWorker* m_worker = nullptr;
};

} // namespace broadsheet::ui
