// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feed.h"
#include "result.h"

#include <QByteArray>
#include <QString>

// Reads a feed document of any format from its bytes: feed_parser.cpp finds the format, the
// encoding and the entities; xml_feed_reader.cpp walks an XML one, json_feed_reader.cpp a JSON
// Feed. Nothing is fetched while parsing: no DTD, no external entity, no network.
namespace broadsheet::core {

struct FeedSource {
    QString url; ///< where the bytes came from: relative links resolve against it
    /// What a server said of them, when they came over HTTP. The Content-Type's charset
    /// wins over the XML declaration's; text/xml without one is US-ASCII (RFC 3023), and a
    /// text type that is not XML (text/plain, text/html) marks the feed malformed.
    QString contentType;
    QString contentLocation; ///< the base of relative links, in place of `url`
    QString contentLanguage; ///< the feed's language when it names none itself

    /// A document from `where`, with nothing said of it.
    static FeedSource at(QString where)
    {
        FeedSource source;
        source.url = std::move(where);
        return source;
    }
};

/// The charset a Content-Type header declares for an XML document, as RFC 3023 reads it;
/// `notXml` is set for a text type that is not XML.
QString declaredCharset(const QString& contentType, bool* notXml = nullptr);

/// Largest document read; a bigger one is refused before parsing.
inline constexpr qint64 kMaxFeedBytes = qint64{20} * 1024 * 1024;

/// The feed in `bytes`. A document strict XML rejects is re-read leniently and keeps what
/// survives (Feed::malformed says so, with the first error); only one with no channel and no
/// item is refused, with a message that says what is wrong and where.
Result<Feed> parseFeed(const QByteArray& bytes, const FeedSource& source = {});

/// Whether `bytes` look like a feed rather than an article: an XML root of rss, rdf:RDF,
/// feed or channel, or a JSON object with a JSON Feed version.
bool looksLikeFeed(const QByteArray& bytes);

namespace xml_input {
struct XmlDocument;
}

namespace feed_detail {
/// The feed in a document read by xml_input; relative links resolve through its URL.
Result<Feed> readXmlFeed(const xml_input::XmlDocument& document);
Result<Feed> readJsonFeed(const QByteArray& bytes, const FeedSource& source);
} // namespace feed_detail

} // namespace broadsheet::core
