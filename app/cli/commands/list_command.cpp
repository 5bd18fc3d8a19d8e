// SPDX-License-Identifier: GPL-3.0-or-later
#include "article/article_json.h"
#include "cli_output.h"
#include "command_line.h"
#include "commands.h"

#include <QJsonArray>

namespace broadsheet::app {

int listCommand(const QStringList& arguments, const QString& globalLibrary)
{
    CommandLine cli(QStringLiteral("list"), QStringLiteral("Lists articles, newest first."));
    QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print a JSON array."));
    QCommandLineOption limit(QStringLiteral("limit"),
                             QStringLiteral("Show at most N articles (default 100; 0 for all)."),
                             QStringLiteral("N"), QStringLiteral("100"));
    cli.parser().addOptions({json, limit});
    if (auto exit = cli.parse(arguments, globalLibrary))
        return *exit;
    if (!cli.arguments().isEmpty())
        return *cli.usageError(QStringLiteral("list takes no arguments"));
    bool ok = false;
    const int count = cli.parser().value(limit).toInt(&ok);
    if (!ok || count < 0)
        return *cli.usageError(QStringLiteral("--limit needs a number of 0 or more"));

    auto store = openStore(cli.libraryPath(), ArticleStore::OpenMode::OpenExisting);
    if (!store)
        return ExitFailure;
    auto articles = store->listArticles(count == 0 ? -1 : count);
    if (!articles)
        return fail(articles.error());

    if (cli.parser().isSet(json)) {
        QJsonArray array;
        for (const auto& summary : *articles)
            array.append(core::summaryToJson(summary));
        printJson(QJsonDocument(array));
        return ExitOk;
    }
    QString table;
    for (const auto& summary : *articles)
        table += summaryRow(summary);
    printOut(table);
    return ExitOk;
}

} // namespace broadsheet::app
