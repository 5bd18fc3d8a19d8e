// SPDX-License-Identifier: GPL-3.0-or-later
// Discovery: `related ID` (more like this) and `entity NAME` (a name's page).
#include "article/article_json.h"
#include "cli_output.h"
#include "command_line.h"
#include "commands.h"
#include "tagging/tagging_pass.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>

namespace broadsheet::app {

int relatedCommand(const QStringList& arguments, const QString& globalLibrary)
{
    CommandLine cli(QStringLiteral("related"),
                    QStringLiteral("Lists the stories most like one story: by the terms they "
                                   "share (tf-idf), then the people, organisations and places. "
                                   "Its own versions (near-duplicates) are left out; 'show' "
                                   "lists them."));
    QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print a JSON array."));
    QCommandLineOption limit(QStringLiteral("limit"),
                             QStringLiteral("Show at most N stories (default 10, at most 100)."),
                             QStringLiteral("N"), QStringLiteral("10"));
    cli.parser().addOptions({json, limit});
    cli.parser().addPositionalArgument(QStringLiteral("id"), QStringLiteral("The story's id."),
                                       QStringLiteral("ID"));
    if (auto exit = cli.parse(arguments, globalLibrary))
        return *exit;
    int exit = ExitOk;
    const auto id = singleArticleId(cli, exit);
    if (!id)
        return exit;
    bool ok = false;
    const int count = cli.parser().value(limit).toInt(&ok);
    if (!ok || count < 1 || count > 100)
        return *cli.usageError(QStringLiteral("--limit needs a number from 1 to 100"));

    auto store = openStore(cli.libraryPath(), ArticleStore::OpenMode::OpenExisting);
    if (!store)
        return ExitFailure;
    auto story = store->summaries({*id});
    if (!story)
        return fail(story.error());
    if (story->isEmpty()) {
        printErr(QStringLiteral("broadsheet-cli: no article with id %1 in %2\n")
                     .arg(*id)
                     .arg(QDir::toNativeSeparators(cli.libraryPath())));
        return ExitFailure;
    }
    auto related = store->relatedStories(*id, count);
    if (!related)
        return fail(related.error());
    QList<core::ArticleId> ids;
    for (const auto& r : *related)
        ids.append(r.id);
    auto summaries = store->summaries(ids);
    if (!summaries)
        return fail(summaries.error());

    if (cli.parser().isSet(json)) {
        QJsonArray array;
        for (qsizetype i = 0; i < summaries->size(); ++i) {
            QJsonObject object = core::summaryToJson((*summaries)[i]);
            object.insert(QStringLiteral("score"), (*related)[i].score);
            array.append(object);
        }
        printJson(QJsonDocument(array));
        return ExitOk;
    }
    if (summaries->isEmpty()) {
        auto pending = store->staleCount(core::TaggingPass::signature());
        printErr(QStringLiteral("No related stories for %1 yet%2.\n")
                     .arg(*id)
                     .arg(pending && *pending > 0
                              ? QStringLiteral(": %1 wait for the tagging pass (run 'retag')")
                                    .arg(counted(*pending, "story", "stories"))
                              : QString()));
        return ExitOk;
    }
    QString table;
    for (qsizetype i = 0; i < summaries->size(); ++i)
        table += summaryRow((*summaries)[i], QString::number((*related)[i].score, 'f', 2));
    printOut(table);
    return ExitOk;
}

int entityCommand(const QStringList& arguments, const QString& globalLibrary)
{
    CommandLine cli(QStringLiteral("entity"),
                    QStringLiteral("Shows what the library knows of a person, organisation or "
                                   "place: how many stories name it, in which months, and the "
                                   "names most often found with it."));
    QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print a JSON object."));
    cli.parser().addOption(json);
    cli.parser().addPositionalArgument(QStringLiteral("name"), QStringLiteral("The name."),
                                       QStringLiteral("NAME"));
    if (auto exit = cli.parse(arguments, globalLibrary))
        return *exit;
    const QString name = cli.arguments().join(u' ').trimmed();
    if (name.isEmpty())
        return *cli.usageError(QStringLiteral("entity needs a NAME"));
    auto store = openStore(cli.libraryPath(), ArticleStore::OpenMode::OpenExisting);
    if (!store)
        return ExitFailure;
    auto found = store->entityOverview(name);
    if (!found)
        return fail(found.error());
    if (!*found) {
        printErr(QStringLiteral("broadsheet-cli: no person, organisation or place named '%1' "
                                "in %2\n")
                     .arg(name, QDir::toNativeSeparators(cli.libraryPath())));
        return ExitFailure;
    }
    const ArticleStore::EntityOverview& e = **found;
    if (cli.parser().isSet(json)) {
        QJsonObject object{{QStringLiteral("name"), e.name},
                           {QStringLiteral("kind"), e.kind},
                           {QStringLiteral("stories"), e.stories},
                           {QStringLiteral("undated"), e.undated}};
        QJsonObject months;
        for (auto it = e.months.cbegin(); it != e.months.cend(); ++it)
            months.insert(it.key(), it.value());
        object.insert(QStringLiteral("months"), months);
        QJsonArray with;
        for (const core::CountedName& other : e.alongside)
            with.append(QJsonObject{{QStringLiteral("name"), other.name},
                                    {QStringLiteral("kind"), other.kind},
                                    {QStringLiteral("stories"), other.count}});
        object.insert(QStringLiteral("alongside"), with);
        printJson(QJsonDocument(object));
        return ExitOk;
    }
    QString text =
        QStringLiteral("%1 (%2): %3\n").arg(e.name, e.kind, counted(e.stories, "story", "stories"));
    if (!e.months.isEmpty()) {
        text += QStringLiteral("\nBy month:\n");
        for (auto it = e.months.cbegin(); it != e.months.cend(); ++it)
            text += QStringLiteral("  %1  %2\n").arg(it.key()).arg(it.value(), 6);
    }
    if (e.undated > 0)
        text += QStringLiteral("  undated  %1\n").arg(e.undated);
    if (!e.alongside.isEmpty()) {
        text += QStringLiteral("\nMost often with:\n");
        for (const core::CountedName& other : e.alongside)
            text +=
                QStringLiteral("  %1  %2 (%3)\n").arg(other.count, 6).arg(other.name, other.kind);
    }
    printOut(text);
    return ExitOk;
}

} // namespace broadsheet::app
