// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "search/searcher.h"

#include <QFutureWatcher>
#include <QObject>

#include <stop_token>

namespace broadsheet::ui {

/// How the window's matches are ordered: relevance (newest first without words), or by
/// the column the list is sorted on.
struct ListOrder {
    core::SearchRequest::Sort sort = core::SearchRequest::Sort::Relevance;
    bool reversed = false;
};

/// Runs the window's searches off the GUI thread, each on its own connection to the
/// library. A new search stops the one before it; only the newest search's results are
/// delivered. Used by MainWindow's search field.
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
    struct Outcome {
        QString query;
        core::SearchResults results;
        QString error;
        bool cancelled = false;
    };
    void launch(const QString& query, ListOrder order);

    QString m_libraryPath;
    QFutureWatcher<Outcome> m_watcher;
    std::stop_source m_stop;
    QString m_pending; ///< a query typed while the previous one was stopping
    ListOrder m_pendingOrder;
    bool m_hasPending = false;
};

} // namespace broadsheet::ui
