// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "article/article.h"
#include "store/article_store.h"

#include <QImage>
#include <QTextBrowser>

#include <optional>

namespace broadsheet::ui {

class RemoteImages;

/// The reader pane: shows one article (title, date, section, author, source, body) as
/// escaped rich text, or a feed story's sanitised HTML (links, lists, quotes, tables). Links open
/// in the system browser, and only http, https and mailto ones: whatever a story says, the
/// reader never hands the desktop a file:, javascript: or other application's URL. Nothing remote
/// loads unless the user allows it: a story's images show as links to them until loadImages() (or
/// the always-load setting), and are then fetched by RemoteImages, never by anything the story
/// says.
class ReaderView final : public QTextBrowser {
    Q_OBJECT
public:
    explicit ReaderView(QWidget* parent = nullptr);

    void showArticle(const core::Article& article);
    void showMessage(const QString& text);
    /// The page of a person, organisation or place (EntityPage): its stories, its timeline,
    /// the names found with it (chips: tagClicked).
    void showEntity(const core::ArticleStore::EntityOverview& overview);
    /// The name whose page shows, or "" when a story or a message does.
    QString entityShown() const { return m_entity ? m_entity->name : QString(); }
    /// Below the story shown: its other versions (near-duplicates) and the stories most like
    /// it, each a link with its date and source (storyClicked). Kept while the same story
    /// shows again (new tag chips); another story starts without them.
    void setRelatedStories(const QList<core::ArticleSummary>& versions,
                           const QList<core::ArticleSummary>& related);
    /// The HTML of those two lists (empty when both are).
    static QString relatedHtml(const QList<core::ArticleSummary>& versions,
                               const QList<core::ArticleSummary>& related,
                               const QPalette& palette = {});
    /// The link a listed story carries, and the story a link names (0 when it is none).
    static QUrl storyLink(core::ArticleId id);
    static core::ArticleId storyOfLink(const QUrl& url);

    /// Where images come from once allowed; null (the default) loads none.
    void setRemoteImages(RemoteImages* images);
    /// Every story's images load as it shows (the user's setting).
    void setAlwaysLoadImages(bool always);
    bool alwaysLoadImages() const { return m_alwaysLoadImages; }
    /// The story shown loads its images now.
    void loadImages();
    /// Whether the story shown has images to load (none loaded yet, or some).
    bool hasRemoteImages() const;
    bool imagesShown() const;

    /// The HTML the reader renders for an article; every field is escaped, and search
    /// marks (\x02 … \x03) in the title and body become highlights. Colours come from the
    /// palette (QPalette() is the application's), so a dark desktop gets a dark reader.
    /// `imagesAsLinks` false leaves a feed story's images in (once the user allowed them).
    static QString articleHtml(const core::Article& article, const QPalette& palette = {},
                               bool imagesAsLinks = true);
    static QString markedHtml(const QString& text);
    /// A feed story's sanitised HTML with each image made a link to it: nothing remote loads.
    static QString withoutRemoteImages(const QString& html);
    /// The story's own colours (font color, bgcolor, colour in its styles) taken out, so its
    /// text reads on the palette's background, light or dark.
    static QString withoutStoryColours(const QString& html);
    /// The link a tag chip carries, and the tag a link names (empty when it is no chip).
    static QUrl tagLink(const QString& name, const QString& kind);
    static std::pair<QString, QString> tagOfLink(const QUrl& url);
    /// The reader's text size, in steps of one point from the desktop's (clamped to -4 … 12):
    /// Ctrl+plus, Ctrl+minus and Ctrl+0 in the window, the same for every story.
    void setZoom(int steps);
    int zoom() const { return m_zoom; }
    static constexpr int kMinZoom = -4;
    static constexpr int kMaxZoom = 12;

    /// The font the reader starts from (the user's choice; zoom steps from it).
    void setBaseFont(const QFont& font);
    /// The widest a line of text gets, in characters: however wide the pane, the text keeps
    /// a measure that reads well, centred.
    static constexpr int kMeasure = 70;
    /// The text's width now, in pixels (tests).
    qreal textWidth() const;
    /// Opens the shown story's own page in the browser (o, or Enter on the list); false when
    /// it has none that may be followed.
    bool openOriginal();

    /// Whether a link may go to the desktop: http, https or mailto, with somewhere to go.
    static bool isFollowable(const QUrl& url);

    /// A link the user clicked or activated: an anchor of the story scrolls there, a
    /// followable one opens in the browser, any other is refused (linkRefused).
    void followLink(const QUrl& url);

Q_SIGNALS:
    /// A link was not followed (its scheme is not http, https or mailto).
    void linkRefused(const QUrl& url);
    /// A tag chip was clicked: search for the stories with this tag (a person's,
    /// organisation's or place's chip also opens its page).
    void tagClicked(const QString& name, const QString& kind);
    /// A related story or another version was clicked: show it.
    void storyClicked(core::ArticleId id);
    /// The pointer is over a tag chip (empty name: it left): its kind, for the status bar.
    void tagHovered(const QString& name, const QString& kind);

protected:
    QVariant loadResource(int type, const QUrl& name) override;
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void render();
    void rerenderKeepingScroll();
    void markMatchesInHtml();
    void layOut();
    qreal measureWidth() const; ///< kMeasure characters of the reader's font, in pixels

    std::optional<core::Article> m_article;                     ///< shown, or a message when empty
    std::optional<core::ArticleStore::EntityOverview> m_entity; ///< shown instead
    QImage m_chart;                                             ///< the entity page's timeline
    int m_pages = 0; ///< entity pages rendered, for their timelines' names
    QList<core::ArticleSummary> m_versions;
    QList<core::ArticleSummary> m_related;
    QString m_message;
    RemoteImages* m_images = nullptr;
    bool m_alwaysLoadImages = false;
    bool m_loadImagesHere = false; ///< the user asked for this story's images
    bool m_rerenderQueued = false;
    int m_zoom = 0;
    std::optional<QFont> m_baseFont; ///< the user's; none: the desktop's
};

} // namespace broadsheet::ui
