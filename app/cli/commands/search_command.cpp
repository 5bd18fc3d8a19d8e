// SPDX-License-Identifier: GPL-3.0-or-later
#include "article/article_json.h"
#include "cli_output.h"
#include "command_line.h"
#include "commands.h"
#include "search/searcher.h"

#include <QJsonArray>
#include <QJsonObject>

#include <unistd.h>

namespace broadsheet::app {

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

namespace {
// Far above what any query the caps let through takes (under 0.1 s at 100,000 stories).
constexpr int kSearchTimeLimitMs = 2000;

/// "and 2 more: 1234 (BBC, 2016-03-04), 1240 (Reuters, 2016-03-05)": the other versions of a
/// grouped result, each by the id `show` takes.
QString otherVersionsLine(const QList<core::ArticleSummary>& versions)
{
    QStringList named;
    for (const auto& version : versions) {
        QStringList about;
        if (!version.source.isEmpty())
            about.append(version.source);
        if (version.published.isKnown())
            about.append(version.published.date().toString(Qt::ISODate));
        named.append(
            about.isEmpty()
                ? QString::number(version.id)
                : QStringLiteral("%1 (%2)").arg(version.id).arg(about.join(QStringLiteral(", "))));
    }
    return QStringLiteral("and %1 more: %2")
        .arg(versions.size())
        .arg(named.join(QStringLiteral(", ")));
}
} // namespace

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
    QCommandLineOption group(
        QStringLiteral("group"),
        QStringLiteral("One result per story: the versions of one story (near-duplicates, "
                       "see 'show') count once, listed under the best placed of them."));
    cli.parser().addOptions({json, count, sort, reverse, limit, offset, group});
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
    request.group = cli.parser().isSet(group);
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
    request.facets =
        asJson && !onlyCount ? core::SearchRequest::kAllFacets : core::SearchRequest::kNoFacets;
    const bool terminal = !asJson && isatty(STDOUT_FILENO);
    request.markOpen = terminal ? QStringLiteral("\x1b[1m") : QStringLiteral("**");
    request.markClose = terminal ? QStringLiteral("\x1b[0m") : QStringLiteral("**");

    auto store = openStore(cli.libraryPath(), ArticleStore::OpenMode::OpenExisting);
    if (!store)
        return ExitFailure;
    core::Searcher searcher(store->database());
    // Ctrl+C stops the search at once; a query that asks too much stops at its time limit
    // with what it found, and a hint.
    std::stop_source stop;
    const StopOnInterrupt interrupt(stop);
    request.timeLimitMs = kSearchTimeLimitMs;
    auto results = searcher.search(request, stop.get_token());
    if (!results && results.error().cancelled) {
        printErr(QStringLiteral("broadsheet-cli: search stopped (Ctrl+C)\n"));
        return ExitInterrupted;
    }
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
            QJsonObject object{
                {QStringLiteral("id"), hit.article.id},
                {QStringLiteral("title"), hit.article.title},
                {QStringLiteral("published"), core::publishedToJson(hit.article.published)},
                {QStringLiteral("source"), hit.article.source},
                {QStringLiteral("snippet"), hit.snippet},
                {QStringLiteral("score"), hit.score}};
            if (request.group) {
                QJsonArray versions;
                for (const auto& version : hit.versions) {
                    versions.append(QJsonObject{
                        {QStringLiteral("id"), version.id},
                        {QStringLiteral("title"), version.title},
                        {QStringLiteral("published"), core::publishedToJson(version.published)},
                        {QStringLiteral("source"), version.source}});
                }
                object.insert(QStringLiteral("versions"), versions);
            }
            hits.append(object);
        }
        QJsonObject months;
        for (auto it = results->months.cbegin(); it != results->months.cend(); ++it)
            months.insert(it.key(), it.value());
        printJson(QJsonDocument(
            QJsonObject{{QStringLiteral("total"), results->total},
                        {QStringLiteral("hint"),
                         hint.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(hint)},
                        {QStringLiteral("results"), hits},
                        {QStringLiteral("months"), months},
                        {QStringLiteral("undated"), results->undated}}));
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
        if (!hit.versions.isEmpty())
            table +=
                QStringLiteral("%1        %2\n").arg(QString(), otherVersionsLine(hit.versions));
    }
    table +=
        (request.group ? QStringLiteral("%1 of %2 stories") : QStringLiteral("%1 of %2 match(es)"))
            .arg(results->hits.size())
            .arg(results->total);
    if (results->rankingLimited)
        table +=
            QStringLiteral(", ranked among the %1 most recently added").arg(request.rankWindow);
    table += QLatin1Char('\n');
    printOut(table);
    return ExitOk;
}

} // namespace broadsheet::app
