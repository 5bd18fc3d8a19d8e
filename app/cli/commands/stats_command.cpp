// SPDX-License-Identifier: GPL-3.0-or-later
#include "article/article_json.h"
#include "cli_output.h"
#include "command_line.h"
#include "commands.h"

#include <QDir>
#include <QJsonObject>

namespace broadsheet::app {

int statsCommand(const QStringList& arguments, const QString& globalLibrary)
{
    CommandLine cli(QStringLiteral("stats"), QStringLiteral("Counts what the library holds."));
    QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print a JSON object."));
    cli.parser().addOption(json);
    if (auto exit = cli.parse(arguments, globalLibrary))
        return *exit;
    if (!cli.arguments().isEmpty())
        return *cli.usageError(QStringLiteral("stats takes no arguments"));
    auto store = openStore(cli.libraryPath(), ArticleStore::OpenMode::OpenExisting);
    if (!store)
        return ExitFailure;
    auto stats = store->stats();
    if (!stats)
        return fail(stats.error());
    const QString library = QDir::toNativeSeparators(cli.libraryPath());
    if (cli.parser().isSet(json)) {
        printJson(QJsonDocument(QJsonObject{
            {QStringLiteral("library"), library},
            {QStringLiteral("articles"), stats->articles},
            {QStringLiteral("unread"), stats->unread},
            {QStringLiteral("starred"), stats->starred},
            {QStringLiteral("sources"), stats->sources},
            {QStringLiteral("tags"), stats->tags},
            {QStringLiteral("bytes"), stats->fileBytes},
            {QStringLiteral("oldest"), core::publishedToJson(stats->oldest)},
            {QStringLiteral("newest"), core::publishedToJson(stats->newest)},
        }));
        return ExitOk;
    }
    printOut(QStringLiteral("Library:  %1\nArticles: %2 (%3 unread, %4 starred)\nSources:  %5\n"
                            "Tags:     %6\nDates:    %7 to %8\nSize:     %9 MB\n")
                 .arg(library)
                 .arg(stats->articles)
                 .arg(stats->unread)
                 .arg(stats->starred)
                 .arg(stats->sources)
                 .arg(stats->tags)
                 .arg(stats->oldest.isKnown() ? stats->oldest.toIso() : QStringLiteral("-"),
                      stats->newest.isKnown() ? stats->newest.toIso() : QStringLiteral("-"))
                 .arg(static_cast<double>(stats->fileBytes) / 1e6, 0, 'f', 1));
    return ExitOk;
}

} // namespace broadsheet::app
