// SPDX-License-Identifier: GPL-3.0-or-later
#include "published_date.h"

#include <QTimeZone>

namespace broadsheet::core {

PublishedDate PublishedDate::day(QDate date)
{
    PublishedDate result;
    if (date.isValid()) {
        result.m_precision = Precision::Day;
        result.m_date = date;
    }
    return result;
}

PublishedDate PublishedDate::moment(const QDateTime& when)
{
    PublishedDate result;
    if (when.isValid()) {
        result.m_precision = Precision::Moment;
        // Whole seconds in UTC: what the store keeps and what comes back from it.
        result.m_moment = QDateTime::fromSecsSinceEpoch(when.toSecsSinceEpoch(), Qt::UTC);
        result.m_date = result.m_moment.date();
    }
    return result;
}

PublishedDate PublishedDate::fromStorage(std::optional<qint64> key, int precision)
{
    if (!key)
        return {};
    const auto utc = QDateTime::fromSecsSinceEpoch(*key, Qt::UTC);
    switch (static_cast<Precision>(precision)) {
    case Precision::Day:
        return day(utc.date());
    case Precision::Moment:
        return moment(utc);
    case Precision::Unknown:
        break;
    }
    return {};
}

PublishedDate PublishedDate::fromIso(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.size() == 10)
        return day(QDate::fromString(trimmed, Qt::ISODate));
    auto when = QDateTime::fromString(trimmed, Qt::ISODate);
    return moment(when);
}

std::optional<qint64> PublishedDate::storageKey() const
{
    switch (m_precision) {
    case Precision::Day:
        return QDateTime(m_date, QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
    case Precision::Moment:
        return m_moment.toSecsSinceEpoch();
    case Precision::Unknown:
        break;
    }
    return std::nullopt;
}

QString PublishedDate::toIso() const
{
    switch (m_precision) {
    case Precision::Day:
        return m_date.toString(Qt::ISODate);
    case Precision::Moment:
        return m_moment.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss'Z'"));
    case Precision::Unknown:
        break;
    }
    return {};
}

} // namespace broadsheet::core
