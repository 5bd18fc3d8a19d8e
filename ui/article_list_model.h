// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "article/article.h"
#include "search/searcher.h"

#include <QAbstractTableModel>
#include <QFutureWatcher>
#include <QHash>
#include <QList>

namespace broadsheet::core {
class ArticleStore;
}

namespace broadsheet::ui {

/// The story list's model: holds only the ordered ids and fetches rows from the store a
/// page at a time when the view asks for them, so a large library opens at once and
/// memory stays flat. Used by MainWindow's list view.
class ArticleListModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { StarColumn, TitleColumn, SourceColumn, DateColumn, TagsColumn, ColumnCount };
    enum Role { ArticleIdRole = Qt::UserRole + 1 };

    /// The order a click on a column's header asks for. Its natural direction (newest
    /// first, A to Z, starred first) is the column's Qt::InitialSortOrderRole; the other
    /// direction is SearchRequest::reversed.
    static core::SearchRequest::Sort sortFor(int column);
    static Qt::SortOrder naturalOrder(int column);

    explicit ArticleListModel(core::ArticleStore& store, QObject* parent = nullptr);

    /// Reloads every id from the store, newest first; returns false on a store error.
    bool reload();
    /// Shows the newest stories at once and loads the rest of the ids on a worker, so a
    /// large library opens without waiting for a million ids. idsLoaded() follows.
    void loadInBackground();
    bool isLoading() const { return m_loading; }
    /// Shows these ids, in this order (a search's matches).
    void setIds(QList<core::ArticleId> ids);
    /// Re-reads one story's row after its flags changed.
    void refresh(core::ArticleId id);
    /// Re-reads every row shown (after tags were renamed or merged).
    void refreshAll();
    const QList<core::ArticleId>& ids() const { return m_ids; }
    core::ArticleId idAt(int row) const;
    int rowOf(core::ArticleId id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void idsLoaded();

private:
    const core::ArticleSummary* summaryAt(int row) const;
    void onIdsLoaded();

    core::ArticleStore& m_store;
    QList<core::ArticleId> m_ids;
    // Pages of summaries fetched on demand; dropped wholesale when too many are held.
    mutable QHash<int, QList<core::ArticleSummary>> m_pages;
    bool m_loading = false; ///< older ids are still loading on a worker
    QFutureWatcher<QList<core::ArticleId>> m_loader;
};

} // namespace broadsheet::ui
