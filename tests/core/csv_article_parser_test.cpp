// SPDX-License-Identifier: GPL-3.0-or-later
#include "parse/csv_article_parser.h"
#include "parse/date_parser.h"
#include "parse/text_decoding.h"
#include "test_support.h"

using broadsheet::core::CsvArticleParser;
using broadsheet::core::PublishedDate;
using namespace broadsheet::test;

TEST_CASE("the Wikinews CSV yields 171 dated articles without their datelines", "[csv][corpus]")
{
    REQUIRE_SHARED("data/wikinews/wikinews_2019.csv");
    const auto text = broadsheet::core::decodeText(
                          readFile(sharedPath(QStringLiteral("data/wikinews/wikinews_2019.csv"))))
                          .text;
    const auto parsed = CsvArticleParser::parse(text);
    REQUIRE(parsed.ok());
    REQUIRE(parsed->articles.size() == 171);
    const auto& first = parsed->articles.front();
    CHECK(first.title ==
          QStringLiteral("Magnitogorsk apartment building collapses after explosion, dozens dead"));
    CHECK(first.published == PublishedDate::day(QDate(2019, 1, 4)));
    CHECK(first.url.startsWith(QStringLiteral("https://en.wikinews.org")));
    CHECK(first.source == QStringLiteral("en.wikinews.org"));
    CHECK(first.body.startsWith(QStringLiteral("An apartment building collapsed on Monday")));
    for (const auto& article : parsed->articles) {
        INFO(article.title.toStdString());
        CHECK(article.published.isKnown());
        CHECK_FALSE(article.body.contains(QStringLiteral("\n\n\n")));
        // The dateline became the date: the body starts with text, not with a date line.
        const QString firstLine = article.body.section(QLatin1Char('\n'), 0, 0);
        CHECK_FALSE(broadsheet::core::parseWrittenDate(firstLine).isKnown());
    }
}

TEST_CASE("CSV columns are found by name in any order and case", "[csv]")
{
    const auto parsed = CsvArticleParser::parse(QStringLiteral(
        "Body,Link,Headline,Published,Author\n"
        "\"First.\n\nSecond.\",http://example.org/a,A headline,22 December 2014,Jane Doe\n"
        ",,,,\n"));
    REQUIRE(parsed.ok());
    REQUIRE(parsed->articles.size() == 1);
    CHECK(parsed->rowsWithoutText == 1);
    const auto& article = parsed->articles.front();
    CHECK(article.title == QStringLiteral("A headline"));
    CHECK(article.body == QStringLiteral("First.\n\nSecond."));
    CHECK(article.author == QStringLiteral("Jane Doe"));
    CHECK(article.url == QStringLiteral("http://example.org/a"));
    CHECK(article.published == PublishedDate::day(QDate(2014, 12, 22)));
}

TEST_CASE("a CSV file without title or text columns is refused with its header", "[csv]")
{
    const auto parsed = CsvArticleParser::parse(QStringLiteral("name,price\napple,3\n"));
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error().message.contains(QStringLiteral("name, price")));
}
