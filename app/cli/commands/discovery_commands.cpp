// SPDX-License-Identifier: GPL-3.0-or-later
// Discovery: `related ID` (more like this).
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
    for (qsizetype i = 0; i < summaries->size(); ++i) {
        const core::ArticleSummary& summary = (*summaries)[i];
        table += QStringLiteral("%1  %2  %3  %4  %5\n")
                     .arg(summary.id, 7)
                     .arg((*related)[i].score, 4, 'f', 2)
                     .arg(padded(summary.published.isKnown()
                                     ? summary.published.date().toString(Qt::ISODate)
                                     : QStringLiteral("-"),
                                 10),
                          padded(summary.source, 16), summary.title);
    }
    printOut(table);
    return ExitOk;
}

} // namespace broadsheet::app
