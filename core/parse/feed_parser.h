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
    QString url;             ///< where the bytes came from: relative links resolve against it
    QString declaredCharset; ///< the charset a server declared, if any (it wins over the XML's)
};

/// Largest document read; a bigger one is refused before parsing.
inline constexpr qint64 kMaxFeedBytes = qint64{20} * 1024 * 1024;

/// The feed in `bytes`. A document strict XML rejects is re-read leniently and keeps what
/// survives (Feed::malformed says so, with the first error); only one with no channel and no
/// item is refused, with a message that says what is wrong and where.
Result<Feed> parseFeed(const QByteArray& bytes, const FeedSource& source = {});

/// Whether `bytes` look like a feed (or an OPML list) rather than an article: an XML root of
/// rss, rdf:RDF, feed, channel or opml, or a JSON object with a JSON Feed version.
bool looksLikeFeed(const QByteArray& bytes);

namespace feed_detail {

/// The document in UTF-8, by its byte-order mark, the declared charset, the XML declaration,
/// valid UTF-8, then Windows-1252. `problem` is set when the bytes were not in the encoding
/// they claimed.
struct Decoded {
    QByteArray utf8;
    QString encoding;
    QString problem;
};
Decoded decodeXml(const QByteArray& bytes, const QString& declaredCharset);

/// HTML's named entities that XML does not define (`&nbsp;`, `&eacute;`) as numeric
/// references, so that strict XML reads them; `firstUndefined` names the first, if any.
QByteArray numericEntities(const QByteArray& utf8, QString* firstUndefined, int* line);

Result<Feed> readXmlFeed(const QByteArray& utf8, const FeedSource& source);
Result<Feed> readJsonFeed(const QByteArray& bytes, const FeedSource& source);

} // namespace feed_detail

} // namespace broadsheet::core
