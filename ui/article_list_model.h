// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "article/article.h"
#include "search/searcher.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <optional>

namespace broadsheet::core {
class ArticleStore;
}

namespace broadsheet::ui {

class LibraryWorker;

/// The story list's model: holds only the ordered ids and fetches rows from the store (a
/// read connection of the GUI thread's) a page at a time when the view asks for them, so a
/// large library opens at once and memory stays flat. A change the user makes shows at
/// once (setFlag, showTag) while the writer makes it durable. Used by MainWindow's list.
class ArticleListModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        StarColumn,
        TitleColumn,
        SourceColumn,
        AuthorColumn,
        DateColumn,
        TagsColumn,
        ColumnCount
    };
    enum Role {
        ArticleIdRole = Qt::UserRole + 1,
        SnippetRole, ///< the title column's: the body's first line, when snippets are on
        /// The title column's, when versions are grouped: "and 2 more from BBC, Reuters".
        VersionsRole,
        VersionCountRole, ///< how many other versions the row stands for (0: none)
    };

    /// The order a click on a column's header asks for. Its natural direction (newest
    /// first, A to Z, starred first) is the column's Qt::InitialSortOrderRole; the other
    /// direction is SearchRequest::reversed.
    static core::SearchRequest::Sort sortFor(int column);
    static Qt::SortOrder naturalOrder(int column);
    /// How the Date column shows `published` at `now` (local time): recent ones relative
    /// ("5 min ago", "3 h ago"), earlier today its time, "yesterday", then the short date.
    static QString shownDate(const core::PublishedDate& published, const QDateTime& now);

    explicit ArticleListModel(core::ArticleStore& store, QObject* parent = nullptr);

    /// Rows carry a line of each story's body (SnippetRole) for the list to show.
    void setSnippets(bool shown);
    bool snippets() const { return m_snippets; }

    /// Reloads every id from the store, newest first; returns false on a store error.
    bool reload();
    /// Shows the newest stories at once and loads the rest of the ids on a worker, so a
    /// large library opens without waiting for a million ids. idsLoaded() follows.
    void loadInBackground();
    bool isLoading() const { return m_loading; }
    /// Shows these ids, in this order (a search's matches).
    void setIds(QList<core::ArticleId> ids);
    /// The other versions each shown story stands for (SearchResults::versions of a grouped
    /// search; empty when versions are not grouped). Set before the ids they go with.
    void setVersions(QHash<core::ArticleId, QList<core::ArticleId>> versions);
    /// Shows these ids in place of the ones shown: when they are the old ones with some
    /// added and some gone (an import, another process's writes), rows are inserted and
    /// removed, so the selection and the scroll position stay; otherwise the model resets.
    void updateIds(QList<core::ArticleId> ids);
    enum class Flag { Read, Starred };
    /// Shows the flag on these stories at once, before the writer has stored it; the
    /// shown value holds until confirm() or forget().
    void setFlag(const QList<core::ArticleId>& ids, Flag flag, bool value);
    /// The writer stored one change to these stories (or failed): once none is left
    /// waiting, the rows show what the store holds.
    void confirm(const QList<core::ArticleId>& ids);
    /// Shows a tag added to (or taken off) these stories, before the writer has stored it;
    /// confirm() ends it.
    void showTag(const QList<core::ArticleId>& ids, const QString& name, bool added);
    /// The tag changes shown on a story and not yet stored: each name, and whether added.
    QList<std::pair<QString, bool>> pendingTags(core::ArticleId id) const;
    /// The story's summary as shown (with changes not yet stored), or nothing.
    std::optional<core::ArticleSummary> summaryOf(core::ArticleId id) const;
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
    /// What the row says of the versions it stands for: the line, and the tooltip's list.
    const std::pair<QString, QString>& versionsText(core::ArticleId id) const;
    void onIdsLoaded(QList<core::ArticleId> ids);
    void applyPending(core::ArticleSummary& summary) const;
    void rowsChanged(const QList<core::ArticleId>& ids);

    struct Pending {
        std::optional<bool> read;
        std::optional<bool> starred;
        QList<std::pair<QString, bool>> tags;
        int writes = 0; ///< changes posted and not yet confirmed
    };
    core::ArticleStore& m_store;
    QList<core::ArticleId> m_ids;
    // Pages of summaries fetched on demand; dropped wholesale when too many are held.
    mutable QHash<int, QList<core::ArticleSummary>> m_pages;
    QHash<core::ArticleId, QList<core::ArticleId>> m_versions;
    mutable QHash<core::ArticleId, std::pair<QString, QString>> m_versionsText;
    QHash<core::ArticleId, Pending> m_pending; ///< flags shown before the writer stored them
    bool m_loading = false;                    ///< older ids are still loading on a worker
    bool m_snippets = false;
    LibraryWorker* m_loader = nullptr;
};

} // namespace broadsheet::ui
