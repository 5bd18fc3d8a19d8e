// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/article_store.h"

#include <QTreeView>

class QStandardItem;
class QStandardItemModel;

namespace broadsheet::ui {

/// The window's left pane: All / Unread / Starred, sources, sections, tags with counts, and
/// saved searches. Each entry stands for a query of the query language, so choosing one
/// fills the search field and combines with everything else the field can do.
class Sidebar final : public QTreeView {
    Q_OBJECT
public:
    enum Role { QueryRole = Qt::UserRole + 1 };

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

Q_SIGNALS:
    void querySelected(const QString& query);

private:
    QStandardItem* group(const QString& title);
    QStandardItem* entry(const QString& title, qint64 count, const QString& query);
    static void setCount(QStandardItem* item, const QString& title, qint64 count);

    QStandardItemModel* m_model = nullptr;
    core::LibraryOverview m_overview;
    QStandardItem* m_unread = nullptr;
    QStandardItem* m_starred = nullptr;
    bool m_filling = false;
};

} // namespace broadsheet::ui
