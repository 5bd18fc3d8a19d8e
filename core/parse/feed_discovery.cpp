// SPDX-License-Identifier: GPL-3.0-or-later
#include "feed_discovery.h"

#include "html_document.h"

#include <algorithm>

namespace broadsheet::core {

namespace {

QString attributeOf(const GumboElement& element, const char* name)
{
    return QString::fromUtf8(html::attribute(element, name)).trimmed();
}

bool isFeedType(const QString& type)
{
    const QString t = type.section(u';', 0, 0).trimmed().toLower();
    return t == u"application/rss+xml" || t == u"application/atom+xml" ||
           t == u"application/rdf+xml" || t == u"application/feed+json" ||
           t == u"text/xml"; // not application/json: WordPress lists its REST API so
}

void collect(const GumboNode* node, QUrl& base, QList<FeedLink>& out, int depth)
{
    if (node->type != GUMBO_NODE_ELEMENT || depth > 256)
        return;
    const GumboElement& element = node->v.element;
    if (element.tag == GUMBO_TAG_BASE) {
        const QString href = attributeOf(element, "href");
        if (!href.isEmpty())
            base = base.resolved(QUrl(href));
    } else if (element.tag == GUMBO_TAG_LINK || element.tag == GUMBO_TAG_A) {
        const QStringList rel =
            attributeOf(element, "rel").toLower().split(u' ', Qt::SkipEmptyParts);
        const QString type = attributeOf(element, "type");
        const QString href = attributeOf(element, "href");
        if (rel.contains(u"alternate") && isFeedType(type) && !href.isEmpty()) {
            const QUrl url = base.resolved(QUrl(href));
            const QString scheme = url.scheme().toLower();
            const bool known = std::any_of(out.cbegin(), out.cend(),
                                           [&url](const FeedLink& l) { return l.url == url; });
            if ((scheme == u"http" || scheme == u"https") && !known)
                out.append(FeedLink{url, attributeOf(element, "title"), type.toLower()});
        }
    }
    for (unsigned i = 0; i < element.children.length; ++i)
        collect(static_cast<const GumboNode*>(element.children.data[i]), base, out, depth + 1);
}

} // namespace

QList<FeedLink> discoverFeeds(const QByteArray& html, const QUrl& page)
{
    const html::Document output = html::parse(html);
    QList<FeedLink> out;
    QUrl base = page;
    if (output.root())
        collect(output.root(), base, out, 0);
    return out;
}

bool looksLikeWebPage(const QByteArray& bytes)
{
    const QByteArray head = bytes.left(2048).trimmed().toLower();
    return head.startsWith("<!doctype html") || head.startsWith("<html") ||
           head.contains("<html") || head.contains("<head") || head.contains("<body");
}

} // namespace broadsheet::core
