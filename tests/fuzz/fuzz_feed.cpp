// SPDX-License-Identifier: GPL-3.0-or-later
// Every feed format (RSS 0.9x/2.0, RDF, Atom 0.3/1.0, JSON Feed), strict then recovered,
// and the stories made of its items.
#include "fuzz_support.h"
#include "parse/feed_articles.h"
#include "parse/feed_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace broadsheet;
    const QByteArray bytes = fuzz::bytesOf(data, size);
    (void)core::looksLikeFeed(bytes);
    auto feed =
        core::parseFeed(bytes, core::FeedSource::at(QStringLiteral("https://example.org/feed")));
    if (!feed)
        return 0;
    const core::FeedStories stories = core::storiesOf(*feed);
    if (stories.articles.size() != stories.identities.size())
        fuzz::broken("a story without its identity");
    for (const QByteArray& identity : stories.identities) {
        if (identity.isEmpty())
            fuzz::broken("an empty story identity");
    }
    return 0;
}
