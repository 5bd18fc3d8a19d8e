// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_output.h"
#include "command_line.h"
#include "commands.h"
#include "store/library_writer.h"
#include "tagging/tagging_pass.h"

#include <QJsonArray>
#include <QJsonObject>

namespace broadsheet::app {

int tagsCommand(const QStringList& arguments, const QString& globalLibrary)
{
    CommandLine cli(QStringLiteral("tags"),
                    QStringLiteral("Lists every tag with its kind (manual, person, "
                                   "organization, place, keyword, rule) and article count."));
    QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print a JSON array."));
    QCommandLineOption refresh(
        QStringLiteral("refresh-keywords"),
        QStringLiteral("First compute every article's keywords again against the library as "
                       "it is now (worth doing when it has grown a lot)."));
    cli.parser().addOptions({json, refresh});
    if (auto exit = cli.parse(arguments, globalLibrary))
        return *exit;
    if (!cli.arguments().isEmpty())
        return *cli.usageError(QStringLiteral("tags takes no arguments"));
    auto store = openStore(cli.libraryPath(), ArticleStore::OpenMode::OpenExisting);
    if (!store)
        return ExitFailure;
    if (cli.parser().isSet(refresh)) {
        // The same as `retag --all`: every story's entities and keywords found again.
        auto writer = openWriter(cli.libraryPath(), ArticleStore::OpenMode::OpenExisting);
        if (!writer)
            return ExitFailure;
        auto refreshed = core::TaggingPass(*writer, *store).run({}, true);
        if (!refreshed)
            return fail(refreshed.error());
        printErr(QStringLiteral("Keywords computed again for %1.\n")
                     .arg(counted(*refreshed, "article", "articles")));
    }
    auto tags = store->tags();
    if (!tags)
        return fail(tags.error());
    if (cli.parser().isSet(json)) {
        QJsonArray array;
        for (const core::TagSummary& tag : *tags) {
            array.append(QJsonObject{{QStringLiteral("name"), tag.name},
                                     {QStringLiteral("kind"), tag.kind},
                                     {QStringLiteral("count"), tag.count}});
        }
        printJson(QJsonDocument(array));
        return ExitOk;
    }
    for (const core::TagSummary& tag : *tags)
        printOut(
            QStringLiteral("%1  %2  %3\n").arg(tag.count, 7).arg(padded(tag.kind, 12), tag.name));
    return ExitOk;
}

} // namespace broadsheet::app
