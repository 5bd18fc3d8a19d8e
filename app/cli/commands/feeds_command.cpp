// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_output.h"
#include "command_line.h"
#include "commands.h"
#include "parse/opml.h"

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
    if (cli.parser().isSet(json)) {
        QJsonArray array;
        for (const core::Subscription& s : *subscriptions) {
            QJsonArray categories;
            for (const QStringList& path : s.categories)
                categories.append(QJsonArray::fromStringList(path));
            array.append(
                QJsonObject{{QStringLiteral("url"), s.url},
                            {QStringLiteral("title"), s.title},
                            {QStringLiteral("siteUrl"), s.siteUrl},
                            {QStringLiteral("folders"), QJsonArray::fromStringList(s.folders)},
                            {QStringLiteral("categories"), categories}});
        }
        printJson(QJsonDocument(array));
        return ExitOk;
    }
    for (const core::Subscription& s : *subscriptions) {
        const QString folder = s.folders.join(QStringLiteral(" / "));
        printOut(
            QStringLiteral("%1  %2  %3\n").arg(padded(folder, 20), padded(s.title, 32), s.url));
    }
    return ExitOk;
}

} // namespace broadsheet::app
