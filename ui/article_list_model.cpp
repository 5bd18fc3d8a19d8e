// SPDX-License-Identifier: GPL-3.0-or-later
#include "article_list_model.h"

#include "store/article_store.h"

#include <QFont>
#include <QLocale>
#include <QtConcurrent>

namespace broadsheet::ui {

namespace {

constexpr int kPageSize = 256;
constexpr int kMaxPages = 64;   // at most ~16,000 rows' summaries in memory
constexpr int kFirstIds = 4096; // shown at once while the rest load

} // namespace

ArticleListModel::ArticleListModel(core::ArticleStore& store, QObject* parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    connect(&m_loader, &QFutureWatcher<QList<core::ArticleId>>::finished, this,
            &ArticleListModel::onIdsLoaded);
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
    m_loader.setFuture(QtConcurrent::run([library = m_store.path()] {
        auto store = core::ArticleStore::open(library, core::ArticleStore::OpenMode::OpenExisting);
        if (!store)
            return QList<core::ArticleId>();
        auto ids = (*store)->articleIds();
        return ids ? *ids : QList<core::ArticleId>();
    }));
}

void ArticleListModel::onIdsLoaded()
{
    if (!m_loading)
        return; // the list was replaced meanwhile
    m_loading = false;
    QList<core::ArticleId> ids = m_loader.result();
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

void ArticleListModel::setIds(QList<core::ArticleId> ids)
{
    beginResetModel();
    m_loading = false;
    m_pages.clear();
    m_ids = std::move(ids);
    endResetModel();
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
    case DateColumn:
        return Sort::Date;
    case TagsColumn:
        return Sort::Tags;
    default:
        return Sort::Relevance;
    }
}

Qt::SortOrder ArticleListModel::naturalOrder(int column)
{
    // Newest first and starred first are the larger values first.
    return column == DateColumn || column == StarColumn ? Qt::DescendingOrder : Qt::AscendingOrder;
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
        auto summaries = m_store.summaries(m_ids.mid(page * kPageSize, kPageSize));
        it = m_pages.insert(page, summaries ? *summaries : QList<core::ArticleSummary>());
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
        case TagsColumn:
            return summary->tags.join(QStringLiteral(", "));
        case TitleColumn:
            return summary->title.isEmpty() ? tr("(untitled)") : summary->title;
        case DateColumn:
            if (!summary->published.isKnown())
                return QString();
            return QLocale().toString(summary->published.date(), QLocale::ShortFormat);
        case SourceColumn:
            return summary->source;
        }
        break;
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole:
        if (index.column() == TitleColumn)
            return summary->title;
        if (index.column() == StarColumn)
            return summary->starred ? tr("Starred") : tr("Not starred");
        if (index.column() == TagsColumn && role == Qt::ToolTipRole)
            return summary->tags.join(QLatin1Char('\n'));
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
    }
    return {};
}

} // namespace broadsheet::ui
