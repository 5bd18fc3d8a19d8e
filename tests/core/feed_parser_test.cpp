// SPDX-License-Identifier: GPL-3.0-or-later
#include "parse/feed_parser.h"
#include "test_support.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>

#include <catch2/catch.hpp>

using namespace broadsheet::core;

namespace {

Feed parsed(const QByteArray& bytes, const QString& url = {})
{
    auto feed = parseFeed(bytes, FeedSource::at(url));
    INFO((feed ? QString() : feed.error().message).toStdString());
    REQUIRE(feed);
    return *feed;
}

} // namespace

TEST_CASE("an RSS 2.0 item gives its title, link, guid, dates, people, categories and content")
{
    const Feed feed = parsed(R"(<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Example &amp; Co</title><link>https://example.com/</link>
<description>All the news</description><language>en-gb</language><ttl>30</ttl>
<item><title>First story</title><link>https://example.com/1</link>
<guid isPermaLink="false">tag:example.com,2024:1</guid>
<pubDate>Mon, 22 Dec 2014 10:00:00 +0100</pubDate>
<author>jane@example.com (Jane Doe)</author><dc:creator>John Roe</dc:creator>
<category domain="https://example.com/c">World</category>
<description>&lt;p&gt;Short&lt;/p&gt;</description>
<content:encoded><![CDATA[<p>The <b>whole</b> story</p>]]></content:encoded>
<enclosure url="https://example.com/a.mp3" type="audio/mpeg" length="12345"/>
</item>
<item><guid>https://example.com/2</guid><title>Second</title><pubDate>not a date</pubDate></item>
</channel></rss>)");
    CHECK(feed.version == u"rss20");
    CHECK(feed.title.value == u"Example & Co");
    CHECK(feed.link == u"https://example.com/");
    CHECK(feed.language == u"en-gb");
    CHECK(feed.ttlMinutes == 30);
    // dc: is used without being declared: read by its usual meaning, the document noted.
    CHECK(feed.malformed);
    REQUIRE(feed.items.size() == 2);
    const FeedItem& first = feed.items[0];
    CHECK(first.title.value == u"First story");
    CHECK(first.link == u"https://example.com/1");
    CHECK(first.id == u"tag:example.com,2024:1");
    CHECK_FALSE(first.idIsPermaLink);
    CHECK(first.published.when.toIso() == u"2014-12-22T09:00:00Z");
    REQUIRE(first.authors.size() == 2);
    CHECK(first.authors[0].name == u"Jane Doe");
    CHECK(first.authors[0].email == u"jane@example.com");
    CHECK(first.authors[1].name == u"John Roe");
    REQUIRE(first.categories.size() == 1);
    CHECK(first.categories[0].term == u"World");
    CHECK(first.categories[0].scheme == u"https://example.com/c");
    CHECK(first.summary.value == u"<p>Short</p>");
    CHECK(first.summary.type == FeedText::Type::Html);
    CHECK(first.content.value == u"<p>The <b>whole</b> story</p>");
    REQUIRE(first.enclosures.size() == 1);
    CHECK(first.enclosures[0].length == 12345);
    const FeedItem& second = feed.items[1];
    CHECK(second.idIsPermaLink);
    CHECK(second.link == u"https://example.com/2"); // a permalink guid is the link
    CHECK_FALSE(second.published.when.isKnown());   // never 1970
    CHECK(second.published.isUnreadable());
}

TEST_CASE("Atom 1.0 resolves links against xml:base and the document, and keeps xhtml as HTML")
{
    const Feed feed =
        parsed(R"(<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://example.org/blog/">
<title type="html">A &lt;i&gt;blog&lt;/i&gt;</title><id>urn:x</id>
<link rel="self" href="feed.atom"/><link href="/"/>
<updated>2003-12-13T18:30:02Z</updated>
<entry><title>Atom-Powered</title><id>urn:uuid:1225c695</id>
<link href="2003/12/13/atom03"/><link rel="enclosure" href="a.ogg" length="99" type="audio/ogg"/>
<published>2003-12-13T08:29:29-04:00</published><updated>2003-12-14T10:20:05Z</updated>
<author><name>John Doe</name><email>johndoe@example.com</email></author>
<category term="tech" label="Technology"/>
<summary>Some text.</summary>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hello <em>there</em></p></div></content>
</entry></feed>)",
               QStringLiteral("https://example.org/feeds/all.atom"));
    CHECK(feed.version == u"atom10");
    CHECK_FALSE(feed.malformed);
    CHECK(feed.title.type == FeedText::Type::Html);
    CHECK(feed.title.value == u"A <i>blog</i>");
    CHECK(feed.selfLink == u"https://example.org/blog/feed.atom");
    CHECK(feed.link == u"https://example.org/");
    REQUIRE(feed.items.size() == 1);
    const FeedItem& entry = feed.items[0];
    CHECK(entry.link == u"https://example.org/blog/2003/12/13/atom03");
    CHECK(entry.published.when.toIso() == u"2003-12-13T12:29:29Z");
    CHECK(entry.updated.when.toIso() == u"2003-12-14T10:20:05Z");
    CHECK(entry.authors.value(0).email == u"johndoe@example.com");
    CHECK(entry.categories.value(0).label == u"Technology");
    CHECK(entry.content.type == FeedText::Type::Html);
    CHECK(entry.content.value == u"<p>Hello <em>there</em></p>");
    REQUIRE(entry.enclosures.size() == 1);
    CHECK(entry.enclosures[0].url == u"https://example.org/blog/a.ogg");
}

TEST_CASE("RSS 1.0 (RDF) items sit beside the channel and take Dublin Core dates")
{
    const Feed feed = parsed(R"(<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
<channel rdf:about="https://example.net/"><title>RDF news</title><link>https://example.net/</link>
<sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency></channel>
<item rdf:about="https://example.net/a"><title>A</title><link>https://example.net/a</link>
<dc:date>2004-07-08T23:56:58Z</dc:date><dc:creator>Ann</dc:creator><dc:subject>Space</dc:subject></item>
</rdf:RDF>)");
    CHECK(feed.version == u"rss10");
    CHECK_FALSE(feed.malformed);
    CHECK(feed.updatePeriod == u"hourly");
    CHECK(feed.updateFrequency == 2);
    REQUIRE(feed.items.size() == 1);
    CHECK(feed.items[0].id == u"https://example.net/a");
    CHECK(feed.items[0].published.when.toIso() == u"2004-07-08T23:56:58Z");
    CHECK(feed.items[0].authors.value(0).name == u"Ann");
    CHECK(feed.items[0].categories.value(0).term == u"Space");
}

TEST_CASE("a JSON Feed 1.1 gives its items, authors, tags and attachments")
{
    const Feed feed = parsed(R"({"version": "https://jsonfeed.org/version/1.1", "title": "J",
      "home_page_url": "https://j.example/", "authors": [{"name": "Jo"}],
      "items": [{"id": 7, "url": "/p/7", "title": "Seven", "content_html": "<p>7</p>",
                 "date_published": "2020-01-02T03:04:05+01:00", "tags": ["a", "b"],
                 "attachments": [{"url": "x.mp3", "mime_type": "audio/mpeg", "size_in_bytes": 10}]}]})");
    CHECK(feed.version == u"json11");
    REQUIRE(feed.items.size() == 1);
    const FeedItem& item = feed.items[0];
    CHECK(item.id == u"7");
    CHECK(item.link == u"https://j.example/p/7");
    CHECK(item.content.type == FeedText::Type::Html);
    CHECK(item.published.when.toIso() == u"2020-01-02T02:04:05Z");
    CHECK(item.authors.value(0).name == u"Jo"); // the feed's author, when the item has none
    CHECK(item.categories.size() == 2);
    CHECK(item.enclosures.value(0).url == u"https://j.example/x.mp3");
    CHECK(item.enclosures.value(0).length == 10);

    auto broken = parseFeed(R"({"version": "https://jsonfeed.org/version/1", "items": [)");
    REQUIRE_FALSE(broken);
    CHECK(broken.error().message.contains(u"line 1"));
}

TEST_CASE("malformed feeds are read leniently and say where they first went wrong")
{
    SECTION("a mismatched tag keeps the items before and after it")
    {
        const Feed feed = parsed("<rss version=\"2.0\"><channel><title>T</title>\n"
                                 "<item><title>One</b></title></item>\n"
                                 "<item><title>Two & three</title></item></channel></rss>");
        CHECK(feed.malformed);
        CHECK(feed.errorLine == 2);
        CHECK_FALSE(feed.firstError.isEmpty());
        CHECK(feed.items.size() >= 1);
    }
    SECTION("HTML entities decode, and the document is noted as not XML")
    {
        const Feed feed =
            parsed("<rss version=\"2.0\"><channel><title>caf&eacute;&nbsp;&amp;&#233;</title>"
                   "<item><title>x</title></item></channel></rss>");
        CHECK(feed.title.value == QString::fromUtf8("café\u00a0&é"));
        CHECK(feed.malformed);
        CHECK(feed.firstError.contains(u"eacute"));
    }
    SECTION("Windows-1252 bytes that claim nothing are read as Windows-1252")
    {
        const Feed feed =
            parsed("<rss version=\"2.0\"><channel><title>Caf\xe9 \x93quoted\x94</title>"
                   "</channel></rss>");
        CHECK(feed.title.value == QString::fromUtf8("Café “quoted”"));
        CHECK(feed.encoding == u"windows-1252");
    }
    SECTION("UTF-16 with a byte-order mark")
    {
        const QString text =
            QStringLiteral("<?xml version=\"1.0\" encoding=\"utf-16\"?><rss "
                           "version=\"2.0\"><channel><title>Zürich</title></channel></rss>");
        QByteArray bytes("\xFF\xFE", 2);
        bytes += QByteArray(reinterpret_cast<const char*>(text.utf16()), text.size() * 2);
        const Feed feed = parsed(bytes);
        CHECK(feed.title.value == QString::fromUtf8("Zürich"));
        CHECK(feed.encoding == u"utf-16le");
    }
    SECTION("what is not a feed is refused with a reason")
    {
        CHECK_FALSE(parseFeed(""));
        CHECK(parseFeed("<html><body>hi</body></html>").error().message.contains(u"html"));
        CHECK_FALSE(parseFeed(QByteArray("\x00\x01\x02garbage", 10)));
    }
}

TEST_CASE("a feed cannot reach outside itself or blow up: no external entity, no laughs")
{
    QElapsedTimer clock;
    clock.start();
    QByteArray laughs = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY lol \"lol\">";
    for (int i = 1; i < 10; ++i)
        laughs += QStringLiteral("<!ENTITY lol%1 \"%2\">")
                      .arg(i)
                      .arg(QStringLiteral("&lol%1;")
                               .arg(i == 1 ? QString() : QString::number(i - 1))
                               .repeated(10))
                      .toUtf8();
    laughs += "]><rss version=\"2.0\"><channel><title>&lol9;</title><item><title>x</title></item>"
              "</channel></rss>";
    auto feed = parseFeed(laughs);
    CHECK(clock.elapsed() < 2000);
    if (feed)
        CHECK(feed->title.value.size() < 1000);

    const QByteArray external = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM "
                                "\"file:///etc/hostname\">]><rss version=\"2.0\"><channel>"
                                "<title>a&x;b</title></channel></rss>";
    auto outside = parseFeed(external);
    REQUIRE(outside);
    CHECK(outside->title.value == u"ab");

    QByteArray huge(kMaxFeedBytes + 1, ' ');
    auto refused = parseFeed(huge);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.contains(u"MiB"));
}

TEST_CASE("feedparser's and gofeed's well-formed feeds all read")
{
    REQUIRE_SHARED("data/feedparser-tests/tests/wellformed");
    int files = 0;
    int read = 0;
    QStringList failures;
    for (const char* folder : {"data/feedparser-tests/tests/wellformed/rss",
                               "data/feedparser-tests/tests/wellformed/atom10",
                               "data/feedparser-tests/tests/wellformed/atom",
                               "data/feedparser-tests/tests/wellformed/rdf"}) {
        QDirIterator it(broadsheet::test::sharedPath(QString::fromLatin1(folder)), QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            REQUIRE(file.open(QIODevice::ReadOnly));
            ++files;
            if (parseFeed(file.readAll(), FeedSource::at(QStringLiteral("http://example.com/"))))
                ++read;
            else
                failures.append(it.fileName());
        }
    }
    INFO(failures.join(QStringLiteral(", ")).toStdString());
    CHECK(files > 500);
    CHECK(read == files);
}

TEST_CASE("a feed is known by its root element, past comments, declarations and a DOCTYPE")
{
    CHECK(looksLikeFeed("<?xml version=\"1.0\"?>\n<!-- a <b>comment</b> with <img> in it -->\n"
                        "<!DOCTYPE rss [<!ENTITY x \"<y>\">]>\n<rss version=\"2.0\"/>"));
    CHECK(looksLikeFeed("\xEF\xBB\xBF  <feed xmlns=\"http://www.w3.org/2005/Atom\"/>"));
    CHECK(looksLikeFeed("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/>"));
    CHECK(looksLikeFeed(R"({"version": "https://jsonfeed.org/version/1.1", "items": []})"));
    CHECK_FALSE(looksLikeFeed("<!-- <rss> in a comment only --><html/>"));
    CHECK_FALSE(looksLikeFeed("Budget passes\n\n<rss> is mentioned in the text."));
    CHECK_FALSE(looksLikeFeed(R"({"title": "an exported article"})"));
    CHECK_FALSE(looksLikeFeed("<!-- never closed <rss>"));
    CHECK_FALSE(looksLikeFeed(""));
}
