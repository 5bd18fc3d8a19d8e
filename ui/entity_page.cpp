// SPDX-License-Identifier: GPL-3.0-or-later
#include "entity_page.h"

#include "reader_view.h"

#include <QDate>
#include <QFontMetrics>
#include <QLocale>
#include <QPainter>

#include <algorithm>

namespace broadsheet::ui {

namespace {

using Overview = EntityPage::Overview;

QDate monthOf(const QString& key) // "YYYY-MM"
{
    return QDate::fromString(key + QStringLiteral("-01"), QStringLiteral("yyyy-MM-dd"));
}

struct Bars {
    QList<qint64> counts;
    QDate first;
    bool byYear = false;
};

Bars barsOf(const Overview& overview)
{
    Bars bars;
    if (overview.months.isEmpty())
        return bars;
    const QDate first = monthOf(overview.months.firstKey());
    const QDate last = monthOf(overview.months.lastKey());
    if (!first.isValid() || !last.isValid())
        return bars;
    const int span = (last.year() - first.year()) * 12 + last.month() - first.month() + 1;
    bars.byYear = span > 120;
    bars.first = bars.byYear ? QDate(first.year(), 1, 1) : first;
    bars.counts.fill(0, bars.byYear ? last.year() - first.year() + 1 : span);
    for (auto it = overview.months.cbegin(); it != overview.months.cend(); ++it) {
        const QDate month = monthOf(it.key());
        if (!month.isValid())
            continue;
        const int index = bars.byYear
                              ? month.year() - first.year()
                              : (month.year() - first.year()) * 12 + month.month() - first.month();
        if (index >= 0 && index < bars.counts.size())
            bars.counts[index] += it.value();
    }
    return bars;
}

QString periodName(const QDate& date, bool byYear)
{
    return byYear ? QString::number(date.year())
                  : QLocale().toString(date, QStringLiteral("MMM yyyy"));
}

} // namespace

QString EntityPage::kindName(const QString& kind)
{
    if (kind == u"person")
        return tr("Person");
    if (kind == u"organization")
        return tr("Organisation");
    if (kind == u"place")
        return tr("Place");
    return kind;
}

QUrl EntityPage::timelineUrl(int page)
{
    return QUrl(QStringLiteral("broadsheet-chart:timeline-%1").arg(page));
}

bool EntityPage::isTimelineUrl(const QUrl& url)
{
    return url.scheme() == u"broadsheet-chart";
}

QString EntityPage::html(const Overview& overview, const QPalette& palette, const QUrl& timeline)
{
    const QString muted = palette.color(QPalette::PlaceholderText).name();
    QStringList about{kindName(overview.kind),
                      tr("%n stories", nullptr, static_cast<int>(overview.stories))};
    if (!overview.months.isEmpty()) {
        const QDate first = monthOf(overview.months.firstKey());
        const QDate last = monthOf(overview.months.lastKey());
        about.append(first == last ? periodName(first, false)
                                   : QStringLiteral("%1 – %2").arg(periodName(first, false),
                                                                   periodName(last, false)));
    }
    QString page = QStringLiteral("<h2>%1</h2><p style=\"color:%2\">%3</p>")
                       .arg(overview.name.toHtmlEscaped(), muted,
                            about.join(QStringLiteral(" · ")).toHtmlEscaped());
    if (!overview.months.isEmpty()) {
        page +=
            QStringLiteral("<h4 style=\"margin-top:1em\">%1</h4><p><img src=\"%2\"/></p>")
                .arg(tr("Mentions over time").toHtmlEscaped(), timeline.toString().toHtmlEscaped());
    }
    if (overview.undated > 0) {
        page += QStringLiteral("<p style=\"color:%1\">%2</p>")
                    .arg(muted, tr("%n of the stories have no date.", nullptr,
                                   static_cast<int>(overview.undated))
                                    .toHtmlEscaped());
    }
    if (!overview.alongside.isEmpty()) {
        const QString chip = palette.color(QPalette::AlternateBase).name();
        const QString text = palette.color(QPalette::Text).name();
        QStringList chips;
        for (const core::CountedName& name : overview.alongside) {
            chips.append(
                QStringLiteral("<a href=\"%1\" style=\"text-decoration:none; color:%3\">"
                               "<span style=\"background-color:%2; color:%3\">&nbsp;%4&nbsp;"
                               "</span></a>&nbsp;<span style=\"color:%5\">%6</span>")
                    .arg(ReaderView::tagLink(name.name, name.kind)
                             .toString(QUrl::FullyEncoded)
                             .toHtmlEscaped(),
                         chip, text, name.name.toHtmlEscaped(), muted)
                    .arg(name.count));
        }
        page += QStringLiteral("<h4 style=\"margin-top:1em\">%1</h4><p style=\"line-height:160%\">"
                               "%2</p>")
                    .arg(tr("Found with").toHtmlEscaped(), chips.join(QStringLiteral("&nbsp; ")));
    }
    page +=
        QStringLiteral("<p style=\"color:%1; margin-top:1.5em\">%2</p>")
            .arg(muted, tr("Its stories are in the list; pick one to read it.").toHtmlEscaped());
    return page;
}

QImage EntityPage::timeline(const Overview& overview, const QPalette& palette, const QFont& font,
                            int width)
{
    const Bars bars = barsOf(overview);
    const QFontMetrics metrics(font);
    const int line = metrics.height();
    const int plot = 4 * line; // the bars' height
    width = std::max(width, 120);
    QImage image(width, plot + 2 * line, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    if (bars.counts.isEmpty())
        return image;
    QPainter painter(&image);
    painter.setFont(font);
    const qint64 most = *std::max_element(bars.counts.cbegin(), bars.counts.cend());
    const QString top = QString::number(most);
    const int axis = metrics.horizontalAdvance(top) + line / 2; // room for the scale
    const int above = line / 2;
    const int baseline = above + plot;
    const qreal step =
        static_cast<qreal>(width - axis - 1) / static_cast<qreal>(bars.counts.size());
    const QColor bar = palette.color(QPalette::Highlight);
    for (qsizetype i = 0; i < bars.counts.size(); ++i) {
        if (bars.counts[i] == 0)
            continue;
        const qreal height =
            std::max<qreal>(1.0, static_cast<qreal>(plot) * static_cast<qreal>(bars.counts[i]) /
                                     static_cast<qreal>(std::max<qint64>(most, 1)));
        const qreal left = axis + step * static_cast<qreal>(i);
        painter.fillRect(QRectF(left + (step > 3 ? 1 : 0), baseline - height,
                                std::max<qreal>(step - (step > 3 ? 2 : 0), 1.0), height),
                         bar);
    }
    const QColor muted = palette.color(QPalette::PlaceholderText);
    painter.setPen(muted);
    painter.drawLine(axis, baseline, width - 1, baseline);
    painter.drawText(QRect(0, above - line / 2, axis - line / 4, line),
                     Qt::AlignRight | Qt::AlignVCenter, top);
    painter.drawText(QRect(0, baseline - line / 2, axis - line / 4, line),
                     Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("0"));
    // The first and the last period under the ends of the axis.
    const QDate last = bars.byYear ? bars.first.addYears(static_cast<int>(bars.counts.size()) - 1)
                                   : bars.first.addMonths(static_cast<int>(bars.counts.size()) - 1);
    painter.drawText(QRect(axis, baseline + 2, width - axis, line), Qt::AlignLeft | Qt::AlignTop,
                     periodName(bars.first, bars.byYear));
    if (bars.counts.size() > 1) {
        painter.drawText(QRect(axis, baseline + 2, width - axis, line),
                         Qt::AlignRight | Qt::AlignTop, periodName(last, bars.byYear));
    }
    return image;
}

} // namespace broadsheet::ui
