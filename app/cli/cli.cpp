// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli.h"

#include "cli_output.h"
#include "command_line.h"
#include "commands.h"

#include <array>

namespace broadsheet::app {

namespace {

// Usage lines continue on the next line after a '\n'; the summary's own lines too.
constexpr std::array kCommands{
    Command{"import", "[--json] [--no-tags] PATH...",
            "import article files and folders\n(.txt, .csv, feeds: RSS, Atom, RDF, JSON Feed,\n"
            "OPML subscription lists; .md, .json, .ndjson exports);\n"
            "then find people, places and keywords",
            importCommand},
    Command{"retag", "[--all]",
            "find people, places and keywords in the stories\nthat wait for them (--all: in "
            "every story)",
            retagCommand},
    Command{"list", "[--json] [--limit N]", "list articles, newest first", listCommand},
    Command{"show", "[--json] ID", "show one article (and its other versions)", showCommand},
    Command{"related", "[--json] [--limit N] ID", "list the stories most like one story",
            relatedCommand},
    Command{"entity", "[--json] NAME",
            "a person, organisation or place: its stories by\nmonth and the names found with it",
            entityCommand},
    Command{
        "search",
        "[--json] [--count] [--sort relevance|date|title|source|author|starred|tags] [--reverse]\n"
        "[--group] [--limit N] [--offset N] QUERY",
        "find articles (see 'search --help' for the language)", searchCommand},
    Command{"stats", "[--json]", "count what the library holds", statsCommand},
    Command{"account", "add TYPE URL USER\nlist [--json]\nremove ID",
            "feed server accounts (TYPE greader: FreshRSS,\nMiniflux, Inoreader); the password "
            "from a prompt\nor standard input",
            accountCommand},
    Command{"sync", "[--json] [ACCOUNT]",
            "sync with the accounts' servers: changes made\nhere, then subscriptions, stories, "
            "read, starred",
            syncCommand},
    Command{"tag", "add|remove TAG (ID... | --query QUERY)",
            "tag articles by hand, or take a tag off", tagCommand},
    Command{"tags", "[--json] [--refresh-keywords]", "list the tags with their kinds and counts",
            tagsCommand},
    Command{"rule", "add TAG QUERY\nremove TAG",
            "tag what QUERY matches, now and at every import;\nstop a rule (the tags it gave stay)",
            ruleCommand},
    Command{"rules", "[--json]", "list the rules", rulesCommand},
    Command{"feeds", "[--json | --opml]",
            "list the feeds you subscribe to (import an OPML\nlist to add them); --opml writes "
            "them as OPML",
            feedsCommand},
    Command{"subscribe", "URL [--folder F] [--title T] [--account ID]",
            "subscribe to the feed at URL (fetched, checked, its\nstories stored); with "
            "--account, on its server",
            subscribeCommand},
    Command{"refresh", "[--json] [--due] [ID|URL...]",
            "fetch the feeds (all, the due ones, or those named)\nand store what is new, then tag "
            "it; exit 3 when\nsome failed",
            refreshCommand},
    Command{"feed",
            "ID|URL [--json] [--title T] [--folder F] [--interval MIN]\n"
            "[--keep all|days:N|newest:N|default] [--images yes|no]\n"
            "[--notify yes|no] [--user U --password-stdin | --no-credentials]",
            "show a subscription's settings, or change them\n(rename, move, retention, login)",
            feedCommand},
    Command{"unsubscribe", "ID|URL [--delete-stories]",
            "stop following a feed; its stories stay unless\n--delete-stories", unsubscribeCommand},
    Command{"retention", "[all|days:N|newest:N]",
            "show or set how long feeds' stories are kept\n(starred and tagged ones always are)",
            retentionCommand},
    Command{"export-opml", "FILE [--force]", "write your subscriptions as an OPML list",
            exportOpmlCommand},
    Command{"mark", "read|unread|starred|unstarred [--json] (ID... | --query QUERY)",
            "mark stories as the window's keys do", markCommand},
    Command{"source", "rename OLD NEW", "rename a source (onto another: the two become one)",
            sourceCommand},
    Command{"delete", "[--json] (ID... | --query QUERY)",
            "delete stories (a feed does not bring them back)", deleteCommand},
    Command{"export",
            "(--ids 1,2,3 | --query QUERY | --all) --format md|html|json|ndjson|csv|txt|pdf\n"
            "-o PATH [--force]",
            "write articles to files (md, txt: a folder)", exportCommand},
    Command{"check", "", "check the library's integrity and its tags", checkCommand},
    Command{"backup", "[FILE]", "copy the library (to FILE, or its backup folder)", backupCommand},
    Command{"backups", "[--json] [--keep N]", "list the backups, newest first", backupsCommand},
    Command{"restore", "BACKUP",
            "put a backup in the library's place (the current\nfile is moved aside)",
            restoreCommand},
};

constexpr int kSummaryColumn = 33;

} // namespace

std::span<const Command> commands()
{
    return kCommands;
}

QString mainHelp()
{
    QString help = QStringLiteral("Usage: broadsheet-cli [--library FILE] COMMAND [OPTIONS] "
                                  "[ARGS]\n\nBroadsheet keeps your news in a library on your own "
                                  "machine.\n\nCommands:\n");
    const QString indent(kSummaryColumn, u' ');
    for (const Command& command : kCommands) {
        const QString name = QString::fromLatin1(command.name);
        const QStringList usage = QString::fromLatin1(command.usage).split(u'\n');
        const QStringList summary = QString::fromLatin1(command.summary).split(u'\n');
        QStringList lines;
        for (qsizetype i = 0; i < usage.size(); ++i) {
            const QString lead = i == 0 ? name : QString(name.size(), u' ');
            QString line = QStringLiteral("  %1 %2").arg(lead, usage[i]);
            while (line.endsWith(u' '))
                line.chop(1);
            lines.append(line);
        }
        // The summary starts beside the last usage line when it fits, else below it.
        if (lines.last().size() < kSummaryColumn - 1)
            lines.last() = lines.last().leftJustified(kSummaryColumn) + summary.first();
        else
            lines.append(indent + summary.first());
        for (qsizetype i = 1; i < summary.size(); ++i)
            lines.append(indent + summary[i]);
        help += lines.join(u'\n') + u'\n';
    }
    help += QStringLiteral(
        "\nOptions:\n"
        "  --library FILE   the library to use (default: $BROADSHEET_LIBRARY, or\n"
        "                   library.sqlite in the application data folder)\n"
        "  -h, --help       show this help; COMMAND --help shows a command's help\n"
        "  -v, --version    show the version\n"
        "\n"
        "Exit codes: 0 success, 1 failure, 2 bad usage, 3 import skipped some files\n"
        "or some feeds failed to refresh, 4 export destination exists (use --force to\n"
        "replace it).\n");
    return help;
}

int runCli(const QStringList& arguments)
{
    QString library;
    qsizetype i = 1;
    for (; i < arguments.size(); ++i) {
        const QString& arg = arguments[i];
        if (arg == u"--library") {
            if (i + 1 >= arguments.size()) {
                printErr(QStringLiteral("broadsheet-cli: --library needs a FILE\n"));
                return ExitUsage;
            }
            library = arguments[++i];
        } else if (arg.startsWith(QStringLiteral("--library="))) {
            library = arg.mid(10);
        } else if (arg == u"-h" || arg == u"--help" || arg == u"-?" || arg == u"help") {
            printOut(mainHelp());
            return ExitOk;
        } else if (arg == u"-v" || arg == u"--version") {
            printOut(versionText());
            return ExitOk;
        } else if (arg.startsWith(u'-')) {
            printErr(QStringLiteral("broadsheet-cli: unknown option '%1'\n\n").arg(arg) +
                     mainHelp());
            return ExitUsage;
        } else {
            break;
        }
    }
    if (i >= arguments.size()) {
        printErr(QStringLiteral("broadsheet-cli: no COMMAND given\n\n") + mainHelp());
        return ExitUsage;
    }
    const QString& name = arguments[i];
    QStringList rest{arguments.front()};
    rest += arguments.mid(i);
    for (const Command& command : kCommands) {
        if (name == QLatin1String(command.name))
            return command.run(rest, library);
    }
    printErr(QStringLiteral("broadsheet-cli: unknown command '%1'\n\n").arg(name) + mainHelp());
    return ExitUsage;
}

} // namespace broadsheet::app
