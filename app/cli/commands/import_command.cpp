// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_output.h"
#include "command_line.h"
#include "commands.h"
#include "importing/import_job.h"
#include "store/library_writer.h"
#include "tagging/tagging_pass.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>

#include <unistd.h>

namespace broadsheet::app {

int importCommand(const QStringList& arguments, const QString& globalLibrary)
{
    CommandLine cli(QStringLiteral("import"),
                    QStringLiteral("Imports article files and folders (recursively) into the "
                                   "library. Text files (.txt), CSV data sets (.csv) and "
                                   "Broadsheet's own exports (.md, .json, .ndjson, with their "
                                   "tags) are read; anything already in the library is not "
                                   "added again."));
    QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the report as JSON."));
    QCommandLineOption noTags(QStringLiteral("no-tags"),
                              QStringLiteral("Store only: do not find people, organisations, "
                                             "places and keywords now (tagging rules still "
                                             "apply; 'retag' or the window tags them later)."));
    cli.parser().addOptions({json, noTags});
    cli.parser().addPositionalArgument(QStringLiteral("paths"),
                                       QStringLiteral("Files and folders to import."),
                                       QStringLiteral("PATH..."));
    if (auto exit = cli.parse(arguments, globalLibrary))
        return *exit;
    const QStringList paths = cli.arguments();
    if (paths.isEmpty())
        return *cli.usageError(QStringLiteral("import needs at least one PATH"));

    auto writer = openWriter(cli.libraryPath(), ArticleStore::OpenMode::CreateIfMissing);
    if (!writer)
        return ExitFailure;
    // Ctrl+C stops the import after the batch in hand: what was stored stays, and a second
    // import of the same files carries on where it stopped.
    std::stop_source stop;
    const StopOnInterrupt interrupt(stop);

    core::ImportJob job(*writer);
    const bool interactive = isatty(STDERR_FILENO) && !cli.parser().isSet(json);
    if (interactive) {
        job.setProgressCallback([](const core::ImportProgress& p) {
            printErr(QStringLiteral("\rImporting: %1 of %2 files, %3 added")
                         .arg(p.filesDone)
                         .arg(p.filesTotal)
                         .arg(p.added));
        });
    }
    QElapsedTimer clock;
    clock.start();
    auto report = job.run(paths, stop.get_token());
    const double storedSeconds = static_cast<double>(clock.elapsed()) / 1000.0;
    if (interactive)
        printErr(QStringLiteral("\n"));
    if (!report)
        return fail(report.error());

    // The second phase: people, organisations, places and keywords, for what was added and
    // for anything an earlier import left untagged.
    qint64 tagged = 0;
    double taggedSeconds = 0;
    const bool tagging = !cli.parser().isSet(noTags) && !stop.stop_requested();
    if (tagging) {
        auto reader = openStore(cli.libraryPath(), ArticleStore::OpenMode::OpenExisting);
        if (!reader)
            return ExitFailure;
        core::TaggingPass pass(*writer, *reader);
        if (interactive) {
            pass.setProgressCallback([](const core::TaggingProgress& p) {
                printErr(QStringLiteral("\rTagging: %1 of %2 stories").arg(p.done).arg(p.total));
            });
        }
        clock.restart();
        auto done = pass.run(stop.get_token());
        taggedSeconds = static_cast<double>(clock.elapsed()) / 1000.0;
        if (interactive && done && *done > 0)
            printErr(QStringLiteral("\n"));
        if (!done)
            return fail(done.error());
        tagged = *done;
    }

    if (cli.parser().isSet(json)) {
        QJsonArray skipped;
        for (const auto& file : report->skipped) {
            skipped.append(QJsonObject{{QStringLiteral("path"), file.path},
                                       {QStringLiteral("reason"), file.reason}});
        }
        printJson(QJsonDocument(
            QJsonObject{{QStringLiteral("added"), report->added},
                        {QStringLiteral("duplicates"), report->duplicates},
                        {QStringLiteral("skipped"), skipped},
                        {QStringLiteral("cancelled"), report->cancelled},
                        {QStringLiteral("tagged"), tagged},
                        {QStringLiteral("subscriptionsAdded"), report->subscriptionsAdded},
                        {QStringLiteral("subscriptionsKnown"), report->subscriptionsKnown},
                        {QStringLiteral("storedSeconds"), storedSeconds},
                        {QStringLiteral("taggedSeconds"), taggedSeconds}}));
    } else {
        printOut(QStringLiteral("Imported %1 from %2 into %3; %4 already in the library, %5 "
                                "skipped.\n")
                     .arg(counted(report->added, "new article", "new articles"),
                          counted(report->files, "file", "files"),
                          QDir::toNativeSeparators(cli.libraryPath()))
                     .arg(report->duplicates)
                     .arg(counted(report->skipped.size(), "file", "files")));
        if (report->subscriptionsAdded + report->subscriptionsKnown > 0)
            printOut(QStringLiteral("Subscribed to %1 (%2 already followed); broadsheet-cli "
                                    "feeds lists them.\n")
                         .arg(counted(report->subscriptionsAdded, "new feed", "new feeds"))
                         .arg(report->subscriptionsKnown));
        QString phases = QStringLiteral("Stored in %1 s").arg(storedSeconds, 0, 'f', 1);
        if (tagging)
            phases +=
                QStringLiteral(", tagged %1 in %2 s").arg(tagged).arg(taggedSeconds, 0, 'f', 1);
        else if (!stop.stop_requested())
            phases += QStringLiteral("; not tagged yet (broadsheet-cli retag tags them)");
        printOut(phases +
                 (report->cancelled ? QStringLiteral("; cancelled.\n") : QStringLiteral(".\n")));
        for (const auto& file : report->skipped)
            printErr(QStringLiteral("skipped %1: %2\n").arg(file.path, file.reason));
    }
    return report->skipped.isEmpty() ? ExitOk : ExitSkipped;
}

int retagCommand(const QStringList& arguments, const QString& globalLibrary)
{
    CommandLine cli(QStringLiteral("retag"),
                    QStringLiteral("Finds people, organisations, places and keywords in the "
                                   "stories that wait for them: stored with --no-tags, by a pass "
                                   "that was stopped, or tagged by an older Broadsheet. Manual, "
                                   "rule and imported tags stay as they are."));
    QCommandLineOption all(QStringLiteral("all"),
                           QStringLiteral("Tag every story again (keywords against the library "
                                          "as it is now)."));
    cli.parser().addOption(all);
    if (auto exit = cli.parse(arguments, globalLibrary))
        return *exit;
    if (!cli.arguments().isEmpty())
        return *cli.usageError(QStringLiteral("retag takes no arguments"));
    auto writer = openWriter(cli.libraryPath(), ArticleStore::OpenMode::OpenExisting);
    if (!writer)
        return ExitFailure;
    auto reader = openStore(cli.libraryPath(), ArticleStore::OpenMode::OpenExisting);
    if (!reader)
        return ExitFailure;
    std::stop_source stop;
    const StopOnInterrupt interrupt(stop);
    core::TaggingPass pass(*writer, *reader);
    const bool interactive = isatty(STDERR_FILENO);
    if (interactive) {
        pass.setProgressCallback([](const core::TaggingProgress& p) {
            printErr(QStringLiteral("\rTagging: %1 of %2 stories").arg(p.done).arg(p.total));
        });
    }
    QElapsedTimer clock;
    clock.start();
    auto tagged = pass.run(stop.get_token(), cli.parser().isSet(all));
    if (interactive)
        printErr(QStringLiteral("\n"));
    if (!tagged)
        return fail(tagged.error());
    printOut(QStringLiteral("Tagged %1 stor%2 in %3 s%4\n")
                 .arg(*tagged)
                 .arg(*tagged == 1 ? QStringLiteral("y") : QStringLiteral("ies"))
                 .arg(static_cast<double>(clock.elapsed()) / 1000.0, 0, 'f', 1)
                 .arg(stop.stop_requested() ? QStringLiteral("; stopped, run it again to go on.")
                                            : QStringLiteral(".")));
    return ExitOk;
}

} // namespace broadsheet::app
