// SPDX-License-Identifier: GPL-3.0-or-later
#include "entity_page.h"
#include "http_test_server.h"
#include "parse/feed_articles.h"
#include "parse/feed_parser.h"
#include "reader_view.h"
#include "remote_images.h"
#include "test_support.h"

#include <QBuffer>
#include <QColor>
#include <QDesktopServices>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QPalette>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>

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
    CHECK(view.extraSelections().isEmpty());

    // What a search matched is marked in the HTML as in the text.
    article.body = QStringLiteral("One \x02two\x03\n\nthree");
    view.showArticle(article);
    REQUIRE(view.extraSelections().size() == 1);
    CHECK(view.extraSelections().at(0).cursor.selectedText() == QStringLiteral("two"));
    view.showMessage(QStringLiteral("nothing"));
    CHECK(view.extraSelections().isEmpty());
}

namespace {

QByteArray png(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::darkGreen);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

} // namespace

TEST_CASE("a story's images load only when asked, from the program, without cookies, cached",
          "[ui][reader][images]")
{
    test::HttpTestServer server;
    REQUIRE(server.listen());
    const QList<std::pair<QByteArray, QByteArray>> cacheable{{"Content-Type", "image/png"},
                                                             {"Cache-Control", "max-age=3600"}};
    auto withCookie = cacheable;
    withCookie.append(std::pair<QByteArray, QByteArray>("Set-Cookie", "tracker=1; Path=/"));
    server.route("/cat.png", {200, withCookie, png(40, 30), 0});
    server.route("/dog.png", {200, cacheable, png(20, 10), 0});
    server.route("/huge.png",
                 {200, cacheable, QByteArray(ui::RemoteImages::kMaxImageBytes + 4096, 'x'), 0});

    core::Article article;
    article.title = QStringLiteral("Pictures");
    article.body = QStringLiteral("A cat");
    article.html =
        QStringLiteral("<p><font color=\"#ffffff\">white on white</font></p>"
                       "<img src=\"%1\" alt=\"A cat\"><img src=\"%2\" alt=\"A dog\">"
                       "<img src=\"%3\" alt=\"Too big\">")
            .arg(server.url(QStringLiteral("/cat.png")), server.url(QStringLiteral("/dog.png")),
                 server.url(QStringLiteral("/huge.png")));
    QTemporaryDir cache;
    REQUIRE(cache.isValid());
    auto* images = new ui::RemoteImages(cache.path());
    ui::ReaderView view;
    view.setRemoteImages(images);
    view.resize(600, 400);
    view.show();
    view.showArticle(article);
    QTest::qWait(300);
    CHECK(server.requests().isEmpty()); // nothing until the user asks
    CHECK(view.toPlainText().contains(QStringLiteral("[image: A cat]")));
    CHECK_FALSE(view.document()->toHtml().contains(QStringLiteral("#ffffff"))); // palette's text
    CHECK(view.hasRemoteImages());
    CHECK_FALSE(view.imagesShown());

    QSignalSpy finished(images, &ui::RemoteImages::finished);
    view.loadImages();
    REQUIRE(QTest::qWaitFor([&] { return finished.size() >= 3; }, 15000));
    CHECK(view.imagesShown());
    CHECK_FALSE(view.toPlainText().contains(QStringLiteral("[image:")));
    const QImage cat = images->image(QUrl(server.url(QStringLiteral("/cat.png"))));
    CHECK(cat.size() == QSize(40, 30));
    CHECK(images->image(QUrl(server.url(QStringLiteral("/huge.png")))).isNull()); // cut off
    QTest::qWait(50); // the re-render after the last image
    CHECK(view.document()
              ->resource(QTextDocument::ImageResource, QUrl(server.url(QStringLiteral("/dog.png"))))
              .value<QImage>()
              .size() == QSize(20, 10));
    for (const auto& request : server.requests()) {
        INFO(request.path.toStdString());
        CHECK_FALSE(request.headers.contains("cookie")); // the tracker's cookie was not kept
        CHECK(request.headers.value("user-agent") == "Broadsheet");
    }

    // Another story starts without its images again; read later, the cache has them.
    view.showArticle(article);
    CHECK_FALSE(view.imagesShown());
    const qsizetype asked = server.requests().size();
    const QUrl dog(server.url(QStringLiteral("/dog.png")));
    server.close();
    ui::RemoteImages again(cache.path());
    QSignalSpy back(&again, &ui::RemoteImages::finished);
    again.fetch(dog);
    REQUIRE(back.wait(10000));
    CHECK(back.at(0).at(1).toBool());
    CHECK(again.image(dog).size() == QSize(20, 10));
    CHECK(server.requests().size() == asked);
    // Only http and https are ever fetched.
    again.fetch(QUrl(QStringLiteral("file:///etc/passwd")));
    CHECK(again.pending() == 0);
}

TEST_CASE("always loading images is a setting the window keeps", "[ui][reader][images]")
{
    ui::ReaderView view;
    CHECK_FALSE(view.alwaysLoadImages());
    core::Article article;
    article.html = QStringLiteral("<img src=\"http://127.0.0.1:9/x.png\" alt=\"x\">");
    view.showArticle(article);
    CHECK_FALSE(view.hasRemoteImages()); // no RemoteImages: none ever loads
    CHECK_FALSE(view.imagesShown());
    CHECK(ui::ReaderView::withoutStoryColours(
              QStringLiteral("<span style=\"color: red; font-weight: bold;\" bgcolor=\"#000\">"
                             "color=\"x\"</span>")) ==
          QStringLiteral("<span style=\" font-weight: bold;\">color=\"x\"</span>"));
}

namespace {

/// Every link the reader's document holds, and every image it names.
QList<QUrl> linksShown(const QTextDocument& document)
{
    QList<QUrl> out;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat format = it.fragment().charFormat();
            if (format.isAnchor() && !format.anchorHref().isEmpty())
                out.append(QUrl(format.anchorHref()));
            if (format.isImageFormat())
                out.append(QUrl(format.toImageFormat().name()));
        }
    }
    return out;
}

} // namespace

TEST_CASE("the reader follows only web and mail links, whatever a story says: feedparser's "
          "sanitize suite and links written to attack",
          "[ui][reader][hostile]")
{
    test::UrlRecorder desktop;
    const QStringList schemes{QStringLiteral("http"),       QStringLiteral("https"),
                              QStringLiteral("mailto"),     QStringLiteral("file"),
                              QStringLiteral("javascript"), QStringLiteral("data"),
                              QStringLiteral("smb"),        QStringLiteral("evil-app")};
    for (const QString& scheme : schemes)
        QDesktopServices::setUrlHandler(scheme, &desktop, "open");
    ui::ReaderView view;
    view.resize(600, 800);
    view.show();
    QSignalSpy refused(&view, &ui::ReaderView::linkRefused);

    SECTION("feedparser's sanitize cases show no link or image the desktop should not open")
    {
        REQUIRE_SHARED("data/feedparser-tests/tests/wellformed/sanitize");
        QDirIterator it(
            test::sharedPath(QStringLiteral("data/feedparser-tests/tests/wellformed/sanitize")),
            QDir::Files);
        int links = 0;
        QStringList unsafe;
        while (it.hasNext()) {
            QFile file(it.next());
            REQUIRE(file.open(QIODevice::ReadOnly));
            auto feed = core::parseFeed(
                file.readAll(), core::FeedSource::at(QStringLiteral("http://example.com/")));
            REQUIRE(feed);
            for (const core::Article& story : core::storiesOf(*feed).articles) {
                view.showArticle(story);
                view.loadImages();
                for (const QUrl& url : linksShown(*view.document())) {
                    ++links;
                    // A tag chip's link searches in the window: it never leaves it.
                    if (!ui::ReaderView::isFollowable(url) &&
                        !(url.isRelative() && url.path().isEmpty()) &&
                        ui::ReaderView::tagOfLink(url).first.isEmpty())
                        unsafe.append(it.fileName() + u' ' + url.toString());
                }
            }
        }
        INFO(unsafe.join(u'\n').toStdString());
        CHECK(links > 100);
        CHECK(unsafe.isEmpty());
    }

    SECTION("a story's own link, and links past the sanitiser, are refused unless web or mail")
    {
        core::Article story;
        story.title = QStringLiteral("Attack");
        story.url = QStringLiteral("file:///etc/passwd");
        // Straight into the reader, as if the sanitiser had missed them all.
        story.html = QStringLiteral(
            "<p><a href=\"javascript:alert(1)\">js</a> <a href=\"file:///etc/shadow\">file</a> "
            "<a href=\"JaVaScRiPt:alert(2)\">mixed</a> <a href=\"data:text/html,x\">data</a> "
            "<a href=\"smb://host/share\">smb</a> <a href=\"evil-app:run\">app</a> "
            "<a href=\"https:///nohost\">nohost</a> <a href=\"#end\">anchor</a> "
            "<a href=\"https://ok.example/a\">web</a> <a href=\"mailto:ed@ok.example\">mail</a>"
            "</p><p><a name=\"end\">end</a></p>");
        view.showArticle(story);
        const QList<QUrl> links = linksShown(*view.document());
        REQUIRE(links.size() >= 11);
        for (const QUrl& url : links)
            view.followLink(url);
        CHECK(desktop.opened == QList<QUrl>{QUrl(QStringLiteral("https://ok.example/a")),
                                            QUrl(QStringLiteral("mailto:ed@ok.example"))});
        CHECK(refused.size() == 8); // the story's file: link, six in its text, one without host

        // A real click on a refused link goes through the same door.
        desktop.opened.clear();
        refused.clear();
        QTextCursor cursor = view.document()->find(QStringLiteral("js"));
        REQUIRE_FALSE(cursor.isNull());
        cursor.setPosition(cursor.selectionStart() + 1);
        const QPoint at = view.cursorRect(cursor).center();
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, at);
        CHECK(refused.size() == 1);
        CHECK(desktop.opened.isEmpty());
    }
    for (const QString& scheme : schemes)
        QDesktopServices::unsetUrlHandler(scheme);
}

TEST_CASE("a name's page counts its stories, draws a bar for each month with mentions, and "
          "escapes every name",
          "[ui][reader][entity]")
{
    ui::EntityPage::Overview overview;
    overview.name = QStringLiteral("Ada <b>Lovelace</b>");
    overview.kind = QStringLiteral("person");
    overview.stories = 9;
    // Two months with mentions, ten empty months between them.
    overview.months = {{QStringLiteral("2015-01"), 6}, {QStringLiteral("2015-12"), 2}};
    overview.undated = 1;
    overview.alongside = {{QStringLiteral("Charles Babbage"), QStringLiteral("person"), 5, 0},
                          {QStringLiteral("London & Co"), QStringLiteral("organization"), 2, 0}};
    const QString html = ui::EntityPage::html(overview, QPalette(), ui::EntityPage::timelineUrl(3));
    CHECK(html.contains(QStringLiteral("Ada &lt;b&gt;Lovelace&lt;/b&gt;")));
    CHECK_FALSE(html.contains(QStringLiteral("<b>Lovelace")));
    CHECK(html.contains(QStringLiteral("Person · 9 stories")));
    CHECK(html.contains(QStringLiteral("London &amp; Co")));
    CHECK(html.contains(ui::EntityPage::timelineUrl(3).toString()));
    CHECK(html.contains(QStringLiteral("1 of the stories has no date.")));
    CHECK(ui::EntityPage::isTimelineUrl(ui::EntityPage::timelineUrl(3)));
    CHECK_FALSE(ui::EntityPage::isTimelineUrl(QUrl(QStringLiteral("https://example.com/x.png"))));

    QPalette palette;
    palette.setColor(QPalette::Highlight, QColor(200, 0, 0));
    const QImage chart = ui::EntityPage::timeline(overview, palette, QFont(), 600);
    REQUIRE(chart.width() == 600);
    // Scan the row just above the axis: bars at the first and the last of 12 months only.
    int barColumns = 0;
    int firstBar = -1;
    int lastBar = -1;
    for (int y = chart.height() - 1; y >= 0 && barColumns == 0; --y) {
        for (int x = 0; x < chart.width(); ++x) {
            if (chart.pixelColor(x, y) == QColor(200, 0, 0)) {
                ++barColumns;
                firstBar = firstBar < 0 ? x : firstBar;
                lastBar = x;
            }
        }
    }
    REQUIRE(barColumns > 0);
    CHECK(barColumns < 600 / 12 * 2 + 2);    // two bars, each a twelfth of the plot
    CHECK(lastBar - firstBar > 600 * 3 / 4); // one at each end, the gap between empty
    // Taller where there were more: the first month's bar reaches higher.
    auto topOf = [&chart](int x) {
        for (int y = 0; y < chart.height(); ++y) {
            if (chart.pixelColor(x, y) == QColor(200, 0, 0))
                return y;
        }
        return chart.height();
    };
    CHECK(topOf(firstBar + 2) < topOf(lastBar - 2));

    // In the reader: the page, with its timeline loaded from the reader, not the network.
    ui::ReaderView reader;
    reader.resize(800, 600);
    reader.showEntity(overview);
    CHECK(reader.entityShown() == overview.name);
    CHECK(reader.toPlainText().startsWith(QStringLiteral("Ada <b>Lovelace</b>")));
    bool imageLoaded = false;
    for (QTextBlock block = reader.document()->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextImageFormat image = it.fragment().charFormat().toImageFormat();
            if (image.isValid()) {
                const QVariant loaded =
                    reader.document()->resource(QTextDocument::ImageResource, QUrl(image.name()));
                imageLoaded = imageLoaded || !loaded.value<QImage>().isNull();
            }
        }
    }
    CHECK(imageLoaded);
    reader.showMessage(QStringLiteral("x"));
    CHECK(reader.entityShown().isEmpty());

    // No dated story: no timeline.
    overview.months.clear();
    CHECK_FALSE(ui::EntityPage::html(overview).contains(QStringLiteral("<img")));
}
