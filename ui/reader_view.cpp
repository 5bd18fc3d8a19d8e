// SPDX-License-Identifier: GPL-3.0-or-later
#include "reader_view.h"

#include <QLocale>
#include <QScrollBar>

namespace broadsheet::ui {

ReaderView::ReaderView(QWidget* parent)
    : QTextBrowser(parent)
{
    setOpenExternalLinks(true);
    setOpenLinks(true);
    setAccessibleName(tr("Article"));
    document()->setDocumentMargin(16);
}

void ReaderView::showArticle(const core::Article& article)
{
    setHtml(articleHtml(article));
    verticalScrollBar()->setValue(0);
}

void ReaderView::showMessage(const QString& text)
{
    setHtml(QStringLiteral("<p style='color:palette(mid)'>%1</p>").arg(text.toHtmlEscaped()));
}

QString ReaderView::articleHtml(const core::Article& article)
{
    QString html = QStringLiteral("<h2>%1</h2>")
                       .arg(markedHtml(article.title.isEmpty() ? tr("(untitled)") : article.title));
    QStringList meta;
    if (article.published.isKnown()) {
        meta.append(
            article.published.precision() == core::PublishedDate::Precision::Moment
                ? QLocale().toString(article.published.moment().toLocalTime(), QLocale::LongFormat)
                : QLocale().toString(article.published.date(), QLocale::LongFormat));
    }
    if (!article.section.isEmpty())
        meta.append(article.section);
    if (!article.author.isEmpty())
        meta.append(tr("by %1").arg(article.author));
    if (!article.source.isEmpty())
        meta.append(article.source);
    for (QString& part : meta)
        part = part.toHtmlEscaped();
    if (!article.url.isEmpty()) {
        meta.append(QStringLiteral("<a href=\"%1\">%2</a>")
                        .arg(article.url.toHtmlEscaped(), tr("Original").toHtmlEscaped()));
    }
    if (!meta.isEmpty())
        html += QStringLiteral("<p><small>%1</small></p>").arg(meta.join(QStringLiteral(" · ")));
    if (!article.tags.isEmpty()) { // tag chips
        QStringList chips;
        for (const core::Tag& tag : article.tags) {
            chips.append(QStringLiteral("<span style=\"background-color:palette(midlight); "
                                        "\">&nbsp;%1&nbsp;</span>")
                             .arg(tag.name.toHtmlEscaped()));
        }
        html += QStringLiteral("<p>%1</p>").arg(chips.join(QStringLiteral(" ")));
    }
    for (const QString& paragraph : article.body.split(QStringLiteral("\n\n"), Qt::SkipEmptyParts))
        html += QStringLiteral("<p>%1</p>").arg(markedHtml(paragraph));
    return html;
}

QString ReaderView::markedHtml(const QString& text)
{
    // Marks (\x02 … \x03) come from the search's highlight(); the text around them is escaped.
    QString html = text.toHtmlEscaped();
    html.replace(QChar(0x02), QStringLiteral("<span style=\"background-color:#ffe066; "
                                             "color:#000000\">"));
    html.replace(QChar(0x03), QStringLiteral("</span>"));
    return html;
}

QVariant ReaderView::loadResource(int type, const QUrl& name)
{
    // No remote content: images and style sheets named by article text are never fetched.
    Q_UNUSED(type)
    Q_UNUSED(name)
    return {};
}

} // namespace broadsheet::ui
