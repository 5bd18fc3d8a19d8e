// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/article_store.h"

#include <QTreeView>

class QContextMenuEvent;
class QStandardItem;
class QStandardItemModel;

namespace broadsheet::ui {

/// The window's left pane: All / Unread / Starred, sources, sections, tags with counts, and
/// saved searches. Each entry stands for a query of the query language, so choosing one
/// fills the search field and combines with everything else the field can do.
class Sidebar final : public QTreeView {
    Q_OBJECT
public:
    /// How an account is named in the window: "alice on rss.example.com".
    static QString accountName(const core::SyncAccount& account);

    enum Role {
        QueryRole = Qt::UserRole + 1,
        SubscriptionRole, ///< a subscription's id
        FolderRole,       ///< a folder's path, "a/b"
        SourceRole,       ///< a source's name, on the Sources group's entries
        SavedSearchRole,  ///< a saved search's name
        FoldKeyRole,      ///< what a group or folder is called for its folded state
        EntityRole,       ///< a person's, organisation's or place's name: it has a page
        AccountRole,      ///< a sync account's id, on its group
    };

    explicit Sidebar(QWidget* parent = nullptr);

    void setOverview(const core::LibraryOverview& overview);
    /// Moves the Unread and Starred counts after stories were marked, without a recount.
    void adjustFlagCounts(qint64 unreadDelta, qint64 starredDelta);
    const core::LibraryOverview& overview() const { return m_overview; }
    /// The entry whose query this is, selected; nothing selected when none matches.
    void selectQuery(const QString& query);
    QStandardItemModel* entries() const { return m_model; }

    /// The query an entry stands for: `source:"BBC News"`, `tag:"North Korea"`, …
    static QString filterQuery(const QString& field, const QString& value);

    /// The subscriptions an entry stands for: its own, or every one in a folder.
    QList<qint64> subscriptionsOf(const QModelIndex& index) const;
    /// The entry of a subscription (tests).
    QModelIndex subscriptionIndex(qint64 id) const;

    /// The groups and folders the user folded (kept across fills and restarts).
    QStringList foldedKeys() const { return m_folded; }
    /// The saved searches' names as the sidebar orders them, with `name` moved by `delta`.
    QStringList savedSearchesMoved(const QString& name, int delta) const;

Q_SIGNALS:
    void querySelected(const QString& query);
    /// A person, organisation or place was selected (after querySelected): show its page.
    void entitySelected(const QString& name);
    // The context menu of a subscription or folder.
    void refreshRequested(const QList<qint64>& subscriptions);
    void markAllReadRequested(const QString& query);
    /// Mark All Read on a synced feed: its server is told once, for the whole feed.
    void markFeedReadRequested(qint64 subscription);
    void propertiesRequested(qint64 subscription);
    void unsubscribeRequested(qint64 subscription);
    /// An account's context menu: Sync Now, Remove Account….
    void syncRequested(qint64 account);
    /// "Subscribe to a Feed…" from an account's menu: on its server, in `folder`.
    void addFeedRequested(qint64 account, const QString& folder);
    void removeAccountRequested(qint64 account);
    /// A source's context menu: Rename….
    void renameSourceRequested(const QString& name);
    /// A saved search's context menu: Rename…, Move Up / Down, Delete.
    void renameSavedSearchRequested(const QString& name);
    void savedSearchOrderRequested(const QStringList& names);
    void deleteSavedSearchRequested(const QString& name);

protected:
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    QStandardItem* group(const QString& title, const QString& key);
    void restoreFolding();
    void fillSubscriptions(const QList<core::SubscriptionState>& subscriptions,
                           const QList<core::SyncAccount>& accounts);
    void fillFeeds(QStandardItem* root, const QList<core::SubscriptionState>& subscriptions,
                   const QString& foldPrefix);
    QStandardItem* entry(const QString& title, qint64 count, const QString& query);
    static void setCount(QStandardItem* item, const QString& title, qint64 count);

    QStandardItemModel* m_model = nullptr;
    core::LibraryOverview m_overview;
    QStandardItem* m_unread = nullptr;
    QStandardItem* m_starred = nullptr;
    bool m_filling = false;
    QStringList m_folded;
};

} // namespace broadsheet::ui
