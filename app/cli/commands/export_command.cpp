// SPDX-License-Identifier: GPL-3.0-or-later
#include "article_printer.h"
#include "cli_output.h"
#include "command_line.h"
#include "commands.h"
#include "export/export_job.h"
#include "search/searcher.h"

#include <QDir>
#include <QFileInfo>

#include <unistd.h>

#include <functional>
#include <stop_token>

namespace broadsheet::app {

int exportCommand(const QStringList& arguments, const QString& globalLibrary)
{
    CommandLine cli(
        QStringLiteral("export"),
        QStringLiteral("Writes articles to files: the given ids, what a query finds, or the "
                       "whole library.\n"
                       "md and txt write a folder with a file an article; html, json, ndjson "
                       "and csv write one file. The result appears whole or not at all; an "
                       "existing file or non-empty folder is replaced only with --force.\n"
                       "  broadsheet-cli export --query 'tag:\"North Korea\"' --format md -o "
                       "korea\n"
                       "  broadsheet-cli export --all --format json -o library.json"));
    QCommandLineOption ids(QStringLiteral("ids"), QStringLiteral("Article ids, comma-separated."),
                           QStringLiteral("IDS"));
    QCommandLineOption query(QStringLiteral("query"),
                             QStringLiteral("Every article this query finds, newest first."),
                             QStringLiteral("QUERY"));
    QCommandLineOption all(QStringLiteral("all"), QStringLiteral("Every article, newest first."));
    QCommandLineOption format(QStringLiteral("format"),
                              QStringLiteral("md, html, json, ndjson, csv, txt or pdf."),
                              QStringLiteral("FORMAT"));
    QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                              QStringLiteral("The file (or folder, for md and txt) to write."),
                              QStringLiteral("PATH"));
    QCommandLineOption force(QStringLiteral("force"),
                             QStringLiteral("Replace PATH when it exists."));
    cli.parser().addOptions({ids, query, all, format, output, force});
    if (auto exit = cli.parse(arguments, globalLibrary))
        return *exit;
    const int selections = int(cli.parser().isSet(ids)) + int(cli.parser().isSet(query)) +
                           int(cli.parser().isSet(all));
    if (selections != 1)
        return *cli.usageError(QStringLiteral("choose what to export: --ids, --query or --all"));
    if (!cli.parser().isSet(format))
        return *cli.usageError(QStringLiteral("--format is needed: md, html, json, ndjson, csv "
                                              "or txt"));
    const bool pdf = cli.parser().value(format).trimmed().toLower() == u"pdf";
    const auto chosen = core::export_format::fromName(cli.parser().value(format));
    if (!chosen && !pdf)
        return *cli.usageError(QStringLiteral("'%1' is not an export format (md, html, json, "
                                              "ndjson, csv, txt or pdf)")
                                   .arg(cli.parser().value(format)));
    const QString path = cli.parser().value(output);
    if (path.isEmpty())
        return *cli.usageError(QStringLiteral("-o PATH is needed: where to write"));
    if (!cli.parser().isSet(force) && core::ExportJob::destinationTaken(path)) {
        printErr(QStringLiteral("broadsheet-cli: %1 already exists; pass --force to replace it\n")
                     .arg(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath())));
        return ExitExists;
    }

    auto store = openStore(cli.libraryPath(), ArticleStore::OpenMode::OpenExisting);
    if (!store)
        return ExitFailure;
    core::ExportRequest request;
    request.format = chosen.value_or(core::ExportFormat::Html);
    request.destination = path;
    request.replace = cli.parser().isSet(force);
    if (cli.parser().isSet(ids)) {
        for (const QString& text : cli.parser().value(ids).split(u',', Qt::SkipEmptyParts)) {
            bool ok = false;
            const core::ArticleId id = text.trimmed().toLongLong(&ok);
            if (!ok || id <= 0)
                return *cli.usageError(QStringLiteral("'%1' is not an article id").arg(text));
            auto article = store->summaries({id});
            if (!article)
                return fail(article.error());
            if (article->isEmpty())
                return fail(core::Error{QStringLiteral("there is no article %1").arg(id)});
            request.ids.append(id);
        }
    } else if (cli.parser().isSet(query)) {
        auto found = core::Searcher(store->database()).matchingIds(cli.parser().value(query));
        if (!found)
            return fail(found.error());
        request.ids = *found;
        request.heading = QStringLiteral("Broadsheet: %1").arg(cli.parser().value(query));
    } else {
        auto every = store->articleIds();
        if (!every)
            return fail(every.error());
        request.ids = *every;
    }

    const bool interactive = isatty(STDERR_FILENO);
    std::function<void(const core::ExportProgress&)> progress;
    if (interactive) {
        progress = [](const core::ExportProgress& p) {
            printErr(QStringLiteral("\rExporting: %1 of %2").arg(p.done).arg(p.total));
        };
    }
    core::ExportJob job(*store);
    job.setProgressCallback(progress);
    std::stop_source stop;
    auto report = [&] {
        const StopOnInterrupt interrupt(stop);
        return pdf ? ui::exportPdf(*store, request.ids, request.destination, request.replace,
                                   stop.get_token(), progress)
                   : job.run(request, stop.get_token());
    }();
    if (interactive)
        printErr(QStringLiteral("\n"));
    if (!report && report.error().code == core::ErrorCode::Exists) {
        // Taken meanwhile: the CLI's words for it, and its exit code.
        printErr(QStringLiteral("broadsheet-cli: %1 already exists; pass --force to replace it\n")
                     .arg(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath())));
        return ExitExists;
    }
    if (!report)
        return fail(report.error());
    printOut(QStringLiteral("Exported %1 as %2 to %3\n")
                 .arg(counted(report->articles, "article", "articles"),
                      pdf ? QStringLiteral("pdf") : core::export_format::nameOf(request.format),
                      QDir::toNativeSeparators(report->destination)));
    return ExitOk;
}

} // namespace broadsheet::app
