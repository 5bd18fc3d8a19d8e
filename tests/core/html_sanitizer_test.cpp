// SPDX-License-Identifier: GPL-3.0-or-later
#include "parse/feed_parser.h"
#include "parse/html_sanitizer.h"
#include "test_support.h"

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>

#include <catch2/catch.hpp>

using namespace broadsheet::core;

namespace {

/// Whether sanitised markup still holds anything that could run or load on its own.
bool looksDangerous(const QString& html)
{
    static const QRegularExpression danger(
        QStringLiteral(
            "<\\s*(script|style|iframe|object|embed|form|frame|applet|link|meta|base|svg)"
            "\\b|\\son[a-z]+\\s*=|javascript:|vbscript:|expression\\s*\\(|"
            "\\sstyle=\"[^\"]*(url|behavior|binding|position)"),
        QRegularExpression::CaseInsensitiveOption);
    return danger.match(html).hasMatch();
}

} // namespace

TEST_CASE("the sanitiser keeps what reads and drops what runs")
{
    const SanitizedHtml out = sanitizeHtml(
        QStringLiteral(
            "<p onclick=\"x()\" class=\"c\" style=\"color:red\">Hello <b>bold</b> "
            "<a href=\"javascript:alert(1)\">bad</a> <a href=\"/page\" "
            "target=\"_blank\">good</a></p>"
            "<script>alert(1)</script><style>p{}</style><iframe src=\"https://x\">inside</iframe>"
            "<form><label>form text</label><input name=q></form><ul><li>one</li><li>two</li></ul>"
            "<blockquote cite=\"https://q.example/\">quoted</blockquote><pre>a  b\n c</pre>"
            "<img src=\"data:image/gif;base64,R0\" data-src=\"img/lazy.png\" onerror=\"x()\" "
            "alt=\"A\">"
            "<img srcset=\"https://e.example/s.png 1x, https://e.example/l.png 2x\">"
            "<img src=\"javascript:alert(2)\"><font color=red>unwrapped</font> "
            "<a href=\"mailto:me@example.com\">mail</a> <a "
            "href=\"java&#x09;script:alert(3)\">tab</a>"),
        QStringLiteral("https://site.example/news/"));
    CHECK_FALSE(looksDangerous(out.html));
    CHECK(out.html.contains(u"<b>bold</b>"));
    CHECK(out.html.contains(u"<a>bad</a>"));
    // Harmless attributes stay, as the Universal Feed Parser keeps them; handlers and style go.
    CHECK(out.html.contains(u"<a href=\"https://site.example/page\" target=\"_blank\">good</a>"));
    CHECK(out.html.contains(u"<li>one</li><li>two</li>"));
    CHECK(out.html.contains(u"<blockquote cite=\"https://q.example/\">quoted</blockquote>"));
    CHECK(out.html.contains(u"<img src=\"https://site.example/news/img/lazy.png\" alt=\"A\">"));
    CHECK(out.html.contains(u"<img src=\"https://e.example/s.png\">"));
    CHECK(out.html.contains(u"href=\"mailto:me@example.com\""));
    CHECK(out.html.contains(u"<a>tab</a>"));
    CHECK_FALSE(out.html.contains(u"inside"));
    CHECK_FALSE(out.html.contains(u"form text"));
    CHECK_FALSE(out.html.contains(u"alert"));
    CHECK_FALSE(out.html.contains(u"onclick"));
    CHECK(out.html.contains(u"<p class=\"c\" style=\"color: red;\">"));
    CHECK(out.html.contains(u"<font color=\"red\">unwrapped</font>"));
    CHECK(out.html.contains(u"<pre>a  b\n c</pre>"));

    CHECK(out.text ==
          QStringLiteral(
              "Hello bold bad good\n\none\n\ntwo\n\nquoted\n\na  b\n c\n\nunwrapped mail tab"));
}

TEST_CASE("the text of HTML has its paragraphs and entities, never its markup")
{
    CHECK(htmlToText(
              QStringLiteral("<p>One &amp; <i>two</i></p>\n\n<p>Three&nbsp;four<br>five</p>")) ==
          QStringLiteral("One & two\n\nThree four\nfive")); // a no-break space is a space
    CHECK(htmlToText(QStringLiteral("plain text, no markup")) ==
          QStringLiteral("plain text, no markup"));
    CHECK(htmlToText(
              QStringLiteral("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>")) ==
          QStringLiteral("a\nb\n\nc"));
    CHECK(htmlToText(QString()).isEmpty());
    CHECK(htmlToText(QStringLiteral("<div><div>   </div></div>")).isEmpty());
    // Broken markup is still read as a browser would.
    CHECK(htmlToText(QStringLiteral("<p>unclosed <b>bold <i>both</p>after")) ==
          QStringLiteral("unclosed bold both\n\nafter"));
    // A hostile input: deep nesting and a huge attribute come back bounded and safe.
    const QString deep = QStringLiteral("<div>").repeated(5000) + QStringLiteral("deep");
    CHECK(htmlToText(deep) == QStringLiteral("deep"));
    const SanitizedHtml huge = sanitizeHtml(QStringLiteral("<a href=\"") + QString(1 << 20, u'x') +
                                            QStringLiteral("\">x</a>"));
    CHECK(huge.text == QStringLiteral("x"));
}

TEST_CASE("every case of feedparser's sanitize suite comes out with nothing that runs")
{
    REQUIRE_SHARED("data/feedparser-tests/tests/wellformed/sanitize");
    QDirIterator it(broadsheet::test::sharedPath(
                        QStringLiteral("data/feedparser-tests/tests/wellformed/sanitize")),
                    QDir::Files);
    int fields = 0;
    QStringList unsafe;
    while (it.hasNext()) {
        QFile file(it.next());
        REQUIRE(file.open(QIODevice::ReadOnly));
        auto feed =
            parseFeed(file.readAll(), FeedSource::at(QStringLiteral("http://example.com/")));
        REQUIRE(feed);
        QList<FeedText> texts{feed->title, feed->subtitle};
        for (const FeedItem& item : feed->items)
            texts << item.title << item.summary << item.content;
        for (const FeedText& text : texts) {
            if (text.isEmpty())
                continue;
            ++fields;
            if (looksDangerous(sanitizeHtml(text.value, text.base).html))
                unsafe.append(it.fileName());
        }
    }
    INFO(unsafe.join(QStringLiteral(", ")).toStdString());
    CHECK(fields > 600); // of 745 files; the rest put theirs in fields Broadsheet does not keep
    CHECK(unsafe.isEmpty());
}

TEST_CASE("a style attribute keeps what shapes text and loses what loads, runs or covers")
{
    auto styleOf = [](const QString& style) {
        const QString html =
            sanitizeHtml(QStringLiteral("<span style=\"%1\">x</span>").arg(style)).html;
        static const QRegularExpression kept(QStringLiteral("style=\"([^\"]*)\""));
        return kept.match(html).captured(1);
    };
    CHECK(styleOf(QStringLiteral("text-align:right")) == QStringLiteral("text-align: right;"));
    CHECK(styleOf(QStringLiteral("font-weight: bold; margin: 0 15px 0 0")) ==
          QStringLiteral("font-weight: bold; margin: 0 15px 0 0;"));
    // A background image would load: the url goes, the colour stays.
    CHECK(styleOf(QStringLiteral("background: url(http://t.example/x.gif); color: #000")) ==
          QStringLiteral("color: #000;"));
    CHECK(styleOf(QStringLiteral("width: expression(alert(1))")).isEmpty());
    CHECK(styleOf(QStringLiteral("behavior: url(x.htc)")).isEmpty());
    CHECK(styleOf(QStringLiteral("position: absolute; top: 0")).isEmpty());
    CHECK(styleOf(QStringLiteral("-moz-binding: url(x.xml#y)")).isEmpty());
    CHECK(styleOf(QStringLiteral("color: red; </style><script>")).isEmpty());
    CHECK(styleOf(QString(5000, u'a')).isEmpty()); // a huge one is not read at all
}
