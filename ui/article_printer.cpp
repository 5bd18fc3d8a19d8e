// SPDX-License-Identifier: GPL-3.0-or-later
#include "article_printer.h"

#include "store/article_store.h"

#include <QAbstractTextDocumentLayout>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QPageLayout>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

#include <algorithm>

namespace broadsheet::ui {

namespace {

QString dateText(const core::PublishedDate& date)
{
    const QLocale c = QLocale::c();
    switch (date.precision()) {
    case core::PublishedDate::Precision::Day:
        return c.toString(date.date(), QStringLiteral("d MMMM yyyy"));
    case core::PublishedDate::Precision::Moment:
        return c.toString(date.moment().toUTC(), QStringLiteral("d MMMM yyyy, HH:mm 'UTC'"));
    case core::PublishedDate::Precision::Unknown:
        break;
    }
    return {};
}

QString articleHtml(const core::Article& article)
{
    QStringList meta;
    for (const QString& part :
         {dateText(article.published), article.source, article.section, article.author}) {
        if (!part.isEmpty())
            meta.append(part.toHtmlEscaped());
    }
    QString html = QStringLiteral("<h1 style=\"font-size:20pt\">%1</h1>")
                       .arg(article.title.isEmpty() ? QStringLiteral("(untitled)")
                                                    : article.title.toHtmlEscaped());
    if (!meta.isEmpty())
        html += QStringLiteral("<p style=\"color:#555555\">%1</p>")
                    .arg(meta.join(QStringLiteral(" · ")));
    if (!article.url.isEmpty())
        html +=
            QStringLiteral("<p style=\"color:#555555\">%1</p>").arg(article.url.toHtmlEscaped());
    html += QStringLiteral("<hr/>");
    for (const QString& paragraph : article.body.split(QStringLiteral("\n\n"))) {
        if (!paragraph.trimmed().isEmpty())
            html += QStringLiteral("<p>%1</p>").arg(paragraph.trimmed().toHtmlEscaped());
    }
    return html;
}

} // namespace

ArticlePrinter::ArticlePrinter(QPagedPaintDevice& device)
    : m_device(device)
{
}

ArticlePrinter::~ArticlePrinter()
{
    if (m_painter && m_painter->isActive())
        m_painter->end();
}

core::Result<void> ArticlePrinter::begin()
{
    m_painter = std::make_unique<QPainter>();
    if (!m_painter->begin(&m_device))
        return core::Error{QStringLiteral("cannot draw on the page device")};
    return {};
}

void ArticlePrinter::print(const core::Article& article)
{
    // The painter's origin is the printable area's corner; its size, in device pixels:
    const QRectF area(QPointF(0, 0),
                      m_device.pageLayout().paintRectPixels(m_device.logicalDpiX()).size());
    const qreal footer = area.height() * 0.05;
    QTextDocument document;
    document.documentLayout()->setPaintDevice(&m_device);
    QFont font(QStringLiteral("DejaVu Serif"));
    font.setPointSizeF(11);
    document.setDefaultFont(font);
    document.setHtml(articleHtml(article));
    document.setPageSize(QSizeF(area.width(), area.height() - footer));
    const int pages = std::max(document.pageCount(), 1);
    const qreal pageHeight = area.height() - footer;
    QFont small = font;
    small.setPointSizeF(8);
    for (int p = 0; p < pages; ++p) {
        if (m_page > 0)
            m_device.newPage();
        ++m_page;
        m_painter->save();
        m_painter->translate(0, -p * pageHeight);
        document.drawContents(m_painter.get(), QRectF(0, p * pageHeight, area.width(), pageHeight));
        m_painter->restore();
        m_painter->save();
        m_painter->setFont(small);
        m_painter->setPen(Qt::darkGray);
        const QRectF foot(0, area.height() - footer, area.width(), footer);
        m_painter->drawText(foot, Qt::AlignLeft | Qt::AlignBottom,
                            QFontMetricsF(small, &m_device)
                                .elidedText(article.title, Qt::ElideRight, area.width() * 0.8));
        m_painter->drawText(foot, Qt::AlignRight | Qt::AlignBottom, QString::number(m_page));
        m_painter->restore();
    }
}

core::Result<void> ArticlePrinter::end()
{
    if (m_painter && m_painter->isActive() && !m_painter->end())
        return core::Error{QStringLiteral("the pages could not be finished")};
    return {};
}

core::Result<core::ExportReport>
exportPdf(core::ArticleStore& store, const QList<core::ArticleId>& ids, const QString& path,
          bool replace, std::stop_token stop,
          const std::function<void(const core::ExportProgress&)>& progress)
{
    auto prepared =
        core::ExportJob::prepareDestination(path, replace, false, QStringLiteral("pdf"));
    if (!prepared)
        return prepared.error();
    const QString destination = *prepared;
    const QString shown = QDir::toNativeSeparators(destination);
    QSaveFile file(destination); // discarded unless committed
    if (!file.open(QIODevice::WriteOnly))
        return core::Error{QStringLiteral("cannot write %1: %2").arg(shown, file.errorString())};
    qint64 written = 0;
    {
        QPdfWriter writer(&file);
        writer.setCreator(QStringLiteral("Broadsheet"));
        writer.setTitle(QStringLiteral("%1 stories from Broadsheet").arg(ids.size()));
        writer.setResolution(300);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                         QMarginsF(20, 18, 20, 15), QPageLayout::Millimeter));
        ArticlePrinter printer(writer);
        if (auto r = printer.begin(); !r)
            return core::Error{QStringLiteral("cannot write %1: %2").arg(shown, r.error().message)};
        core::ExportProgress done{0, ids.size()};
        const qint64 every = std::clamp<qint64>(ids.size() / 100, 1, 100);
        constexpr qsizetype kChunk = 256;
        for (qsizetype start = 0; start < ids.size(); start += kChunk) {
            const QList<core::ArticleId> chunk = ids.mid(start, kChunk);
            auto articles = store.articles(chunk); // those deleted since selected are left out
            if (!articles)
                return articles.error();
            for (const core::Article& article : *articles) {
                if (stop.stop_requested())
                    return core::Error{
                        QStringLiteral("the export was cancelled; nothing was written"), true};
                printer.print(article);
                ++written;
                if (progress && ++done.done % every == 0)
                    progress(done);
            }
            done.done = start + chunk.size();
        }
        if (written == 0) // a PDF needs a page: say so on it
            printer.print(core::Article{});
        if (auto r = printer.end(); !r)
            return core::Error{QStringLiteral("cannot write %1: %2").arg(shown, r.error().message)};
    }
    if (auto r = core::ExportJob::commitWhole(file); !r)
        return r.error();
    return core::ExportReport{written, destination};
}

} // namespace broadsheet::ui
