// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_output.h"
#include "command_line.h"
#include "commands.h"
#include "tagging/rule_tagging.h"
#include "tagging/tagging_pass.h"

#include <QDir>

namespace broadsheet::app {

int checkCommand(const QStringList& arguments, const QString& globalLibrary)
{
    CommandLine cli(QStringLiteral("check"),
                    QStringLiteral("Checks the library's integrity (SQLite and the full-text "
                                   "index) and its derived tags (rules, the tagger). Exits 0 when "
                                   "the library is sound."));
    if (auto exit = cli.parse(arguments, globalLibrary))
        return *exit;
    if (!cli.arguments().isEmpty())
        return *cli.usageError(QStringLiteral("check takes no arguments"));
    auto store = openStore(cli.libraryPath(), ArticleStore::OpenMode::OpenExisting);
    if (!store)
        return ExitFailure;
    auto problems = store->check();
    if (!problems)
        return fail(problems.error());
    // Derived tags: every rule's tag on what it matches, and no story waiting for the
    // tagger (a pass that was stopped, --no-tags, a newer tagger).
    auto rules = core::rule_tagging::check(*store);
    if (!rules)
        return fail(rules.error());
    *problems += *rules;
    auto stale = store->staleCount(core::TaggingPass::signature());
    if (!stale)
        return fail(stale.error());
    if (*stale > 0) {
        problems->append(
            QStringLiteral("%1 stor%2 not tagged with people, places and keywords "
                           "yet (broadsheet-cli retag tags them)")
                .arg(*stale)
                .arg(*stale == 1 ? QStringLiteral("y is") : QStringLiteral("ies are")));
    }
    if (problems->isEmpty()) {
        printOut(QStringLiteral("%1: ok\n").arg(QDir::toNativeSeparators(cli.libraryPath())));
        return ExitOk;
    }
    for (const QString& problem : *problems)
        printErr(
            QStringLiteral("%1: %2\n").arg(QDir::toNativeSeparators(cli.libraryPath()), problem));
    return ExitFailure;
}

} // namespace broadsheet::app
