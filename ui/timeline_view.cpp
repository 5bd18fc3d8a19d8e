// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline_view.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QDate>
#include <QEvent>
#include <QLabel>
#include <QLocale>
#include <QPalette>
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
    setChart(chart);
    m_undated = new QLabel(this);
    m_undated->setAccessibleName(tr("Undated stories"));
    m_undated->setToolTip(tr("Stories with no date are not on the timeline, and a date filter "
                             "(after:, before:, date:) leaves them out"));
    m_undated->hide();
    applyPalette();
}

void TimelineView::setUndated(qint64 count)
{
    m_undatedCount = count;
    m_undated->setText(tr("%n undated", nullptr, static_cast<int>(count)));
    m_undated->adjustSize();
    m_undated->setVisible(count > 0);
    m_undated->move(width() - m_undated->width() - 8, 4);
}

void TimelineView::resizeEvent(QResizeEvent* event)
{
    QChartView::resizeEvent(event);
    m_undated->move(width() - m_undated->width() - 8, 4);
}

// The chart takes the widget's palette (a dark desktop gets dark bars and labels), again
// whenever the palette changes.
void TimelineView::applyPalette()
{
    const QPalette colours = palette();
    QChart* chart = this->chart();
    chart->setBackgroundBrush(colours.brush(QPalette::Window));
    chart->setBackgroundPen(Qt::NoPen);
    setBackgroundBrush(colours.brush(QPalette::Window));
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsColor(colours.color(QPalette::WindowText));
        axis->setLinePenColor(colours.color(QPalette::Mid));
        axis->setGridLineColor(colours.color(QPalette::Midlight));
    }
    for (QAbstractSeries* series : chart->series()) {
        if (auto* bars = qobject_cast<QBarSeries*>(series)) {
            for (QBarSet* set : bars->barSets()) {
                set->setColor(colours.color(QPalette::Highlight));
                set->setBorderColor(colours.color(QPalette::Highlight));
            }
        }
    }
}

void TimelineView::changeEvent(QEvent* event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void TimelineView::setMonths(const QMap<QString, qint64>& counts)
{
    if (counts == m_counts)
        return;
    // The same span with other counts (stories arriving): the bars change in place, which
    // costs a fraction of building the chart again.
    if (!counts.isEmpty() && !m_counts.isEmpty() && counts.firstKey() == m_counts.firstKey() &&
        counts.lastKey() == m_counts.lastKey() && m_bars && m_axisY) {
        qint64 highest = 0;
        for (qsizetype i = 0; i < m_months.size(); ++i) {
            const qint64 count = counts.value(m_months[i]);
            if (m_bars->at(i) != static_cast<qreal>(count))
                m_bars->replace(i, static_cast<qreal>(count));
            highest = std::max(highest, count);
        }
        m_axisY->setRange(0, static_cast<qreal>(std::max<qint64>(highest, 1)));
        m_counts = counts;
        return;
    }
    m_counts = counts;
    m_bars = nullptr;
    m_axisY = nullptr;
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
    m_bars = bars;
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
    m_axisY = axisY;
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisX);
    series->attachAxis(axisY);
    applyPalette();
}

void TimelineView::activateMonth(int index)
{
    if (index >= 0 && index < m_months.size())
        Q_EMIT monthActivated(m_months[index]);
}

} // namespace broadsheet::ui
