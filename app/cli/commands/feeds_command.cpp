// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_output.h"
#include "command_line.h"
#include "commands.h"
#include "parse/opml.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

namespace broadsheet::app {

int feedsCommand(const QStringList& arguments, const QString& globalLibrary)
{
    CommandLine cli(QStringLiteral("feeds"),
                    QStringLiteral("Lists the feeds the library subscribes to, with their "
                                   "folders. Import an OPML list to add them."));
    QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print a JSON array."));
    QCommandLineOption opml(QStringLiteral("opml"),
                            QStringLiteral("Print them as an OPML 2.0 list (it imports back)."));
    cli.parser().addOptions({json, opml});
    if (auto exit = cli.parse(arguments, globalLibrary))
        return *exit;
    if (!cli.arguments().isEmpty())
        return *cli.usageError(QStringLiteral("feeds takes no arguments"));
    if (cli.parser().isSet(json) && cli.parser().isSet(opml))
        return *cli.usageError(QStringLiteral("choose --json or --opml, not both"));
    auto store = openStore(cli.libraryPath(), ArticleStore::OpenMode::OpenExisting);
    if (!store)
        return ExitFailure;
    auto subscriptions = store->subscriptions();
    if (!subscriptions)
        return fail(subscriptions.error());
    if (cli.parser().isSet(opml)) {
        printOut(QString::fromUtf8(
            core::writeOpml(*subscriptions, QStringLiteral("Broadsheet subscriptions"))));
        return ExitOk;
    }
    auto states = store->subscriptionStates();
    if (!states)
        return fail(states.error());
    QHash<QString, core::SubscriptionState> stateOf;
    for (const core::SubscriptionState& state : *states)
        stateOf.insert(state.url, state);
    const auto iso = [](const QDateTime& when) {
        return when.isValid() ? when.toString(Qt::ISODate) : QString();
    };
    if (cli.parser().isSet(json)) {
        QJsonArray array;
        for (const core::Subscription& s : *subscriptions) {
            const core::SubscriptionState state = stateOf.value(s.url);
            QJsonArray categories;
            for (const QStringList& path : s.categories)
                categories.append(QJsonArray::fromStringList(path));
            array.append(
                QJsonObject{{QStringLiteral("url"), s.url},
                            {QStringLiteral("title"), s.title},
                            {QStringLiteral("siteUrl"), s.siteUrl},
                            {QStringLiteral("folders"), QJsonArray::fromStringList(s.folders)},
                            {QStringLiteral("categories"), categories},
                            {QStringLiteral("id"), state.id},
                            {QStringLiteral("stories"), state.stories},
                            {QStringLiteral("unread"), state.unread},
                            {QStringLiteral("lastSuccess"), iso(state.lastSuccess)},
                            {QStringLiteral("lastStatus"), state.lastStatus},
                            {QStringLiteral("lastError"), state.lastError},
                            {QStringLiteral("nextRefresh"), iso(state.nextRefresh)},
                            {QStringLiteral("gone"), !state.nextRefresh.isValid()}});
        }
        printJson(QJsonDocument(array));
        return ExitOk;
    }
    for (const core::Subscription& s : *subscriptions) {
        const QString folder = s.folders.join(QStringLiteral(" / "));
        const core::SubscriptionState state = stateOf.value(s.url);
        const QString status =
            !state.lastError.isEmpty()    ? QStringLiteral("  ! %1").arg(state.lastError)
            : state.lastSuccess.isValid() ? QStringLiteral("  ok %1").arg(iso(state.lastSuccess))
                                          : QString();
        printOut(
            QStringLiteral("%1  %2  %3  %4  %5%6\n")
                .arg(padded(QString::number(state.id), 4), padded(folder, 20), padded(s.title, 32),
                     padded(QStringLiteral("%1 unread").arg(state.unread), 10), s.url, status));
    }
    return ExitOk;
}

} // namespace broadsheet::app
