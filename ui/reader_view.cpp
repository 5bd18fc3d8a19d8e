// SPDX-License-Identifier: GPL-3.0-or-later
#include "reader_view.h"

#include <QEvent>
#include <QLocale>
#include <QPalette>
#include <QRegularExpression>
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
    m_article = article;
    render();
    verticalScrollBar()->setValue(0);
}

void ReaderView::render()
{
    if (m_article) {
        setHtml(articleHtml(*m_article, palette()));
        return;
    }
    setHtml(QStringLiteral("<p style=\"color:%1\">%2</p>")
                .arg(palette().color(QPalette::PlaceholderText).name(), m_message.toHtmlEscaped()));
}

void ReaderView::changeEvent(QEvent* event)
{
    QTextBrowser::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) { // e.g. the desktop switched to dark
        const int scrolled = verticalScrollBar()->value();
        render();
        verticalScrollBar()->setValue(scrolled);
    }
}

void ReaderView::showMessage(const QString& text)
{
    m_article.reset();
    m_message = text;
    render();
}

QString ReaderView::articleHtml(const core::Article& article, const QPalette& palette)
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
        html += QStringLiteral("<p style=\"color:%1\"><small>%2</small></p>")
                    .arg(palette.color(QPalette::PlaceholderText).name(),
                         meta.join(QStringLiteral(" · ")));
    if (!article.tags.isEmpty()) { // tag chips
        // A chip is the text's background tinted a quarter of the way to the highlight.
        const QColor base = palette.color(QPalette::Base);
        const QColor tint = palette.color(QPalette::Highlight);
        const QString chip = QColor::fromRgbF(base.redF() * 0.75f + tint.redF() * 0.25f,
                                              base.greenF() * 0.75f + tint.greenF() * 0.25f,
                                              base.blueF() * 0.75f + tint.blueF() * 0.25f)
                                 .name();
        const QString chipText = palette.color(QPalette::Text).name();
        QStringList chips;
        for (const core::Tag& tag : article.tags) {
            // A tag the user coloured wears its colour, with text that stays readable on it.
            const QColor own(tag.color);
            const bool coloured = !tag.color.isEmpty() && own.isValid();
            const QString background = coloured ? own.name() : chip;
            // Black or white by the colour's luma, as the eye weighs red, green and blue.
            const double luma = 0.299 * own.redF() + 0.587 * own.greenF() + 0.114 * own.blueF();
            const QString text = !coloured    ? chipText
                                 : luma > 0.5 ? QStringLiteral("#000000")
                                              : QStringLiteral("#ffffff");
            chips.append(QStringLiteral("<span style=\"background-color:%1; color:%2\">"
                                        "&nbsp;%3&nbsp;</span>")
                             .arg(background, text, tag.name.toHtmlEscaped()));
        }
        html += QStringLiteral("<p>%1</p>").arg(chips.join(QStringLiteral(" ")));
    }
    if (!article.html.isEmpty()) {
        html += withoutRemoteImages(article.html);
        return html;
    }
    for (const QString& paragraph : article.body.split(QStringLiteral("\n\n"), Qt::SkipEmptyParts))
        html += QStringLiteral("<p>%1</p>").arg(markedHtml(paragraph));
    return html;
}

QString ReaderView::withoutRemoteImages(const QString& html)
{
    // The markup is the sanitiser's own (ArticleStore keeps no other): each image is
    // <img src="…" …>, its src first. Nothing remote loads, so each becomes a link to itself.
    static const QRegularExpression image(
        QStringLiteral("<img src=\"([^\"]*)\"(?:[^>]*?\\salt=\"([^\"]*)\")?[^>]*>"));
    QString out = html;
    out.replace(image, QStringLiteral("<a href=\"\\1\">[%1 \\2]</a>").arg(tr("image:")));
    out.replace(QStringLiteral(" ]</a>"), QStringLiteral("]</a>")); // an image with no alt text
    return out;
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
