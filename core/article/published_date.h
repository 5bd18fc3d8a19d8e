// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

#include <optional>

namespace broadsheet::core {

/// When an article was published, kept with the precision its source gave:
/// a calendar day is a day (never shifted by time zones), a moment is a UTC instant.
class PublishedDate {
public:
    enum class Precision { Unknown = 0, Day = 1, Moment = 2 };

    PublishedDate() = default;
    static PublishedDate day(QDate date);
    static PublishedDate moment(const QDateTime& when);
    /// Reverses toStorage(); an unknown precision or a missing key gives an unknown date.
    static PublishedDate fromStorage(std::optional<qint64> key, int precision);
    /// Parses what toIso() writes: `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SSZ`.
    static PublishedDate fromIso(const QString& text);

    Precision precision() const { return m_precision; }
    bool isKnown() const { return m_precision != Precision::Unknown; }
    QDate date() const { return m_date; }
    QDateTime moment() const { return m_moment; }

    /// Seconds since the epoch, days at 00:00 UTC of that calendar day: one sortable key.
    std::optional<qint64> storageKey() const;
    int storagePrecision() const { return static_cast<int>(m_precision); }

    /// `YYYY-MM-DD` for a day, `YYYY-MM-DDTHH:MM:SSZ` for a moment, empty when unknown.
    QString toIso() const;

    friend bool operator==(const PublishedDate&, const PublishedDate&) = default;

private:
    Precision m_precision = Precision::Unknown;
    QDate m_date;
    QDateTime m_moment;
};

} // namespace broadsheet::core
