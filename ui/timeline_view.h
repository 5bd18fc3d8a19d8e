// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QBarSet>
#include <QChartView>
#include <QMap>
#include <QPointer>
#include <QValueAxis>

namespace broadsheet::ui {

/// The timeline above the story list: how many of the shown stories were published each
/// month, as bars. Clicking a month asks to narrow the search to it.
class TimelineView final : public QChartView {
    Q_OBJECT
public:
    explicit TimelineView(QWidget* parent = nullptr);

    /// "YYYY-MM" → stories; months without stories between the first and last show as 0.
    void setMonths(const QMap<QString, qint64>& months);
    QStringList months() const { return m_months; }
    /// What a click on the bar of month `index` does.
    void activateMonth(int index);

Q_SIGNALS:
    void monthActivated(const QString& month);

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyPalette();

    QStringList m_months;
    QMap<QString, qint64> m_counts; ///< what the chart shows
    QPointer<QBarSet> m_bars;       ///< its bars, while the chart holds them
    QPointer<QValueAxis> m_axisY;
};

} // namespace broadsheet::ui
