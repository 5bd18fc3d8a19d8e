// SPDX-License-Identifier: GPL-3.0-or-later
#include "sidebar.h"

#include "search/query_text.h"

#include <QContextMenuEvent>
#include <QHash>
#include <QHeaderView>
#include <QLocale>
#include <QMenu>
#include <QScrollBar>
#include <QSettings>
#include <QStandardItemModel>
#include <QUrl>

#include <algorithm>
#include <functional>

namespace broadsheet::ui {

Sidebar::Sidebar(QWidget* parent)
    : QTreeView(parent)
    , m_model(new QStandardItemModel(this))
{
    setModel(m_model);
    setHeaderHidden(true);
    setAccessibleName(tr("Library"));
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setUniformRowHeights(true);
    // Groups and folders fold; what the user folded stays folded, across restarts too.
    m_folded = QSettings().value(QStringLiteral("sidebar/folded")).toStringList();
    auto remember = [this](const QModelIndex& index, bool folded) {
        const QString key = index.data(FoldKeyRole).toString();
        if (m_filling || key.isEmpty() || m_folded.contains(key) == folded)
            return;
        if (folded)
            m_folded.append(key);
        else
            m_folded.removeAll(key);
        QSettings().setValue(QStringLiteral("sidebar/folded"), m_folded);
    };
    connect(this, &QTreeView::collapsed, this,
            [remember](const QModelIndex& index) { remember(index, true); });
    connect(this, &QTreeView::expanded, this,
            [remember](const QModelIndex& index) { remember(index, false); });
    connect(selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) {
                const QVariant query = current.data(QueryRole);
                if (m_filling || !query.isValid())
                    return;
                Q_EMIT querySelected(query.toString());
                if (const QString entity = current.data(EntityRole).toString(); !entity.isEmpty())
                    Q_EMIT entitySelected(entity);
            });
}

QString Sidebar::filterQuery(const QString& field, const QString& value)
{
    return core::query_text::filter(field, value); // escapes a quote in the name
}

QStandardItem* Sidebar::group(const QString& title, const QString& key)
{
    auto* item = new QStandardItem(title);
    item->setSelectable(false);
    item->setData(QStringLiteral("group:") + key, FoldKeyRole);
    QFont font = item->font();
    font.setBold(true);
    item->setFont(font);
    m_model->appendRow(item);
    return item;
}

QStandardItem* Sidebar::entry(const QString& title, qint64 count, const QString& query)
{
    auto* item = new QStandardItem;
    setCount(item, title, count);
    item->setData(query, QueryRole);
    item->setToolTip(query.isEmpty() ? tr("Every story") : query);
    return item;
}

void Sidebar::setCount(QStandardItem* item, const QString& title, qint64 count)
{
    item->setText(QStringLiteral("%1  (%2)").arg(title, QLocale().toString(count)));
    item->setAccessibleText(tr("%1, %n stories", nullptr, static_cast<int>(count)).arg(title));
}

void Sidebar::adjustFlagCounts(qint64 unreadDelta, qint64 starredDelta)
{
    if (!m_unread)
        return; // no overview yet: the first one will count
    m_overview.unread = std::clamp<qint64>(m_overview.unread + unreadDelta, 0, m_overview.articles);
    m_overview.starred =
        std::clamp<qint64>(m_overview.starred + starredDelta, 0, m_overview.articles);
    setCount(m_unread, tr("Unread"), m_overview.unread);
    setCount(m_starred, tr("Starred"), m_overview.starred);
}

void Sidebar::setOverview(const core::LibraryOverview& overview)
{
    const QVariant selected = currentIndex().data(QueryRole);
    const int scrolled = verticalScrollBar()->value(); // fresh counts keep the place
    m_filling = true;
    m_model->clear();
    m_overview = overview;

    QStandardItem* library = group(tr("Library"), QStringLiteral("library"));
    library->appendRow(entry(tr("All"), overview.articles, QString()));
    m_unread = entry(tr("Unread"), overview.unread, QStringLiteral("is:unread"));
    m_starred = entry(tr("Starred"), overview.starred, QStringLiteral("is:starred"));
    library->appendRow(m_unread);
    library->appendRow(m_starred);

    auto fill = [this](const QString& title, const QString& key, const QString& field,
                       const QList<core::CountedName>& names, bool entities = false) {
        if (names.isEmpty())
            return;
        QStandardItem* parent = group(title, key);
        for (const core::CountedName& name : names) {
            QStandardItem* item = entry(name.name, name.count, filterQuery(field, name.name));
            if (entities)
                item->setData(name.name, EntityRole);
            if (field == u"source") { // what is left to read; the total on hover
                item->setData(name.name, SourceRole);
                item->setText(
                    name.unread > 0
                        ? QStringLiteral("%1  (%2)").arg(name.name, QLocale().toString(name.unread))
                        : name.name);
                item->setToolTip(tr("%n stories", nullptr, static_cast<int>(name.count)) +
                                 tr(", %n unread", nullptr, static_cast<int>(name.unread)));
                item->setAccessibleText(
                    tr("%1, %n unread", nullptr, static_cast<int>(name.unread)).arg(name.name));
            }
            parent->appendRow(item);
        }
    };
    fillSubscriptions(overview.subscriptions, overview.accounts);
    fill(tr("Sources"), QStringLiteral("sources"), QStringLiteral("source"), overview.sources);
    fill(tr("Sections"), QStringLiteral("sections"), QStringLiteral("section"), overview.sections);
    // Tags by kind: the user's own first, then what the tagger found (the most used of each).
    const std::pair<const char*, QString> kinds[] = {
        {"manual", tr("Tags")},         {"rule", tr("Rules")},
        {"person", tr("People")},       {"organization", tr("Organisations")},
        {"place", tr("Places")},        {"keyword", tr("Keywords")},
        {"category", tr("Categories")}, {"label", tr("Labels")},
    };
    for (const auto& [kind, title] : kinds) {
        QList<core::CountedName> ofKind;
        for (const core::CountedName& tag : overview.tags) {
            if (tag.kind == QLatin1String(kind))
                ofKind.append(core::CountedName{tag.name, QString(), tag.count});
        }
        const bool entities = qstrcmp(kind, "person") == 0 || qstrcmp(kind, "organization") == 0 ||
                              qstrcmp(kind, "place") == 0;
        fill(title, QStringLiteral("tags:") + QLatin1String(kind), QStringLiteral("tag"), ofKind,
             entities);
    }
    if (!overview.savedSearches.isEmpty()) {
        QStandardItem* saved = group(tr("Saved Searches"), QStringLiteral("saved"));
        for (const core::SavedSearch& search : overview.savedSearches) {
            auto* item = new QStandardItem(search.name);
            item->setData(search.query, QueryRole);
            item->setData(search.name, SavedSearchRole);
            item->setToolTip(search.query);
            saved->appendRow(item);
        }
    }
    restoreFolding();
    if (selected.isValid())
        selectQuery(selected.toString());
    verticalScrollBar()->setValue(scrolled);
    m_filling = false;
}

void Sidebar::restoreFolding()
{
    expandAll();
    for (const QString& key : std::as_const(m_folded)) {
        const QModelIndexList found = m_model->match(m_model->index(0, 0), FoldKeyRole, key, 1,
                                                     Qt::MatchExactly | Qt::MatchRecursive);
        if (!found.isEmpty())
            collapse(found.front());
    }
}

QStringList Sidebar::savedSearchesMoved(const QString& name, int delta) const
{
    QStringList names;
    for (const core::SavedSearch& search : m_overview.savedSearches)
        names.append(search.name);
    const qsizetype from = names.indexOf(name);
    const qsizetype to = from + delta;
    if (from < 0 || to < 0 || to >= names.size())
        return {};
    names.move(from, to);
    return names;
}

void Sidebar::fillSubscriptions(const QList<core::SubscriptionState>& subscriptions,
                                const QList<core::SyncAccount>& accounts)
{
    // Subscribed here first; then each account's, under it, as its server has them.
    QList<core::SubscriptionState> local;
    QHash<qint64, QList<core::SubscriptionState>> synced;
    for (const core::SubscriptionState& s : subscriptions) {
        if (s.accountId == 0)
            local.append(s);
        else
            synced[s.accountId].append(s);
    }
    if (!local.isEmpty())
        fillFeeds(group(tr("Subscriptions"), QStringLiteral("subscriptions")), local, QString());
    for (const core::SyncAccount& account : accounts) {
        const QString key = QStringLiteral("account:%1").arg(account.id);
        QStandardItem* root = group(accountName(account), key);
        root->setData(account.id, AccountRole);
        QString tip =
            tr("%1 account at %2")
                .arg(account.kind == u"ttrss" ? tr("Tiny Tiny RSS") : tr("Google Reader API"),
                     account.url);
        if (!account.lastError.isEmpty()) {
            root->setText(QStringLiteral("⚠ ") + root->text());
            tip += u'\n' + tr("Last sync failed: %1").arg(account.lastError);
        } else if (account.lastSync.isValid()) {
            tip += u'\n' + tr("Synced %1")
                               .arg(QLocale().toString(account.lastSync.toLocalTime(),
                                                       QLocale::ShortFormat));
        } else {
            tip += u'\n' + tr("Not synced yet");
        }
        if (account.queued > 0)
            tip += u'\n' +
                   tr("%n changes wait for the server", nullptr, static_cast<int>(account.queued));
        root->setToolTip(tip);
        fillFeeds(root, synced.value(account.id), key + u'/');
    }
}

QString Sidebar::accountName(const core::SyncAccount& account)
{
    return tr("%1 on %2").arg(account.user, QUrl(account.url).host());
}

void Sidebar::fillFeeds(QStandardItem* root, const QList<core::SubscriptionState>& subscriptions,
                        const QString& foldPrefix)
{
    QHash<QString, QStandardItem*> folders; // "a/b" → its entry
    QHash<QStandardItem*, qint64> unread;   // a folder's unread, summed below
    std::function<QStandardItem*(const QStringList&)> folderOf =
        [&](const QStringList& path) -> QStandardItem* {
        if (path.isEmpty())
            return root;
        const QString key = path.join(u'/');
        if (auto it = folders.constFind(key); it != folders.constEnd())
            return *it;
        QStandardItem* parent = folderOf(path.mid(0, path.size() - 1));
        auto* item = new QStandardItem(path.back());
        item->setData(filterQuery(QStringLiteral("folder"), key), QueryRole);
        item->setData(key, FolderRole);
        item->setData(foldPrefix + QStringLiteral("folder:") + key, FoldKeyRole);
        parent->appendRow(item);
        folders.insert(key, item);
        return item;
    };
    for (const core::SubscriptionState& s : subscriptions) {
        QStandardItem* parent = folderOf(s.folders);
        const QString title = s.title.isEmpty() ? s.url : s.title;
        auto* item = new QStandardItem(
            s.unread > 0 ? QStringLiteral("%1  (%2)").arg(title, QLocale().toString(s.unread))
                         : title);
        item->setData(filterQuery(QStringLiteral("feed"), QString::number(s.id)), QueryRole);
        item->setData(s.id, SubscriptionRole);
        QString tip = s.url;
        if (s.accountId != 0) {
            tip += u'\n' + tr("Its server fetches it; a sync brings its stories");
        } else if (!s.nextRefresh.isValid()) {
            item->setText(QStringLiteral("⊘ ") + item->text());
            tip += u'\n' + tr("No longer refreshed: %1").arg(s.lastError);
        } else if (!s.lastError.isEmpty()) {
            item->setText(QStringLiteral("⚠ ") + item->text());
            tip += u'\n' + tr("Last refresh failed: %1").arg(s.lastError);
        } else if (s.lastSuccess.isValid()) {
            tip += u'\n' +
                   tr("Refreshed %1")
                       .arg(QLocale().toString(s.lastSuccess.toLocalTime(), QLocale::ShortFormat));
        }
        item->setToolTip(tip);
        item->setAccessibleText(
            tr("%1, %n unread", nullptr, static_cast<int>(s.unread)).arg(title) +
            (s.lastError.isEmpty() ? QString() : tr(", last refresh failed")));
        parent->appendRow(item);
        for (QStringList path = s.folders; !path.isEmpty(); path.removeLast())
            unread[folders.value(path.join(u'/'))] += s.unread;
    }
    for (auto it = unread.constBegin(); it != unread.constEnd(); ++it) {
        if (it.value() > 0)
            it.key()->setText(
                QStringLiteral("%1  (%2)").arg(it.key()->text(), QLocale().toString(it.value())));
    }
}

QList<qint64> Sidebar::subscriptionsOf(const QModelIndex& index) const
{
    QList<qint64> ids;
    if (!index.isValid())
        return ids;
    if (const QVariant id = index.data(SubscriptionRole); id.isValid())
        return {id.toLongLong()};
    for (int row = 0; row < m_model->rowCount(index); ++row)
        ids += subscriptionsOf(m_model->index(row, 0, index));
    return ids;
}

QModelIndex Sidebar::subscriptionIndex(qint64 id) const
{
    const QModelIndexList found = m_model->match(m_model->index(0, 0), SubscriptionRole, id, 1,
                                                 Qt::MatchExactly | Qt::MatchRecursive);
    return found.isEmpty() ? QModelIndex() : found.front();
}

void Sidebar::contextMenuEvent(QContextMenuEvent* event)
{
    const QModelIndex index = indexAt(event->pos());
    if (const QString source = index.data(SourceRole).toString(); !source.isEmpty()) {
        QMenu menu(this);
        menu.addAction(tr("Re&name Source…"), this,
                       [this, source] { Q_EMIT renameSourceRequested(source); });
        menu.exec(event->globalPos());
        return;
    }
    if (const QString saved = index.data(SavedSearchRole).toString(); !saved.isEmpty()) {
        QMenu menu(this);
        menu.addAction(tr("Re&name…"), this,
                       [this, saved] { Q_EMIT renameSavedSearchRequested(saved); });
        QAction* up = menu.addAction(tr("Move &Up"), this, [this, saved] {
            Q_EMIT savedSearchOrderRequested(savedSearchesMoved(saved, -1));
        });
        up->setEnabled(!savedSearchesMoved(saved, -1).isEmpty());
        QAction* down = menu.addAction(tr("Move &Down"), this, [this, saved] {
            Q_EMIT savedSearchOrderRequested(savedSearchesMoved(saved, 1));
        });
        down->setEnabled(!savedSearchesMoved(saved, 1).isEmpty());
        menu.addSeparator();
        menu.addAction(tr("&Delete"), this,
                       [this, saved] { Q_EMIT deleteSavedSearchRequested(saved); });
        menu.exec(event->globalPos());
        return;
    }
    // An account's group, or a feed or folder of it: its server refreshes them, so a sync.
    QModelIndex top = index;
    while (top.parent().isValid())
        top = top.parent();
    if (const QVariant account = top.data(AccountRole); account.isValid() && index.isValid()) {
        const qint64 id = account.toLongLong();
        QMenu menu(this);
        menu.addAction(tr("&Sync Now"), this, [this, id] { Q_EMIT syncRequested(id); });
        const QString folder = index.data(FolderRole).toString();
        menu.addAction(tr("Subscribe to a &Feed…"), this,
                       [this, id, folder] { Q_EMIT addFeedRequested(id, folder); });
        const QString query = index.data(QueryRole).toString();
        if (const QVariant feed = index.data(SubscriptionRole); feed.isValid()) {
            // The feed's server marks it read whole: also what this library has not seen.
            menu.addAction(tr("Mark All &Read"), this,
                           [this, feed] { Q_EMIT markFeedReadRequested(feed.toLongLong()); });
        } else if (!query.isEmpty()) {
            menu.addAction(tr("Mark All &Read"), this,
                           [this, query] { Q_EMIT markAllReadRequested(query); });
        }
        if (const QVariant feed = index.data(SubscriptionRole); feed.isValid()) {
            menu.addSeparator();
            menu.addAction(tr("&Properties…"), this,
                           [this, feed] { Q_EMIT propertiesRequested(feed.toLongLong()); });
            menu.addAction(tr("&Unsubscribe…"), this,
                           [this, feed] { Q_EMIT unsubscribeRequested(feed.toLongLong()); });
        }
        if (index == top) {
            menu.addSeparator();
            menu.addAction(tr("&Remove Account…"), this,
                           [this, id] { Q_EMIT removeAccountRequested(id); });
        }
        menu.exec(event->globalPos());
        return;
    }
    const QList<qint64> ids = subscriptionsOf(index);
    if (ids.isEmpty() || (!index.data(SubscriptionRole).isValid() &&
                          !index.data(FolderRole).isValid() && index.parent().isValid()))
        return;
    const QString query = index.data(QueryRole).toString();
    QMenu menu(this);
    menu.addAction(tr("&Refresh"), this, [this, ids] { Q_EMIT refreshRequested(ids); });
    if (!query.isEmpty()) {
        menu.addAction(tr("Mark All &Read"), this,
                       [this, query] { Q_EMIT markAllReadRequested(query); });
    }
    if (const QVariant id = index.data(SubscriptionRole); id.isValid()) {
        menu.addSeparator();
        menu.addAction(tr("&Properties…"), this,
                       [this, id] { Q_EMIT propertiesRequested(id.toLongLong()); });
        menu.addAction(tr("&Unsubscribe…"), this,
                       [this, id] { Q_EMIT unsubscribeRequested(id.toLongLong()); });
    }
    menu.exec(event->globalPos());
}

void Sidebar::selectQuery(const QString& query)
{
    const bool filling = m_filling;
    m_filling = true; // selecting to show where the list is: no signal back
    const QModelIndexList found = m_model->match(m_model->index(0, 0), QueryRole, query, 1,
                                                 Qt::MatchExactly | Qt::MatchRecursive);
    if (found.isEmpty())
        selectionModel()->clearCurrentIndex();
    else
        setCurrentIndex(found.front());
    if (found.isEmpty())
        clearSelection();
    m_filling = filling;
}

} // namespace broadsheet::ui
