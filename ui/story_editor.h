// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "article_list_model.h"
#include "result.h"

#include <QObject>

#include <functional>

namespace broadsheet::core {
class ArticleStore;
class LibraryWriter;
} // namespace broadsheet::core

namespace broadsheet::ui {

class SidebarController;

/// The window's changes to stories: read and star flags and tags. Each is queued to the
/// library's writer and shows at once: in the list (the model's pending changes), in the
/// sidebar's counts, and (through storiesChanged()) in the reader. Used by MainWindow's
/// keys, menus and the reader opening a story.
class StoryEditor final : public QObject {
    Q_OBJECT
public:
    /// `writer` may be null (a library that cannot be written): every change is refused.
    StoryEditor(core::LibraryWriter* writer, ArticleListModel* model, SidebarController* counts,
                QObject* parent = nullptr);

    /// Queues a change; `done` runs on this thread afterwards. False (with a message) when
    /// the library cannot be written.
    bool write(std::function<core::Result<void>(core::ArticleStore&)> change,
               std::function<void(const core::Result<void>&)> done = {});
    /// The stories take the opposite of the first one's flag, as mail clients do.
    void toggleFlag(ArticleListModel::Flag flag, const QList<core::ArticleId>& ids);
    /// The stories (as they were shown) get `value`.
    void setFlag(ArticleListModel::Flag flag, const QList<core::ArticleSummary>& before,
                 bool value);
    /// The same, for the stories of `ids` the list has loaded.
    void setFlag(ArticleListModel::Flag flag, const QList<core::ArticleId>& ids, bool value);
    /// Every story in `ids` (loaded in the list or not: Mark All Read on a long list) gets
    /// read or unread; the sidebar's counts are counted again once it is stored.
    void setRead(const QList<core::ArticleId>& ids, bool read);
    /// Adds the tag to the stories, or takes it off.
    bool changeTag(const QList<core::ArticleId>& ids, const QString& name, bool add);

Q_SIGNALS:
    /// Something to say in the status bar.
    void message(const QString& text, int timeoutMs);
    /// The stories show differently now (a tag chip): the reader shows its story again.
    void storiesChanged();

private:
    /// The summaries of `ids` as the list shows them (the loaded ones).
    QList<core::ArticleSummary> shown(const QList<core::ArticleId>& ids) const;

    core::LibraryWriter* m_writer = nullptr;
    ArticleListModel* m_model = nullptr;
    SidebarController* m_counts = nullptr;
};

} // namespace broadsheet::ui
