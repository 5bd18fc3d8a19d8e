// SPDX-License-Identifier: GPL-3.0-or-later
#include "article_list_model.h"

#include "library_worker.h"
#include "store/article_store.h"

#include <QFont>
#include <QLocale>
#include <QSet>

#include <algorithm>

namespace broadsheet::ui {

namespace {

constexpr int kPageSize = 64;   // about two screens: a page is fetched on the GUI thread
constexpr int kMaxPages = 256;  // at most ~16,000 rows' summaries in memory
constexpr int kFirstIds = 4096; // shown at once while the rest load

} // namespace

ArticleListModel::ArticleListModel(core::ArticleStore& store, QObject* parent)
    : QAbstractTableModel(parent)
    , m_store(store)
    , m_loader(new LibraryWorker(store.path(), LibraryWorker::Policy::LatestOnly, this))
{
    loadInBackground();
}

void ArticleListModel::loadInBackground()
{
    // No count(*) here: counting a million rows is itself a scan. The newest ids show now;
    // the others are appended as rows when the worker has them.
    auto first = m_store.articleIds(kFirstIds);
    if (!first || first->size() < kFirstIds) {
        reload();
        return;
    }
    beginResetModel();
    m_pages.clear();
    m_ids = std::move(*first);
    m_loading = true;
    endResetModel();
    m_loader->start([this](core::ArticleStore& reader, std::stop_token) -> LibraryWorker::Delivery {
        auto ids = reader.articleIds();
        return [this, ids = ids ? std::move(*ids) : QList<core::ArticleId>()]() mutable {
            onIdsLoaded(std::move(ids));
        };
    });
}

void ArticleListModel::onIdsLoaded(QList<core::ArticleId> ids)
{
    if (!m_loading)
        return; // the list was replaced meanwhile
    m_loading = false;
    if (ids.size() >= m_ids.size() && ids.mid(0, m_ids.size()) == m_ids) {
        // The rows shown stay where they are; the older stories join below them.
        if (ids.size() > m_ids.size()) {
            beginInsertRows({}, static_cast<int>(m_ids.size()), static_cast<int>(ids.size()) - 1);
            m_ids = std::move(ids);
            endInsertRows();
        }
    } else {
        beginResetModel();
        m_pages.clear();
        m_ids = std::move(ids);
        endResetModel();
    }
    Q_EMIT idsLoaded();
}

bool ArticleListModel::reload()
{
    beginResetModel();
    m_loading = false;
    m_pages.clear();
    auto ids = m_store.articleIds();
    m_ids = ids ? std::move(*ids) : QList<core::ArticleId>();
    endResetModel();
    return ids.ok();
}

void ArticleListModel::setVersions(QHash<core::ArticleId, QList<core::ArticleId>> versions)
{
    if (versions == m_versions)
        return;
    m_versions = std::move(versions);
    m_versionsText.clear();
    if (!m_ids.isEmpty()) // the rows kept by updateIds() say what they stand for now
        Q_EMIT dataChanged(index(0, TitleColumn), index(rowCount() - 1, TitleColumn));
}

const std::pair<QString, QString>& ArticleListModel::versionsText(core::ArticleId id) const
{
    static const std::pair<QString, QString> kNone;
    const auto versions = m_versions.constFind(id);
    if (versions == m_versions.cend())
        return kNone;
    if (const auto known = m_versionsText.constFind(id); known != m_versionsText.cend())
        return *known;
    // Named by their sources (the first few); the tooltip lists the first versions in full.
    constexpr int kListed = 12;
    constexpr int kSourcesNamed = 3;
    auto summaries =
        m_store.summaries(versions->first(std::min<qsizetype>(versions->size(), kListed)));
    QStringList sources;
    QStringList lines;
    for (const core::ArticleSummary& other :
         summaries ? *summaries : QList<core::ArticleSummary>()) {
        if (!other.source.isEmpty() && !sources.contains(other.source))
            sources.append(other.source);
        const QString date = shownDate(other.published, QDateTime::currentDateTime());
        QStringList parts;
        for (const QString& part : {other.source, other.title, date}) {
            if (!part.isEmpty())
                parts.append(part);
        }
        lines.append(parts.join(QStringLiteral(" · ")));
    }
    const int count = static_cast<int>(versions->size());
    QString line;
    if (sources.isEmpty())
        line = tr("and %n more", nullptr, count);
    else if (sources.size() <= kSourcesNamed)
        line = tr("and %n more from %1", nullptr, count).arg(sources.join(QStringLiteral(", ")));
    else
        line = tr("and %n more from %1…", nullptr, count)
                   .arg(sources.first(kSourcesNamed).join(QStringLiteral(", ")));
    if (count > lines.size())
        lines.append(tr("and %n others", nullptr, count - static_cast<int>(lines.size())));
    return *m_versionsText.insert(
        id, {line, tr("Also told in:") + QLatin1Char('\n') + lines.join(QLatin1Char('\n'))});
}

void ArticleListModel::setIds(QList<core::ArticleId> ids)
{
    beginResetModel();
    m_loading = false;
    m_pages.clear();
    m_ids = std::move(ids);
    endResetModel();
}

void ArticleListModel::updateIds(QList<core::ArticleId> ids)
{
    m_loading = false;
    if (ids.size() == m_ids.size() && std::equal(ids.cbegin(), ids.cend(), m_ids.cbegin()))
        return;
    // The common case, an import: the ids shown are all still there, in the same order,
    // with new ones among them. One walk finds the runs, with no hashing (at 100,000 rows
    // a pair of hash sets cost the GUI thread a fifth of a second).
    constexpr int kMaxRuns = 32;
    if (ids.size() > m_ids.size()) {
        QList<std::pair<int, int>> runs; // [first, last] rows in `ids`
        qsizetype i = 0;
        for (qsizetype j = 0; j < ids.size(); ++j) {
            if (i < m_ids.size() && ids[j] == m_ids[i]) {
                ++i;
                continue;
            }
            if (!runs.isEmpty() && runs.last().second == j - 1)
                runs.last().second = static_cast<int>(j);
            else
                runs.append({static_cast<int>(j), static_cast<int>(j)});
            if (runs.size() > kMaxRuns)
                break;
        }
        if (i == m_ids.size() && runs.size() <= kMaxRuns) {
            m_pages.clear();
            for (const auto& [first, last] : runs) {
                beginInsertRows({}, first, last);
                QList<core::ArticleId> merged;
                merged.reserve(m_ids.size() + (last - first + 1));
                merged += m_ids.first(first);
                merged += ids.mid(first, last - first + 1);
                merged += m_ids.sliced(first);
                m_ids = std::move(merged);
                endInsertRows();
            }
            return;
        }
        if (i == m_ids.size()) { // only additions, but scattered: a reset is cheaper
            setIds(std::move(ids));
            return;
        }
    }
    // Which ids are gone and which are new; the rest must keep their order for rows to be
    // moved by inserts and removals alone.
    const QSet<core::ArticleId> now(ids.cbegin(), ids.cend());
    const QSet<core::ArticleId> before(m_ids.cbegin(), m_ids.cend());
    QList<core::ArticleId> kept;
    kept.reserve(m_ids.size());
    for (core::ArticleId id : std::as_const(m_ids)) {
        if (now.contains(id))
            kept.append(id);
    }
    QList<core::ArticleId> staying;
    staying.reserve(ids.size());
    for (core::ArticleId id : std::as_const(ids)) {
        if (before.contains(id))
            staying.append(id);
    }
    // Each run of neighbouring rows added or gone is one insert or removal; past a few
    // dozen, a reset (after which the window selects the same story again) is cheaper.
    int runs = 0;
    for (qsizetype i = 0; i < m_ids.size(); ++i)
        runs += !now.contains(m_ids[i]) && (i == 0 || now.contains(m_ids[i - 1]));
    for (qsizetype i = 0; i < ids.size(); ++i)
        runs += !before.contains(ids[i]) && (i == 0 || before.contains(ids[i - 1]));
    if (kept != staying || runs > kMaxRuns) {
        setIds(std::move(ids));
        return;
    }
    m_pages.clear();
    // Removals, last rows first, a run of neighbours at a time.
    for (int row = static_cast<int>(m_ids.size()) - 1; row >= 0;) {
        if (now.contains(m_ids[row])) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !now.contains(m_ids[first - 1]))
            --first;
        beginRemoveRows({}, first, row);
        m_ids.remove(first, row - first + 1);
        endRemoveRows();
        row = first - 1;
    }
    // Insertions, in the new order: m_ids is now `staying`, a subsequence of `ids`.
    for (int row = 0; row < ids.size();) {
        if (row < m_ids.size() && m_ids[row] == ids[row]) {
            ++row;
            continue;
        }
        int last = row;
        while (last + 1 < ids.size() && !before.contains(ids[last + 1]))
            ++last;
        beginInsertRows({}, row, last);
        QList<core::ArticleId> merged;
        merged.reserve(m_ids.size() + (last - row + 1));
        merged += m_ids.first(row);
        merged += ids.mid(row, last - row + 1);
        merged += m_ids.sliced(row);
        m_ids = std::move(merged);
        endInsertRows();
        row = last + 1;
    }
}

void ArticleListModel::setFlag(const QList<core::ArticleId>& ids, Flag flag, bool value)
{
    for (core::ArticleId id : ids) {
        Pending& pending = m_pending[id];
        (flag == Flag::Read ? pending.read : pending.starred) = value;
        ++pending.writes;
    }
    rowsChanged(ids);
}

void ArticleListModel::confirm(const QList<core::ArticleId>& ids)
{
    for (core::ArticleId id : ids) {
        auto it = m_pending.find(id);
        if (it != m_pending.end() && --it->writes <= 0) {
            m_pending.erase(it);
            refresh(id);
        }
    }
}

void ArticleListModel::showTag(const QList<core::ArticleId>& ids, const QString& name, bool added)
{
    for (core::ArticleId id : ids) {
        Pending& pending = m_pending[id];
        pending.tags.append({name, added});
        ++pending.writes;
    }
    rowsChanged(ids);
}

QList<std::pair<QString, bool>> ArticleListModel::pendingTags(core::ArticleId id) const
{
    return m_pending.value(id).tags;
}

std::optional<core::ArticleSummary> ArticleListModel::summaryOf(core::ArticleId id) const
{
    const int row = rowOf(id);
    if (row >= 0) {
        if (const core::ArticleSummary* summary = summaryAt(row))
            return *summary;
        return std::nullopt;
    }
    auto fetched = m_store.summaries({id});
    if (!fetched || fetched->isEmpty())
        return std::nullopt;
    core::ArticleSummary summary = fetched->front();
    applyPending(summary);
    return summary;
}

void ArticleListModel::applyPending(core::ArticleSummary& summary) const
{
    auto it = m_pending.constFind(summary.id);
    if (it == m_pending.constEnd())
        return;
    if (it->read)
        summary.read = *it->read;
    if (it->starred)
        summary.starred = *it->starred;
    for (const auto& [name, added] : it->tags) {
        summary.tags.removeIf(
            [&name](const QString& tag) { return tag.compare(name, Qt::CaseInsensitive) == 0; });
        if (added)
            summary.tags.prepend(name); // your own tag: among the most relevant, as stored
    }
}

void ArticleListModel::rowsChanged(const QList<core::ArticleId>& ids)
{
    for (core::ArticleId id : ids) {
        const int row = rowOf(id);
        if (row < 0)
            continue;
        m_pages.remove(row / kPageSize); // fetched again, with what is pending on top
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

void ArticleListModel::refresh(core::ArticleId id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    m_pages.remove(row / kPageSize);
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

core::SearchRequest::Sort ArticleListModel::sortFor(int column)
{
    using Sort = core::SearchRequest::Sort;
    switch (column) {
    case StarColumn:
        return Sort::Starred;
    case TitleColumn:
        return Sort::Title;
    case SourceColumn:
        return Sort::Source;
    case AuthorColumn:
        return Sort::Author;
    case DateColumn:
        return Sort::Date;
    case TagsColumn:
        return Sort::Tags;
    default:
        return Sort::Relevance;
    }
}

QString ArticleListModel::shownDate(const core::PublishedDate& published, const QDateTime& now)
{
    if (!published.isKnown())
        return {};
    const QDate today = now.date();
    if (published.precision() == core::PublishedDate::Precision::Moment) {
        const QDateTime when = published.moment().toLocalTime();
        const qint64 seconds = when.secsTo(now);
        if (seconds >= 0 && seconds < 60)
            return tr("just now");
        if (seconds >= 0 && seconds < 3600)
            return tr("%n min ago", nullptr, int(seconds / 60));
        if (seconds >= 0 && seconds < 6 * 3600)
            return tr("%n h ago", nullptr, int(seconds / 3600));
        if (when.date() == today)
            return QLocale().toString(when.time(), QLocale::ShortFormat);
        if (when.date() == today.addDays(-1))
            return tr("yesterday");
        return QLocale().toString(when.date(), QLocale::ShortFormat);
    }
    if (published.date() == today)
        return tr("today");
    if (published.date() == today.addDays(-1))
        return tr("yesterday");
    return QLocale().toString(published.date(), QLocale::ShortFormat);
}

Qt::SortOrder ArticleListModel::naturalOrder(int column)
{
    // Newest first and starred first are the larger values first.
    return column == DateColumn || column == StarColumn ? Qt::DescendingOrder : Qt::AscendingOrder;
}

void ArticleListModel::setSnippets(bool shown)
{
    if (m_snippets == shown)
        return;
    m_snippets = shown;
    refreshAll();
}

void ArticleListModel::refreshAll()
{
    m_pages.clear();
    if (!m_ids.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

core::ArticleId ArticleListModel::idAt(int row) const
{
    return row >= 0 && row < m_ids.size() ? m_ids[row] : 0;
}

int ArticleListModel::rowOf(core::ArticleId id) const
{
    return static_cast<int>(m_ids.indexOf(id));
}

int ArticleListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_ids.size());
}

int ArticleListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const core::ArticleSummary* ArticleListModel::summaryAt(int row) const
{
    if (row < 0 || row >= m_ids.size())
        return nullptr;
    const int page = row / kPageSize;
    auto it = m_pages.constFind(page);
    if (it == m_pages.constEnd()) {
        if (m_pages.size() >= kMaxPages)
            m_pages.clear();
        auto summaries = m_store.summaries(m_ids.mid(page * kPageSize, kPageSize), m_snippets);
        QList<core::ArticleSummary> fetched =
            summaries ? *summaries : QList<core::ArticleSummary>();
        if (!m_pending.isEmpty()) {
            for (core::ArticleSummary& summary : fetched)
                applyPending(summary);
        }
        it = m_pages.insert(page, std::move(fetched));
    }
    const int offset = row % kPageSize;
    // summaries() leaves out ids deleted since reload(); match by id to stay correct.
    const auto& list = *it;
    if (offset < list.size() && list[offset].id == m_ids[row])
        return &list[offset];
    for (const auto& summary : list) {
        if (summary.id == m_ids[row])
            return &summary;
    }
    return nullptr;
}

QVariant ArticleListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    if (role == ArticleIdRole)
        return idAt(index.row());
    const core::ArticleSummary* summary = summaryAt(index.row());
    if (!summary)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case StarColumn:
            return summary->starred ? QStringLiteral("\u2605") : QString();
        case TagsColumn: // the three most relevant (the store lists them so), and how many more
            return summary->tags.size() <= 3 ? summary->tags.join(QStringLiteral(", "))
                                             : summary->tags.first(3).join(QStringLiteral(", ")) +
                                                   tr(" +%1").arg(summary->tags.size() - 3);
        case TitleColumn:
            return summary->title.isEmpty() ? tr("(untitled)") : summary->title;
        case DateColumn:
            return shownDate(summary->published, QDateTime::currentDateTime());
        case SourceColumn:
            return summary->source;
        case AuthorColumn:
            return summary->author;
        }
        break;
    case SnippetRole:
        return index.column() == TitleColumn ? summary->snippet : QString();
    case VersionsRole:
        return index.column() == TitleColumn ? versionsText(summary->id).first : QString();
    case VersionCountRole:
        return static_cast<int>(m_versions.value(summary->id).size());
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole:
        if (index.column() == TitleColumn) {
            const auto& [line, list] = versionsText(summary->id);
            if (line.isEmpty())
                return summary->title;
            return summary->title + (role == Qt::ToolTipRole ? QStringLiteral("\n\n") + list
                                                             : QStringLiteral(", ") + line);
        }
        if (index.column() == StarColumn)
            return summary->starred ? tr("Starred") : tr("Not starred");
        if (index.column() == TagsColumn && role == Qt::ToolTipRole)
            return summary->tags.join(QLatin1Char('\n'));
        if (index.column() == DateColumn && summary->published.isKnown()) // the full date
            return summary->published.precision() == core::PublishedDate::Precision::Moment
                       ? QLocale().toString(summary->published.moment().toLocalTime(),
                                            QLocale::LongFormat)
                       : QLocale().toString(summary->published.date(), QLocale::LongFormat);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == StarColumn)
            return int(Qt::AlignCenter);
        break;
    case Qt::FontRole:
        if (!summary->read) {
            QFont font;
            font.setBold(true);
            return font;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant ArticleListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::InitialSortOrderRole)
        return int(naturalOrder(section));
    if (section == StarColumn && (role == Qt::ToolTipRole || role == Qt::AccessibleTextRole))
        return tr("Starred");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StarColumn:
        return QStringLiteral("\u2605");
    case TagsColumn:
        return tr("Tags");
    case TitleColumn:
        return tr("Title");
    case DateColumn:
        return tr("Date");
    case SourceColumn:
        return tr("Source");
    case AuthorColumn:
        return tr("Author");
    }
    return {};
}

} // namespace broadsheet::ui
