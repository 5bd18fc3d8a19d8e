// SPDX-License-Identifier: GPL-3.0-or-later
#include "date_parser.h"

#include "date_parts.h"

#include <QRegularExpression>
#include <QTimeZone>

namespace broadsheet::core {

namespace {

constexpr int kMinYear = 1800;
constexpr int kMaxYear = 2200;

// Offset from UTC in seconds for an RFC 2822 / ISO zone; nullopt when the zone is unknown.
std::optional<int> zoneOffset(const QString& zone)
{
    if (zone.isEmpty())
        return std::nullopt;
    const QString upper = zone.toUpper();
    if (upper == u"Z" || upper == u"UT" || upper == u"UTC" || upper == u"GMT")
        return 0;
    struct Named {
        const char16_t* name;
        int hours;
    };
    static constexpr Named kNamed[] = {{u"EST", -5}, {u"EDT", -4}, {u"CST", -6}, {u"CDT", -5},
                                       {u"MST", -7}, {u"MDT", -6}, {u"PST", -8}, {u"PDT", -7},
                                       {u"BST", 1},  {u"CET", 1},  {u"CEST", 2}};
    for (const auto& named : kNamed) {
        if (upper == QStringView(named.name))
            return named.hours * 3600;
    }
    return date_parts::numericZoneOffset(zone);
}

PublishedDate makeDay(int year, int month, int day)
{
    if (year < kMinYear || year > kMaxYear)
        return {};
    return PublishedDate::day(QDate(year, month, day));
}

PublishedDate makeMoment(QDate date, int hour, int minute, int second, const QString& zone)
{
    if (!date.isValid() || date.year() < kMinYear || date.year() > kMaxYear)
        return {};
    const QTime time(hour, minute, second);
    if (!time.isValid())
        return {};
    const auto offset = zoneOffset(zone);
    if (!offset) // a time whose zone is unknown cannot be placed: keep the day it names
        return PublishedDate::day(date);
    return PublishedDate::moment(QDateTime(date, time, Qt::OffsetFromUTC, *offset));
}

int expandYear(QStringView digits)
{
    int year = digits.toInt();
    if (digits.size() == 2)
        year += year < 50 ? 2000 : 1900;
    return year;
}

} // namespace

PublishedDate parseWrittenDate(const QString& input)
{
    const QString text = input.simplified();
    if (text.size() < 6 || text.size() > 64 || !text.front().isLetterOrNumber())
        return {};

    // The patterns are compiled once per thread: the parser runs on import workers.
    static const QString weekday =
        QStringLiteral("(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?");
    static const QString month = QStringLiteral(
        "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
        "sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?");
    static const QString time =
        QStringLiteral("(?:,?\\s+(?:at\\s+)?(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([ap]\\.?m\\.?)?"
                       "\\s*([a-z]{1,4}|[+-]\\d{2}:?\\d{2})?)?");
    const auto options = QRegularExpression::CaseInsensitiveOption;
    thread_local const QRegularExpression isoDay(QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})$"));
    thread_local const QRegularExpression isoMoment(
        QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})[t ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?"
                       "\\s*(z|[+-]\\d{2}:?\\d{2})?$"),
        options);
    // "Mon, 22 Dec 2014 10:00:00 +0000", "22 December 2014", "Monday 22nd December, 2014"
    thread_local const QRegularExpression dayMonthYear(
        QStringLiteral("^") + weekday + QStringLiteral("(\\d{1,2})(?:st|nd|rd|th)?\\s+") + month +
            QStringLiteral(",?\\s+(\\d{4}|\\d{2})") + time + QStringLiteral("$"),
        options);
    // "Dec 22, 2014", "Monday, December 22, 2014", "December 22nd 2014 10:30 GMT"
    thread_local const QRegularExpression monthDayYear(
        QStringLiteral("^") + weekday + month +
            QStringLiteral("\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})") + time +
            QStringLiteral("$"),
        options);

    if (auto m = isoDay.match(text); m.hasMatch()) {
        return makeDay(m.capturedView(1).toInt(), m.capturedView(2).toInt(),
                       m.capturedView(3).toInt());
    }
    if (auto m = isoMoment.match(text); m.hasMatch()) {
        const QDate date(m.capturedView(1).toInt(), m.capturedView(2).toInt(),
                         m.capturedView(3).toInt());
        QString zone = m.captured(7);
        if (zone.isEmpty()) // ISO without a zone is local time somewhere: keep the day
            return date.isValid() ? makeDay(date.year(), date.month(), date.day())
                                  : PublishedDate();
        return makeMoment(date, m.capturedView(4).toInt(), m.capturedView(5).toInt(),
                          m.capturedView(6).toInt(), zone);
    }

    int day = 0;
    int monthNo = 0;
    int year = 0;
    int timeGroup = 0;
    QRegularExpressionMatch m = dayMonthYear.match(text);
    if (m.hasMatch()) {
        day = m.capturedView(1).toInt();
        monthNo = date_parts::monthNumber(m.capturedView(2));
        year = expandYear(m.capturedView(3));
        timeGroup = 4;
    } else if (m = monthDayYear.match(text); m.hasMatch()) {
        monthNo = date_parts::monthNumber(m.capturedView(1));
        day = m.capturedView(2).toInt();
        year = m.capturedView(3).toInt();
        timeGroup = 4;
    } else {
        return {};
    }
    const QDate date(year, monthNo, day);
    if (!date.isValid())
        return {};
    if (m.capturedView(timeGroup).isEmpty())
        return makeDay(year, monthNo, day);

    int hour = m.capturedView(timeGroup).toInt();
    const QString meridiem = m.captured(timeGroup + 3).remove(QLatin1Char('.')).toLower();
    if (!meridiem.isEmpty()) {
        if (hour < 1 || hour > 12)
            return {};
        hour = (hour % 12) + (meridiem == u"pm" ? 12 : 0);
    }
    return makeMoment(date, hour, m.capturedView(timeGroup + 1).toInt(),
                      m.capturedView(timeGroup + 2).toInt(), m.captured(timeGroup + 4));
}

} // namespace broadsheet::core
