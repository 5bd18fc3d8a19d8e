// SPDX-License-Identifier: GPL-3.0-or-later
// mark: what the window's keys do to stories (read, unread, starred, unstarred), and source
// rename, through the library's writer.
#include "cli_output.h"
#include "command_line.h"
#include "commands.h"
#include "store/library_writer.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace broadsheet::app {

int markCommand(const QStringList& arguments, const QString& globalLibrary)
{
    CommandLine cli(QStringLiteral("mark"),
                    QStringLiteral("Marks stories read, unread, starred or unstarred, by id or "
                                   "every story a query matches.\n"
                                   "  broadsheet-cli mark read 12 40\n"
                                   "  broadsheet-cli mark starred --query 'tag:\"Reading\"'"));
    QCommandLineOption query(QStringLiteral("query"),
                             QStringLiteral("Every story this query matches."),
                             QStringLiteral("QUERY"));
    QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print a JSON object."));
    cli.parser().addOptions({query, json});
    cli.parser().addPositionalArgument(QStringLiteral("what"),
                                       QStringLiteral("read, unread, starred or unstarred."),
                                       QStringLiteral("read|unread|starred|unstarred"));
    cli.parser().addPositionalArgument(QStringLiteral("id"), QStringLiteral("A story's id."),
                                       QStringLiteral("[ID...]"));
    if (auto exit = cli.parse(arguments, globalLibrary))
        return *exit;
    QStringList idTexts = cli.arguments();
    const QString what = idTexts.isEmpty() ? QString() : idTexts.takeFirst();
    const QStringList kinds{QStringLiteral("read"), QStringLiteral("unread"),
                            QStringLiteral("starred"), QStringLiteral("unstarred")};
    if (!kinds.contains(what))
        return *cli.usageError(QStringLiteral("say what to mark them: read, unread, starred or "
                                              "unstarred"));
    int exit = ExitOk;
    const auto named = namedStories(cli, idTexts, query, QStringLiteral("story"), exit);
    if (!named)
        return exit;
    const QList<core::ArticleId> ids = *named;
    auto writer = openWriter(cli.libraryPath(), ArticleStore::OpenMode::OpenExisting);
    if (!writer)
        return ExitFailure;
    const bool read = what == u"read" || what == u"unread";
    const bool value = what == u"read" || what == u"starred";
    auto marked = writer->run([&](ArticleStore& library) {
        return read ? library.setRead(ids, value) : library.setStarred(ids, value);
    });
    if (!marked)
        return fail(marked.error());
    if (cli.parser().isSet(json)) {
        printJson(QJsonDocument(
            QJsonObject{{QStringLiteral("marked"), ids.size()}, {QStringLiteral("as"), what}}));
        return ExitOk;
    }
    printOut(QStringLiteral("Marked %1 %2.\n").arg(counted(ids.size(), "story", "stories"), what));
    return ExitOk;
}

int sourceCommand(const QStringList& arguments, const QString& globalLibrary)
{
    CommandLine cli(QStringLiteral("source"),
                    QStringLiteral("Renames a source; onto an existing one, the two become one.\n"
                                   "  broadsheet-cli source rename bbc 'BBC News'"));
    cli.parser().addPositionalArgument(QStringLiteral("rename"), QStringLiteral("rename"),
                                       QStringLiteral("rename"));
    cli.parser().addPositionalArgument(QStringLiteral("old"), QStringLiteral("Its name now."),
                                       QStringLiteral("OLD"));
    cli.parser().addPositionalArgument(QStringLiteral("new"), QStringLiteral("Its new name."),
                                       QStringLiteral("NEW"));
    if (auto exit = cli.parse(arguments, globalLibrary))
        return *exit;
    const QStringList words = cli.arguments();
    if (words.size() != 3 || words[0] != u"rename")
        return *cli.usageError(QStringLiteral("use: source rename OLD NEW"));
    auto writer = openWriter(cli.libraryPath(), ArticleStore::OpenMode::OpenExisting);
    if (!writer)
        return ExitFailure;
    auto renamed = writer->call<qint64>(
        [&](ArticleStore& library) { return library.renameSource(words[1], words[2]); });
    if (!renamed)
        return fail(renamed.error());
    printOut(QStringLiteral("Renamed '%1' to '%2' (%3).\n")
                 .arg(words[1], words[2].simplified(), counted(*renamed, "story", "stories")));
    return ExitOk;
}

} // namespace broadsheet::app
