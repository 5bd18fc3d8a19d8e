// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_output.h"
#include "command_line.h"
#include "commands.h"
#include "store/library_health.h"
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
    // What the file says before SQLite reads it: empty, cut short, its WAL lost.
    if (auto file = core::library_health::checkFile(cli.libraryPath()); !file)
        return fail(file.error());
    auto store = openStore(cli.libraryPath(), ArticleStore::OpenMode::OpenExisting);
    if (!store)
        return ExitFailure;
    auto problems = store->check();
    if (!problems)
        return fail(problems.error());
    const QString shown = QDir::toNativeSeparators(cli.libraryPath());
    if (!problems->isEmpty()) {
        // SQLite's or the index's own problems: the library is damaged, and no writer
        // touches it until a check finds it sound again.
        if (!store->readOnly())
            core::library_health::markDamaged(cli.libraryPath(), problems->first());
        for (const QString& problem : *problems)
            printErr(QStringLiteral("%1: %2\n").arg(shown, problem));
        printErr(QStringLiteral("%1: damaged; Broadsheet will not write to it (broadsheet-cli "
                                "backups lists the backups to restore)\n")
                     .arg(shown));
        return ExitFailure;
    }
    // Sound (again: restored, or the damage was a false alarm): writes may resume.
    if (!store->readOnly())
        core::library_health::clearDamaged(cli.libraryPath());
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
        printOut(QStringLiteral("%1: ok%2\n")
                     .arg(QDir::toNativeSeparators(cli.libraryPath()),
                          store->readOnly() ? QStringLiteral(" (read-only: the full-text index "
                                                             "was not checked)")
                                            : QString()));
        return ExitOk;
    }
    for (const QString& problem : *problems)
        printErr(QStringLiteral("%1: %2\n").arg(shown, problem));
    return ExitFailure;
}

} // namespace broadsheet::app
