// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "article/article.h"

#include <QTextBrowser>

#include <optional>

namespace broadsheet::ui {

/// The reader pane: shows one article (title, date, section, author, source, body) as
/// escaped rich text, or a feed story's sanitised HTML (links, lists, quotes, tables). Links open
/// in the system browser; nothing remote is ever loaded.
class ReaderView final : public QTextBrowser {
    Q_OBJECT
public:
    explicit ReaderView(QWidget* parent = nullptr);

    void showArticle(const core::Article& article);
    void showMessage(const QString& text);

    /// The HTML the reader renders for an article; every field is escaped, and search
    /// marks (\x02 … \x03) in the title and body become highlights. Colours come from the
    /// palette (QPalette() is the application's), so a dark desktop gets a dark reader.
    static QString articleHtml(const core::Article& article, const QPalette& palette = {});
    static QString markedHtml(const QString& text);
    /// A feed story's sanitised HTML with each image made a link to it: nothing remote loads.
    static QString withoutRemoteImages(const QString& html);

protected:
    QVariant loadResource(int type, const QUrl& name) override;
    void changeEvent(QEvent* event) override;

private:
    void render();

    std::optional<core::Article> m_article; ///< shown, or a message when empty
    QString m_message;
};

} // namespace broadsheet::ui
