// SPDX-License-Identifier: GPL-3.0-or-later
#include "reader_view.h"

#include "entity_page.h"
#include "remote_images.h"

#include <QApplication>
#include <QDesktopServices>
#include <QEvent>
#include <QFont>
#include <QLocale>
#include <QPalette>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTextBlockFormat>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <utility>

namespace broadsheet::ui {

ReaderView::ReaderView(QWidget* parent)
    : QTextBrowser(parent)
{
    // Links are followed here, not by QTextBrowser: it would hand any scheme to the desktop.
    setOpenExternalLinks(false);
    setOpenLinks(false);
    connect(this, &QTextBrowser::anchorClicked, this, &ReaderView::followLink);
    connect(this, qOverload<const QUrl&>(&QTextBrowser::highlighted), this,
            [this](const QUrl& url) {
                const auto [name, kind] = tagOfLink(url);
                Q_EMIT tagHovered(name, kind);
            });
    setAccessibleName(tr("Article"));
    setUndoRedoEnabled(false);
    document()->setDocumentMargin(16);
}

QUrl ReaderView::tagLink(const QString& name, const QString& kind)
{
    QUrl url;
    url.setScheme(QStringLiteral("broadsheet-tag"));
    url.setPath(name);
    url.setQuery(QStringLiteral("kind=") + kind);
    return url;
}

std::pair<QString, QString> ReaderView::tagOfLink(const QUrl& url)
{
    if (url.scheme() != u"broadsheet-tag")
        return {};
    return {url.path(), QUrlQuery(url).queryItemValue(QStringLiteral("kind"))};
}

void ReaderView::setBaseFont(const QFont& font)
{
    m_baseFont = font;
    const int steps = std::exchange(m_zoom, kMaxZoom + 1); // applied again, on the new font
    setZoom(steps);
}

qreal ReaderView::textWidth() const
{
    const QTextFrameFormat format = document()->rootFrame()->frameFormat();
    return document()->textWidth() - format.leftMargin() - format.rightMargin();
}

qreal ReaderView::measureWidth() const
{
    static const QString sample =
        QStringLiteral("the quick brown fox jumps over the lazy dog, then reads the news");
    const QFontMetricsF metrics(document()->defaultFont());
    return metrics.horizontalAdvance(sample) / static_cast<qreal>(sample.size()) * kMeasure;
}

// The measure: side margins that leave about kMeasure characters of the reader's font on a
// line (never less than the document's margin), so a wide pane does not make long lines.
void ReaderView::layOut()
{
    const qreal measure = measureWidth();
    const qreal width = viewport()->width();
    const qreal side = std::max<qreal>(16, (width - measure) / 2);
    QTextFrameFormat format = document()->rootFrame()->frameFormat();
    if (std::abs(format.leftMargin() - side) < 1 && std::abs(format.rightMargin() - side) < 1)
        return;
    format.setLeftMargin(side);
    format.setRightMargin(side);
    document()->rootFrame()->setFrameFormat(format);
}

void ReaderView::resizeEvent(QResizeEvent* event)
{
    QTextBrowser::resizeEvent(event);
    layOut();
}

bool ReaderView::openOriginal()
{
    if (!m_article || m_article->url.isEmpty())
        return false;
    const QUrl url(m_article->url);
    if (!isFollowable(url)) {
        Q_EMIT linkRefused(url);
        return false;
    }
    QDesktopServices::openUrl(url);
    return true;
}

void ReaderView::showArticle(const core::Article& article)
{
    if (!m_article || m_article->id != article.id) {
        m_versions.clear();
        m_related.clear();
    }
    m_article = article;
    m_entity.reset();
    m_loadImagesHere = false;
    render();
    verticalScrollBar()->setValue(0);
}

void ReaderView::setRemoteImages(RemoteImages* images)
{
    m_images = images;
    if (!images)
        return;
    connect(images, &RemoteImages::finished, this, [this](const QUrl& url, bool ok) {
        if (!ok || !imagesShown() || !m_article->html.contains(url.toString(QUrl::FullyEncoded)))
            return;
        // Images arrive one by one: one layout for those that came together.
        if (!std::exchange(m_rerenderQueued, true))
            QTimer::singleShot(0, this, [this] {
                m_rerenderQueued = false;
                rerenderKeepingScroll();
            });
    });
}

void ReaderView::setAlwaysLoadImages(bool always)
{
    if (m_alwaysLoadImages == always)
        return;
    m_alwaysLoadImages = always;
    rerenderKeepingScroll();
}

void ReaderView::loadImages()
{
    if (m_loadImagesHere || !hasRemoteImages())
        return;
    m_loadImagesHere = true;
    rerenderKeepingScroll();
}

bool ReaderView::hasRemoteImages() const
{
    return m_images && m_article && m_article->html.contains(QLatin1String("<img "));
}

bool ReaderView::imagesShown() const
{
    return hasRemoteImages() && (m_alwaysLoadImages || m_loadImagesHere);
}

// A feed story shows its HTML, not the body the search marked: the words the search matched
// are found in the laid-out text and marked there the same way.
void ReaderView::markMatchesInHtml()
{
    QList<QTextEdit::ExtraSelection> marks;
    if (m_article && !m_article->html.isEmpty() && m_article->body.contains(QChar(0x02))) {
        QStringList words;
        static const QRegularExpression marked(QStringLiteral("\x02([^\x03]*)\x03"));
        for (auto it = marked.globalMatch(m_article->body); it.hasNext();) {
            const QString word = it.next().captured(1).trimmed();
            if (!word.isEmpty() && !words.contains(word, Qt::CaseInsensitive))
                words.append(word);
        }
        QTextCharFormat format;
        format.setBackground(QColor(0xff, 0xe0, 0x66));
        format.setForeground(Qt::black);
        for (const QString& word : std::as_const(words)) {
            QTextCursor at(document());
            while (marks.size() < 1000) {
                at = document()->find(word, at);
                if (at.isNull())
                    break;
                marks.append({at, format});
            }
        }
    }
    setExtraSelections(marks);
}

void ReaderView::rerenderKeepingScroll()
{
    const int scrolled = verticalScrollBar()->value();
    render();
    verticalScrollBar()->setValue(scrolled);
}

void ReaderView::render()
{
    if (m_article) {
        core::Article shown = *m_article;
        if (imagesShown())
            shown.html = withoutStoryColours(shown.html);
        else if (!shown.html.isEmpty())
            shown.html = withoutStoryColours(withoutRemoteImages(shown.html));
        setHtml(articleHtml(shown, palette(), false) +
                relatedHtml(m_versions, m_related, palette()));
        // Lines a little apart, as print sets them; the title keeps its own.
        QTextCursor all(document());
        all.select(QTextCursor::Document);
        QTextBlockFormat spacing;
        spacing.setLineHeight(135, QTextBlockFormat::ProportionalHeight);
        all.mergeBlockFormat(spacing);
        layOut();
        markMatchesInHtml();
        return;
    }
    if (m_entity) {
        // The timeline as wide as the text's measure (loadResource() hands it over).
        const int width =
            static_cast<int>(std::min<qreal>(measureWidth(), viewport()->width() - 40));
        m_chart = EntityPage::timeline(*m_entity, palette(), document()->defaultFont(), width);
        setHtml(EntityPage::html(*m_entity, palette(), EntityPage::timelineUrl(++m_pages)));
        layOut();
        return;
    }
    setHtml(QStringLiteral("<p style=\"color:%1\">%2</p>")
                .arg(palette().color(QPalette::PlaceholderText).name(), m_message.toHtmlEscaped()));
    layOut();
    markMatchesInHtml();
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

void ReaderView::showEntity(const core::ArticleStore::EntityOverview& overview)
{
    m_article.reset();
    m_versions.clear();
    m_related.clear();
    m_entity = overview;
    render();
    verticalScrollBar()->setValue(0);
}

void ReaderView::showMessage(const QString& text)
{
    m_article.reset();
    m_entity.reset();
    m_message = text;
    render();
}

void ReaderView::setRelatedStories(const QList<core::ArticleSummary>& versions,
                                   const QList<core::ArticleSummary>& related)
{
    if (versions == m_versions && related == m_related)
        return;
    m_versions = versions;
    m_related = related;
    if (m_article)
        rerenderKeepingScroll();
}

QUrl ReaderView::storyLink(core::ArticleId id)
{
    QUrl url;
    url.setScheme(QStringLiteral("broadsheet-story"));
    url.setPath(QString::number(id));
    return url;
}

core::ArticleId ReaderView::storyOfLink(const QUrl& url)
{
    if (url.scheme() != u"broadsheet-story")
        return 0;
    bool ok = false;
    const qint64 id = url.path().toLongLong(&ok);
    return ok && id > 0 ? id : 0;
}

QString ReaderView::relatedHtml(const QList<core::ArticleSummary>& versions,
                                const QList<core::ArticleSummary>& related, const QPalette& palette)
{
    if (versions.isEmpty() && related.isEmpty())
        return {};
    const QString muted = palette.color(QPalette::PlaceholderText).name();
    auto list = [&muted](const QString& heading, const QList<core::ArticleSummary>& stories) {
        if (stories.isEmpty())
            return QString();
        QString html = QStringLiteral("<h4 style=\"margin-top:1.5em\">%1</h4><ul>")
                           .arg(heading.toHtmlEscaped());
        for (const core::ArticleSummary& story : stories) {
            QStringList meta;
            if (story.published.isKnown())
                meta.append(QLocale().toString(story.published.date(), QLocale::ShortFormat));
            if (!story.source.isEmpty())
                meta.append(story.source);
            html +=
                QStringLiteral("<li><a href=\"%1\">%2</a> <span style=\"color:%3\">%4</span></li>")
                    .arg(storyLink(story.id).toString(QUrl::FullyEncoded),
                         (story.title.isEmpty() ? tr("(untitled)") : story.title).toHtmlEscaped(),
                         muted, meta.join(QStringLiteral(" · ")).toHtmlEscaped());
        }
        return html + QStringLiteral("</ul>");
    };
    return QStringLiteral("<hr/>") + list(tr("Other versions of this story"), versions) +
           list(tr("Related stories"), related);
}

QString ReaderView::articleHtml(const core::Article& article, const QPalette& palette,
                                bool imagesAsLinks)
{
    QString html = QStringLiteral("<h2>%1</h2>")
                       .arg(markedHtml(article.title.isEmpty() ? tr("(untitled)") : article.title));
    // One line: where it is from, who wrote it, when (and the section it ran in).
    QStringList meta;
    if (!article.source.isEmpty())
        meta.append(article.source);
    if (!article.author.isEmpty())
        meta.append(tr("by %1").arg(article.author));
    if (article.published.isKnown()) {
        meta.append(
            article.published.precision() == core::PublishedDate::Precision::Moment
                ? QLocale().toString(article.published.moment().toLocalTime(), QLocale::LongFormat)
                : QLocale().toString(article.published.date(), QLocale::LongFormat));
    }
    if (!article.section.isEmpty())
        meta.append(article.section);
    for (QString& part : meta)
        part = part.toHtmlEscaped();
    if (!meta.isEmpty())
        html += QStringLiteral("<p style=\"color:%1\">%2</p>")
                    .arg(palette.color(QPalette::PlaceholderText).name(),
                         meta.join(QStringLiteral(" · ")));
    if (!article.url.isEmpty()) { // the story's own page, as a button (o opens it too)
        html += QStringLiteral("<table border=\"0\" cellspacing=\"0\" cellpadding=\"5\">"
                               "<tr><td bgcolor=\"%1\"><a href=\"%2\" style=\"color:%3; "
                               "text-decoration:none\">%4</a></td></tr></table>")
                    .arg(palette.color(QPalette::Button).name(), article.url.toHtmlEscaped(),
                         palette.color(QPalette::ButtonText).name(),
                         tr("Open the original \u2197").toHtmlEscaped());
    }
    if (!article.tags.isEmpty()) { // tag chips: each a link that searches for its tag
        // A chip is the text's background tinted a quarter of the way to its kind's colour:
        // the highlight for the user's own tags and rules, blue for people, violet for
        // organisations, green for places, grey for keywords.
        const QColor base = palette.color(QPalette::Base);
        const auto tinted = [&base](const QColor& tint) {
            return QColor::fromRgbF(base.redF() * 0.75f + tint.redF() * 0.25f,
                                    base.greenF() * 0.75f + tint.greenF() * 0.25f,
                                    base.blueF() * 0.75f + tint.blueF() * 0.25f)
                .name();
        };
        const auto chipOf = [&](const QString& kind) {
            if (kind == u"person")
                return tinted(QColor(0x3a, 0x7b, 0xd5));
            if (kind == u"organization")
                return tinted(QColor(0x8e, 0x4e, 0xc6));
            if (kind == u"place")
                return tinted(QColor(0x2e, 0x9e, 0x5b));
            if (kind == u"keyword" || kind == u"category")
                return tinted(palette.color(QPalette::Mid));
            return tinted(palette.color(QPalette::Highlight));
        };
        const QString chipText = palette.color(QPalette::Text).name();
        QStringList chips;
        for (const core::Tag& tag : article.tags) {
            const QString chip = chipOf(tag.kind);
            // A tag the user coloured wears its colour, with text that stays readable on it.
            const QColor own(tag.color);
            const bool coloured = !tag.color.isEmpty() && own.isValid();
            const QString background = coloured ? own.name() : chip;
            // Black or white by the colour's luma, as the eye weighs red, green and blue.
            const double luma = 0.299 * own.redF() + 0.587 * own.greenF() + 0.114 * own.blueF();
            const QString text = !coloured    ? chipText
                                 : luma > 0.5 ? QStringLiteral("#000000")
                                              : QStringLiteral("#ffffff");
            chips.append(
                QStringLiteral("<a href=\"%4\" style=\"text-decoration:none; color:%2\">"
                               "<span style=\"background-color:%1; color:%2\">"
                               "&nbsp;%3&nbsp;</span></a>")
                    .arg(background, text, tag.name.toHtmlEscaped(),
                         tagLink(tag.name, tag.kind).toString(QUrl::FullyEncoded).toHtmlEscaped()));
        }
        html += QStringLiteral("<p>%1</p>").arg(chips.join(QStringLiteral(" ")));
    }
    if (!article.html.isEmpty()) {
        html += imagesAsLinks ? withoutRemoteImages(article.html) : article.html;
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

QString ReaderView::withoutStoryColours(const QString& html)
{
    // The markup is the sanitiser's: attributes are written name="value", with any quote in
    // a value escaped, so an attribute never spans a quote. Only inside tags (text has no
    // bare '<').
    static const QRegularExpression colourAttribute(
        QStringLiteral("(<[a-z][^>]*?)\\s(?:color|bgcolor|bordercolor)=\"[^\"]*\""));
    static const QRegularExpression colourStyle(QStringLiteral(
        "(<[a-z][^>]*?\\sstyle=\"[^\"]*?)(?:background-color|color|border-color):[^;\"]*;?"));
    QString out = html;
    // Each pass takes one colour off each tag; a tag with several needs another pass.
    for (const QRegularExpression* pattern : {&colourAttribute, &colourStyle}) {
        for (qsizetype before = -1; before != out.size();) {
            before = out.size();
            out.replace(*pattern, QStringLiteral("\\1"));
        }
    }
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

void ReaderView::setZoom(int steps)
{
    steps = std::clamp(steps, kMinZoom, kMaxZoom);
    if (steps == m_zoom)
        return;
    m_zoom = steps;
    QFont font = m_baseFont.value_or(QApplication::font(this));
    font.setPointSizeF(font.pointSizeF() + steps);
    setFont(font); // the document's default font follows the widget's
    rerenderKeepingScroll();
}

bool ReaderView::isFollowable(const QUrl& url)
{
    if (!url.isValid())
        return false;
    const QString scheme = url.scheme().toLower();
    if (scheme == u"mailto")
        return !url.path().isEmpty();
    return (scheme == u"http" || scheme == u"https") && !url.host().isEmpty();
}

void ReaderView::followLink(const QUrl& url)
{
    if (url.isRelative() && url.path().isEmpty() && url.hasFragment()) {
        scrollToAnchor(url.fragment());
        return;
    }
    if (const auto [name, kind] = tagOfLink(url); !name.isEmpty()) {
        Q_EMIT tagClicked(name, kind);
        return;
    }
    if (const core::ArticleId story = storyOfLink(url); story > 0) {
        Q_EMIT storyClicked(story);
        return;
    }
    if (!isFollowable(url)) {
        Q_EMIT linkRefused(url);
        return;
    }
    QDesktopServices::openUrl(url);
}

QVariant ReaderView::loadResource(int type, const QUrl& name)
{
    if (type == QTextDocument::ImageResource && m_entity && EntityPage::isTimelineUrl(name))
        return m_chart;
    // Only images, only once the user allowed them, only through RemoteImages: a style
    // sheet or anything else a story names is never fetched.
    if (type != QTextDocument::ImageResource || !imagesShown())
        return {};
    const QImage image = m_images->image(name);
    if (!image.isNull()) {
        // Never wider than the measure: a large photo fits the text's width.
        const int width =
            static_cast<int>(std::min(measureWidth(), static_cast<qreal>(viewport()->width()) -
                                                          2 * document()->documentMargin()));
        if (width > 32 && image.width() > width)
            return image.scaledToWidth(width, Qt::SmoothTransformation);
        return image;
    }
    m_images->fetch(name); // shows when it comes (finished → render)
    return {};
}

} // namespace broadsheet::ui
