// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline_view.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QDate>
#include <QValueAxis>

namespace broadsheet::ui {

TimelineView::TimelineView(QWidget* parent)
    : QChartView(parent)
{
    setAccessibleName(tr("Stories per month"));
    setRenderHint(QPainter::Antialiasing, false);
    setMinimumHeight(90);
    setMaximumHeight(130);
    auto* chart = new QChart;
    chart->legend()->hide();
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->setBackgroundRoundness(0);
    chart->setTheme(palette().window().color().lightness() < 128 ? QChart::ChartThemeDark
                                                                 : QChart::ChartThemeLight);
    setChart(chart);
}

void TimelineView::setMonths(const QMap<QString, qint64>& counts)
{
    m_months.clear();
    QChart* chart = this->chart();
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes())
        chart->removeAxis(axis);
    if (counts.isEmpty())
        return;

    // Every month from the first to the last, so gaps show as gaps.
    QDate month = QDate::fromString(counts.firstKey() + QStringLiteral("-01"), Qt::ISODate);
    const QDate last = QDate::fromString(counts.lastKey() + QStringLiteral("-01"), Qt::ISODate);
    auto* bars = new QBarSet(tr("Stories"));
    qint64 highest = 0;
    while (month.isValid() && month <= last && m_months.size() < 1200) {
        const QString key = month.toString(QStringLiteral("yyyy-MM"));
        const qint64 count = counts.value(key);
        m_months.append(key);
        bars->append(static_cast<qreal>(count));
        highest = std::max(highest, count);
        month = month.addMonths(1);
    }
    connect(bars, &QBarSet::clicked, this, &TimelineView::activateMonth);
    auto* series = new QBarSeries;
    series->setBarWidth(0.9);
    series->append(bars);
    chart->addSeries(series);

    auto* axisX = new QBarCategoryAxis;
    axisX->append(m_months);
    // Too many months to label each: show the span instead.
    axisX->setLabelsVisible(m_months.size() <= 24);
    setToolTip(tr("%1 to %2; click a month to narrow the search to it")
                   .arg(m_months.front(), m_months.back()));
    axisX->setGridLineVisible(false);
    auto* axisY = new QValueAxis;
    axisY->setRange(0, static_cast<qreal>(std::max<qint64>(highest, 1)));
    axisY->setLabelFormat(QStringLiteral("%d"));
    axisY->setTickCount(2);
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisX);
    series->attachAxis(axisY);
}

void TimelineView::activateMonth(int index)
{
    if (index >= 0 && index < m_months.size())
        Q_EMIT monthActivated(m_months[index]);
}

} // namespace broadsheet::ui
