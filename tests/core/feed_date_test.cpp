// SPDX-License-Identifier: GPL-3.0-or-later
#include "parse/feed_date.h"
#include "test_support.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QStringList>

#include <catch2/catch.hpp>

using namespace broadsheet::core;

namespace {

/// What a parsed date is in feedparser's terms: the UTC moment, a day at midnight UTC.
QString asUtc(const PublishedDate& date)
{
    if (!date.isKnown())
        return {};
    const QDateTime when = date.precision() == PublishedDate::Precision::Day
                               ? QDateTime(date.date(), QTime(0, 0), Qt::UTC)
                               : date.moment();
    return when.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

} // namespace

TEST_CASE("every date case of feedparser's suite parses, or is refused, as feedparser does")
{
    REQUIRE_SHARED("data/feedparser-tests/derived/date_parser_cases.tsv");
    QFile file(broadsheet::test::sharedPath(
        QStringLiteral("data/feedparser-tests/derived/date_parser_cases.tsv")));
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
    int cases = 0;
    for (const QString& line : lines.mid(1)) {
        const QStringList columns = line.split(u'\t');
        REQUIRE(columns.size() >= 3);
        const QString format = columns[0];
        const QString input =
            QJsonDocument::fromJson("[" + columns[1].toUtf8() + "]").array().at(0).toString();
        const QString expected = columns[2];
        // Each case is feedparser's test of one format's reader; the others try all of them.
        PublishedDate parsed;
        if (format == u"rfc822")
            parsed = parseRfc822Date(input);
        else if (format == u"w3dtf")
            parsed = parseW3cDate(input);
        else if (format == u"iso8601")
            parsed = parseIso8601Date(input);
        else if (format == u"asctime")
            parsed = parseAsctimeDate(input);
        else
            parsed = parseFeedDate(input);
        INFO(format.toStdString() << " " << input.toStdString());
        CHECK(asUtc(parsed) == expected);
        if (!expected.isEmpty())
            CHECK(asUtc(parseFeedDate(input)) == expected); // and so does the whole reader
        ++cases;
    }
    CHECK(cases == 73);
}

TEST_CASE("a feed's date keeps its precision: a day alone is a day, a time is a UTC moment")
{
    CHECK(parseFeedDate(u"2003-12-31").precision() == PublishedDate::Precision::Day);
    CHECK(parseFeedDate(u"Thu, 01 Jan 2004").precision() == PublishedDate::Precision::Day);
    const PublishedDate moment = parseFeedDate(u"Mon, 22 Dec 2014 10:00:00 +0100");
    REQUIRE(moment.precision() == PublishedDate::Precision::Moment);
    CHECK(moment.toIso() == u"2014-12-22T09:00:00Z");
    CHECK_FALSE(parseFeedDate(u"yesterday").isKnown());
    CHECK_FALSE(parseFeedDate(u"0").isKnown());
    CHECK_FALSE(parseFeedDate(QString(200, u'1')).isKnown());
}
