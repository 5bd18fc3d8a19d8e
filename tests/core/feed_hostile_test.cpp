// SPDX-License-Identifier: GPL-3.0-or-later
// Feeds written to hurt: the limits that hold a refresh to bounded time and memory, and the
// clear per-feed message each one ends in.
#include "feeds/feed_refresh.h"
#include "parse/feed_articles.h"
#include "parse/html_document.h"
#include "parse/html_sanitizer.h"

#include <QElapsedTimer>

#include <catch2/catch.hpp>

using namespace broadsheet;

namespace {

const QString kUrl = QStringLiteral("http://127.0.0.1:9/hostile.xml");

core::PreparedFetch prepared(const QByteArray& body)
{
    core::SubscriptionState state;
    state.url = kUrl;
    core::FetchResult answer;
    answer.outcome = core::FetchResult::Outcome::Fetched;
    answer.status = 200;
    answer.finalUrl = QUrl(state.url);
    answer.body = body;
    return core::prepareFetch(state, answer, QDateTime(QDate(2026, 12, 3), QTime(7, 0), Qt::UTC));
}

QByteArray rssOf(const QByteArray& items)
{
    return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>H</title>"
           "<link>https://h.example/</link>" +
           items + "</channel></rss>";
}

QByteArray repeated(const QByteArray& piece, int times)
{
    QByteArray out;
    out.reserve(piece.size() * times);
    for (int i = 0; i < times; ++i)
        out += piece;
    return out;
}

} // namespace

TEST_CASE("a feed of 100,000 items is read to its first 10,000, and says so", "[feeds][hostile]")
{
    QByteArray items;
    for (int i = 0; i < 100000; ++i)
        items += "<item><title>S" + QByteArray::number(i) + "</title><guid>" +
                 QByteArray::number(i) + "</guid></item>";
    QElapsedTimer clock;
    clock.start();
    const core::PreparedFetch p = prepared(rssOf(items));
    INFO(clock.elapsed() << " ms");
    CHECK(p.update.kind == core::FeedUpdate::Kind::Fetched);
    REQUIRE(p.stories.size() == core::kMaxFeedItems);
    CHECK(p.stories.front().title == u"S0"); // the first ones: feeds list the newest first
    CHECK(p.update.note ==
          kUrl + QStringLiteral(": only its first 10000 items were read (it holds 100000)"));
}

TEST_CASE("a 10 MB title is cut at a word, and the feed's name too", "[feeds][hostile]")
{
    const QByteArray huge = repeated("word ", 2 * 1024 * 1024);
    const core::PreparedFetch p =
        prepared("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>" +
                 huge.left(1 << 20) + "</title><item><title>" + huge +
                 "</title><guid>1</guid><description>ok</description></item>"
                 "<item><title>Two</title><guid>2</guid></item></channel></rss>");
    INFO(p.update.error.toStdString());
    CHECK(p.update.kind == core::FeedUpdate::Kind::Fetched);
    REQUIRE(p.stories.size() == 2);
    const QString& title = p.stories[0].title;
    CHECK(title.size() <= core::kMaxTitleLength);
    CHECK(title.size() > core::kMaxTitleLength - 10);
    CHECK(title.endsWith(u"word…"));
    CHECK(p.stories[0].body == u"ok");
    CHECK(p.stories[0].source.size() <= 200);
    CHECK(p.update.state.title.size() <= 200);
    CHECK(p.stories[1].title == u"Two");
    CHECK(core::boundedTitle(QString(3000, u'x')).size() == core::kMaxTitleLength);
}

TEST_CASE("nesting 100,000 deep, in the XML, the HTML or the JSON, ends quickly with a "
          "message or what survives",
          "[feeds][hostile]")
{
    // XML: libxml2 stops at 256 levels; the lenient reading keeps the item before and says so.
    const core::PreparedFetch xml =
        prepared(rssOf("<item><title>Before</title><guid>0</guid></item>"
                       "<item><title>Deep</title><guid>1</guid>" +
                       repeated("<x>", 100000) + "</item>"));
    REQUIRE_FALSE(xml.stories.isEmpty());
    CHECK(xml.stories.front().title == u"Before");
    CHECK(xml.update.note.startsWith(kUrl + QStringLiteral(": read leniently: ")));

    // HTML: gumbo's time grows with the square of the open elements, and with the error list
    // it keeps, its memory too (this took 24 GB before the nesting was bounded). Against the
    // same number of bytes of flat markup, timed in the same run (a sanitizer build and a
    // busy machine slow both alike): nesting costs 1 to 3 times as much here, not the square.
    for (const QByteArray& piece :
         {QByteArray("<div>"), QByteArray("<ul><li>"), QByteArray("<b></p>"),
          QByteArray("<center>"), QByteArray("<span>"), QByteArray("<i><b><u>")}) {
        INFO(piece.toStdString());
        const QByteArray deep = repeated(piece, 30000) + "deep text";
        QByteArray flat;
        while (flat.size() < deep.size())
            flat += "<b>bold</b> plain ";
        QElapsedTimer clock;
        clock.start();
        const core::SanitizedHtml plain = core::sanitizeHtml(QString::fromUtf8(flat), {});
        const qint64 baseline = std::max<qint64>(clock.restart(), 5);
        const core::SanitizedHtml safe = core::sanitizeHtml(QString::fromUtf8(deep), {});
        const qint64 nested = clock.elapsed();
        INFO("nested " << nested << " ms, flat " << baseline << " ms");
        CHECK(safe.text.contains(u"deep text"));
        CHECK_FALSE(plain.text.isEmpty());
        CHECK(nested < 15 * baseline);
    }
    const core::PreparedFetch html =
        prepared(rssOf("<item><title>Deep</title><guid>1</guid><description>" +
                       repeated("&lt;div&gt;", 100000) + "the end</description></item>"));
    REQUIRE(html.stories.size() == 1);
    CHECK(html.stories[0].body == u"the end");

    // JSON Feed: Qt's reader refuses the document, and the refresh says where.
    const core::PreparedFetch json =
        prepared("{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"J\","
                 "\"items\":[{\"id\":\"1\",\"title\":\"a\",\"x\":" +
                 repeated("[", 100000));
    CHECK(json.update.kind == core::FeedUpdate::Kind::Failed);
    CHECK(json.update.error.startsWith(kUrl + QStringLiteral(": ")));
}

TEST_CASE("the nesting bound leaves ordinary HTML as it is and counts what closes",
          "[feeds][hostile]")
{
    using core::html::boundedNesting;
    const QByteArray ordinary = "<p>One<p>Two<ul><li>a<li>b</ul><br><img src=x><!-- <div> -->"
                                "<script>if (a<b) x('<div>')</script>";
    CHECK(boundedNesting(ordinary, 2) == ordinary);
    // A list of many unclosed items is no deeper than one of them.
    const QByteArray list = "<ul>" + repeated("<li>item", 500) + "</ul>";
    CHECK(boundedNesting(list, 4) == list);
    // Past the bound, start tags are left out with their end tags; the text stays.
    CHECK(boundedNesting(repeated("<div>", 6) + "x" + repeated("</div>", 6), 3) ==
          "<div><div><div>x</div></div></div>");
    CHECK(boundedNesting("<a title=\"<b><b><b>\">t</a><b><b><b><b>u", 2) ==
          "<a title=\"<b><b><b>\">t</a><b><b>u");
}
