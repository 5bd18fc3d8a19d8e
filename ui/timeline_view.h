// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QBarSet>
#include <QChartView>
#include <QMap>
#include <QPointer>
#include <QValueAxis>

class QLabel;

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
    /// Stories with no date: not on the chart, counted beside it as "N undated".
    void setUndated(qint64 count);
    qint64 undated() const { return m_undatedCount; }
    QLabel* undatedLabel() const { return m_undated; }
    /// What a click on the bar of month `index` does.
    void activateMonth(int index);

Q_SIGNALS:
    void monthActivated(const QString& month);

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void applyPalette();

    QStringList m_months;
    QMap<QString, qint64> m_counts; ///< what the chart shows
    QPointer<QBarSet> m_bars;       ///< its bars, while the chart holds them
    QPointer<QValueAxis> m_axisY;
    QLabel* m_undated = nullptr;
    qint64 m_undatedCount = 0;
};

} // namespace broadsheet::ui
