// SPDX-License-Identifier: GPL-3.0-or-later
#include "parse/date_parser.h"
#include "test_support.h"

using broadsheet::core::parseWrittenDate;
using broadsheet::core::PublishedDate;

TEST_CASE("written dates keep their precision", "[date]")
{
    const PublishedDate dec22 = PublishedDate::day(QDate(2014, 12, 22));
    const QDateTime moment(QDate(2014, 12, 22), QTime(10, 0), Qt::UTC);
    const struct {
        const char* text;
        PublishedDate expected;
    } cases[] = {
        {"Dec 22, 2014", dec22},
        {"Dec. 22, 2014", dec22},
        {"December 22, 2014", dec22},
        {"December 22nd, 2014", dec22},
        {"22 December 2014", dec22},
        {"22 Dec 2014", dec22},
        {"Monday, December 22, 2014", dec22},
        {"Monday 22 December 2014", dec22},
        {"Mon, 22 Dec 2014", dec22},
        {"2014-12-22", dec22},
        {"  Dec 22, 2014  ", dec22},
        {"Sept 5, 2019", PublishedDate::day(QDate(2019, 9, 5))},
        {"2014-12-22T10:00:00Z", PublishedDate::moment(moment)},
        {"2014-12-22T11:00:00+01:00", PublishedDate::moment(moment)},
        {"2014-12-22 10:00:00.250Z", PublishedDate::moment(moment)},
        {"Mon, 22 Dec 2014 10:00:00 +0000", PublishedDate::moment(moment)},
        {"Mon, 22 Dec 2014 10:00:00 GMT", PublishedDate::moment(moment)},
        {"Mon, 22 Dec 2014 05:00:00 EST", PublishedDate::moment(moment)},
        {"22 Dec 14 10:00 GMT", PublishedDate::moment(moment)},
        {"December 22, 2014 10:00 am UTC", PublishedDate::moment(moment)},
        // A time without a zone cannot be placed; the day it names is kept, not shifted.
        {"2014-12-22T23:30:00", dec22},
        {"December 22, 2014 11:30 pm", dec22},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        CHECK(parseWrittenDate(QString::fromUtf8(c.text)) == c.expected);
    }
}

TEST_CASE("text that is not wholly a date is no date", "[date]")
{
    for (const char* text :
         {"", "Top Stories", "2014", "Dec 2014", "Feb 30, 2014", "2014-13-01",
          "On Dec 22, 2014 the US said", "December 22, 2014, a day to remember", "32 December 2014",
          "Dec 22, 1066", "Mon, 22 Dec 2014 25:00:00 GMT", "2014-02-29"}) {
        INFO(text);
        CHECK_FALSE(parseWrittenDate(QString::fromUtf8(text)).isKnown());
    }
}

TEST_CASE("a calendar day is never shifted by the time zone", "[date]")
{
    const PublishedDate day = parseWrittenDate(QStringLiteral("Jan 1, 2015"));
    REQUIRE(day.precision() == PublishedDate::Precision::Day);
    const auto restored = PublishedDate::fromStorage(day.storageKey(), day.storagePrecision());
    CHECK(restored.date() == QDate(2015, 1, 1));
    CHECK(restored.toIso() == QStringLiteral("2015-01-01"));
}
