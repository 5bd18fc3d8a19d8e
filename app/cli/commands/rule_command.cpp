// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_output.h"
#include "command_line.h"
#include "commands.h"
#include "store/library_writer.h"
#include "tagging/rule_tagging.h"

namespace broadsheet::app {

int ruleCommand(const QStringList& arguments, const QString& globalLibrary)
{
    CommandLine cli(QStringLiteral("rule"),
                    QStringLiteral("A rule is a saved search that tags what it matches, now "
                                   "and at every later import.\n"
                                   "  broadsheet-cli rule add Elections 'election OR ballot'\n"
                                   "  broadsheet-cli rule remove Elections"));
    if (auto exit = cli.parse(arguments, globalLibrary))
        return *exit;
    const QStringList args = cli.arguments();
    const bool adding = args.value(0) == u"add";
    if ((adding && args.size() < 3) ||
        (!adding && (args.value(0) != u"remove" || args.size() != 2)))
        return *cli.usageError(QStringLiteral("use: rule add TAG QUERY, or rule remove TAG"));
    auto store = openStore(cli.libraryPath(), ArticleStore::OpenMode::OpenExisting);
    if (!store)
        return ExitFailure;
    auto writer = openWriter(cli.libraryPath(), ArticleStore::OpenMode::OpenExisting);
    if (!writer)
        return ExitFailure;
    if (!adding) {
        auto removed =
            writer->call<bool>([&](ArticleStore& library) { return library.removeRule(args[1]); });
        if (!removed)
            return fail(removed.error());
        if (!*removed)
            return fail(core::Error{QStringLiteral("there is no rule for '%1'").arg(args[1])});
        printOut(
            QStringLiteral("Removed the rule for '%1'; the tags it gave stay.\n").arg(args[1]));
        return ExitOk;
    }
    const core::TaggingRule rule{args[1].trimmed(), args.mid(2).join(QLatin1Char(' '))};
    // Saved and applied in one transaction: the rule's tag is on every story it matches.
    auto tagged = writer->call<qint64>([&rule](ArticleStore& library) -> core::Result<qint64> {
        if (auto r = library.saveRule(rule); !r)
            return r.error();
        return core::rule_tagging::apply(library, rule);
    });
    if (!tagged)
        return fail(tagged.error());
    printOut(QStringLiteral("Rule '%1' tagged %2; it will tag new imports too.\n")
                 .arg(rule.tag, counted(*tagged, "article", "articles")));
    return ExitOk;
}

} // namespace broadsheet::app
