// SPDX-License-Identifier: GPL-3.0-or-later
#include "reader_view.h"
#include "test_support.h"

#include <QColor>
#include <QPalette>

using namespace broadsheet;

TEST_CASE("the reader escapes article text and turns search marks into highlights", "[ui][reader]")
{
    core::Article article;
    article.title = QStringLiteral("<script>alert(1)</script> & \x02match\x03");
    article.author = QStringLiteral("<b>Eve</b>");
    article.url = QStringLiteral("https://example.org/?a=1&b=\"2\"");
    article.body =
        QStringLiteral("First <img src=http://tracker/x.png> paragraph.\n\nSecond \x02one\x03.");
    const QString html = ui::ReaderView::articleHtml(article);
    CHECK_FALSE(html.contains(QStringLiteral("<script>")));
    CHECK_FALSE(html.contains(QStringLiteral("<img")));
    CHECK_FALSE(html.contains(QStringLiteral("<b>Eve")));
    CHECK(html.contains(QStringLiteral("&lt;script&gt;")));
    CHECK(html.contains(QStringLiteral("&amp;b=&quot;2&quot;")));
    CHECK(html.count(QStringLiteral("background-color")) == 2);
    CHECK(html.count(QStringLiteral("<p>")) >= 2);

    article.tags = {{QStringLiteral("North <Korea>"), QStringLiteral("place")}};
    CHECK(ui::ReaderView::articleHtml(article).contains(QStringLiteral("North &lt;Korea&gt;")));

    ui::ReaderView view;
    view.showArticle(article);
    CHECK(view.toPlainText().contains(QStringLiteral("<script>alert(1)</script>")));
    CHECK(view.toPlainText().contains(QStringLiteral("Second one.")));
}

TEST_CASE("the reader takes its colours from the palette and follows a switch to dark",
          "[ui][reader]")
{
    core::Article article;
    article.title = QStringLiteral("Title");
    article.section = QStringLiteral("World");
    article.body = QStringLiteral("Body.");
    article.tags = {{QStringLiteral("China"), QStringLiteral("place")}};
    QPalette dark;
    dark.setColor(QPalette::Base, QColor(20, 20, 20));
    dark.setColor(QPalette::Text, QColor(240, 240, 240));
    dark.setColor(QPalette::Highlight, QColor(40, 80, 160));
    dark.setColor(QPalette::PlaceholderText, QColor(150, 150, 150));
    QPalette light = dark;
    light.setColor(QPalette::Base, QColor(255, 255, 255));
    light.setColor(QPalette::Text, QColor(0, 0, 0));

    // The chip is the base tinted toward the highlight: dark on dark, light on light.
    auto chipOf = [&](const QPalette& palette) {
        const QString html = ui::ReaderView::articleHtml(article, palette);
        const qsizetype at = html.indexOf(QStringLiteral("background-color:"));
        REQUIRE(at >= 0);
        return QColor(html.mid(at + 17, 7));
    };
    CHECK(chipOf(dark).lightness() < 80);
    CHECK(chipOf(light).lightness() > 180);
    CHECK(ui::ReaderView::articleHtml(article, dark).contains(QStringLiteral("color:#f0f0f0")));

    ui::ReaderView view;
    view.setPalette(light);
    view.showArticle(article);
    CHECK(view.toHtml().contains(QStringLiteral("#000000")));
    view.setPalette(dark); // the reader renders the story again in the new colours
    CHECK(view.toHtml().contains(QStringLiteral("#f0f0f0")));
    CHECK(view.toPlainText().contains(QStringLiteral("China")));
}

TEST_CASE("a tag the user coloured shows in its colour, with readable text",
          "[ui][reader][tagging]")
{
    core::Article article;
    article.title = QStringLiteral("Title");
    article.body = QStringLiteral("Body.");
    article.tags = {{QStringLiteral("Later"), QStringLiteral("manual"), QStringLiteral("#1a5fb4")},
                    {QStringLiteral("Sun"), QStringLiteral("manual"), QStringLiteral("#f6d32d")},
                    {QStringLiteral("Odd"), QStringLiteral("manual"), QStringLiteral("<b>")}};
    const QString html = ui::ReaderView::articleHtml(article);
    CHECK(html.contains(QStringLiteral("background-color:#1a5fb4; color:#ffffff")));
    CHECK(html.contains(QStringLiteral("background-color:#f6d32d; color:#000000")));
    CHECK_FALSE(html.contains(QStringLiteral("<b>"))); // not a colour: the usual chip
}

TEST_CASE("a feed story shows its sanitised HTML, its images as links, nothing loaded",
          "[ui][reader]")
{
    core::Article article;
    article.title = QStringLiteral("From a feed");
    article.body = QStringLiteral("One two\n\nthree");
    article.html = QStringLiteral("<p>One <a href=\"https://e.example/two\">two</a></p>"
                                  "<ul><li>three</li></ul>"
                                  "<img src=\"https://e.example/pic.png\" alt=\"A cat\">");
    const QString html = ui::ReaderView::articleHtml(article);
    CHECK(html.contains(QStringLiteral("<ul><li>three</li></ul>")));
    CHECK_FALSE(html.contains(QStringLiteral("<img")));
    CHECK(
        html.contains(QStringLiteral("<a href=\"https://e.example/pic.png\">[image: A cat]</a>")));

    ui::ReaderView view;
    view.showArticle(article);
    const QString shown = view.toPlainText();
    CHECK(shown.contains(QStringLiteral("One two")));
    CHECK(shown.contains(QStringLiteral("[image: A cat]")));
    CHECK(view.document()->toHtml().contains(QStringLiteral("https://e.example/two")));
}
