// SPDX-License-Identifier: GPL-3.0-or-later
// refresh and subscribe: subscriptions fetched over HTTP, their stories stored.
#include "cli.h"
#include "cli_output.h"
#include "command_line.h"
#include "commands.h"
#include "feeds/feed_fetcher.h"
#include "feeds/feed_refresh.h"
#include "parse/feed_discovery.h"
#include "parse/feed_parser.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>
#include <QThreadPool>

namespace broadsheet::app {

namespace {

QString kindName(core::FeedUpdate::Kind kind)
{
    switch (kind) {
    case core::FeedUpdate::Kind::Fetched:
        return QStringLiteral("fetched");
    case core::FeedUpdate::Kind::NotModified:
        return QStringLiteral("unchanged");
    case core::FeedUpdate::Kind::Gone:
        return QStringLiteral("gone");
    case core::FeedUpdate::Kind::Deferred:
        return QStringLiteral("deferred");
    case core::FeedUpdate::Kind::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

/// Fetches every state given (at most eight at once, two a host) and applies each answer to
/// the store as it comes; the updates in the order given.
QList<core::Result<core::FeedUpdate>> refreshAll(core::ArticleStore& store,
                                                 const QList<core::SubscriptionState>& states)
{
    QList<core::Result<core::FeedUpdate>> updates;
    for (qsizetype i = 0; i < states.size(); ++i)
        updates.append(core::Error{core::ErrorCode::Invalid, QStringLiteral("not refreshed")});
    core::FeedFetcher fetcher;
    QEventLoop loop;
    qsizetype pending = states.size();
    for (qsizetype i = 0; i < states.size(); ++i) {
        fetcher.fetch(core::requestFor(states[i]), [&, i](const core::FetchResult& result) {
            // Parsed and sanitised on the pool, stored here in the order they come: the
            // parsing of one feed overlaps the storing of another and the network.
            QThreadPool::globalInstance()->start([&, i, result] {
                const QDateTime now = QDateTime::currentDateTimeUtc();
                auto prepared = std::make_shared<core::PreparedFetch>(
                    core::prepareFetch(states[i], result, now));
                QMetaObject::invokeMethod(
                    &loop,
                    [&, i, prepared, now] {
                        updates[i] = core::storeFetch(store, std::move(*prepared), now);
                        if (--pending == 0)
                            loop.quit();
                    },
                    Qt::QueuedConnection);
            });
        });
    }
    if (pending > 0)
        loop.exec();
    return updates;
}

} // namespace

int refreshCommand(const QStringList& arguments, const QString& globalLibrary)
{
    CommandLine cli(QStringLiteral("refresh"),
                    QStringLiteral("Fetches the feeds you subscribe to (all, or those named by "
                                   "id or URL) and stores what is new. Exit code 3 when some "
                                   "failed."));
    QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print a JSON array."));
    QCommandLineOption due(QStringLiteral("due"),
                           QStringLiteral("Only the feeds whose next refresh has come."));
    cli.parser().addOptions({json, due});
    cli.parser().addPositionalArgument(QStringLiteral("feed"), QStringLiteral("An id or URL."),
                                       QStringLiteral("[ID|URL…]"));
    if (auto exit = cli.parse(arguments, globalLibrary))
        return *exit;
    auto store = openStore(cli.libraryPath(), core::ArticleStore::OpenMode::OpenExisting);
    if (!store)
        return ExitFailure;
    auto all = store->subscriptionStates();
    if (!all)
        return fail(all.error());
    QList<core::SubscriptionState> chosen;
    const QStringList named = cli.arguments();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const core::SubscriptionState& s : *all) {
        const bool pick =
            named.isEmpty()
                ? (!cli.parser().isSet(due) || (s.nextRefresh.isValid() && s.nextRefresh <= now))
                : (named.contains(QString::number(s.id)) || named.contains(s.url));
        if (pick && (s.nextRefresh.isValid() || !named.isEmpty()))
            chosen.append(s); // a gone feed only when named
    }
    for (const QString& name : named) {
        const bool known = std::any_of(all->cbegin(), all->cend(), [&name](const auto& s) {
            return QString::number(s.id) == name || s.url == name;
        });
        if (!known)
            return *cli.usageError(QStringLiteral("no subscription %1 (see 'feeds')").arg(name));
    }
    const auto updates = refreshAll(*store, chosen);
    bool someFailed = false;
    qint64 added = 0;
    QJsonArray array;
    for (qsizetype i = 0; i < chosen.size(); ++i) {
        if (!updates[i])
            return fail(updates[i].error());
        const core::FeedUpdate& u = *updates[i];
        const bool failed = u.kind == core::FeedUpdate::Kind::Failed ||
                            u.kind == core::FeedUpdate::Kind::Gone ||
                            u.kind == core::FeedUpdate::Kind::Deferred;
        someFailed = someFailed || failed;
        added += u.added;
        if (cli.parser().isSet(json)) {
            array.append(QJsonObject{
                {QStringLiteral("id"), u.state.id},
                {QStringLiteral("url"), u.state.url},
                {QStringLiteral("title"), u.state.title},
                {QStringLiteral("result"), kindName(u.kind)},
                {QStringLiteral("new"), u.added},
                {QStringLiteral("updated"), u.updated},
                {QStringLiteral("known"), u.known},
                {QStringLiteral("removed"), u.removed},
                {QStringLiteral("status"), u.state.lastStatus},
                {QStringLiteral("error"), u.error},
                {QStringLiteral("note"), u.note},
                {QStringLiteral("nextRefresh"), u.state.nextRefresh.isValid()
                                                    ? u.state.nextRefresh.toString(Qt::ISODate)
                                                    : QString()},
            });
            continue;
        }
        const QString what = failed ? u.error
                             : u.kind == core::FeedUpdate::Kind::NotModified
                                 ? QStringLiteral("unchanged")
                                 : QStringLiteral("%1 new, %2 updated, %3 known")
                                           .arg(u.added)
                                           .arg(u.updated)
                                           .arg(u.known) +
                                       (u.removed > 0 ? QStringLiteral(", %1 removed (kept no "
                                                                       "longer)")
                                                            .arg(u.removed)
                                                      : QString());
        printOut(QStringLiteral("%1  %2  %3\n")
                     .arg(padded(kindName(u.kind), 9),
                          padded(u.state.title.isEmpty() ? u.state.url : u.state.title, 32), what));
        if (!u.note.isEmpty())
            printErr(QStringLiteral("broadsheet-cli: note: %1\n").arg(u.note));
    }
    if (added > 0) {
        // People, organisations, places and keywords for what came in, as an import does.
        std::stop_source stop;
        const StopOnInterrupt interrupt(stop);
        const auto tagged = tagWhatCameIn(cli.libraryPath(), store, stop.get_token());
        if (!tagged)
            return ExitFailure;
        if (!cli.parser().isSet(json))
            printOut(QStringLiteral("Tagged %1.\n").arg(counted(*tagged, "story", "stories")));
    }
    if (cli.parser().isSet(json))
        printJson(QJsonDocument(array));
    else if (chosen.isEmpty())
        printOut(QStringLiteral("Nothing to refresh.\n"));
    return someFailed ? ExitSkipped : ExitOk;
}

int subscribeCommand(const QStringList& arguments, const QString& globalLibrary)
{
    CommandLine cli(QStringLiteral("subscribe"),
                    QStringLiteral("Subscribes to the feed at URL: fetches it, checks that it is "
                                   "a feed, stores it and its stories."));
    QCommandLineOption folder(QStringLiteral("folder"), QStringLiteral("Put it in FOLDER (a/b)."),
                              QStringLiteral("FOLDER"));
    QCommandLineOption title(QStringLiteral("title"), QStringLiteral("Call it TITLE."),
                             QStringLiteral("TITLE"));
    QCommandLineOption account(
        QStringLiteral("account"),
        QStringLiteral("Subscribe on this account's server (see 'account list'), then sync."),
        QStringLiteral("ID"));
    cli.parser().addOptions({folder, title, account});
    cli.parser().addPositionalArgument(QStringLiteral("url"), QStringLiteral("The feed's URL."));
    if (auto exit = cli.parse(arguments, globalLibrary))
        return *exit;
    if (cli.arguments().size() != 1)
        return *cli.usageError(QStringLiteral("subscribe takes one URL"));
    const QUrl url = QUrl::fromUserInput(cli.arguments().front());
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https"))
        return *cli.usageError(
            QStringLiteral("%1 is not a web address").arg(cli.arguments().front()));
    if (cli.parser().isSet(account))
        return subscribeThroughAccount(cli, cli.parser().value(account), url.toString(),
                                       cli.parser().value(folder));
    auto store = openStore(cli.libraryPath(), core::ArticleStore::OpenMode::CreateIfMissing);
    if (!store)
        return ExitFailure;
    // Fetched once before it is stored: an address that is no feed is refused.
    core::FeedFetcher fetcher;
    auto fetch = [&fetcher](const QUrl& address) {
        QEventLoop loop;
        core::FetchResult answer;
        core::FetchRequest request;
        request.url = address;
        fetcher.fetch(request, [&](const core::FetchResult& result) {
            answer = result;
            loop.quit();
        });
        loop.exec();
        return answer;
    };
    QUrl subscribed = url; // a temporary redirect keeps the address given
    core::FetchResult answer = fetch(url);
    if (answer.outcome != core::FetchResult::Outcome::Fetched) {
        printErr(QStringLiteral("broadsheet-cli: %1\n").arg(answer.error));
        return ExitFailure;
    }
    auto feed = core::parseFeed(answer.body, answer.source());
    if (!feed && core::looksLikeWebPage(answer.body)) {
        // A site's page: the feeds it names in <link rel="alternate">.
        const QList<core::FeedLink> links = core::discoverFeeds(answer.body, answer.finalUrl);
        if (links.isEmpty()) {
            printErr(QStringLiteral("broadsheet-cli: %1 is a web page that names no feed\n")
                         .arg(core::FeedFetcher::shown(answer.finalUrl)));
            return ExitFailure;
        }
        if (links.size() > 1) {
            printErr(QStringLiteral("broadsheet-cli: %1 offers %2 feeds; subscribe to one:\n")
                         .arg(core::FeedFetcher::shown(answer.finalUrl))
                         .arg(links.size()));
            for (const core::FeedLink& link : links)
                printErr(
                    QStringLiteral("  %1  %2\n")
                        .arg(link.url.toString(), link.title.isEmpty() ? link.type : link.title));
            return ExitFailure;
        }
        subscribed = links.front().url;
        answer = fetch(subscribed);
        if (answer.outcome != core::FetchResult::Outcome::Fetched) {
            printErr(QStringLiteral("broadsheet-cli: %1\n").arg(answer.error));
            return ExitFailure;
        }
        feed = core::parseFeed(answer.body, answer.source());
    }
    if (!feed) {
        printErr(QStringLiteral("broadsheet-cli: %1: %2\n")
                     .arg(core::FeedFetcher::shown(answer.finalUrl), feed.error().message));
        return ExitFailure;
    }
    core::Subscription subscription;
    subscription.url = answer.movedTo ? answer.movedTo->toString() : subscribed.toString();
    subscription.title =
        cli.parser().isSet(title) ? cli.parser().value(title) : feed->title.value.simplified();
    subscription.siteUrl = feed->link;
    if (cli.parser().isSet(folder))
        subscription.folders = cli.parser().value(folder).split(u'/', Qt::SkipEmptyParts);
    auto added = store->addSubscriptions({subscription});
    if (!added)
        return fail(added.error());
    auto states = store->subscriptionStates();
    if (!states)
        return fail(states.error());
    const auto state = std::find_if(states->cbegin(), states->cend(),
                                    [&](const auto& s) { return s.url == subscription.url; });
    if (state == states->cend())
        return fail(core::Error{core::ErrorCode::Invalid,
                                QStringLiteral("the subscription was not stored")});
    auto update = core::applyFetch(*store, *state, answer, QDateTime::currentDateTimeUtc());
    if (!update)
        return fail(update.error());
    printOut(QStringLiteral("%1 %2 (%3): %4.\n")
                 .arg(*added > 0 ? QStringLiteral("Subscribed to")
                                 : QStringLiteral("Already subscribed to"),
                      subscription.title.isEmpty() ? subscription.url : subscription.title,
                      subscription.url, counted(update->added, "new story", "new stories")));
    if (update->added > 0) {
        std::stop_source stop;
        const StopOnInterrupt interrupt(stop);
        const auto tagged = tagWhatCameIn(cli.libraryPath(), store, stop.get_token());
        if (!tagged)
            return ExitFailure;
        printOut(QStringLiteral("Tagged %1.\n").arg(counted(*tagged, "story", "stories")));
    }
    return ExitOk;
}

} // namespace broadsheet::app
