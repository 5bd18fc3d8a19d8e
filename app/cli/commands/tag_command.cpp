// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_output.h"
#include "command_line.h"
#include "commands.h"
#include "search/searcher.h"
#include "store/library_writer.h"

namespace broadsheet::app {

int tagCommand(const QStringList& arguments, const QString& globalLibrary)
{
    CommandLine cli(QStringLiteral("tag"),
                    QStringLiteral("Adds a tag to articles, or removes it: by id, or every "
                                   "article a query matches.\n"
                                   "  broadsheet-cli tag add Reading 12 40\n"
                                   "  broadsheet-cli tag remove Reading --query 'sport'"));
    QCommandLineOption query(QStringLiteral("query"),
                             QStringLiteral("Every article this query matches."),
                             QStringLiteral("QUERY"));
    cli.parser().addOption(query);
    if (auto exit = cli.parse(arguments, globalLibrary))
        return *exit;
    const QStringList args = cli.arguments();
    if (args.size() < 2 || (args[0] != u"add" && args[0] != u"remove"))
        return *cli.usageError(QStringLiteral("use: tag add|remove TAG (ID... | --query QUERY)"));
    const bool adding = args[0] == u"add";
    const QString tag = args[1].trimmed();
    if (tag.isEmpty())
        return *cli.usageError(QStringLiteral("the tag needs a name"));
    const QStringList idTexts = args.mid(2);
    int exit = ExitOk;
    const auto named = namedStories(cli, idTexts, query, QStringLiteral("article"), exit);
    if (!named)
        return exit;
    const QList<core::ArticleId> ids = *named;
    auto writer = openWriter(cli.libraryPath(), ArticleStore::OpenMode::OpenExisting);
    if (!writer)
        return ExitFailure;
    auto changed = writer->call<qint64>([&](ArticleStore& library) {
        return adding ? library.addTag(ids, tag) : library.removeTag(ids, tag);
    });
    if (!changed)
        return fail(changed.error());
    printOut(adding ? QStringLiteral("Tagged %1 with '%2' (%3 matched).\n")
                          .arg(counted(*changed, "article", "articles"), tag)
                          .arg(ids.size())
                    : QStringLiteral("Took '%2' off %1 (%3 matched).\n")
                          .arg(counted(*changed, "article", "articles"), tag)
                          .arg(ids.size()));
    return ExitOk;
}

} // namespace broadsheet::app
