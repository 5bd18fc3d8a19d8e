// SPDX-License-Identifier: GPL-3.0-or-later
#include "reader_view.h"
#include "test_support.h"

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
