// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/article_formats.h"
#include "parse/structured_article_parser.h"
#include "test_support.h"

#include <QFile>

using namespace broadsheet::core;

namespace {

Article tricky()
{
    Article a;
    a.title = QStringLiteral("# Not a heading: *stars*, _under_ and [brackets] \"quoted\"");
    // A line separator and a control character: escaped in JSON and YAML, back as they were.
    a.section = QStringLiteral("World: \"Asia\"\u2028\u0001\t");
    a.author = QStringLiteral("O'Brien, Siobhán");
    a.source = QStringLiteral("Wire — Reuters");
    a.url = QStringLiteral("https://example.org/a?b=1&c=2");
    a.guid = QStringLiteral("urn:x:1");
    a.published = PublishedDate::moment(QDateTime(QDate(2020, 2, 29), QTime(23, 5), Qt::UTC));
    a.body = QStringLiteral("- not a list\n1. not numbered\n> not a quote\n\n"
                            "Back\\slash, `code`, <b>tags</b>, a | pipe and ~tilde~.\n\n"
                            "    four spaces\n\n+ plus 2) paren === rule");
    a.tags = {Tag{QStringLiteral("North Korea"), QStringLiteral("place")},
              Tag{QStringLiteral("tag, with \"comma\""), QStringLiteral("manual")}};
    a.read = true;
    return a;
}

} // namespace

TEST_CASE("an exported Markdown file parses back to the same article", "[parse][markdown]")
{
    const Article article = tricky();
    const QString markdown = article_format::toMarkdown(article);
    auto parsed = StructuredArticleParser::parseMarkdown(markdown);
    REQUIRE(parsed.ok());
    CHECK(parsed->carriesTags);
    REQUIRE(parsed->articles.size() == 1);
    const Article& got = parsed->articles.first();
    CHECK(got.title == article.title);
    CHECK(got.section == article.section);
    CHECK(got.author == article.author);
    CHECK(got.source == article.source);
    CHECK(got.url == article.url);
    CHECK(got.guid == article.guid);
    CHECK(got.published == article.published);
    CHECK(got.body == article.body);
    CHECK(got.tags == article.tags);
    CHECK(got.read);
    CHECK_FALSE(got.starred);
    // YAML would read U+2028 as a line break: it is escaped.
    CHECK_FALSE(markdown.contains(QChar(0x2028)));
    // What Markdown would read as markup is escaped in the file.
    CHECK(markdown.contains(QStringLiteral("\\- not a list")));
    CHECK(markdown.contains(QStringLiteral("1\\. not numbered")));
    CHECK(markdown.contains(QStringLiteral("\\*stars\\*")));
    CHECK(markdown.contains(QStringLiteral("\\<b\\>tags\\</b\\>")));
}

TEST_CASE("Markdown written by hand: a heading is the title, front matter is optional",
          "[parse][markdown]")
{
    SECTION("no front matter")
    {
        auto parsed = StructuredArticleParser::parseMarkdown(
            QStringLiteral("# Budget passes\r\n\r\nThe vote was close.\r\n\r\nMore later.\r\n"));
        REQUIRE(parsed.ok());
        CHECK_FALSE(parsed->carriesTags);
        CHECK(parsed->articles.first().title == QStringLiteral("Budget passes"));
        CHECK(parsed->articles.first().body ==
              QStringLiteral("The vote was close.\n\nMore later."));
    }
    SECTION("inline tags, a plain date and single quotes")
    {
        auto parsed = StructuredArticleParser::parseMarkdown(
            QStringLiteral("---\ntitle: 'It''s done'\ndate: 2014-12-22\ntags: [Reading, "
                           "\"a, b\"]\n---\nBody.\n"));
        REQUIRE(parsed.ok());
        const Article& a = parsed->articles.first();
        CHECK(a.title == QStringLiteral("It's done"));
        CHECK(a.published == PublishedDate::day(QDate(2014, 12, 22)));
        CHECK(a.tags == QList<Tag>{Tag{QStringLiteral("Reading"), QStringLiteral("manual")},
                                   Tag{QStringLiteral("a, b"), QStringLiteral("manual")}});
    }
    SECTION("broken front matter is refused with its line")
    {
        auto unclosed = StructuredArticleParser::parseMarkdown(QStringLiteral("---\ntitle: x\n"));
        REQUIRE_FALSE(unclosed.ok());
        CHECK(unclosed.error().message.contains(QStringLiteral("closing")));
        auto garbled = StructuredArticleParser::parseMarkdown(
            QStringLiteral("---\ntitle: x\nnonsense\n---\n"));
        REQUIRE_FALSE(garbled.ok());
        CHECK(garbled.error().message.contains(QStringLiteral("line 3")));
    }
    SECTION("an empty file has nothing to import")
    {
        CHECK_FALSE(StructuredArticleParser::parseMarkdown(QString()).ok());
        CHECK_FALSE(StructuredArticleParser::parseMarkdown(QStringLiteral("---\n---\n")).ok());
    }
}

TEST_CASE("JSON and NDJSON parse every field, and name what is wrong", "[parse][json]")
{
    const Article article = tricky();
    const QByteArray line = article_format::toJson(article);
    auto ndjson = StructuredArticleParser::parseNdjson(line + "\n\n" + line + "\n");
    REQUIRE(ndjson.ok());
    REQUIRE(ndjson->articles.size() == 2);
    Article got = ndjson->articles.first();
    CHECK(got == article);

    auto array = StructuredArticleParser::parseJson("[" + line + "]");
    REQUIRE(array.ok());
    CHECK(array->articles.first() == article);
    auto single = StructuredArticleParser::parseJson(line);
    REQUIRE(single.ok());
    CHECK(single->articles.size() == 1);

    auto broken = StructuredArticleParser::parseNdjson(line + "\n{\"title\": \n");
    REQUIRE_FALSE(broken.ok());
    CHECK(broken.error().message.contains(QStringLiteral("line 2")));
    auto notJson = StructuredArticleParser::parseJson("[1, 2]");
    REQUIRE_FALSE(notJson.ok());
    auto badSyntax = StructuredArticleParser::parseJson("[\n{\"title\": \"x\",}\n]");
    REQUIRE_FALSE(badSyntax.ok());
    CHECK(badSyntax.error().message.contains(QStringLiteral("line 2")));
    CHECK_FALSE(StructuredArticleParser::parseJson("[]").ok());
    CHECK_FALSE(StructuredArticleParser::parseJson(QByteArray("\x00\x01\x02", 3)).ok());
}

TEST_CASE("file names are safe, dated and unique", "[export]")
{
    QSet<QString> taken;
    Article a;
    a.id = 7;
    a.title = QStringLiteral("Crème brûlée: CON/NUL*?<>| and \"more\"");
    a.published = PublishedDate::day(QDate(2019, 1, 4));
    CHECK(article_format::fileNameFor(a, QStringLiteral("md"), taken) ==
          QStringLiteral("2019-01-04-creme-brulee-con-nul-and-more.md"));
    CHECK(article_format::fileNameFor(a, QStringLiteral("md"), taken) ==
          QStringLiteral("2019-01-04-creme-brulee-con-nul-and-more-2.md"));
    Article untitled;
    untitled.id = 9;
    untitled.title = QStringLiteral("「東京」");
    CHECK(article_format::fileNameFor(untitled, QStringLiteral("txt"), taken) ==
          QStringLiteral("undated-article-9.txt"));
    Article longTitle;
    longTitle.title = QString(300, u'x');
    CHECK(article_format::fileNameFor(longTitle, QStringLiteral("md"), taken).size() < 80);
}

TEST_CASE("front matter is YAML: block lists, multi-line strings, comments and anchors read",
          "[parse][markdown]")
{
    auto parsed = StructuredArticleParser::parseMarkdown(
        QStringLiteral("---\n"
                       "# notes to myself\n"
                       "title: >\n"
                       "  A folded title\n"
                       "  over two lines\n"
                       "author: &me Jane Roe   # a comment after a value\n"
                       "source: *me\n"
                       "section: |\n"
                       "  World\n"
                       "tags:\n"
                       "  - Reading\n"
                       "  - {name: Lisbon, kind: place}\n"
                       "  - name: Council\n"
                       "    kind: organization\n"
                       "starred: yes\n"
                       "mood: cheerful\n"
                       "---\n"
                       "Body.\n"));
    REQUIRE(parsed.ok());
    const Article& a = parsed->articles.first();
    CHECK(a.title == QStringLiteral("A folded title over two lines\n"));
    CHECK(a.author == QStringLiteral("Jane Roe"));
    CHECK(a.source == QStringLiteral("Jane Roe"));
    CHECK(a.section == QStringLiteral("World\n"));
    CHECK(a.starred);
    CHECK(a.tags == QList<Tag>{Tag{QStringLiteral("Reading"), QStringLiteral("manual")},
                               Tag{QStringLiteral("Lisbon"), QStringLiteral("place")},
                               Tag{QStringLiteral("Council"), QStringLiteral("organization")}});

    auto unclosed = StructuredArticleParser::parseMarkdown(
        QStringLiteral("---\ntitle: ok\nauthor: [unclosed\nsection: x\n---\nBody.\n"));
    REQUIRE_FALSE(unclosed.ok());
    CHECK(unclosed.error().message.contains(QStringLiteral("line ")));
    auto list = StructuredArticleParser::parseMarkdown(
        QStringLiteral("---\ntitle:\n  - not\n  - text\n---\nBody.\n"));
    REQUIRE_FALSE(list.ok());
    CHECK(list.error().message.contains(QStringLiteral("line 3")));
    CHECK(list.error().message.contains(QStringLiteral("'title'")));
}

TEST_CASE("front matter whose key is a mapping or a list is refused with its line, not thrown "
          "(found by fuzz_structured)",
          "[parse][markdown][regression]")
{
    for (const char* name : {"structured-map-as-key.md", "structured-list-as-key.md"}) {
        INFO(name);
        QFile file(QStringLiteral(BROADSHEET_TEST_DATA_DIR "/fuzz/") + QLatin1String(name));
        REQUIRE(file.open(QIODevice::ReadOnly));
        const auto parsed =
            StructuredArticleParser::parseMarkdown(QString::fromUtf8(file.readAll()));
        REQUIRE_FALSE(parsed);
        CHECK(parsed.error().message.contains(u"a key should be a word"));
        CHECK(parsed.error().message.contains(u"line "));
    }
}
