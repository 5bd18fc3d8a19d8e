// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli.h"

#include "article/article_json.h"
#include "article_printer.h"
#include "cli_output.h"
#include "export/export_job.h"
#include "importing/import_job.h"
#include "search/searcher.h"
#include "store/article_store.h"
#include "store/library_location.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>

#include <signal.h>
#include <unistd.h>

#include <functional>
#include <optional>
#include <stop_token>

namespace broadsheet::app {

using core::ArticleStore;

namespace {

const QString kMainHelp = QStringLiteral(
    "Usage: broadsheet-cli [--library FILE] COMMAND [OPTIONS] [ARGS]\n"
    "\n"
    "Broadsheet keeps your news in a library on your own machine.\n"
    "\n"
    "Commands:\n"
    "  import [--json] [--no-tags] PATH...\n"
    "                                 import article files and folders\n"
    "                                 (.txt, .csv, and .md, .json, .ndjson exports)\n"
    "  list [--json] [--limit N]      list articles, newest first\n"
    "  show [--json] ID               show one article\n"
    "  search [--json] [--count] [--sort relevance|date|title|source|starred|tags] [--reverse]\n"
    "         [--limit N] [--offset N] QUERY\n"
    "                                 find articles (see 'search --help' for the language)\n"
    "  stats [--json]                 count what the library holds\n"
    "  tag add|remove TAG (ID... | --query QUERY)\n"
    "                                 tag articles by hand, or take a tag off\n"
    "  tags [--json] [--refresh-keywords]\n"
    "                                 list the tags with their kinds and counts\n"
    "  rule add TAG QUERY             tag what QUERY matches, now and at every import\n"
    "  rule remove TAG                stop a rule (the tags it gave stay)\n"
    "  rules [--json]                 list the rules\n"
    "  export (--ids 1,2,3 | --query QUERY | --all) --format md|html|json|ndjson|csv|txt|pdf\n"
    "         -o PATH [--force]       write articles to files (md, txt: a folder)\n"
    "  check                          check the library's integrity\n"
    "\n"
    "Options:\n"
    "  --library FILE   the library to use (default: $BROADSHEET_LIBRARY, or\n"
    "                   library.sqlite in the application data folder)\n"
    "  -h, --help       show this help; COMMAND --help shows a command's help\n"
    "  -v, --version    show the version\n"
    "\n"
    "Exit codes: 0 success, 1 failure, 2 bad usage, 3 import skipped some files,\n"
    "4 export destination exists (use --force to replace it).\n");

QString versionText()
{
    return QStringLiteral("broadsheet-cli %1\n").arg(QStringLiteral(BROADSHEET_VERSION));
}

/// The parts every command shares: --library, --help, --version, and the error path.
class CommandLine {
public:
    CommandLine(const QString& command, const QString& description)
        : m_library(QStringLiteral("library"), QStringLiteral("The library file to use."),
                    QStringLiteral("FILE"))
        , m_helpOption(m_parser.addHelpOption())
        , m_versionOption(m_parser.addVersionOption())
    {
        m_parser.setApplicationDescription(description);
        m_parser.addOption(m_library);
        m_parser.addPositionalArgument(command, QString(), command);
    }

    QCommandLineParser& parser() { return m_parser; }

    /// Parses; returns an exit code when the command should not run (help, version, error).
    std::optional<int> parse(const QStringList& arguments, const QString& globalLibrary)
    {
        if (!m_parser.parse(arguments)) {
            printErr(QStringLiteral("broadsheet-cli: %1\nTry '%2 --help'.\n")
                         .arg(m_parser.errorText(), arguments.value(1)));
            return ExitUsage;
        }
        if (m_parser.isSet(m_helpOption)) {
            printOut(m_parser.helpText());
            return ExitOk;
        }
        if (m_parser.isSet(m_versionOption)) {
            printOut(versionText());
            return ExitOk;
        }
        m_libraryPath = core::resolveLibraryPath(
            m_parser.isSet(m_library) ? m_parser.value(m_library) : globalLibrary);
        return std::nullopt;
    }

    /// The positional arguments after the command name.
    QStringList arguments() const { return m_parser.positionalArguments().mid(1); }
    const QString& libraryPath() const { return m_libraryPath; }

    std::optional<int> usageError(const QString& message) const
    {
        printErr(QStringLiteral("broadsheet-cli: %1\nTry 'broadsheet-cli %2 --help'.\n")
                     .arg(message, m_parser.positionalArguments().value(0)));
        return ExitUsage;
    }

private:
    QCommandLineParser m_parser;
    QCommandLineOption m_library;
    QCommandLineOption m_helpOption;
    QCommandLineOption m_versionOption;
    QString m_libraryPath;
};

std::unique_ptr<ArticleStore> openStore(const QString& path, ArticleStore::OpenMode mode)
{
    if (mode == ArticleStore::OpenMode::CreateIfMissing) {
        const QString folder = QFileInfo(path).absolutePath();
        if (!QDir().mkpath(folder)) {
            printErr(QStringLiteral("broadsheet-cli: cannot create the folder %1\n")
                         .arg(QDir::toNativeSeparators(folder)));
            return nullptr;
        }
    }
    auto store = ArticleStore::open(path, mode);
    if (!store) {
        printErr(QStringLiteral("broadsheet-cli: %1\n").arg(store.error().message));
        return nullptr;
    }
    return std::move(*store);
}

int fail(const core::Error& error)
{
    printErr(QStringLiteral("broadsheet-cli: %1\n").arg(error.message));
    return ExitFailure;
}

/// Every article the query matches, newest first (for `tag --query` and `export --query`).
core::Result<QList<core::ArticleId>> idsMatching(ArticleStore& store, const QString& query)
{
    core::SearchRequest request;
    request.query = query;
    request.sort = core::SearchRequest::Sort::Date;
    request.limit = 0;
    request.countTotal = false;
    request.facets = false;
    request.allIds = true;
    auto results = core::Searcher(store.database()).search(request);
    if (!results)
        return results.error();
    return results->ids;
}

QString padded(const QString& text, int width)
{
    if (text.size() > width)
        return text.left(width - 1) + QChar(0x2026);
    return text.leftJustified(width);
}

// ---- import ----

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
                              QStringLiteral("Do not find people, organisations, places and "
                                             "keywords (tagging rules still apply)."));
    cli.parser().addOptions({json, noTags});
    cli.parser().addPositionalArgument(QStringLiteral("paths"),
                                       QStringLiteral("Files and folders to import."),
                                       QStringLiteral("PATH..."));
    if (auto exit = cli.parse(arguments, globalLibrary))
        return *exit;
    const QStringList paths = cli.arguments();
    if (paths.isEmpty())
        return *cli.usageError(QStringLiteral("import needs at least one PATH"));

    auto store = openStore(cli.libraryPath(), ArticleStore::OpenMode::CreateIfMissing);
    if (!store)
        return ExitFailure;

    core::ImportJob job(*store);
    job.setAutomaticTagging(!cli.parser().isSet(noTags));
    const bool interactive = isatty(STDERR_FILENO) && !cli.parser().isSet(json);
    if (interactive) {
        job.setProgressCallback([](const core::ImportProgress& p) {
            printErr(QStringLiteral("\rImporting: %1 of %2 files, %3 added")
                         .arg(p.filesDone)
                         .arg(p.filesTotal)
                         .arg(p.added));
        });
    }
    auto report = job.run(paths);
    if (interactive)
        printErr(QStringLiteral("\n"));
    if (!report)
        return fail(report.error());

    if (cli.parser().isSet(json)) {
        QJsonArray skipped;
        for (const auto& file : report->skipped) {
            skipped.append(QJsonObject{{QStringLiteral("path"), file.path},
                                       {QStringLiteral("reason"), file.reason}});
        }
        printJson(QJsonDocument(QJsonObject{{QStringLiteral("added"), report->added},
                                            {QStringLiteral("duplicates"), report->duplicates},
                                            {QStringLiteral("skipped"), skipped}}));
    } else {
        printOut(QStringLiteral("Imported %1 new article(s) from %2 file(s) into %3; %4 already "
                                "in the library, %5 file(s) skipped.\n")
                     .arg(report->added)
                     .arg(report->files)
                     .arg(QDir::toNativeSeparators(cli.libraryPath()))
                     .arg(report->duplicates)
                     .arg(report->skipped.size()));
        for (const auto& file : report->skipped)
            printErr(QStringLiteral("skipped %1: %2\n").arg(file.path, file.reason));
    }
    return report->skipped.isEmpty() ? ExitOk : ExitSkipped;
}

// ---- list ----

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
    for (const auto& summary : *articles) {
        table += QStringLiteral("%1  %2  %3  %4\n")
                     .arg(summary.id, 7)
                     .arg(padded(summary.published.isKnown()
                                     ? summary.published.date().toString(Qt::ISODate)
                                     : QStringLiteral("-"),
                                 10),
                          padded(summary.source, 16), summary.title);
    }
    printOut(table);
    return ExitOk;
}

// ---- show ----

int showCommand(const QStringList& arguments, const QString& globalLibrary)
{
    CommandLine cli(QStringLiteral("show"), QStringLiteral("Shows one article."));
    QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print a JSON object."));
    cli.parser().addOption(json);
    cli.parser().addPositionalArgument(QStringLiteral("id"), QStringLiteral("The article's id."),
                                       QStringLiteral("ID"));
    if (auto exit = cli.parse(arguments, globalLibrary))
        return *exit;
    if (cli.arguments().size() != 1)
        return *cli.usageError(QStringLiteral("show needs exactly one ID"));
    bool ok = false;
    const qint64 id = cli.arguments().front().toLongLong(&ok);
    if (!ok || id <= 0)
        return *cli.usageError(QStringLiteral("'%1' is not an article id (a positive number)")
                                   .arg(cli.arguments().front()));

    auto store = openStore(cli.libraryPath(), ArticleStore::OpenMode::OpenExisting);
    if (!store)
        return ExitFailure;
    auto article = store->article(id);
    if (!article)
        return fail(article.error());
    if (!*article) {
        printErr(QStringLiteral("broadsheet-cli: no article with id %1 in %2\n")
                     .arg(id)
                     .arg(QDir::toNativeSeparators(cli.libraryPath())));
        return ExitFailure;
    }
    const core::Article& a = **article;
    if (cli.parser().isSet(json)) {
        printJson(QJsonDocument(core::articleToJson(a)));
        return ExitOk;
    }
    QString text = a.title + QLatin1Char('\n');
    auto field = [&text](const QString& name, const QString& value) {
        if (!value.isEmpty())
            text += QStringLiteral("%1: %2\n").arg(name, value);
    };
    field(QStringLiteral("Date"), a.published.toIso());
    field(QStringLiteral("Section"), a.section);
    field(QStringLiteral("Author"), a.author);
    field(QStringLiteral("Source"), a.source);
    field(QStringLiteral("URL"), a.url);
    field(QStringLiteral("File"), a.path);
    QStringList tags;
    for (const auto& tag : a.tags)
        tags.append(QStringLiteral("%1 (%2)").arg(tag.name, tag.kind));
    field(QStringLiteral("Tags"), tags.join(QStringLiteral(", ")));
    text += QLatin1Char('\n') + a.body + QLatin1Char('\n');
    printOut(text);
    return ExitOk;
}

// ---- search ----

const QString kQueryHelp = QStringLiteral(
    "Searches the library. The query language:\n"
    "  word            a word, stemmed: attacks finds attack\n"
    "  \"a phrase\"      words side by side\n"
    "  pre*            words that start with pre\n"
    "  a b             both (AND);  a OR b  either;  -a or NOT a  without;  ( ) groups\n"
    "  title:word author:word   a word in the title or the author\n"
    "  source:NAME section:NAME tag:NAME   (quotes for spaces: tag:\"North Korea\")\n"
    "  after:D before:D date:D  D is YYYY, YYYY-MM or YYYY-MM-DD; after is on or after,\n"
    "                  before is strictly before; undated articles never match\n"
    "  is:unread is:read is:starred\n"
    "A query with only filters lists what they select, newest first. A query that starts\n"
    "with '-' follows '--': broadsheet-cli search -- -sport\n"
    "Matched words are marked **like this** in snippets.");

int searchCommand(const QStringList& arguments, const QString& globalLibrary)
{
    CommandLine cli(QStringLiteral("search"), kQueryHelp);
    QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print a JSON object."));
    QCommandLineOption count(QStringLiteral("count"),
                             QStringLiteral("Print only the number of matches."));
    QCommandLineOption sort(
        QStringLiteral("sort"),
        QStringLiteral("Order by relevance (default), date (newest first), title, source, "
                       "starred (first) or tags (first tag A to Z)."),
        core::sortNames().join(QLatin1Char('|')), QStringLiteral("relevance"));
    QCommandLineOption reverse(QStringLiteral("reverse"),
                               QStringLiteral("The other way round: oldest first, Z to A."));
    QCommandLineOption limit(QStringLiteral("limit"),
                             QStringLiteral("Show at most N results (default 20)."),
                             QStringLiteral("N"), QStringLiteral("20"));
    QCommandLineOption offset(QStringLiteral("offset"), QStringLiteral("Skip the first N results."),
                              QStringLiteral("N"), QStringLiteral("0"));
    cli.parser().addOptions({json, count, sort, reverse, limit, offset});
    cli.parser().addPositionalArgument(QStringLiteral("query"), QStringLiteral("What to find."),
                                       QStringLiteral("QUERY..."));
    if (auto exit = cli.parse(arguments, globalLibrary))
        return *exit;
    core::SearchRequest request;
    request.query = cli.arguments().join(QLatin1Char(' '));
    const QString order = cli.parser().value(sort);
    if (const auto chosen = core::sortFromName(order))
        request.sort = *chosen;
    else
        return *cli.usageError(QStringLiteral("--sort is one of %1, not '%2'")
                                   .arg(core::sortNames().join(QStringLiteral(", ")), order));
    request.reversed = cli.parser().isSet(reverse);
    bool limitOk = false;
    bool offsetOk = false;
    request.limit = cli.parser().value(limit).toInt(&limitOk);
    request.offset = cli.parser().value(offset).toInt(&offsetOk);
    if (!limitOk || request.limit < 0 || !offsetOk || request.offset < 0)
        return *cli.usageError(QStringLiteral("--limit and --offset need a number of 0 or more"));
    const bool asJson = cli.parser().isSet(json);
    const bool onlyCount = cli.parser().isSet(count);
    if (onlyCount)
        request.limit = 0;
    request.facets = asJson && !onlyCount;
    const bool terminal = !asJson && isatty(STDOUT_FILENO);
    request.markOpen = terminal ? QStringLiteral("\x1b[1m") : QStringLiteral("**");
    request.markClose = terminal ? QStringLiteral("\x1b[0m") : QStringLiteral("**");

    auto store = openStore(cli.libraryPath(), ArticleStore::OpenMode::OpenExisting);
    if (!store)
        return ExitFailure;
    core::Searcher searcher(store->database());
    auto results = searcher.search(request);
    if (!results)
        return fail(results.error());
    const QString hint = results->hints.join(QStringLiteral("; "));
    if (!hint.isEmpty() && !asJson)
        printErr(QStringLiteral("broadsheet-cli: hint: %1\n").arg(hint));

    if (onlyCount && !asJson) {
        printOut(QString::number(results->total) + QLatin1Char('\n'));
        return ExitOk;
    }
    if (asJson) {
        QJsonArray hits;
        for (const auto& hit : results->hits) {
            hits.append(QJsonObject{
                {QStringLiteral("id"), hit.article.id},
                {QStringLiteral("title"), hit.article.title},
                {QStringLiteral("published"), core::publishedToJson(hit.article.published)},
                {QStringLiteral("source"), hit.article.source},
                {QStringLiteral("snippet"), hit.snippet},
                {QStringLiteral("score"), hit.score}});
        }
        QJsonObject months;
        for (auto it = results->months.cbegin(); it != results->months.cend(); ++it)
            months.insert(it.key(), it.value());
        printJson(QJsonDocument(
            QJsonObject{{QStringLiteral("total"), results->total},
                        {QStringLiteral("hint"),
                         hint.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(hint)},
                        {QStringLiteral("results"), hits},
                        {QStringLiteral("months"), months}}));
        return ExitOk;
    }
    QString table;
    for (const auto& hit : results->hits) {
        table += QStringLiteral("%1  %2  %3\n%4        %5\n")
                     .arg(hit.article.id, 7)
                     .arg(padded(hit.article.published.isKnown()
                                     ? hit.article.published.date().toString(Qt::ISODate)
                                     : QStringLiteral("-"),
                                 10),
                          hit.article.title, QString(), hit.snippet);
    }
    table += QStringLiteral("%1 of %2 match(es)").arg(results->hits.size()).arg(results->total);
    if (results->rankingLimited)
        table +=
            QStringLiteral(", ranked among the %1 most recently added").arg(request.rankWindow);
    table += QLatin1Char('\n');
    printOut(table);
    return ExitOk;
}

// ---- stats ----

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

// ---- check ----

int checkCommand(const QStringList& arguments, const QString& globalLibrary)
{
    CommandLine cli(QStringLiteral("check"),
                    QStringLiteral("Checks the library's integrity (SQLite and the full-text "
                                   "index). Exits 0 when the library is sound."));
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
    if (problems->isEmpty()) {
        printOut(QStringLiteral("%1: ok\n").arg(QDir::toNativeSeparators(cli.libraryPath())));
        return ExitOk;
    }
    for (const QString& problem : *problems)
        printErr(
            QStringLiteral("%1: %2\n").arg(QDir::toNativeSeparators(cli.libraryPath()), problem));
    return ExitFailure;
}

// ---- tag, tags, rule, rules ----

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
    if (idTexts.isEmpty() == !cli.parser().isSet(query))
        return *cli.usageError(QStringLiteral("give either article ids or --query QUERY"));
    auto store = openStore(cli.libraryPath(), ArticleStore::OpenMode::OpenExisting);
    if (!store)
        return ExitFailure;
    QList<core::ArticleId> ids;
    if (cli.parser().isSet(query)) {
        auto found = idsMatching(*store, cli.parser().value(query));
        if (!found)
            return fail(found.error());
        ids = *found;
    } else {
        for (const QString& text : idTexts) {
            bool ok = false;
            const core::ArticleId id = text.toLongLong(&ok);
            if (!ok || id <= 0)
                return *cli.usageError(QStringLiteral("'%1' is not an article id").arg(text));
            auto article = store->article(id);
            if (!article)
                return fail(article.error());
            if (!*article)
                return fail(core::Error{QStringLiteral("there is no article %1").arg(id)});
            ids.append(id);
        }
    }
    auto changed = adding ? store->addTag(ids, tag) : store->removeTag(ids, tag);
    if (!changed)
        return fail(changed.error());
    printOut(adding ? QStringLiteral("Tagged %1 article(s) with '%2' (%3 matched).\n")
                          .arg(*changed)
                          .arg(tag)
                          .arg(ids.size())
                    : QStringLiteral("Took '%2' off %1 article(s) (%3 matched).\n")
                          .arg(*changed)
                          .arg(tag)
                          .arg(ids.size()));
    return ExitOk;
}

int tagsCommand(const QStringList& arguments, const QString& globalLibrary)
{
    CommandLine cli(QStringLiteral("tags"),
                    QStringLiteral("Lists every tag with its kind (manual, person, "
                                   "organization, place, keyword, rule) and article count."));
    QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print a JSON array."));
    QCommandLineOption refresh(
        QStringLiteral("refresh-keywords"),
        QStringLiteral("First compute every article's keywords again against the library as "
                       "it is now (worth doing when it has grown a lot)."));
    cli.parser().addOptions({json, refresh});
    if (auto exit = cli.parse(arguments, globalLibrary))
        return *exit;
    if (!cli.arguments().isEmpty())
        return *cli.usageError(QStringLiteral("tags takes no arguments"));
    auto store = openStore(cli.libraryPath(), ArticleStore::OpenMode::OpenExisting);
    if (!store)
        return ExitFailure;
    if (cli.parser().isSet(refresh)) {
        auto refreshed = store->refreshKeywords();
        if (!refreshed)
            return fail(refreshed.error());
        printErr(QStringLiteral("Keywords computed again for %1 article(s).\n").arg(*refreshed));
    }
    auto tags = store->tags();
    if (!tags)
        return fail(tags.error());
    if (cli.parser().isSet(json)) {
        QJsonArray array;
        for (const core::TagSummary& tag : *tags) {
            array.append(QJsonObject{{QStringLiteral("name"), tag.name},
                                     {QStringLiteral("kind"), tag.kind},
                                     {QStringLiteral("count"), tag.count}});
        }
        printJson(QJsonDocument(array));
        return ExitOk;
    }
    for (const core::TagSummary& tag : *tags)
        printOut(
            QStringLiteral("%1  %2  %3\n").arg(tag.count, 7).arg(padded(tag.kind, 12), tag.name));
    return ExitOk;
}

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
    if (!adding) {
        auto removed = store->removeRule(args[1]);
        if (!removed)
            return fail(removed.error());
        if (!*removed)
            return fail(core::Error{QStringLiteral("there is no rule for '%1'").arg(args[1])});
        printOut(
            QStringLiteral("Removed the rule for '%1'; the tags it gave stay.\n").arg(args[1]));
        return ExitOk;
    }
    const core::TaggingRule rule{args[1].trimmed(), args.mid(2).join(QLatin1Char(' '))};
    if (auto r = store->saveRule(rule); !r)
        return fail(r.error());
    auto tagged = store->applyRule(rule);
    if (!tagged)
        return fail(tagged.error());
    printOut(QStringLiteral("Rule '%1' tagged %2 article(s); it will tag new imports too.\n")
                 .arg(rule.tag)
                 .arg(*tagged));
    return ExitOk;
}

int rulesCommand(const QStringList& arguments, const QString& globalLibrary)
{
    CommandLine cli(QStringLiteral("rules"), QStringLiteral("Lists the tagging rules."));
    QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print a JSON array."));
    cli.parser().addOption(json);
    if (auto exit = cli.parse(arguments, globalLibrary))
        return *exit;
    if (!cli.arguments().isEmpty())
        return *cli.usageError(QStringLiteral("rules takes no arguments"));
    auto store = openStore(cli.libraryPath(), ArticleStore::OpenMode::OpenExisting);
    if (!store)
        return ExitFailure;
    auto rules = store->rules();
    if (!rules)
        return fail(rules.error());
    if (cli.parser().isSet(json)) {
        QJsonArray array;
        for (const core::TaggingRule& rule : *rules)
            array.append(QJsonObject{{QStringLiteral("tag"), rule.tag},
                                     {QStringLiteral("query"), rule.query}});
        printJson(QJsonDocument(array));
        return ExitOk;
    }
    for (const core::TaggingRule& rule : *rules)
        printOut(QStringLiteral("%1  %2\n").arg(padded(rule.tag, 24), rule.query));
    return ExitOk;
}

// ---- export ----

std::stop_source* g_exportStop = nullptr;

void stopExport(int)
{
    if (g_exportStop)
        g_exportStop->request_stop(); // the job stops at its next article and cleans up
}

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
        auto found = idsMatching(*store, cli.parser().value(query));
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
    g_exportStop = &stop;
    struct sigaction action {};
    action.sa_handler = stopExport;
    struct sigaction previous {};
    sigaction(SIGINT, &action, &previous);
    auto report = pdf ? ui::exportPdf(*store, request.ids, request.destination, request.replace,
                                      stop.get_token(), progress)
                      : job.run(request, stop.get_token());
    sigaction(SIGINT, &previous, nullptr);
    g_exportStop = nullptr;
    if (interactive)
        printErr(QStringLiteral("\n"));
    if (!report)
        return fail(report.error());
    printOut(QStringLiteral("Exported %1 article(s) as %2 to %3\n")
                 .arg(report->articles)
                 .arg(pdf ? QStringLiteral("pdf") : core::export_format::nameOf(request.format),
                      QDir::toNativeSeparators(report->destination)));
    return ExitOk;
}

} // namespace

int runCli(const QStringList& arguments)
{
    using CommandFn = int (*)(const QStringList&, const QString&);
    const std::pair<const char16_t*, CommandFn> commands[] = {
        {u"import", importCommand}, {u"list", listCommand},     {u"show", showCommand},
        {u"stats", statsCommand},   {u"check", checkCommand},   {u"search", searchCommand},
        {u"tag", tagCommand},       {u"tags", tagsCommand},     {u"rule", ruleCommand},
        {u"rules", rulesCommand},   {u"export", exportCommand},
    };

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
            printOut(kMainHelp);
            return ExitOk;
        } else if (arg == u"-v" || arg == u"--version") {
            printOut(versionText());
            return ExitOk;
        } else if (arg.startsWith(u'-')) {
            printErr(QStringLiteral("broadsheet-cli: unknown option '%1'\n\n").arg(arg) +
                     kMainHelp);
            return ExitUsage;
        } else {
            break;
        }
    }
    if (i >= arguments.size()) {
        printErr(QStringLiteral("broadsheet-cli: no COMMAND given\n\n") + kMainHelp);
        return ExitUsage;
    }
    const QString& command = arguments[i];
    QStringList rest{arguments.front()};
    rest += arguments.mid(i);
    for (const auto& [name, run] : commands) {
        if (command == QStringView(name))
            return run(rest, library);
    }
    printErr(QStringLiteral("broadsheet-cli: unknown command '%1'\n\n").arg(command) + kMainHelp);
    return ExitUsage;
}

} // namespace broadsheet::app
