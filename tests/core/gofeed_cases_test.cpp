// SPDX-License-Identifier: GPL-3.0-or-later
// gofeed's parser fixtures (../shared/data/gofeed-testdata/testdata/parser): each input with
// the JSON gofeed's RSS, Atom or JSON parser gives. A field counts when Broadsheet keeps it;
// values are compared as the feed wrote them (before any sanitising), white space trimmed.
#include "parse/feed_parser.h"
#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

#include <catch2/catch.hpp>

#include <cstdio>

using namespace broadsheet::core;

namespace {

constexpr int kGofeedFloorPercent = 93; // measured: 94.0 %

struct Tally {
    int checked = 0;
    int passed = 0;
    QMap<QString, int> failing;
    void check(const QString& what, const QString& ours, const QJsonValue& expected)
    {
        if (!expected.isString() && !expected.isDouble())
            return;
        ++checked;
        const QString want = expected.isString() ? expected.toString().trimmed()
                                                 : QString::number(expected.toDouble());
        if (ours.trimmed() == want)
            ++passed;
        else
            ++failing[what];
    }
};

QString gofeedVersion(const QString& ours)
{
    static const QMap<QString, QString> names = {
        {QStringLiteral("rss20"), QStringLiteral("2.0")},
        {QStringLiteral("rss10"), QStringLiteral("1.0")},
        {QStringLiteral("rss090"), QStringLiteral("0.9")},
        {QStringLiteral("rss091u"), QStringLiteral("0.91")},
        {QStringLiteral("rss091n"), QStringLiteral("0.91")},
        {QStringLiteral("rss092"), QStringLiteral("0.92")},
        {QStringLiteral("rss093"), QStringLiteral("0.93")},
        {QStringLiteral("rss094"), QStringLiteral("0.94")},
        {QStringLiteral("atom10"), QStringLiteral("1.0")},
        {QStringLiteral("atom03"), QStringLiteral("0.3")},
        {QStringLiteral("json1"), QStringLiteral("1.0")},
        {QStringLiteral("json11"), QStringLiteral("1.1")},
    };
    return names.value(ours, ours);
}

void compareRss(const Feed& feed, const QJsonObject& want, Tally& t)
{
    t.check(QStringLiteral("title"), feed.title.value, want.value(u"title"));
    t.check(QStringLiteral("description"), feed.subtitle.value, want.value(u"description"));
    t.check(QStringLiteral("language"), feed.language, want.value(u"language"));
    t.check(QStringLiteral("copyright"), feed.rights.value, want.value(u"copyright"));
    t.check(QStringLiteral("ttl"), feed.ttlMinutes ? QString::number(*feed.ttlMinutes) : QString(),
            want.value(u"ttl"));
    const QJsonArray items = want.value(u"items").toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject w = items[i].toObject();
        const FeedItem item = feed.items.value(i);
        t.check(QStringLiteral("items.title"), item.title.value, w.value(u"title"));
        t.check(QStringLiteral("items.description"), item.summary.value, w.value(u"description"));
        t.check(QStringLiteral("items.content"), item.content.value, w.value(u"content"));
        t.check(QStringLiteral("items.link"), item.link, w.value(u"link"));
        t.check(QStringLiteral("items.comments"), item.comments, w.value(u"comments"));
        t.check(QStringLiteral("items.pubDate"), item.published.written, w.value(u"pubDate"));
        t.check(QStringLiteral("items.guid"), item.id, w.value(u"guid").toObject().value(u"value"));
        const QJsonArray categories = w.value(u"categories").toArray();
        for (qsizetype c = 0; c < categories.size(); ++c) {
            const FeedCategory ours = item.categories.value(c);
            t.check(QStringLiteral("items.categories.value"), ours.term,
                    categories[c].toObject().value(u"value"));
            t.check(QStringLiteral("items.categories.domain"), ours.scheme,
                    categories[c].toObject().value(u"domain"));
        }
        const QJsonObject enclosure = w.value(u"enclosure").toObject();
        if (!enclosure.isEmpty()) {
            const FeedEnclosure ours = item.enclosures.value(0);
            t.check(QStringLiteral("items.enclosure.url"), ours.url, enclosure.value(u"url"));
            t.check(QStringLiteral("items.enclosure.type"), ours.type, enclosure.value(u"type"));
        }
    }
}

void compareAtom(const Feed& feed, const QJsonObject& want, Tally& t)
{
    t.check(QStringLiteral("title"), feed.title.value, want.value(u"title"));
    t.check(QStringLiteral("subtitle"), feed.subtitle.value, want.value(u"subtitle"));
    t.check(QStringLiteral("rights"), feed.rights.value, want.value(u"rights"));
    t.check(QStringLiteral("id"), feed.id, want.value(u"id"));
    t.check(QStringLiteral("updated"), feed.updated.written, want.value(u"updated"));
    const QJsonArray authors = want.value(u"authors").toArray();
    for (qsizetype a = 0; a < authors.size(); ++a) {
        t.check(QStringLiteral("authors.name"), feed.authors.value(a).name,
                authors[a].toObject().value(u"name"));
        t.check(QStringLiteral("authors.email"), feed.authors.value(a).email,
                authors[a].toObject().value(u"email"));
        t.check(QStringLiteral("authors.uri"), feed.authors.value(a).uri,
                authors[a].toObject().value(u"uri"));
    }
    const QJsonArray entries = want.value(u"entries").toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonObject w = entries[i].toObject();
        const FeedItem item = feed.items.value(i);
        t.check(QStringLiteral("entries.title"), item.title.value, w.value(u"title"));
        t.check(QStringLiteral("entries.summary"), item.summary.value, w.value(u"summary"));
        t.check(QStringLiteral("entries.content.value"), item.content.value,
                w.value(u"content").toObject().value(u"value"));
        t.check(QStringLiteral("entries.id"), item.id, w.value(u"id"));
        t.check(QStringLiteral("entries.published"), item.published.written, w.value(u"published"));
        t.check(QStringLiteral("entries.updated"), item.updated.written, w.value(u"updated"));
        const QJsonArray categories = w.value(u"categories").toArray();
        for (qsizetype c = 0; c < categories.size(); ++c)
            t.check(QStringLiteral("entries.categories.term"), item.categories.value(c).term,
                    categories[c].toObject().value(u"term"));
    }
}

} // namespace

TEST_CASE("gofeed's RSS and Atom fixtures give what gofeed gives, where Broadsheet keeps it")
{
    REQUIRE_SHARED("data/gofeed-testdata/testdata/parser");
    Tally tally;
    int pairs = 0;
    for (const char* format : {"rss", "atom"}) {
        const QDir dir(broadsheet::test::sharedPath(
            QStringLiteral("data/gofeed-testdata/testdata/parser/") + QLatin1String(format)));
        for (const QString& name : dir.entryList({QStringLiteral("*.xml")}, QDir::Files)) {
            QFile input(dir.filePath(name));
            QFile expected(dir.filePath(name.chopped(4) + QStringLiteral(".json")));
            if (!input.open(QIODevice::ReadOnly) || !expected.open(QIODevice::ReadOnly))
                continue;
            const QJsonObject want = QJsonDocument::fromJson(expected.readAll()).object();
            if (want.isEmpty())
                continue;
            ++pairs;
            auto feed = parseFeed(input.readAll());
            const Feed ours = feed ? *feed : Feed();
            tally.check(QStringLiteral("version"), gofeedVersion(ours.version),
                        want.value(u"version"));
            if (QLatin1String(format) == QLatin1String("rss"))
                compareRss(ours, want, tally);
            else
                compareAtom(ours, want, tally);
        }
    }
    std::printf("gofeed fixtures: %d pairs, %d of %d fields as gofeed gives them (%.1f %%); "
                "failing:",
                pairs, tally.passed, tally.checked,
                100.0 * tally.passed / std::max(1, tally.checked));
    for (auto it = tally.failing.cbegin(); it != tally.failing.cend(); ++it)
        std::printf(" %s (%d)", qPrintable(it.key()), it.value());
    std::printf("\n");
    CHECK(pairs > 400);
    CHECK(tally.passed * 100 >= tally.checked * kGofeedFloorPercent);
}
