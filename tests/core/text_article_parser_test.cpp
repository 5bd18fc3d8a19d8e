// SPDX-License-Identifier: GPL-3.0-or-later
#include "parse/text_article_parser.h"
#include "parse/text_decoding.h"
#include "test_support.h"

#include <QDir>

using broadsheet::core::PublishedDate;
using broadsheet::core::TextArticleParser;
using namespace broadsheet::test;

namespace {

broadsheet::core::Article parseBytes(const QByteArray& bytes)
{
    auto parsed = TextArticleParser::parse(broadsheet::core::decodeText(bytes).text);
    REQUIRE(parsed.ok());
    return *parsed;
}

QStringList paragraphsOf(const QString& body)
{
    return body.split(QStringLiteral("\n\n"), Qt::SkipEmptyParts);
}

} // namespace

TEST_CASE("the seed article yields its section, day, title and paragraphs", "[parse]")
{
    REQUIRE_SHARED("seed/000_2afe67581d2c50c2.txt");
    const auto article =
        parseBytes(readFile(sharedPath(QStringLiteral("seed/000_2afe67581d2c50c2.txt"))));
    CHECK(article.section == QStringLiteral("Top Stories"));
    CHECK(article.title == QStringLiteral("Stop N. Korean cyber attacks, US urges China"));
    CHECK(article.published == PublishedDate::day(QDate(2014, 12, 22)));
    CHECK(article.author.isEmpty());
    const QStringList paragraphs = paragraphsOf(article.body);
    CHECK(paragraphs.size() == 17);
    CHECK(paragraphs.front().startsWith(QStringLiteral("THE United States has dismissed")));
    // Link markup is reduced to its text.
    CHECK(paragraphs.back().endsWith(QStringLiteral("studio boss Michael Lynton told CNN.")));
    CHECK_FALSE(article.body.contains(QStringLiteral("[ ]")));
}

TEST_CASE("every layout in text-articles parses to what expected.jsonl says", "[parse][corpus]")
{
    REQUIRE_SHARED("data/text-articles/expected.jsonl");
    const auto expectations =
        readJsonLines(sharedPath(QStringLiteral("data/text-articles/expected.jsonl")));
    REQUIRE(expectations.size() == 159);
    for (const QJsonObject& expected : expectations) {
        const QString file = expected.value(QStringLiteral("file")).toString();
        INFO("file " << file.toStdString());
        const auto article =
            parseBytes(readFile(sharedPath(QStringLiteral("data/text-articles/files/") + file)));
        CHECK(article.title == expected.value(QStringLiteral("title")).toString());
        const QJsonValue date = expected.value(QStringLiteral("date"));
        if (date.isNull())
            CHECK_FALSE(article.published.isKnown());
        else
            CHECK(article.published ==
                  PublishedDate::day(QDate::fromString(date.toString(), Qt::ISODate)));
        const QJsonValue section = expected.value(QStringLiteral("section"));
        CHECK(article.section == (section.isNull() ? QString() : section.toString()));
        const QStringList paragraphs = paragraphsOf(article.body);
        CHECK(paragraphs.size() == expected.value(QStringLiteral("paragraphs")).toInt());
        REQUIRE_FALSE(paragraphs.isEmpty());
        CHECK(paragraphs.front() ==
              expected.value(QStringLiteral("first")).toString().simplified());
        CHECK(paragraphs.back() == expected.value(QStringLiteral("last")).toString().simplified());
    }
}

TEST_CASE("layouts are recognised by structure", "[parse]")
{
    struct Case {
        const char* name;
        QByteArray text;
        QString title;
        QString section;
        PublishedDate date;
        QString author;
        QStringList paragraphs;
    };
    const QList<Case> cases = {
        {"plain: title line, blank line, body",
         "Budget row deepens\n\nFirst paragraph.\n\nSecond one.\n",
         QStringLiteral("Budget row deepens"),
         {},
         {},
         {},
         {QStringLiteral("First paragraph."), QStringLiteral("Second one.")}},
        {"a title followed by a date line",
         "Budget row deepens\n\n22 December 2014\n\nBody text here.\n",
         QStringLiteral("Budget row deepens"),
         {},
         PublishedDate::day(QDate(2014, 12, 22)),
         {},
         {QStringLiteral("Body text here.")}},
        {"a byline after the title",
         "Budget row deepens\n\nBy Jane Smith\n\nBody text here.\n",
         QStringLiteral("Budget row deepens"),
         {},
         {},
         QStringLiteral("Jane Smith"),
         {QStringLiteral("Body text here.")}},
        {"title, weekday date and byline",
         "Budget row deepens\nMonday, December 22, 2014\nBy Jane Smith and Li Wei\n\nBody.\n",
         QStringLiteral("Budget row deepens"),
         {},
         PublishedDate::day(QDate(2014, 12, 22)),
         QStringLiteral("Jane Smith and Li Wei"),
         {QStringLiteral("Body.")}},
        {"hard-wrapped paragraphs are joined",
         "Title\n\nThis paragraph was\nwrapped at a narrow\nwidth.\n\nNext.\n",
         QStringLiteral("Title"),
         {},
         {},
         {},
         {QStringLiteral("This paragraph was wrapped at a narrow width."),
          QStringLiteral("Next.")}},
        {"CRLF line endings",
         "Sport\r\n\r\n    Dec 22, 2014\r\n\r\n    A title\r\n\r\n    Body one.\r\n\r\n    Body "
         "two.\r\n",
         QStringLiteral("A title"),
         QStringLiteral("Sport"),
         PublishedDate::day(QDate(2014, 12, 22)),
         {},
         {QStringLiteral("Body one."), QStringLiteral("Body two.")}},
        {"old Mac CR line endings",
         "A title\r\rBody one.\r\rBody two.\r",
         QStringLiteral("A title"),
         {},
         {},
         {},
         {QStringLiteral("Body one."), QStringLiteral("Body two.")}},
        {"a section without a date",
         "World\n\n    A title\n\n    Body.\n",
         QStringLiteral("A title"),
         QStringLiteral("World"),
         {},
         {},
         {QStringLiteral("Body.")}},
        {"a title that starts with By is not a byline",
         "Top\n\n    By the numbers: a year in rail\n\n    Body.\n",
         QStringLiteral("By the numbers: a year in rail"),
         QStringLiteral("Top"),
         {},
         {},
         {QStringLiteral("Body.")}},
        {"an ISO moment is kept as a moment",
         "A title\n\n2014-12-22T10:30:00Z\n\nBody.\n",
         QStringLiteral("A title"),
         {},
         PublishedDate::moment(QDateTime(QDate(2014, 12, 22), QTime(10, 30), Qt::UTC)),
         {},
         {QStringLiteral("Body.")}},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        const auto article = parseBytes(c.text);
        CHECK(article.title == c.title);
        CHECK(article.section == c.section);
        CHECK(article.published == c.date);
        CHECK(article.author == c.author);
        CHECK(paragraphsOf(article.body) == c.paragraphs);
    }
}

TEST_CASE("a file without a date line keeps an empty date", "[parse]")
{
    const auto article =
        parseBytes("Title only\n\nA paragraph that mentions 2014 but is no date.\n");
    CHECK_FALSE(article.published.isKnown());
    CHECK(article.section.isEmpty());
}

TEST_CASE("text with no words is refused with a reason", "[parse]")
{
    CHECK_FALSE(TextArticleParser::parse(QString()).ok());
    CHECK_FALSE(TextArticleParser::parse(QStringLiteral(" \n\t\n\r\n")).ok());
    const auto onlyDate = TextArticleParser::parse(QStringLiteral("Dec 22, 2014\n"));
    REQUIRE_FALSE(onlyDate.ok());
    CHECK(onlyDate.error().message.contains(QStringLiteral("header")));
}

TEST_CASE("link markup is reduced to its text", "[parse]")
{
    CHECK(TextArticleParser::stripLinkMarkup(QStringLiteral("told [ ]CNN[/ ] on [ ]Friday[/ ].")) ==
          QStringLiteral("told CNN on Friday."));
    CHECK(TextArticleParser::stripLinkMarkup(QStringLiteral("a [bracket] stays")) ==
          QStringLiteral("a [bracket] stays"));
}

TEST_CASE("every BBC file parses to a title and a body", "[parse][corpus]")
{
    REQUIRE_SHARED("data/bbc/news");
    QDir root(sharedPath(QStringLiteral("data/bbc/news")));
    int files = 0;
    for (const QString& category : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QDir dir(root.filePath(category));
        for (const QString& name : dir.entryList({QStringLiteral("*.txt")}, QDir::Files)) {
            const QByteArray bytes = readFile(dir.filePath(name));
            const auto article = parseBytes(bytes);
            INFO(name.toStdString());
            CHECK(article.title == QString::fromUtf8(bytes.left(bytes.indexOf('\n'))).simplified());
            CHECK_FALSE(article.body.isEmpty());
            CHECK(article.section.isEmpty());
            ++files;
        }
    }
    CHECK(files == 2095);
}
