// SPDX-License-Identifier: GPL-3.0-or-later
#include "story_editor.h"

#include "sidebar_controller.h"
#include "store/article_store.h"
#include "store/library_writer.h"

namespace broadsheet::ui {

StoryEditor::StoryEditor(core::LibraryWriter* writer, ArticleListModel* model,
                         SidebarController* counts, QObject* parent)
    : QObject(parent)
    , m_writer(writer)
    , m_model(model)
    , m_counts(counts)
{
}

bool StoryEditor::write(std::function<core::Result<void>(core::ArticleStore&)> change,
                        std::function<void(const core::Result<void>&)> done)
{
    if (!m_writer) {
        Q_EMIT message(tr("This library cannot be changed: it could not be opened for writing."),
                       10000);
        return false;
    }
    m_writer->post(std::move(change), this,
                   [this, done = std::move(done)](const core::Result<void>& outcome) {
                       if (!outcome)
                           Q_EMIT message(outcome.error().message, 10000);
                       if (done)
                           done(outcome);
                   });
    return true;
}

QList<core::ArticleSummary> StoryEditor::shown(const QList<core::ArticleId>& ids) const
{
    QList<core::ArticleSummary> out;
    for (core::ArticleId id : ids) {
        if (auto summary = m_model->summaryOf(id))
            out.append(*summary);
    }
    return out;
}

void StoryEditor::toggleFlag(ArticleListModel::Flag flag, const QList<core::ArticleId>& ids)
{
    const QList<core::ArticleSummary> before = shown(ids);
    if (before.isEmpty())
        return;
    const bool read = flag == ArticleListModel::Flag::Read;
    setFlag(flag, before, !(read ? before.front().read : before.front().starred));
}

void StoryEditor::setFlag(ArticleListModel::Flag flag, const QList<core::ArticleId>& ids,
                          bool value)
{
    const QList<core::ArticleSummary> before = shown(ids);
    if (!before.isEmpty())
        setFlag(flag, before, value);
}

// The list shows the change at once; the writer stores it between import batches. The
// sidebar's Unread and Starred counts move by what changed, without recounting the library.
void StoryEditor::setFlag(ArticleListModel::Flag flag, const QList<core::ArticleSummary>& before,
                          bool value)
{
    const bool read = flag == ArticleListModel::Flag::Read;
    QList<core::ArticleId> ids;
    qint64 changed = 0;
    for (const core::ArticleSummary& summary : before) {
        ids.append(summary.id);
        if ((read ? summary.read : summary.starred) != value)
            ++changed;
    }
    const bool queued = write(
        [ids, read, value](core::ArticleStore& store) {
            return read ? store.setRead(ids, value) : store.setStarred(ids, value);
        },
        [this, ids](const core::Result<void>& outcome) {
            m_model->confirm(ids);
            if (!outcome)
                m_counts->refresh(); // the counts moved for nothing
        });
    if (!queued)
        return;
    m_model->setFlag(ids, flag, value);
    const qint64 delta = value ? changed : -changed;
    m_counts->flagsChanged(read ? -delta : 0, read ? 0 : delta);
}

void StoryEditor::setRead(const QList<core::ArticleId>& ids, bool read)
{
    if (ids.isEmpty())
        return;
    const bool queued =
        write([ids, read](core::ArticleStore& store) { return store.setRead(ids, read); },
              [this, ids](const core::Result<void>&) {
                  m_model->confirm(ids);
                  m_counts->refresh();
              });
    if (queued)
        m_model->setFlag(ids, ArticleListModel::Flag::Read, read);
}

// A tag change shows at once in the list's tags column and the reader's chips; the sidebar's
// tag counts follow from a recount after the writer has stored it.
bool StoryEditor::changeTag(const QList<core::ArticleId>& ids, const QString& name, bool add)
{
    const QString trimmed = name.trimmed();
    if (ids.isEmpty() || trimmed.isEmpty())
        return false;
    const bool queued = write(
        [ids, trimmed, add](core::ArticleStore& store) -> core::Result<void> {
            auto changed = add ? store.addTag(ids, trimmed) : store.removeTag(ids, trimmed);
            if (!changed)
                return changed.error();
            return {};
        },
        [this, ids, trimmed, add](const core::Result<void>& outcome) {
            m_model->confirm(ids);
            Q_EMIT storiesChanged();
            if (outcome) {
                const int count = static_cast<int>(ids.size());
                Q_EMIT message(add ? tr("Tagged %n stories with %1.", nullptr, count).arg(trimmed)
                                   : tr("Took %1 off %n stories.", nullptr, count).arg(trimmed),
                               5000);
            }
        });
    if (!queued)
        return false;
    m_model->showTag(ids, trimmed, add);
    Q_EMIT storiesChanged(); // its chips, at once
    m_counts->refresh();     // counts after the writer has stored the tag
    return true;
}

} // namespace broadsheet::ui
