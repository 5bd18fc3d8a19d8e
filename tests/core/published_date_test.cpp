// SPDX-License-Identifier: GPL-3.0-or-later
#include "article/published_date.h"
#include "test_support.h"

using broadsheet::core::PublishedDate;

TEST_CASE("a published date round-trips through storage and ISO text", "[date]")
{
    const PublishedDate day = PublishedDate::day(QDate(1999, 12, 31));
    const PublishedDate moment = PublishedDate::moment(
        QDateTime(QDate(2019, 1, 4), QTime(23, 59, 58), Qt::OffsetFromUTC, -5 * 3600));
    for (const PublishedDate& date : {day, moment, PublishedDate()}) {
        CHECK(PublishedDate::fromStorage(date.storageKey(), date.storagePrecision()) == date);
        CHECK(PublishedDate::fromIso(date.toIso()) == date);
    }
    CHECK(day.toIso() == QStringLiteral("1999-12-31"));
    CHECK(moment.toIso() == QStringLiteral("2019-01-05T04:59:58Z"));
    CHECK(PublishedDate().toIso().isEmpty());
    CHECK_FALSE(PublishedDate::fromIso(QStringLiteral("not a date")).isKnown());
}
