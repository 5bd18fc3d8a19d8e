// SPDX-License-Identifier: GPL-3.0-or-later
// broadsheet-cli as scripts use it: the real binary, real library files, exit codes and JSON.
#include "store/article_store.h"
#include "store/database.h"
#include "test_support.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <chrono>
#include <random>
#include <thread>

using namespace broadsheet;
using namespace broadsheet::test;

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QJsonDocument json() const
    {
        QJsonParseError error{};
        const auto document = QJsonDocument::fromJson(out, &error);
        INFO("stdout: " << out.toStdString());
        REQUIRE(error.error == QJsonParseError::NoError);
        return document;
    }
};

Run cli(const QStringList& arguments, const QString& libraryEnv = {})
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("BROADSHEET_LIBRARY"));
    if (!libraryEnv.isEmpty())
        environment.insert(QStringLiteral("BROADSHEET_LIBRARY"), libraryEnv);
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(BROADSHEET_CLI_PATH), arguments);
    REQUIRE(process.waitForFinished(300000)); // an import under ASan on a busy machine
    REQUIRE(process.exitStatus() == QProcess::NormalExit);
    return Run{process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

/// The CLI run with every file it writes held to `fileSizeLimit` bytes (RLIMIT_FSIZE, which
/// binds root too): the full disk a test can make anywhere.
Run cliLimited(const QStringList& arguments, qint64 fileSizeLimit)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("BROADSHEET_LIBRARY"));
    process.setProcessEnvironment(environment);
    process.setChildProcessModifier([fileSizeLimit] {
        const rlimit limit{static_cast<rlim_t>(fileSizeLimit), static_cast<rlim_t>(fileSizeLimit)};
        ::setrlimit(RLIMIT_FSIZE, &limit);
    });
    process.start(QStringLiteral(BROADSHEET_CLI_PATH), arguments);
    REQUIRE(process.waitForFinished(120000));
    REQUIRE(process.exitStatus() == QProcess::NormalExit);
    return Run{process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

QStringList withLibrary(const QTemporaryDir& dir, QStringList arguments)
{
    arguments.prepend(dir.filePath(QStringLiteral("library.sqlite")));
    arguments.prepend(QStringLiteral("--library"));
    return arguments;
}

} // namespace

TEST_CASE("cli: import, list, show and stats speak the documented JSON", "[cli]")
{
    REQUIRE_SHARED("seed/000_2afe67581d2c50c2.txt");
    QTemporaryDir dir;
    const QString seed = sharedPath(QStringLiteral("seed/000_2afe67581d2c50c2.txt"));

    const Run imported = cli(
        withLibrary(dir, {QStringLiteral("import"), QStringLiteral("--json"), seed, sampleDir()}));
    CHECK(imported.exitCode == 0);
    const QJsonObject report = imported.json().object();
    CHECK(report.value(QStringLiteral("added")).toInt() == 13);
    CHECK(report.value(QStringLiteral("duplicates")).toInt() == 0);
    CHECK(report.value(QStringLiteral("skipped")).toArray().isEmpty());

    const Run listed = cli(withLibrary(dir, {QStringLiteral("list"), QStringLiteral("--json"),
                                             QStringLiteral("--limit"), QStringLiteral("20")}));
    CHECK(listed.exitCode == 0);
    const QJsonArray list = listed.json().array();
    REQUIRE(list.size() == 13);
    const QJsonObject newest = list.first().toObject();
    CHECK(newest.keys() == QStringList{QStringLiteral("id"), QStringLiteral("published"),
                                       QStringLiteral("section"), QStringLiteral("source"),
                                       QStringLiteral("title")});
    CHECK(newest.value(QStringLiteral("published")).toString() == QStringLiteral("2025-12-08"));
    // The seed (2014) is the oldest.
    const QJsonObject oldest = list.last().toObject();
    CHECK(oldest.value(QStringLiteral("title")).toString() ==
          QStringLiteral("Stop N. Korean cyber attacks, US urges China"));

    const QString seedId = QString::number(oldest.value(QStringLiteral("id")).toInteger());
    const Run shown =
        cli(withLibrary(dir, {QStringLiteral("show"), QStringLiteral("--json"), seedId}));
    CHECK(shown.exitCode == 0);
    const QJsonObject article = shown.json().object();
    QStringList keys = article.keys();
    CHECK(keys ==
          QStringList{QStringLiteral("author"), QStringLiteral("body"), QStringLiteral("id"),
                      QStringLiteral("path"), QStringLiteral("published"), QStringLiteral("read"),
                      QStringLiteral("section"), QStringLiteral("source"),
                      QStringLiteral("starred"), QStringLiteral("tags"), QStringLiteral("title"),
                      QStringLiteral("url"), QStringLiteral("versions")});
    CHECK(article.value(QStringLiteral("published")).toString() == QStringLiteral("2014-12-22"));
    CHECK(article.value(QStringLiteral("section")).toString() == QStringLiteral("Top Stories"));
    CHECK(article.value(QStringLiteral("path")).toString() == seed);
    CHECK(article.value(QStringLiteral("tags")).isArray());
    CHECK(article.value(QStringLiteral("read")).toBool() == false);
    CHECK(article.value(QStringLiteral("body")).toString().contains(QStringLiteral("\n\n")));

    const Run stats = cli(withLibrary(dir, {QStringLiteral("stats"), QStringLiteral("--json")}));
    CHECK(stats.exitCode == 0);
    CHECK(stats.json().object().value(QStringLiteral("articles")).toInt() == 13);

    const Run check = cli(withLibrary(dir, {QStringLiteral("check")}));
    CHECK(check.exitCode == 0);
}

TEST_CASE("cli: an undated article shows a null date", "[cli]")
{
    QTemporaryDir dir;
    writeFile(dir.filePath(QStringLiteral("in/plain.txt")), "A plain story\n\nNo date here.\n");
    REQUIRE(cli(withLibrary(dir, {QStringLiteral("import"), dir.filePath(QStringLiteral("in"))}))
                .exitCode == 0);
    const Run shown = cli(
        withLibrary(dir, {QStringLiteral("show"), QStringLiteral("--json"), QStringLiteral("1")}));
    REQUIRE(shown.exitCode == 0);
    CHECK(shown.json().object().value(QStringLiteral("published")).isNull());
}

TEST_CASE("cli: import exit codes say what happened", "[cli]")
{
    QTemporaryDir dir;
    writeFile(dir.filePath(QStringLiteral("in/good.txt")), "Good\n\nBody.\n");
    writeFile(dir.filePath(QStringLiteral("in/empty.txt")), "");

    const Run some = cli(withLibrary(dir, {QStringLiteral("import"), QStringLiteral("--json"),
                                           dir.filePath(QStringLiteral("in"))}));
    CHECK(some.exitCode == 3);
    const QJsonObject report = some.json().object();
    CHECK(report.value(QStringLiteral("added")).toInt() == 1);
    const QJsonArray skipped = report.value(QStringLiteral("skipped")).toArray();
    REQUIRE(skipped.size() == 1);
    CHECK(skipped[0]
              .toObject()
              .value(QStringLiteral("path"))
              .toString()
              .endsWith(QStringLiteral("empty.txt")));
    CHECK(skipped[0].toObject().value(QStringLiteral("reason")).toString() ==
          QStringLiteral("empty file"));

    const Run again = cli(
        withLibrary(dir, {QStringLiteral("import"), dir.filePath(QStringLiteral("in/good.txt"))}));
    CHECK(again.exitCode == 0);
    CHECK(again.out.contains("1 already in the library"));

    CHECK(cli(withLibrary(dir, {QStringLiteral("import")})).exitCode == 2);
    CHECK(cli(withLibrary(
                  dir, {QStringLiteral("import"), QStringLiteral("--bogus"), QStringLiteral("x")}))
              .exitCode == 2);

    // A library that cannot be opened is fatal.
    writeFile(dir.filePath(QStringLiteral("not-a-library")),
              QByteArray("plain text, not SQLite\n").repeated(100));
    const Run fatal =
        cli({QStringLiteral("--library"), dir.filePath(QStringLiteral("not-a-library")),
             QStringLiteral("import"), dir.filePath(QStringLiteral("in"))});
    CHECK(fatal.exitCode == 1);
    CHECK(fatal.err.contains("not-a-library"));
}

TEST_CASE("cli: usage errors exit 2 and help and version work everywhere", "[cli]")
{
    QTemporaryDir dir;
    CHECK(cli({}).exitCode == 2);
    CHECK(cli({QStringLiteral("frobnicate")}).exitCode == 2);
    const Run help = cli({QStringLiteral("--help")});
    CHECK(help.exitCode == 0);
    CHECK(help.out.contains("import"));
    const Run version = cli({QStringLiteral("--version")});
    CHECK(version.exitCode == 0);
    CHECK(version.out.startsWith("broadsheet-cli "));
    for (const char* command : {"import", "list", "show", "stats", "check"}) {
        INFO(command);
        const Run commandHelp = cli({QString::fromLatin1(command), QStringLiteral("--help")});
        CHECK(commandHelp.exitCode == 0);
        CHECK(commandHelp.out.contains("--library"));
        CHECK(cli({QString::fromLatin1(command), QStringLiteral("--version")}).exitCode == 0);
    }
    CHECK(cli(withLibrary(dir, {QStringLiteral("show"), QStringLiteral("abc")})).exitCode == 2);
    CHECK(cli(withLibrary(
                  dir, {QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("-3")}))
              .exitCode == 2);
}

TEST_CASE("cli: reading a missing library or article fails with a message", "[cli]")
{
    QTemporaryDir dir;
    const Run missing = cli(withLibrary(dir, {QStringLiteral("list")}));
    CHECK(missing.exitCode == 1);
    CHECK(missing.err.contains("no library"));
    CHECK_FALSE(QFileInfo::exists(dir.filePath(QStringLiteral("library.sqlite"))));

    writeFile(dir.filePath(QStringLiteral("in/a.txt")), "A\n\nB.\n");
    REQUIRE(cli(withLibrary(dir, {QStringLiteral("import"), dir.filePath(QStringLiteral("in"))}))
                .exitCode == 0);
    const Run absent = cli(withLibrary(dir, {QStringLiteral("show"), QStringLiteral("999")}));
    CHECK(absent.exitCode == 1);
    CHECK(absent.err.contains("no article with id 999"));
}

TEST_CASE("cli: BROADSHEET_LIBRARY chooses the library", "[cli]")
{
    QTemporaryDir dir;
    const QString library = dir.filePath(QStringLiteral("from-env.sqlite"));
    writeFile(dir.filePath(QStringLiteral("in/a.txt")), "A\n\nB.\n");
    CHECK(cli({QStringLiteral("import"), dir.filePath(QStringLiteral("in"))}, library).exitCode ==
          0);
    CHECK(QFileInfo::exists(library));
    const Run stats = cli({QStringLiteral("stats"), QStringLiteral("--json")}, library);
    CHECK(stats.json().object().value(QStringLiteral("articles")).toInt() == 1);
}

TEST_CASE("cli: search prints ranked results, counts and JSON", "[cli][search]")
{
    REQUIRE_SHARED("seed/000_2afe67581d2c50c2.txt");
    QTemporaryDir dir;
    REQUIRE(cli(withLibrary(dir, {QStringLiteral("import"), sharedPath(QStringLiteral("seed")),
                                  sampleDir()}))
                .exitCode == 0);

    const Run count = cli(withLibrary(dir, {QStringLiteral("search"), QStringLiteral("--count"),
                                            QStringLiteral("cyber attacks")}));
    CHECK(count.exitCode == 0);
    CHECK(count.out.trimmed() == "1");

    const Run json = cli(withLibrary(dir, {QStringLiteral("search"), QStringLiteral("--json"),
                                           QStringLiteral("village OR library")}));
    CHECK(json.exitCode == 0);
    const QJsonObject object = json.json().object();
    CHECK(object.keys() == QStringList{QStringLiteral("hint"), QStringLiteral("months"),
                                       QStringLiteral("results"), QStringLiteral("total"),
                                       QStringLiteral("undated")});
    CHECK(object.value(QStringLiteral("total")).toInt() == 5); // "villages" too: stemmed
    CHECK(object.value(QStringLiteral("hint")).isNull());
    const QJsonArray results = object.value(QStringLiteral("results")).toArray();
    REQUIRE(results.size() == 5);
    const QJsonObject first = results.first().toObject();
    CHECK(first.keys() == QStringList{QStringLiteral("id"), QStringLiteral("published"),
                                      QStringLiteral("score"), QStringLiteral("snippet"),
                                      QStringLiteral("source"), QStringLiteral("title")});
    CHECK(first.value(QStringLiteral("snippet")).toString().contains(QStringLiteral("**")));
    qint64 monthTotal = 0;
    const QJsonObject months = object.value(QStringLiteral("months")).toObject();
    for (auto it = months.begin(); it != months.end(); ++it)
        monthTotal += it.value().toInteger();
    CHECK(monthTotal == 5);

    // A leading '-' follows '--'; the sample has 12 stories, one of them about cricket.
    const Run negated = cli(withLibrary(dir, {QStringLiteral("search"), QStringLiteral("--count"),
                                              QStringLiteral("--"), QStringLiteral("-cricket")}));
    CHECK(negated.exitCode == 0);
    CHECK(negated.out.trimmed() == "12");

    // A malformed query still runs, with a hint on stderr and exit 0.
    const Run malformed =
        cli(withLibrary(dir, {QStringLiteral("search"), QStringLiteral("\"north korea")}));
    CHECK(malformed.exitCode == 0);
    CHECK(malformed.err.contains("hint"));
    CHECK(malformed.out.contains("Stop N. Korean cyber attacks"));

    const Run byDate = cli(withLibrary(dir, {QStringLiteral("search"), QStringLiteral("--json"),
                                             QStringLiteral("--sort"), QStringLiteral("date"),
                                             QStringLiteral("--limit"), QStringLiteral("2"),
                                             QStringLiteral("after:2025-06")}));
    const QJsonArray dated = byDate.json().object().value(QStringLiteral("results")).toArray();
    REQUIRE(dated.size() == 2);
    CHECK(dated[0].toObject().value(QStringLiteral("published")).toString() ==
          QStringLiteral("2025-12-08"));
    CHECK(byDate.json().object().value(QStringLiteral("total")).toInt() == 7);

    CHECK(cli(withLibrary(dir, {QStringLiteral("search"), QStringLiteral("--sort"),
                                QStringLiteral("size"), QStringLiteral("x")}))
              .exitCode == 2);
}

TEST_CASE("cli: import --no-tags stores stories without the tagger's tags, rules still apply",
          "[cli][tagging]")
{
    REQUIRE_SHARED("seed/000_2afe67581d2c50c2.txt");
    QTemporaryDir dir;
    REQUIRE(
        cli(withLibrary(dir, {QStringLiteral("import"), QStringLiteral("--no-tags"), sampleDir()}))
            .exitCode == 0);
    REQUIRE(cli(withLibrary(dir, {QStringLiteral("rule"), QStringLiteral("add"),
                                  QStringLiteral("Cyber"), QStringLiteral("cyber")}))
                .exitCode == 0);
    // The seed, imported later, is the one story about cyber attacks: the rule tags it.
    REQUIRE(cli(withLibrary(dir, {QStringLiteral("import"), QStringLiteral("--no-tags"),
                                  sharedPath(QStringLiteral("seed"))}))
                .exitCode == 0);
    const Run listed = cli(withLibrary(dir, {QStringLiteral("tags"), QStringLiteral("--json")}));
    REQUIRE(listed.exitCode == 0);
    QStringList tags;
    for (const QJsonValue& tag : listed.json().array())
        tags.append(tag[QStringLiteral("name")].toString() + u'/' +
                    tag[QStringLiteral("kind")].toString());
    CHECK(tags == QStringList{QStringLiteral("Cyber/rule")});
}

TEST_CASE("cli: tag, tags, rule and rules, show --json lists every tag with its kind",
          "[cli][tagging]")
{
    REQUIRE_SHARED("seed/000_2afe67581d2c50c2.txt");
    QTemporaryDir dir;
    REQUIRE(cli(withLibrary(dir, {QStringLiteral("import"), sharedPath(QStringLiteral("seed")),
                                  sampleDir()}))
                .exitCode == 0);
    // The seed is the only story that mentions Sony.
    const Run seedId = cli(withLibrary(
        dir, {QStringLiteral("search"), QStringLiteral("--json"), QStringLiteral("sony")}));
    REQUIRE(seedId.json()[QStringLiteral("total")].toInt() == 1);
    const QString id =
        QString::number(seedId.json()[QStringLiteral("results")][0][QStringLiteral("id")].toInt());

    CHECK(cli(withLibrary(
                  dir, {QStringLiteral("tag"), QStringLiteral("add"), QStringLiteral("Keep"), id}))
              .exitCode == 0);
    const Run rule = cli(withLibrary(dir, {QStringLiteral("rule"), QStringLiteral("add"),
                                           QStringLiteral("Cyber"), QStringLiteral("cyber")}));
    CHECK(rule.exitCode == 0);
    CHECK(rule.out.contains("tagged 1 article;"));

    const Run shown = cli(withLibrary(dir, {QStringLiteral("show"), QStringLiteral("--json"), id}));
    REQUIRE(shown.exitCode == 0);
    QStringList tags;
    for (const QJsonValue& tag : shown.json()[QStringLiteral("tags")].toArray())
        tags.append(tag[QStringLiteral("name")].toString() + u'/' +
                    tag[QStringLiteral("kind")].toString());
    INFO(tags.join(QStringLiteral(", ")).toStdString());
    for (const char* expected :
         {"Keep/manual", "Cyber/rule", "North Korea/place", "United States/place", "China/place",
          "Sony Pictures/organization", "CNN/organization", "Barack Obama/person",
          "Kim Jong Un/person", "Michael Lynton/person"})
        CHECK(tags.contains(QString::fromLatin1(expected)));

    const Run listed = cli(withLibrary(dir, {QStringLiteral("tags"), QStringLiteral("--json")}));
    REQUIRE(listed.exitCode == 0);
    bool sawKeep = false;
    for (const QJsonValue& tag : listed.json().array()) {
        CHECK(tag[QStringLiteral("count")].toInt() >= 1);
        if (tag[QStringLiteral("name")].toString() == u"Keep") {
            sawKeep = true;
            CHECK(tag[QStringLiteral("kind")].toString() == QStringLiteral("manual"));
        }
    }
    CHECK(sawKeep);
    const Run refreshed =
        cli(withLibrary(dir, {QStringLiteral("tags"), QStringLiteral("--refresh-keywords"),
                              QStringLiteral("--json")}));
    CHECK(refreshed.exitCode == 0);
    CHECK(refreshed.err.contains("Keywords computed again"));
    CHECK(refreshed.json().array().size() == listed.json().array().size()); // 13 stories: none
    const Run rules = cli(withLibrary(dir, {QStringLiteral("rules"), QStringLiteral("--json")}));
    CHECK(rules.json().array().size() == 1);
    CHECK(rules.json()[0][QStringLiteral("query")].toString() == QStringLiteral("cyber"));

    // Tagging by query, then taking the tag off again.
    const Run byQuery =
        cli(withLibrary(dir, {QStringLiteral("tag"), QStringLiteral("add"), QStringLiteral("Later"),
                              QStringLiteral("--query"), QStringLiteral("is:unread")}));
    CHECK(byQuery.exitCode == 0);
    CHECK(byQuery.out.contains("13 articles"));
    CHECK(cli(withLibrary(dir,
                          {QStringLiteral("tag"), QStringLiteral("remove"), QStringLiteral("later"),
                           QStringLiteral("--query"), QStringLiteral("tag:later")}))
              .exitCode == 0);
    CHECK(cli(withLibrary(dir, {QStringLiteral("search"), QStringLiteral("--count"),
                                QStringLiteral("tag:later")}))
              .out.trimmed() == "0");

    // Mistakes: a missing article fails (1), bad usage is 2, an unknown rule fails.
    CHECK(cli(withLibrary(dir, {QStringLiteral("tag"), QStringLiteral("add"), QStringLiteral("X"),
                                QStringLiteral("99999")}))
              .exitCode == 1);
    CHECK(cli(withLibrary(dir, {QStringLiteral("tag"), QStringLiteral("add"), QStringLiteral("X")}))
              .exitCode == 2);
    CHECK(cli(withLibrary(
                  dir, {QStringLiteral("tag"), QStringLiteral("paint"), QStringLiteral("X"), id}))
              .exitCode == 2);
    CHECK(cli(withLibrary(
                  dir, {QStringLiteral("rule"), QStringLiteral("remove"), QStringLiteral("Nope")}))
              .exitCode == 1);
    // A malformed query makes a rule all the same, read as the search reads it.
    const Run odd = cli(withLibrary(dir, {QStringLiteral("rule"), QStringLiteral("add"),
                                          QStringLiteral("Odd"), QStringLiteral("((sony OR")}));
    CHECK(odd.exitCode == 0);
    CHECK(odd.out.contains("tagged 1 article;"));
    CHECK(cli(withLibrary(
                  dir, {QStringLiteral("rule"), QStringLiteral("remove"), QStringLiteral("cyber")}))
              .exitCode == 0);
}

TEST_CASE("cli: export writes each format, refuses to overwrite with exit 4, and --force replaces",
          "[cli][export]")
{
    REQUIRE_SHARED("seed/000_2afe67581d2c50c2.txt");
    QTemporaryDir dir;
    const QString seed = sharedPath(QStringLiteral("seed/000_2afe67581d2c50c2.txt"));
    REQUIRE(cli(withLibrary(dir, {QStringLiteral("import"), seed, sampleDir()})).exitCode == 0);

    for (const char* format : {"md", "html", "json", "ndjson", "csv", "txt", "pdf"}) {
        const QString out = dir.filePath(QStringLiteral("all.") + QLatin1String(format));
        const Run run = cli(withLibrary(dir, {QStringLiteral("export"), QStringLiteral("--all"),
                                              QStringLiteral("--format"), QLatin1String(format),
                                              QStringLiteral("-o"), out}));
        INFO(format << ": " << run.err.toStdString());
        CHECK(run.exitCode == 0);
        CHECK(run.out.contains("Exported"));
        CHECK(QFileInfo::exists(out));
    }
    CHECK(readFile(dir.filePath(QStringLiteral("all.pdf"))).startsWith("%PDF-"));
    const QString json = dir.filePath(QStringLiteral("all.json"));
    const QByteArray before = readFile(json);
    const QJsonArray all = QJsonDocument::fromJson(before).array();
    CHECK(all.size() > 1);

    // The same path again: refused, untouched; with --force: replaced.
    const QStringList again{QStringLiteral("export"),
                            QStringLiteral("--ids"),
                            QStringLiteral("1"),
                            QStringLiteral("--format"),
                            QStringLiteral("json"),
                            QStringLiteral("-o"),
                            json};
    const Run refused = cli(withLibrary(dir, again));
    CHECK(refused.exitCode == 4);
    CHECK(refused.err.contains("already exists"));
    CHECK(readFile(json) == before);
    const Run forced = cli(withLibrary(dir, QStringList(again) << QStringLiteral("--force")));
    CHECK(forced.exitCode == 0);
    const QJsonArray one = QJsonDocument::fromJson(readFile(json)).array();
    REQUIRE(one.size() == 1);
    CHECK(one.at(0).toObject().value(QStringLiteral("id")).toInt() == 1);

    // A query selects; it reaches the seed by its tag.
    const Run query =
        cli(withLibrary(dir, {QStringLiteral("export"), QStringLiteral("--query"),
                              QStringLiteral("tag:\"Kim Jong Un\""), QStringLiteral("--format"),
                              QStringLiteral("ndjson"), QStringLiteral("-o"),
                              dir.filePath(QStringLiteral("kim.ndjson"))}));
    CHECK(query.exitCode == 0);
    CHECK(readFile(dir.filePath(QStringLiteral("kim.ndjson"))).count('\n') == 1);

    // Usage errors exit 2; an unknown id or an unwritable place fails with 1 and a reason.
    auto exitOf = [&dir](QStringList arguments) {
        return cli(withLibrary(dir, arguments)).exitCode;
    };
    CHECK(exitOf({QStringLiteral("export"), QStringLiteral("--all"), QStringLiteral("--format"),
                  QStringLiteral("docx"), QStringLiteral("-o"),
                  dir.filePath(QStringLiteral("x"))}) == 2);
    CHECK(exitOf({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("json"),
                  QStringLiteral("-o"), dir.filePath(QStringLiteral("x"))}) == 2);
    CHECK(exitOf({QStringLiteral("export"), QStringLiteral("--all"), QStringLiteral("--format"),
                  QStringLiteral("json")}) == 2);
    const Run missing = cli(withLibrary(dir, {QStringLiteral("export"), QStringLiteral("--ids"),
                                              QStringLiteral("1,999"), QStringLiteral("--format"),
                                              QStringLiteral("csv"), QStringLiteral("-o"),
                                              dir.filePath(QStringLiteral("missing.csv"))}));
    CHECK(missing.exitCode == 1);
    CHECK(missing.err.contains("999"));
    CHECK_FALSE(QFileInfo::exists(dir.filePath(QStringLiteral("missing.csv"))));
    const Run underAFile = cli(withLibrary(
        dir, {QStringLiteral("export"), QStringLiteral("--all"), QStringLiteral("--format"),
              QStringLiteral("csv"), QStringLiteral("-o"), json + QStringLiteral("/inside.csv")}));
    CHECK(underAFile.exitCode == 1);
    CHECK(underAFile.err.contains("all.json"));
}

namespace {

QProcess* startCli(const QStringList& arguments, QObject* parent = nullptr)
{
    auto* process = new QProcess(parent);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("BROADSHEET_LIBRARY"));
    process->setProcessEnvironment(environment);
    process->start(QStringLiteral(BROADSHEET_CLI_PATH), arguments);
    REQUIRE(process->waitForStarted(10000));
    return process;
}

qint64 storedCount(const QTemporaryDir& dir)
{
    const Run stats = cli(withLibrary(dir, {QStringLiteral("stats"), QStringLiteral("--json")}));
    REQUIRE(stats.exitCode == 0);
    return stats.json()[QStringLiteral("articles")].toInteger();
}

/// `check` finds nothing wrong but stories waiting for the tagger: no integrity, index,
/// reference or rule problem (a row without its index entry, a tag without its story).
void soundExceptTagging(const QTemporaryDir& dir, const char* after)
{
    const Run checked = cli(withLibrary(dir, {QStringLiteral("check")}));
    INFO("after " << after << ": " << checked.err.toStdString());
    CHECK(checked.exitCode <= 1);
    for (const QByteArray& line : checked.err.split('\n')) {
        if (!line.isEmpty())
            CHECK(line.contains("not tagged"));
    }
}

} // namespace

TEST_CASE("cli: two imports into one library at once both succeed, and tag add during them",
          "[cli][engine]")
{
    QTemporaryDir dir;
    const QString a = writeStories(dir, QStringLiteral("a"), 2000);
    const QString b = writeStories(dir, QStringLiteral("b"), 2000);
    REQUIRE(
        cli(withLibrary(dir, {QStringLiteral("import"), QStringLiteral("--no-tags"), sampleDir()}))
            .exitCode == 0);
    QObject owner;
    QProcess* first =
        startCli(withLibrary(dir, {QStringLiteral("import"), QStringLiteral("--json"), a}), &owner);
    QProcess* second =
        startCli(withLibrary(dir, {QStringLiteral("import"), QStringLiteral("--json"), b}), &owner);
    // A hand tag while both run: it waits its turn, it is not refused.
    const Run tagged = cli(
        withLibrary(dir, {QStringLiteral("tag"), QStringLiteral("add"), QStringLiteral("Reading"),
                          QStringLiteral("1"), QStringLiteral("2")}));
    CHECK(tagged.exitCode == 0);
    CHECK_FALSE(tagged.err.contains("locked"));
    for (QProcess* process : {first, second}) {
        REQUIRE(process->waitForFinished(300000));
        const QByteArray err = process->readAllStandardError();
        INFO(err.toStdString());
        CHECK(process->exitCode() == 0);
        CHECK_FALSE(err.contains("locked"));
        const QJsonObject report =
            QJsonDocument::fromJson(process->readAllStandardOutput()).object();
        CHECK(report[QStringLiteral("added")].toInt() == 2000);
    }
    CHECK(storedCount(dir) == 4012);
    const Run checked = cli(withLibrary(dir, {QStringLiteral("check")}));
    INFO(checked.err.toStdString());
    CHECK(checked.exitCode == 0);
}

TEST_CASE("cli: an import killed midway (storing or tagging) keeps every committed story with "
          "its rule tags, importing again and check catch up",
          "[cli][engine][regression]")
{
    QTemporaryDir dir;
    const QString folder = writeStories(dir, QStringLiteral("in"), 20000);
    REQUIRE(cli(withLibrary(dir, {QStringLiteral("import"), sampleDir()})).exitCode == 0);
    REQUIRE(cli(withLibrary(dir, {QStringLiteral("rule"), QStringLiteral("add"),
                                  QStringLiteral("Council"), QStringLiteral("council")}))
                .exitCode == 0);
    QObject owner;
    QProcess* import = startCli(withLibrary(dir, {QStringLiteral("import"), folder}), &owner);
    // Kill it (SIGKILL: no chance to clean up) once some of it has been committed: while it
    // stores the rest, or while its tagging pass runs.
    qint64 stored = 12;
    for (int tries = 0; tries < 600 && stored <= 12; ++tries) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        stored = storedCount(dir);
    }
    import->kill();
    REQUIRE(import->waitForFinished(10000));
    stored = storedCount(dir);
    INFO("stored before the kill: " << stored);
    REQUIRE(stored > 12);

    // Every committed story that the rule matches has the rule's tag; what waits for the
    // tagger is named.
    Run checked = cli(withLibrary(dir, {QStringLiteral("check")}));
    INFO(checked.err.toStdString());
    CHECK_FALSE(checked.err.contains("rule"));
    CHECK((checked.exitCode == 0 || checked.err.contains("not tagged")));
    const Run matched = cli(withLibrary(
        dir, {QStringLiteral("search"), QStringLiteral("--count"), QStringLiteral("council")}));
    const Run ruled = cli(withLibrary(
        dir, {QStringLiteral("search"), QStringLiteral("--count"), QStringLiteral("tag:Council")}));
    CHECK(matched.out == ruled.out);

    // Importing again adds the rest; the pass tags everything; check is clean.
    const Run again =
        cli(withLibrary(dir, {QStringLiteral("import"), QStringLiteral("--json"), folder}));
    CHECK(again.exitCode == 0);
    CHECK(again.json()[QStringLiteral("added")].toInt() == 20012 - stored);
    CHECK(storedCount(dir) == 20012);
    checked = cli(withLibrary(dir, {QStringLiteral("check")}));
    INFO(checked.err.toStdString());
    CHECK(checked.exitCode == 0);
}

TEST_CASE("cli: import --no-tags leaves stories for retag, which check names until then",
          "[cli][engine]")
{
    QTemporaryDir dir;
    const Run imported =
        cli(withLibrary(dir, {QStringLiteral("import"), QStringLiteral("--no-tags"), sampleDir()}));
    REQUIRE(imported.exitCode == 0);
    CHECK(imported.out.contains("not tagged yet"));
    Run checked = cli(withLibrary(dir, {QStringLiteral("check")}));
    CHECK(checked.exitCode == 1);
    CHECK(checked.err.contains("12 stories are not tagged"));
    const Run retagged = cli(withLibrary(dir, {QStringLiteral("retag")}));
    CHECK(retagged.exitCode == 0);
    CHECK(retagged.out.startsWith("Tagged 12 stories"));
    checked = cli(withLibrary(dir, {QStringLiteral("check")}));
    CHECK(checked.exitCode == 0);
    // Both phases of an import are reported.
    const Run phases = cli(withLibrary(dir, {QStringLiteral("import"), sampleDir()}));
    CHECK(phases.out.contains("Stored in"));
    CHECK(phases.out.contains("tagged 0 in"));
    const Run all = cli(withLibrary(dir, {QStringLiteral("retag"), QStringLiteral("--all")}));
    CHECK(all.out.startsWith("Tagged 12 stories"));
}

TEST_CASE("cli: export --format PDF in capitals writes a PDF", "[cli][export][regression]")
{
    QTemporaryDir dir;
    REQUIRE(cli(withLibrary(dir, {QStringLiteral("import"), sampleDir()})).exitCode == 0);
    const QString out = dir.filePath(QStringLiteral("out.pdf"));
    const Run exported = cli(withLibrary(dir, {QStringLiteral("export"), QStringLiteral("--all"),
                                               QStringLiteral("--format"), QStringLiteral("PDF"),
                                               QStringLiteral("-o"), out}));
    INFO(exported.err.toStdString());
    CHECK(exported.exitCode == 0);
    CHECK(readFile(out).startsWith("%PDF"));
}

TEST_CASE("cli: a feed file and an OPML list import, feeds lists them and writes them back as OPML",
          "[cli][feeds]")
{
    QTemporaryDir dir;
    writeFile(dir.filePath(QStringLiteral("in/daily.rss")),
              "<rss version=\"2.0\"><channel><title>Daily</title><item><title>One</title>"
              "<link>https://d.example/1</link><description>&lt;p&gt;Hi &lt;b&gt;there"
              "&lt;/b&gt;&lt;/p&gt;</description></item></channel></rss>");
    writeFile(dir.filePath(QStringLiteral("in/mine.opml")),
              "<opml version=\"2.0\"><body><outline text=\"Tech\">"
              "<outline text=\"Q\" xmlUrl=\"https://q.example/?a=1&b=2\"/></outline>"
              "<outline text=\"Daily\" xmlUrl=\"https://d.example/rss\"/></body></opml>");
    const Run imported = cli(withLibrary(dir, {QStringLiteral("import"), QStringLiteral("--json"),
                                               dir.filePath(QStringLiteral("in"))}));
    REQUIRE(imported.exitCode == 0);
    const QJsonObject report = imported.json().object();
    CHECK(report.value(QStringLiteral("added")).toInt() == 1);
    CHECK(report.value(QStringLiteral("subscriptionsAdded")).toInt() == 2);

    const Run shown = cli(
        withLibrary(dir, {QStringLiteral("show"), QStringLiteral("--json"), QStringLiteral("1")}));
    REQUIRE(shown.exitCode == 0);
    CHECK(shown.json().object().value(QStringLiteral("source")).toString() == u"Daily");
    CHECK(shown.json().object().value(QStringLiteral("html")).toString() ==
          u"<p>Hi <b>there</b></p>");
    CHECK(shown.json().object().value(QStringLiteral("body")).toString() == u"Hi there");

    const Run feeds = cli(withLibrary(dir, {QStringLiteral("feeds"), QStringLiteral("--json")}));
    REQUIRE(feeds.exitCode == 0);
    const QJsonArray list = feeds.json().array();
    REQUIRE(list.size() == 2);
    CHECK(list[0].toObject().value(QStringLiteral("url")).toString() ==
          u"https://q.example/?a=1&b=2");
    CHECK(list[0].toObject().value(QStringLiteral("folders")).toArray().first().toString() ==
          u"Tech");

    // The OPML it writes imports into another library as the same list.
    const Run opml = cli(withLibrary(dir, {QStringLiteral("feeds"), QStringLiteral("--opml")}));
    REQUIRE(opml.exitCode == 0);
    QTemporaryDir other;
    writeFile(other.filePath(QStringLiteral("back.opml")), opml.out);
    REQUIRE(cli(withLibrary(
                    other, {QStringLiteral("import"), other.filePath(QStringLiteral("back.opml"))}))
                .exitCode == 0);
    const Run back = cli(withLibrary(other, {QStringLiteral("feeds"), QStringLiteral("--opml")}));
    CHECK(back.out == opml.out);

    CHECK(cli(withLibrary(dir, {QStringLiteral("feeds"), QStringLiteral("--json"),
                                QStringLiteral("--opml")}))
              .exitCode == 2);
}

TEST_CASE("cli: SIGKILL at random moments of an import and a tagging pass leaves a sound "
          "library, and running the work again stores every story exactly once",
          "[cli][engine][crash]")
{
    // BROADSHEET_KILLS=50 for the full run; a few per job by default, to stay in CI's time.
    const int kills = qEnvironmentVariableIsSet("BROADSHEET_KILLS")
                          ? qEnvironmentVariableIntValue("BROADSHEET_KILLS")
                          : 4;
    const unsigned seed = std::random_device{}();
    INFO("seed " << seed);
    std::mt19937 random(seed);
    QTemporaryDir dir;
    const QString folder = writeStories(dir, QStringLiteral("in"), 6000);
    QObject owner;
    for (int i = 0; i < kills; ++i) {
        QProcess* import = startCli(withLibrary(dir, {QStringLiteral("import"), folder}), &owner);
        std::this_thread::sleep_for(
            std::chrono::milliseconds(std::uniform_int_distribution<int>(20, 2500)(random)));
        import->kill();
        REQUIRE(import->waitForFinished(10000));
        soundExceptTagging(dir, "a kill during an import");
    }
    REQUIRE(cli(withLibrary(dir, {QStringLiteral("import"), QStringLiteral("--no-tags"), folder}))
                .exitCode == 0);
    CHECK(storedCount(dir) == 6000);
    for (int i = 0; i < kills; ++i) {
        QProcess* pass =
            startCli(withLibrary(dir, {QStringLiteral("retag"), QStringLiteral("--all")}), &owner);
        std::this_thread::sleep_for(
            std::chrono::milliseconds(std::uniform_int_distribution<int>(20, 1500)(random)));
        pass->kill();
        REQUIRE(pass->waitForFinished(10000));
        soundExceptTagging(dir, "a kill during a tagging pass");
    }
    REQUIRE(cli(withLibrary(dir, {QStringLiteral("retag")})).exitCode == 0);
    CHECK(storedCount(dir) == 6000); // every story once: none twice, none lost
    const Run checked = cli(withLibrary(dir, {QStringLiteral("check")}));
    INFO(checked.err.toStdString());
    CHECK(checked.exitCode == 0);
}

TEST_CASE("cli: a full disk during an import says so by its cause, keeps the library sound, "
          "and the next import completes it with every story once",
          "[cli][engine][crash]")
{
    QTemporaryDir dir;
    const QString folder = writeStories(dir, QStringLiteral("in"), 3000);
    REQUIRE(cli(withLibrary(dir, {QStringLiteral("import"), sampleDir()})).exitCode == 0);
    const qint64 before = storedCount(dir);
    const qint64 size = QFileInfo(dir.filePath(QStringLiteral("library.sqlite"))).size();
    const Run full =
        cliLimited(withLibrary(dir, {QStringLiteral("import"), folder}), size + 256 * 1024);
    INFO(full.err.toStdString());
    CHECK(full.exitCode != 0);
    CHECK(full.err.contains("reached the size limit set for this program"));
    CHECK_FALSE(full.err.contains("disk I/O error"));
    soundExceptTagging(dir, "a full disk");
    const qint64 kept = storedCount(dir);
    CHECK(kept >= before);
    CHECK(kept < before + 3000);

    const Run again = cli(withLibrary(dir, {QStringLiteral("import"), folder}));
    INFO(again.err.toStdString());
    CHECK(again.exitCode == 0);
    CHECK(storedCount(dir) == before + 3000);
    CHECK(cli(withLibrary(dir, {QStringLiteral("check")})).exitCode == 0);
}

TEST_CASE("cli: a write-ahead log deleted while the library is open is found and said, and "
          "what the library file holds can still be read",
          "[cli][health][regression]")
{
    // Another program (here, this test) keeps the library open, with committed stories in
    // the WAL that a reader's snapshot keeps from being copied into the file; then the WAL
    // is deleted. Deleting it lost 2,095 stories while check said ok.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("library.sqlite"));
    auto store = core::ArticleStore::open(path, core::ArticleStore::OpenMode::CreateIfMissing);
    REQUIRE(store.ok());
    auto add = [&](int count, const QString& prefix) {
        QList<core::Article> articles(count);
        for (int i = 0; i < count; ++i) {
            articles[i].title = QStringLiteral("%1 %2").arg(prefix).arg(i);
            articles[i].body = QStringLiteral("Words of %1 %2.").arg(prefix).arg(i).repeated(20);
        }
        REQUIRE((*store)->addArticles(articles).ok());
    };
    add(20, QStringLiteral("Checkpointed"));
    REQUIRE((*store)->database().exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
    auto reader = core::Database::open(path, core::Database::Mode::ReadOnly);
    REQUIRE(reader.ok());
    REQUIRE(reader->exec("BEGIN").ok());
    REQUIRE(reader->queryInt("SELECT count(*) FROM articles").ok());
    add(200, QStringLiteral("Only in the log"));
    CHECK_FALSE(cli(withLibrary(dir, {QStringLiteral("check")})).err.contains("write-ahead"));

    REQUIRE(QFile::remove(path + QStringLiteral("-wal")));
    const Run checked = cli(withLibrary(dir, {QStringLiteral("check")}));
    CHECK(checked.exitCode == 1);
    CHECK(checked.err.contains("write-ahead log"));
    CHECK(checked.err.contains("was deleted"));
    const Run tagged = cli(withLibrary(dir, {QStringLiteral("tag"), QStringLiteral("add"),
                                             QStringLiteral("X"), QStringLiteral("1")}));
    CHECK(tagged.exitCode == 1);
    // Read-only, from a copy of the file: the 20 stories it holds.
    const Run count = cli(withLibrary(
        dir, {QStringLiteral("search"), QStringLiteral("--count"), QStringLiteral("words")}));
    CHECK(count.exitCode == 0);
    CHECK(count.out.trimmed() == "20");
    CHECK(count.err.contains("read-only"));
}

TEST_CASE("cli: mark does what the window's keys do, by id or by query", "[cli][regression]")
{
    QTemporaryDir dir;
    REQUIRE(cli(withLibrary(dir, {QStringLiteral("import"), sampleDir()})).exitCode == 0);
    auto stats = [&] {
        return cli(withLibrary(dir, {QStringLiteral("stats"), QStringLiteral("--json")})).json();
    };
    const Run read = cli(withLibrary(dir, {QStringLiteral("mark"), QStringLiteral("read"),
                                           QStringLiteral("1"), QStringLiteral("2")}));
    CHECK(read.exitCode == 0);
    CHECK(read.out == "Marked 2 stories read.\n");
    CHECK(stats()[QStringLiteral("unread")].toInteger() == 10);
    const Run starred = cli(withLibrary(dir, {QStringLiteral("mark"), QStringLiteral("starred"),
                                              QStringLiteral("--json"), QStringLiteral("--query"),
                                              QStringLiteral("is:unread")}));
    CHECK(starred.exitCode == 0);
    CHECK(starred.json()[QStringLiteral("marked")].toInteger() == 10);
    CHECK(stats()[QStringLiteral("starred")].toInteger() == 10);
    CHECK(cli(withLibrary(dir,
                          {QStringLiteral("mark"), QStringLiteral("unread"), QStringLiteral("1")}))
              .out == "Marked 1 story unread.\n");
    CHECK(stats()[QStringLiteral("unread")].toInteger() == 11);
    CHECK(cli(withLibrary(
                  dir, {QStringLiteral("mark"), QStringLiteral("sideways"), QStringLiteral("1")}))
              .exitCode == 2);
    CHECK(cli(withLibrary(dir, {QStringLiteral("mark"), QStringLiteral("read")})).exitCode == 2);
    CHECK(cli(withLibrary(dir,
                          {QStringLiteral("mark"), QStringLiteral("read"), QStringLiteral("9999")}))
              .exitCode != 0);
}

TEST_CASE("cli: source rename renames a source, and onto another makes them one", "[cli]")
{
    QTemporaryDir dir;
    const QString a = writeStories(dir, QStringLiteral("wire"), 3);
    const QString b = writeStories(dir, QStringLiteral("agency"), 2, 2017);
    REQUIRE(cli(withLibrary(dir, {QStringLiteral("import"), QStringLiteral("--no-tags"), a, b}))
                .exitCode == 0);
    const Run renamed =
        cli(withLibrary(dir, {QStringLiteral("source"), QStringLiteral("rename"),
                              QStringLiteral("wire"), QStringLiteral("Wire Service")}));
    INFO(renamed.err.toStdString());
    CHECK(renamed.exitCode == 0);
    CHECK(renamed.out == "Renamed 'wire' to 'Wire Service' (3 stories).\n");
    auto count = [&](const QString& query) {
        return cli(withLibrary(dir, {QStringLiteral("search"), QStringLiteral("--count"), query}))
            .out.trimmed()
            .toInt();
    };
    CHECK(count(QStringLiteral("source:\"Wire Service\"")) == 3);
    CHECK(count(QStringLiteral("source:wire")) == 0);
    const Run merged =
        cli(withLibrary(dir, {QStringLiteral("source"), QStringLiteral("rename"),
                              QStringLiteral("agency"), QStringLiteral("Wire Service")}));
    CHECK(merged.exitCode == 0);
    CHECK(merged.out.contains("(5 stories)"));
    CHECK(count(QStringLiteral("source:\"Wire Service\"")) == 5);
    CHECK(cli(withLibrary(dir, {QStringLiteral("source"), QStringLiteral("rename"),
                                QStringLiteral("nobody"), QStringLiteral("x")}))
              .exitCode != 0);
    CHECK(cli(withLibrary(dir, {QStringLiteral("source"), QStringLiteral("rename"),
                                QStringLiteral("Wire Service")}))
              .exitCode == 2);
    CHECK(cli(withLibrary(dir, {QStringLiteral("check")})).exitCode <= 1);
}

TEST_CASE("cli: related lists the stories most like one, show lists its other versions, "
          "entity shows a name's page",
          "[cli][discovery]")
{
    REQUIRE_SHARED("data/bbc/news/business");
    QTemporaryDir dir;
    REQUIRE(cli(withLibrary(dir, {QStringLiteral("import"),
                                  sharedPath(QStringLiteral("data/bbc/news/business"))}))
                .exitCode == 0);
    // The corpus has this story twice, under two headlines.
    const Run found = cli(withLibrary(dir, {QStringLiteral("search"), QStringLiteral("--json"),
                                            QStringLiteral("title:\"UK interest rates held\"")}));
    REQUIRE(found.exitCode == 0);
    const QJsonArray hits = found.json().object().value(QStringLiteral("results")).toArray();
    REQUIRE(hits.size() == 1);
    const QString id = QString::number(hits[0].toObject().value(QStringLiteral("id")).toInteger());

    const Run related = cli(withLibrary(dir, {QStringLiteral("related"), QStringLiteral("--json"),
                                              QStringLiteral("--limit"), QStringLiteral("5"), id}));
    REQUIRE(related.exitCode == 0);
    const QJsonArray stories = related.json().array();
    REQUIRE(stories.size() == 5);
    double previous = 1.0;
    for (const QJsonValue& story : stories) {
        const QJsonObject object = story.toObject();
        CHECK(QString::number(object.value(QStringLiteral("id")).toInteger()) != id);
        CHECK(object.value(QStringLiteral("score")).toDouble() <= previous);
        previous = object.value(QStringLiteral("score")).toDouble();
        CHECK(object.contains(QStringLiteral("title")));
    }
    const Run table = cli(withLibrary(dir, {QStringLiteral("related"), id}));
    REQUIRE(table.exitCode == 0);
    CHECK(table.out.count('\n') == 10);
    CHECK(table.out.contains("rate"));

    const Run shown = cli(withLibrary(dir, {QStringLiteral("show"), QStringLiteral("--json"), id}));
    REQUIRE(shown.exitCode == 0);
    const QJsonArray versions = shown.json().object().value(QStringLiteral("versions")).toArray();
    REQUIRE(versions.size() == 1);
    const Run text = cli(withLibrary(dir, {QStringLiteral("show"), id}));
    CHECK(text.out.contains("Versions: "));
    CHECK(text.out.contains("Bank holds interest rate at 4.75%"));
    // Its other version is not among the related stories.
    for (const QJsonValue& story : stories)
        CHECK(story.toObject().value(QStringLiteral("id")) != versions[0]);

    // Grouped, the two versions are one result that lists the other; nothing else changes.
    auto search = [&](QStringList arguments) {
        const Run run = cli(withLibrary(dir, QStringList{QStringLiteral("search")} + arguments));
        REQUIRE(run.exitCode == 0);
        return run;
    };
    const QString topic = QStringLiteral("\"interest rate\"");
    const QJsonObject plain =
        search({QStringLiteral("--json"), QStringLiteral("--limit"), QStringLiteral("500"), topic})
            .json()
            .object();
    const QJsonObject grouped = search({QStringLiteral("--json"), QStringLiteral("--group"),
                                        QStringLiteral("--limit"), QStringLiteral("500"), topic})
                                    .json()
                                    .object();
    const qint64 matches = plain.value(QStringLiteral("total")).toInteger();
    REQUIRE(matches > 2);
    CHECK(grouped.value(QStringLiteral("total")).toInteger() < matches);
    qint64 listed = 0;
    bool bothAsOne = false;
    for (const QJsonValue& hit : grouped.value(QStringLiteral("results")).toArray()) {
        const QJsonArray others = hit.toObject().value(QStringLiteral("versions")).toArray();
        listed += 1 + others.size();
        const QJsonValue shownId = hit.toObject().value(QStringLiteral("id"));
        auto lists = [&others](const QJsonValue& wanted) {
            for (const QJsonValue& other : others) {
                if (other.toObject().value(QStringLiteral("id")).toInteger() == wanted.toInteger())
                    return true;
            }
            return false;
        };
        bothAsOne =
            bothAsOne || (shownId.toInteger() == id.toLongLong() && lists(versions[0])) ||
            (shownId.toInteger() == versions[0].toInteger() && lists(QJsonValue(id.toLongLong())));
    }
    CHECK(bothAsOne);
    CHECK(listed == matches); // every match is shown or listed under the one shown for it
    const Run rows = search({QStringLiteral("--group"), topic});
    CHECK(rows.out.contains("and 1 more: "));
    CHECK(rows.out.contains("of " +
                            QByteArray::number(grouped.value(QStringLiteral("total")).toInteger()) +
                            " stories"));
    CHECK(search({QStringLiteral("--count"), QStringLiteral("--group"), topic}).out.trimmed() ==
          QByteArray::number(grouped.value(QStringLiteral("total")).toInteger()));

    // A name's page: its stories by month (these are undated) and the names beside it.
    const Run entity = cli(withLibrary(
        dir, {QStringLiteral("entity"), QStringLiteral("--json"), QStringLiteral("yukos")}));
    REQUIRE(entity.exitCode == 0);
    const QJsonObject page = entity.json().object();
    CHECK(page.value(QStringLiteral("name")).toString() == QStringLiteral("Yukos"));
    CHECK(page.value(QStringLiteral("stories")).toInteger() >= 20);
    CHECK(page.value(QStringLiteral("undated")).toInteger() ==
          page.value(QStringLiteral("stories")).toInteger());
    const QJsonArray alongside = page.value(QStringLiteral("alongside")).toArray();
    REQUIRE_FALSE(alongside.isEmpty());
    bool russia = false;
    for (const QJsonValue& name : alongside)
        russia = russia || name.toObject().value(QStringLiteral("name")).toString() == u"Russia";
    CHECK(russia);
    const Run nobody =
        cli(withLibrary(dir, {QStringLiteral("entity"), QStringLiteral("Nobody Atall")}));
    CHECK(nobody.exitCode == 1);
    CHECK(nobody.err.contains("no person, organisation or place named 'Nobody Atall'"));
    CHECK(cli(withLibrary(dir, {QStringLiteral("entity")})).exitCode == 2);

    CHECK(cli(withLibrary(dir, {QStringLiteral("related"), QStringLiteral("x")})).exitCode == 2);
    CHECK(cli(withLibrary(dir, {QStringLiteral("related"), QStringLiteral("--limit"),
                                QStringLiteral("0"), id}))
              .exitCode == 2);
    const Run absent = cli(withLibrary(dir, {QStringLiteral("related"), QStringLiteral("99999")}));
    CHECK(absent.exitCode == 1);
    CHECK(absent.err.contains("no article with id 99999"));
}
