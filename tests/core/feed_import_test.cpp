// SPDX-License-Identifier: GPL-3.0-or-later
// Feed files imported from disk: stories in, each with the feed as its source.
#include "export/article_formats.h"
#include "parse/html_sanitizer.h"
#include "parse/structured_article_parser.h"
#include "search/searcher.h"
#include "store/article_store.h"
#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace broadsheet;
using broadsheet::test::Tagging;

namespace {

void writeFile(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    REQUIRE(file.write(bytes) == bytes.size());
}

QByteArray rss(const QByteArray& scheme)
{
    return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>The Daily</title>"
           "<link>https://daily.example/</link>"
           "<item><title>Rain &amp; more rain</title><link>" +
           scheme +
           "://daily.example/rain</link><pubDate>Mon, 22 Dec 2014 10:00:00 GMT</pubDate>"
           "<category>Weather</category><category>UK</category>"
           "<description><![CDATA[<p>It rained <b>all</b> week.</p><script>x()</script>"
           "<p>Rivers rose.</p>]]></description></item>"
           "<item><guid isPermaLink=\"false\">7</guid><title>Sun</title>"
           "<description>Plain words</description></item>"
           "</channel></rss>";
}

std::vector<core::Article> allArticles(core::ArticleStore& store)
{
    auto ids = store.articleIds();
    REQUIRE(ids);
    auto articles = store.articles(*ids);
    REQUIRE(articles);
    return {articles->begin(), articles->end()};
}

} // namespace

TEST_CASE("a feed file imports its items as stories, with the feed as their source")
{
    QTemporaryDir dir;
    auto store = test::openNewLibrary(dir);
    // Recognised by its content: the name says nothing.
    writeFile(dir.filePath(QStringLiteral("in/daily.txt")), rss("http"));
    auto report = test::importPaths(*store, {dir.filePath(QStringLiteral("in"))}, Tagging::Off);
    REQUIRE(report);
    CHECK(report->added == 2);
    CHECK(report->skipped.isEmpty());

    const auto articles = allArticles(*store);
    REQUIRE(articles.size() == 2);
    const auto rain = std::find_if(articles.begin(), articles.end(), [](const core::Article& a) {
        return a.title.startsWith(u"Rain");
    });
    REQUIRE(rain != articles.end());
    CHECK(rain->title == QStringLiteral("Rain & more rain"));
    CHECK(rain->source == QStringLiteral("The Daily"));
    CHECK(rain->url == QStringLiteral("http://daily.example/rain"));
    CHECK(rain->published.toIso() == QStringLiteral("2014-12-22T10:00:00Z"));
    CHECK(rain->body == QStringLiteral("It rained all week.\n\nRivers rose."));
    CHECK(rain->html == QStringLiteral("<p>It rained <b>all</b> week.</p><p>Rivers rose.</p>"));
    QStringList categories;
    for (const core::Tag& tag : rain->tags) {
        if (tag.kind == u"category")
            categories.append(tag.name);
    }
    categories.sort();
    CHECK(categories == QStringList{QStringLiteral("UK"), QStringLiteral("Weather")});

    // The same feed again, now with https links, and renamed: the same stories.
    writeFile(dir.filePath(QStringLiteral("again/daily.rss")), rss("https"));
    auto again = test::importPaths(*store, {dir.filePath(QStringLiteral("again"))}, Tagging::Off);
    REQUIRE(again);
    CHECK(again->added == 0);
    CHECK(again->duplicates == 2);

    // Markup is never searched: "script" is no word of the story; its text is.
    core::Searcher searcher(store->database());
    auto markup = searcher.matchingIds(QStringLiteral("script"));
    REQUIRE(markup);
    CHECK(markup->isEmpty());
    auto words = searcher.matchingIds(QStringLiteral("rivers rose"));
    REQUIRE(words);
    CHECK(words->size() == 1);
    auto byCategory = searcher.matchingIds(QStringLiteral("tag:Weather"));
    REQUIRE(byCategory);
    CHECK(byCategory->size() == 1);
}

TEST_CASE("an item id that is only a number is the feed's own, not the world's")
{
    QTemporaryDir dir;
    auto store = test::openNewLibrary(dir);
    auto feed = [](const QByteArray& title) {
        return "<rss version=\"2.0\"><channel><title>" + title +
               "</title><item><guid isPermaLink=\"false\">1</guid><title>First of " + title +
               "</title></item></channel></rss>";
    };
    writeFile(dir.filePath(QStringLiteral("a.xml")), feed("Alpha"));
    writeFile(dir.filePath(QStringLiteral("b.xml")), feed("Beta"));
    auto report = test::importPaths(
        *store, {dir.filePath(QStringLiteral("a.xml")), dir.filePath(QStringLiteral("b.xml"))},
        Tagging::Off);
    REQUIRE(report);
    CHECK(report->added == 2);
}

TEST_CASE("items with no id, link or title are told apart by what they say")
{
    QTemporaryDir dir;
    auto store = test::openNewLibrary(dir);
    writeFile(dir.filePath(QStringLiteral("posts.xml")),
              "<rss version=\"2.0\"><channel><title>Posts</title>"
              "<item><description>Coffee first.</description></item>"
              "<item><description>Then the news.</description></item>"
              "<item><description>Coffee first.</description></item></channel></rss>");
    auto report =
        test::importPaths(*store, {dir.filePath(QStringLiteral("posts.xml"))}, Tagging::Off);
    REQUIRE(report);
    CHECK(report->added == 2);
    CHECK(report->duplicates == 1);
}

TEST_CASE("bad feed files are skipped with the reason, and good ones beside them import")
{
    QTemporaryDir dir;
    auto store = test::openNewLibrary(dir);
    writeFile(dir.filePath(QStringLiteral("in/empty.xml")), "   \n");
    writeFile(dir.filePath(QStringLiteral("in/binary.rss")), QByteArray("\x00\x01\x02\x03", 4));
    writeFile(dir.filePath(QStringLiteral("in/page.xml")), "<html><body>hello</body></html>");
    writeFile(dir.filePath(QStringLiteral("in/nothing.atom")),
              "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Empty</title></feed>");
    // Broken (a bare "&", cut off mid-item), yet both items survive.
    writeFile(dir.filePath(QStringLiteral("in/broken.xml")),
              "<rss version=\"2.0\"><channel><title>B</title><item><title>Kept</title>"
              "<description>text & more</description></item><item><title>cut");
    auto report = test::importPaths(*store, {dir.filePath(QStringLiteral("in"))}, Tagging::Off);
    REQUIRE(report);
    CHECK(report->added == 2);
    QStringList reasons;
    for (const auto& skipped : report->skipped)
        reasons.append(QFileInfo(skipped.path).fileName() + QStringLiteral(": ") + skipped.reason);
    reasons.sort();
    INFO(reasons.join(u'\n').toStdString());
    REQUIRE(reasons.size() == 4);
    CHECK(reasons[0].startsWith(u"binary.rss: "));
    CHECK(reasons[1].contains(u"empty.xml: contains only whitespace"));
    CHECK(reasons[2].contains(u"nothing.atom: the feed has no items"));
    CHECK(reasons[3].contains(u"page.xml: not a feed"));
    const auto articles = allArticles(*store);
    REQUIRE(articles.size() == 2);
    QStringList titles{articles[0].title, articles[1].title};
    titles.sort();
    CHECK(titles == QStringList{QStringLiteral("Kept"), QStringLiteral("cut")});
}

TEST_CASE("sanitising is idempotent: a feed story's HTML exported and imported back is the same")
{
    const QString once =
        core::sanitizeHtml(
            QStringLiteral("<p a=b onclick=x>One <a href=\"/x\">link</a><br>"
                           "<img data-src=\"i.png\"></p><table><tr><td>c</td></tr></table>"),
            QStringLiteral("https://e.example/"))
            .html;
    CHECK(core::sanitizeHtml(once).html == once);
}

TEST_CASE("newsboat's real feed files import")
{
    REQUIRE_SHARED("data/newsboat-testdata/test/data");
    QTemporaryDir dir;
    auto store = test::openNewLibrary(dir);
    auto report = test::importPaths(
        *store, {test::sharedPath(QStringLiteral("data/newsboat-testdata/test/data"))},
        Tagging::Off);
    REQUIRE(report);
    CHECK(report->added >= 25);
    for (const auto& skipped : report->skipped) {
        INFO(skipped.path.toStdString() << ": " << skipped.reason.toStdString());
        // Subscription lists (OPML) and the one empty file are all that is left out.
        CHECK((skipped.path.endsWith(u".opml") || skipped.path.endsWith(u"empty.xml") ||
               skipped.path.endsWith(u".txt")));
    }
}

TEST_CASE("a feed story's HTML goes out with a JSON export and comes back, sanitised again")
{
    core::Article article;
    article.title = QStringLiteral("From a feed");
    article.body = QStringLiteral("Hello there");
    article.html = core::sanitizeHtml(QStringLiteral("<p>Hello <b>there</b></p>")).html;
    auto back = core::StructuredArticleParser::parseJson(core::article_format::toJson(article));
    REQUIRE(back);
    REQUIRE(back->articles.size() == 1);
    CHECK(back->articles[0].html == article.html);

    // A JSON file is anyone's: markup in it is sanitised on the way in.
    auto hostile = core::StructuredArticleParser::parseJson(
        R"({"title": "x", "body": "x", "html": "<p onclick=\"steal()\">x<script>steal()</script></p>"})");
    REQUIRE(hostile);
    CHECK(hostile->articles.value(0).html == QStringLiteral("<p>x</p>"));
}
