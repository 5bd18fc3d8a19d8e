// SPDX-License-Identifier: GPL-3.0-or-later
// The feed reader's front: size, format, encoding and entities; then the XML or JSON reader.
#include "feed_parser.h"

#include "xml_document.h"

#include <QUrl>

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

QString declaredCharset(const QString& contentType, bool* notXml)
{
    const QStringList parts = contentType.split(u';');
    const QString type = parts.value(0).trimmed().toLower();
    QString charset;
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const qsizetype equals = parts[i].indexOf(u'=');
        if (equals < 0 || parts[i].left(equals).trimmed().toLower() != u"charset")
            continue;
        charset = parts[i].mid(equals + 1).trimmed();
        if (charset.size() >= 2 && (charset.front() == u'"' || charset.front() == u'\'') &&
            charset.back() == charset.front())
            charset = charset.mid(1, charset.size() - 2).trimmed();
        charset = charset.toLower();
    }
    const bool textXml = type == u"text/xml" || type == u"text/xml-external-parsed-entity" ||
                         (type.startsWith(u"text/") && type.endsWith(u"+xml"));
    if (notXml)
        *notXml = type.startsWith(u"text/") && !textXml;
    if (charset.isEmpty() && textXml)
        return QStringLiteral("us-ascii");
    return charset;
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

    // The base of relative links: where the server says the document is, if it says so
    // with a web address.
    QString base = source.url;
    if (!source.contentLocation.trimmed().isEmpty()) {
        const QUrl location = QUrl(source.url).resolved(QUrl(source.contentLocation.trimmed()));
        if (location.scheme() == u"http" || location.scheme() == u"https")
            base = location.toString();
    }
    bool notXml = false;
    const QString charset = declaredCharset(source.contentType, &notXml);
    auto document = xml_input::readXmlDocument(bytes, base, charset, QStringLiteral("feed"));
    if (!document)
        return document.error();
    auto feed = feed_detail::readXmlFeed(*document);
    if (!feed)
        return feed;
    feed->encoding = document->encoding;
    feed->malformed = document->malformed;
    feed->firstError = document->firstError;
    feed->errorLine = document->errorLine;
    if (notXml && !feed->malformed) {
        feed->malformed = true;
        feed->firstError = QStringLiteral("served as %1, not as XML")
                               .arg(source.contentType.section(u';', 0, 0).trimmed());
    }
    if (feed->language.isEmpty())
        feed->language = source.contentLanguage.trimmed();
    return feed;
}

} // namespace broadsheet::core
