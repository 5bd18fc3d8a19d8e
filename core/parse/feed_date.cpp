// SPDX-License-Identifier: GPL-3.0-or-later
#include "feed_date.h"

#include "date_parts.h"

#include <QDateTime>
#include <QHash>
#include <QRegularExpression>

#include <array>
#include <optional>
#include <utility>

namespace broadsheet::core {

namespace {

/// A two-digit year is of this century below 90 ("04" is 2004), of the last above.
int fullYear(QStringView digits)
{
    const int year = digits.toInt();
    if (digits.size() == 2)
        return year < 90 ? 2000 + year : 1900 + year;
    return year;
}

/// The offset from UTC in seconds of a zone RFC 822 (or a feed) writes after the time:
/// "GMT", "Z", "+0200", "-01:01", "GMT-01:01", "Etc/GMT", "EST", "MEST", US "ET"; nothing
/// for a zone that is not one.
std::optional<int> zoneOffset(QStringView zone)
{
    zone = zone.trimmed();
    if (zone.isEmpty())
        return 0; // no zone: UTC, as feedparser takes it
    QString upper = zone.toString().toUpper();
    for (const char* prefix : {"ETC/GMT", "ETC/UTC", "GMT", "UTC", "UT"}) {
        if (upper.startsWith(QLatin1String(prefix))) {
            upper.remove(0, static_cast<qsizetype>(qstrlen(prefix)));
            if (upper.isEmpty())
                return 0;
            break;
        }
    }
    if (const auto numeric = date_parts::numericZoneOffset(upper))
        return numeric;
    static const QHash<QString, int> named = {
        {QStringLiteral("Z"), 0},     {QStringLiteral("EST"), -5},  {QStringLiteral("EDT"), -4},
        {QStringLiteral("CST"), -6},  {QStringLiteral("CDT"), -5},  {QStringLiteral("MST"), -7},
        {QStringLiteral("MDT"), -6},  {QStringLiteral("PST"), -8},  {QStringLiteral("PDT"), -7},
        {QStringLiteral("AST"), -4},  {QStringLiteral("ADT"), -3},  {QStringLiteral("AT"), -4},
        {QStringLiteral("ET"), -5},   {QStringLiteral("CT"), -6},   {QStringLiteral("MT"), -7},
        {QStringLiteral("PT"), -8},   {QStringLiteral("MET"), 1},   {QStringLiteral("MEST"), 2},
        {QStringLiteral("CET"), 1},   {QStringLiteral("CEST"), 2},  {QStringLiteral("BST"), 1},
        {QStringLiteral("IST"), 1},   {QStringLiteral("EET"), 2},   {QStringLiteral("EEST"), 3},
        {QStringLiteral("WET"), 0},   {QStringLiteral("WEST"), 1},  {QStringLiteral("JST"), 9},
        {QStringLiteral("KST"), 9},   {QStringLiteral("HKT"), 8},   {QStringLiteral("SGT"), 8},
        {QStringLiteral("AEST"), 10}, {QStringLiteral("AEDT"), 11}, {QStringLiteral("NZST"), 12},
        {QStringLiteral("NZDT"), 13}, {QStringLiteral("MSK"), 3},   {QStringLiteral("HST"), -10},
        {QStringLiteral("AKST"), -9}, {QStringLiteral("AKDT"), -8},
    };
    if (const auto it = named.constFind(upper); it != named.constEnd())
        return *it * 3600;
    return std::nullopt;
}

/// A moment from its parts in a zone `offset` seconds east of UTC; unknown when a part is
/// out of range (the 99th of June, a 25th hour).
PublishedDate momentOf(int year, int month, int day, int hour, int minute, int second, int offset)
{
    const QDate date(year, month, day);
    if (!date.isValid() || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 ||
        second > 60)
        return {};
    const QTime time(hour, minute, std::min(second, 59)); // a leap second is the one before
    return PublishedDate::moment(QDateTime(date, time, Qt::UTC).addSecs(-offset));
}

PublishedDate dayOf(int year, int month, int day)
{
    const QDate date(year, month, day);
    return date.isValid() ? PublishedDate::day(date) : PublishedDate();
}

/// The date a match names: groups 4 to 7 are the hour, minute, second and zone, each
/// optional; without a time it is a day, and a zone without a time is no date.
PublishedDate fromTimeGroups(const QRegularExpressionMatch& m, int year, int month, int day)
{
    if (!m.hasCaptured(4))
        return m.hasCaptured(7) ? PublishedDate() : dayOf(year, month, day);
    const auto offset = zoneOffset(m.capturedView(7));
    if (!offset)
        return {};
    return momentOf(year, month, day, m.captured(4).toInt(), m.captured(5).toInt(),
                    m.hasCaptured(6) ? m.captured(6).toInt() : 0, *offset);
}

/// Greek day and month names ("Κυρ, 11 Ιούλ 2004") in English, for the RFC 822 reader.
QString fromGreek(QStringView text)
{
    static const std::array<std::pair<const char*, const char*>, 26> kNames = {{
        {"Κυρ", "Sun"},  {"Δευ", "Mon"}, {"Τρι", "Tue"},  {"Τετ", "Wed"}, {"Πεμ", "Thu"},
        {"Παρ", "Fri"},  {"Σαβ", "Sat"}, {"Ιαν", "Jan"},  {"Φεβ", "Feb"}, {"Μάρ", "Mar"},
        {"Μαρ", "Mar"},  {"Απρ", "Apr"}, {"Μάι", "May"},  {"Μαϊ", "May"}, {"Μαι", "May"},
        {"Ιούν", "Jun"}, {"Ιον", "Jun"}, {"Ιούλ", "Jul"}, {"Ιολ", "Jul"}, {"Αύγ", "Aug"},
        {"Αυγ", "Aug"},  {"Σεπ", "Sep"}, {"Οκτ", "Oct"},  {"Νοέ", "Nov"}, {"Νοε", "Nov"},
        {"Δεκ", "Dec"},
    }};
    QString english = text.toString();
    for (const auto& [greek, latin] : kNames)
        english.replace(QString::fromUtf8(greek), QLatin1String(latin));
    return english;
}

/// Hungarian month names ("2004-július-13") as numbers, for the W3C reader.
QString fromHungarian(QStringView text)
{
    static const std::array<const char*, 12> kMonths = {
        "január", "február",   "március",    "április", "május",    "június",
        "július", "augusztus", "szeptember", "október", "november", "december"};
    QString numeric = text.toString();
    for (size_t i = 0; i < kMonths.size(); ++i)
        numeric.replace(QString::fromUtf8(kMonths[i]),
                        QStringLiteral("%1").arg(i + 1, 2, 10, QLatin1Char('0')));
    return numeric;
}

/// Korean blog engines: Nate ("2004-05-25 오후 11:23:17") and OnBlog ("2004년 05월 28일
/// 01:31:15"), both in Korean time.
PublishedDate parseKoreanDate(QStringView text)
{
    static const QRegularExpression nate(QString::fromUtf8(
        "^(\\d{4})-(\\d{1,2})-(\\d{1,2})\\s+(오전|오후)\\s+(\\d{1,2}):(\\d{1,2}):("
        "\\d{1,2})$"));
    static const QRegularExpression onblog(
        QString::fromUtf8("^(\\d{4})년\\s*(\\d{1,2})월\\s*(\\d{1,2})일\\s+(\\d{1,2}):(\\d{1,2}):("
                          "\\d{1,2})$"));
    constexpr int kKorea = 9 * 3600;
    if (const auto m = nate.match(text.toString()); m.hasMatch()) {
        int hour = m.captured(5).toInt();
        if (hour > 12)
            return {};
        const bool pm = m.captured(4) == QString::fromUtf8("오후");
        hour = hour % 12 + (pm ? 12 : 0);
        return momentOf(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt(), hour,
                        m.captured(6).toInt(), m.captured(7).toInt(), kKorea);
    }
    if (const auto m = onblog.match(text.toString()); m.hasMatch())
        return momentOf(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt(),
                        m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt(),
                        kKorea);
    return {};
}

/// Perforce: "Fri, 2006/09/15 08:19:53 EDT".
PublishedDate parsePerforceDate(QStringView text)
{
    static const QRegularExpression perforce(QStringLiteral(
        "^(?:[A-Za-z]{3},?\\s+)?(\\d{4})/(\\d{1,2})/(\\d{1,2})\\s+(\\d{1,2}):(\\d{2}):(\\d{2})\\s*("
        "\\S*)$"));
    const auto m = perforce.match(text.toString());
    if (!m.hasMatch())
        return {};
    const auto offset = zoneOffset(m.capturedView(7));
    if (!offset)
        return {};
    return momentOf(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt(),
                    m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt(), *offset);
}

} // namespace

PublishedDate parseRfc822Date(QStringView text)
{
    // [weekday,] day month[,] year [hh:mm[:ss]] [zone]; also "Thu Aug 30 2012 17:26:16 +0200"
    // (weekday month day year), with commas and spaces where feeds put them.
    static const QRegularExpression dayFirst(
        QStringLiteral("^(?:[A-Za-z]{2,9}\\.?,?\\s*)?(\\d{1,2})\\s+([A-Za-z]{3,9})\\.?,?\\s+(\\d{4}"
                       "|\\d{2})(?!\\d)(?:\\s+("
                       "\\d{1,2}):(\\d{1,2})(?::(\\d{1,2}))?)?(?:\\s*(\\S.*))?$"));
    static const QRegularExpression monthFirst(
        QStringLiteral("^(?:[A-Za-z]{2,9},?\\s+)?([A-Za-z]{3,9})\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})(?:"
                       "\\s+(\\d{1,2}):("
                       "\\d{1,2})(?::(\\d{1,2}))?)?(?:\\s*(\\S.*))?$"));
    const QString trimmed = text.trimmed().toString();
    int day = 0;
    int month = 0;
    QRegularExpressionMatch m = dayFirst.match(trimmed);
    if (m.hasMatch()) {
        day = m.captured(1).toInt();
        month = date_parts::monthNumber(m.capturedView(2));
    } else if (m = monthFirst.match(trimmed); m.hasMatch()) {
        month = date_parts::monthNumber(m.capturedView(1));
        day = m.captured(2).toInt();
    } else {
        return {};
    }
    if (month == 0)
        return {};
    return fromTimeGroups(m, fullYear(m.capturedView(3)), month, day);
}

PublishedDate parseW3cDate(QStringView text)
{
    static const QRegularExpression w3c(QStringLiteral(
        "^(\\d{4})(?:-(\\d{1,3})(?:-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?"
        "\\s*(Z|[+-]\\d{2}:?\\d{2})?)?)?)?$"));
    const auto m = w3c.match(text.trimmed().toString());
    if (!m.hasMatch())
        return {};
    const int year = m.captured(1).toInt();
    const int month = m.hasCaptured(2) ? m.captured(2).toInt() : 1;
    const int day = m.hasCaptured(3) ? m.captured(3).toInt() : 1;
    return fromTimeGroups(m, year, month, day);
}

PublishedDate parseIso8601Date(QStringView text)
{
    if (PublishedDate date = parseW3cDate(text); date.isKnown())
        return date;
    const QString trimmed = text.trimmed().toString();
    static const QRegularExpression compactDay(QStringLiteral("^(\\d{2})-?(\\d{2})-?(\\d{2})$"));
    static const QRegularExpression month(QStringLiteral("^-(\\d{2})-?(\\d{2})$"));
    static const QRegularExpression ordinal(QStringLiteral("^(\\d{2}|\\d{4})-?(\\d{3})$"));
    if (const auto m = compactDay.match(trimmed); m.hasMatch())
        return dayOf(fullYear(m.capturedView(1)), m.captured(2).toInt(), m.captured(3).toInt());
    if (const auto m = month.match(trimmed); m.hasMatch())
        return dayOf(fullYear(m.capturedView(1)), m.captured(2).toInt(), 1);
    if (const auto m = ordinal.match(trimmed); m.hasMatch()) {
        const int year = fullYear(m.capturedView(1));
        const int days = m.captured(2).toInt();
        const QDate first(year, 1, 1);
        if (days < 1 || days > first.daysInYear())
            return {};
        return PublishedDate::day(first.addDays(days - 1));
    }
    return {};
}

PublishedDate parseAsctimeDate(QStringView text)
{
    static const QRegularExpression asctime(
        QStringLiteral("^[A-Za-z]{3}\\s+([A-Za-z]{3})\\s+(\\d{1,2})\\s+(\\d{1,2}):(\\d{2}):(\\d{2})"
                       "\\s+(?:([+-]\\d{"
                       "4}|[A-Z]{1,4})\\s+)?(\\d{4})$"));
    const auto m = asctime.match(text.trimmed().toString());
    if (!m.hasMatch())
        return {};
    const int month = date_parts::monthNumber(m.capturedView(1));
    const auto offset = zoneOffset(m.capturedView(6));
    if (month == 0 || !offset)
        return {};
    return momentOf(m.captured(7).toInt(), month, m.captured(2).toInt(), m.captured(3).toInt(),
                    m.captured(4).toInt(), m.captured(5).toInt(), *offset);
}

PublishedDate parseFeedDate(QStringView text)
{
    text = text.trimmed();
    if (text.isEmpty() || text.size() > 100)
        return {};
    for (auto parse : {parseW3cDate, parseRfc822Date, parseAsctimeDate, parseIso8601Date}) {
        if (PublishedDate date = parse(text); date.isKnown())
            return date;
    }
    if (PublishedDate date = parsePerforceDate(text); date.isKnown())
        return date;
    if (PublishedDate date = parseKoreanDate(text); date.isKnown())
        return date;
    if (PublishedDate date = parseRfc822Date(fromGreek(text)); date.isKnown())
        return date;
    return parseW3cDate(fromHungarian(text));
}

} // namespace broadsheet::core
