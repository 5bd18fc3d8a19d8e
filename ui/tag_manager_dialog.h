// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "article/library_values.h"
#include "result.h"
#include "store/article_store.h"

#include <QDialog>

#include <functional>

class QLineEdit;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;

namespace broadsheet::core {
class ArticleStore;
class LibraryWriter;
} // namespace broadsheet::core

namespace broadsheet::ui {

class LibraryWorker;

/// Tags → Manage Tags…: every tag with its kind, count and colour, filtered as you type;
/// rename (onto an existing name merges), merge many into another (after asking), recolour
/// and delete many; Undo puts back what the last changes took, one at a time. Counts
/// on a worker (reloaded() follows); changes go through the library's writer without
/// waiting for it. Emits tagsChanged() once each change is stored, so the window can recount.
class TagManagerDialog final : public QDialog {
    Q_OBJECT
public:
    enum Column { NameColumn, KindColumn, CountColumn, ColumnCount };

    TagManagerDialog(core::LibraryWriter& writer, QWidget* parent = nullptr);

    /// Counts the tags again, on the worker; reloaded() follows.
    void reload();
    /// Each queues the change and returns true, or returns false at once, with the reason in
    /// lastError(), for a tag the table does not hold. A change the store refuses later
    /// says so through failed().
    bool renameTag(const QString& from, const QString& to);
    bool mergeTags(const QString& from, const QString& into);
    bool mergeTags(const QStringList& from, const QString& into);
    bool deleteTag(const QString& name);
    bool deleteTags(const QStringList& names);
    /// Puts back the tags the last rename, merge or delete changed (until the dialog closes).
    bool undo();
    bool canUndo() const { return !m_undo.isEmpty(); }
    /// The names of the selected rows.
    QStringList selectedNames() const;
    bool setTagColor(const QString& name, const QString& color);

    QTableView* table() const { return m_table; }
    QLineEdit* filter() const { return m_filter; }
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    void tagsChanged();
    /// The table shows fresh counts.
    void reloaded();
    /// A change was refused by the store: why.
    void failed(const QString& message);

private:
    void showTags(const core::Result<QList<core::TagSummary>>& tags);
    QString selectedName() const;
    bool knows(const QString& name) const;
    /// Queues `command`; what it changes (the tags `touched`) is kept first, for undo().
    bool change(const QStringList& names, const QStringList& touched,
                std::function<core::Result<void>(core::ArticleStore&)> command);
    void askRename();
    void askMerge();
    void askColor();
    void askDelete();

    core::LibraryWriter& m_writer;
    LibraryWorker* m_worker = nullptr;
    QStandardItemModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTableView* m_table = nullptr;
    QLineEdit* m_filter = nullptr;
    QString m_lastError;
    QList<core::TagSnapshot> m_undo; ///< newest last
    class QPushButton* m_undoButton = nullptr;
};

} // namespace broadsheet::ui
