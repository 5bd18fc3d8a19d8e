// SPDX-License-Identifier: GPL-3.0-or-later
// The feed reader's front: size, format, encoding and entities; then the XML or JSON reader.
#include "feed_parser.h"

#include "xml_document.h"

#include <cctype>

namespace broadsheet::core {

bool looksLikeFeed(const QByteArray& bytes)
{
    const QByteArray head = bytes.left(4096);
    if (head.trimmed().startsWith('{'))
        return head.contains("jsonfeed.org/version");
    const QString root = xml_input::rootElementName(head);
    return root == u"rss" || root == u"RDF" || root == u"feed" || root == u"channel";
}

Result<Feed> parseFeed(const QByteArray& bytes, const FeedSource& source)
{
    if (bytes.size() > kMaxFeedBytes)
        return Error{ErrorCode::Invalid,
                     QStringLiteral("the feed is %1 MiB; feeds over %2 MiB are not read")
                         .arg(bytes.size() / (qint64{1024} * 1024))
                         .arg(kMaxFeedBytes / (qint64{1024} * 1024))};
    qsizetype first = 0; // the first byte past white space (no copy of the whole document)
    while (first < bytes.size() && std::isspace(static_cast<unsigned char>(bytes[first])))
        ++first;
    if (first == bytes.size())
        return Error{ErrorCode::Invalid, QStringLiteral("the feed is empty")};
    if (bytes[first] == '{')
        return feed_detail::readJsonFeed(bytes, source);

    auto document = xml_input::readXmlDocument(bytes, source.url, source.declaredCharset,
                                               QStringLiteral("feed"));
    if (!document)
        return document.error();
    auto feed = feed_detail::readXmlFeed(*document);
    if (!feed)
        return feed;
    feed->encoding = document->encoding;
    feed->malformed = document->malformed;
    feed->firstError = document->firstError;
    feed->errorLine = document->errorLine;
    return feed;
}

} // namespace broadsheet::core
