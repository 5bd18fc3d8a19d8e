// SPDX-License-Identifier: GPL-3.0-or-later
// The XML feed reader: libxml2, strict first, then its recover mode; no DTD is loaded, no
// entity is expanded past the five of XML, nothing is fetched. Walks RSS 0.9x/2.0, RSS 1.0
// (RDF), Atom 0.3 and 1.0 into a Feed.
#include "feed_date.h"
#include "feed_parser.h"
#include "xml_document.h"

#include <QRegularExpression>
#include <QUrl>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <memory>

namespace broadsheet::core::feed_detail {

namespace {

enum class Ns {
    None,
    Atom10,
    Atom03,
    Rss10,
    Rss090,
    Rdf,
    Dc,
    DcTerms,
    Content,
    Media,
    Itunes,
    Sy,
    Xhtml,
    Other
};

Ns nsOfUri(const QByteArray& uri)
{
    static const QList<std::pair<QByteArray, Ns>> known = {
        {"http://www.w3.org/2005/Atom", Ns::Atom10},
        {"http://purl.org/atom/ns#", Ns::Atom03},
        {"http://purl.org/rss/1.0/", Ns::Rss10},
        {"http://my.netscape.com/rdf/simple/0.9/", Ns::Rss090},
        {"http://www.w3.org/1999/02/22-rdf-syntax-ns#", Ns::Rdf},
        {"http://purl.org/dc/elements/1.1/", Ns::Dc},
        {"http://purl.org/dc/terms/", Ns::DcTerms},
        {"http://purl.org/rss/1.0/modules/content/", Ns::Content},
        {"http://search.yahoo.com/mrss/", Ns::Media},
        {"http://search.yahoo.com/mrss", Ns::Media},
        {"http://www.itunes.com/dtds/podcast-1.0.dtd", Ns::Itunes},
        {"http://purl.org/rss/1.0/modules/syndication/", Ns::Sy},
        {"http://www.w3.org/1999/xhtml", Ns::Xhtml},
        // RSS 0.9x/2.0 in a namespace of its own, as some feeds were written.
        {"http://backend.userland.com/rss", Ns::None},
        {"http://backend.userland.com/rss2", Ns::None},
        {"http://backend.userland.com/rss2.1", Ns::None},
        {"http://blogs.law.harvard.edu/tech/rss", Ns::None},
    };
    for (const auto& [u, ns] : known) {
        if (uri.compare(u, Qt::CaseInsensitive) == 0) // iTunes' own is spelt ".../DTDs/Podcast"
            return ns;
    }
    return Ns::Other;
}

/// An undeclared prefix ("dc:creator" with no xmlns:dc), read by its usual meaning.
Ns nsOfPrefix(const QByteArray& prefix)
{
    static const QList<std::pair<QByteArray, Ns>> usual = {
        {"dc", Ns::Dc},       {"dcterms", Ns::DcTerms}, {"content", Ns::Content},
        {"media", Ns::Media}, {"itunes", Ns::Itunes},   {"sy", Ns::Sy},
        {"atom", Ns::Atom10},
    };
    for (const auto& [p, ns] : usual) {
        if (prefix == p)
            return ns;
    }
    return Ns::Other;
}

struct Name {
    Ns ns = Ns::None;
    QByteArray local; ///< in lower case
    bool is(Ns n, const char* l) const { return ns == n && local == l; }
};

Name nameOf(const xmlNode* node)
{
    Name name;
    QByteArray raw(reinterpret_cast<const char*>(node->name));
    if (node->ns && node->ns->href) {
        name.ns = nsOfUri(QByteArray(reinterpret_cast<const char*>(node->ns->href)));
    } else if (const qsizetype colon = raw.indexOf(':'); colon > 0) {
        name.ns = nsOfPrefix(raw.left(colon));
        raw = raw.mid(colon + 1);
    }
    name.local = std::move(raw).toLower(); // as the Universal Feed Parser reads them: <TiTlE>
    return name;
}

/// C1 control characters (U+0080-U+009F) in text are Windows-1252 punctuation that went
/// through Latin-1 ("&#146;" for an apostrophe): read as HTML5 reads such references.
void demoronize(QString& text)
{
    static constexpr char16_t windows1252[32] = {
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    };
    for (QChar& c : text) {
        if (c.unicode() >= 0x80 && c.unicode() <= 0x9F)
            c = QChar(windows1252[c.unicode() - 0x80]);
    }
}

QString fromXml(const xmlChar* text)
{
    if (!text)
        return {};
    QString out = QString::fromUtf8(reinterpret_cast<const char*>(text));
    demoronize(out);
    return out;
}

QString attribute(const xmlNode* node, const char* name)
{
    xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
    QString out = fromXml(value);
    xmlFree(value);
    return out;
}

/// An attribute in any case (CDF writes HREF and LASTMOD).
QString attributeAnyCase(const xmlNode* node, const char* name)
{
    for (const xmlAttr* a = node->properties; a; a = a->next) {
        if (a->name && qstricmp(reinterpret_cast<const char*>(a->name), name) == 0) {
            xmlChar* value = xmlNodeListGetString(node->doc, a->children, 1);
            QString out = fromXml(value);
            xmlFree(value);
            return out;
        }
    }
    return {};
}

/// The text of an element, its children's text in order; an entity reference gives its
/// replacement only when that is plain text (no entity expands into others here).
void appendText(const xmlNode* node, QString& out)
{
    for (const xmlNode* child = node->children; child; child = child->next) {
        switch (child->type) {
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
            out += fromXml(child->content);
            break;
        case XML_ENTITY_REF_NODE:
            if (const auto* entity = reinterpret_cast<const xmlEntity*>(child->children);
                entity && entity->content && !xmlStrchr(entity->content, '&'))
                out += fromXml(entity->content);
            break;
        case XML_ELEMENT_NODE:
            appendText(child, out);
            break;
        default:
            break;
        }
    }
}

QString textOf(const xmlNode* node)
{
    QString out;
    appendText(node, out);
    return out;
}

/// Whether the element holds elements (markup written inline, not escaped).
bool hasElementChildren(const xmlNode* node)
{
    for (const xmlNode* child = node->children; child; child = child->next) {
        if (child->type == XML_ELEMENT_NODE)
            return true;
    }
    return false;
}

enum class Div { Strip, Keep };

/// The element's children as markup; Atom 1.0's xhtml content without its wrapping div,
/// which is the construct's and not the text's (Atom 0.3 and RSS keep it).
QString innerXml(const xmlNode* node, Div div)
{
    const xmlNode* from = node;
    for (const xmlNode* child = node->children; div == Div::Strip && child; child = child->next) {
        if (child->type == XML_ELEMENT_NODE) {
            if (nameOf(child).local == "div" && !child->next)
                from = child;
            break;
        }
    }
    std::unique_ptr<xmlBuffer, decltype(&xmlBufferFree)> buffer(xmlBufferCreate(), xmlBufferFree);
    for (xmlNode* child = from->children; child; child = child->next)
        xmlNodeDump(buffer.get(), child->doc, child, 0, 0);
    QString markup = fromXml(xmlBufferContent(buffer.get()));
    // The xhtml namespace declarations the dump repeats are noise in HTML.
    markup.remove(QStringLiteral(" xmlns=\"http://www.w3.org/1999/xhtml\""));
    return markup;
}

/// The xml:base in force at `node`, resolved against the document's own URL.
QString baseOf(const xmlNode* node)
{
    // libxml2 resolves the xml:base chain against the document's URL; what it gives is
    // kept when it is a web address (or there is no web address to be had).
    xmlChar* raw = xmlNodeGetBase(node->doc, node);
    QString base = fromXml(raw);
    xmlFree(raw);
    if (base.startsWith(QLatin1String("http:///")) || base.startsWith(QLatin1String("https:///")))
        base.replace(QRegularExpression(QStringLiteral("^(https?):/{3,}")),
                     QStringLiteral("\\1://")); // "http:///example.com/"
    if (base.isEmpty() || base.startsWith(QLatin1String("http://")) ||
        base.startsWith(QLatin1String("https://")) || !node->doc->URL)
        return base;
    // A base that is no web address (javascript:, data:): the nearest one that is, walking
    // up from the document's URL.
    QUrl out(fromXml(node->doc->URL));
    QList<const xmlNode*> chain;
    for (const xmlNode* n = node; n && n->type == XML_ELEMENT_NODE; n = n->parent)
        chain.prepend(n);
    for (const xmlNode* n : chain) {
        xmlChar* written =
            xmlGetNsProp(n, reinterpret_cast<const xmlChar*>("base"), XML_XML_NAMESPACE);
        if (!written)
            continue;
        const QUrl next = out.resolved(QUrl(fromXml(written).trimmed()));
        xmlFree(written);
        const QString scheme = next.scheme().toLower();
        if (scheme == u"http" || scheme == u"https")
            out = next;
    }
    return out.toString();
}

QString resolved(const xmlNode* node, const QString& reference)
{
    QString trimmed = reference.trimmed();
    if (trimmed.isEmpty())
        return {};
    const QUrl url(trimmed);
    if (!url.isRelative())
        return trimmed;
    const QUrl base(baseOf(node));
    return base.isEmpty() || base.isRelative() ? trimmed : base.resolved(url).toString();
}

/// Whether plain-looking text is HTML after all: RSS titles and descriptions carry escaped
/// markup ("&lt;b&gt;") as often as not.
bool looksLikeHtml(const QString& text)
{
    static const QRegularExpression tag(
        QStringLiteral("<(/?[A-Za-z][A-Za-z0-9]*\\b[^>]*|!--)>|&#?\\w+;"));
    return text.contains(u'<') || text.contains(u'&') ? tag.match(text).hasMatch() : false;
}

/// An Atom text construct (type text, html or xhtml; 0.3's mode escaped, xml or base64).
FeedText atomText(const xmlNode* node)
{
    FeedText out;
    out.base = baseOf(node);
    const QString type = attribute(node, "type").trimmed().toLower();
    const QString mode = attribute(node, "mode").trimmed().toLower();
    const auto base64 = [&] {
        return QByteArray::fromBase64(textOf(node).toLatin1());
    };
    const bool atom10 = nameOf(node).ns == Ns::Atom10;
    if (type == u"xhtml" || (atom10 && type == u"application/xhtml+xml")) {
        out.value = innerXml(node, Div::Strip);
        out.type = FeedText::Type::Html;
    } else if (mode == u"base64") {
        out.value = QString::fromUtf8(base64());
        out.type = type.contains(u"html") ? FeedText::Type::Html : FeedText::Type::Text;
    } else if (type == u"application/xhtml+xml" || mode == u"xml" ||
               ((type.isEmpty() || type == u"text" || type == u"text/plain") &&
                hasElementChildren(node))) {
        // Markup written inline (Atom 0.3's "xml" mode, or a title that holds <b>).
        out.value = innerXml(node, Div::Keep);
        out.type = FeedText::Type::Html;
    } else if (type == u"html" || type == u"text/html" || mode == u"escaped") {
        out.value = textOf(node);
        out.type = FeedText::Type::Html;
    } else if (type.endsWith(u"+xml") || type.endsWith(u"/xml")) {
        out.value = innerXml(node, Div::Keep); // XML content: its markup, as text
        out.type = FeedText::Type::Text;
    } else if (type.contains(u'/') && !type.startsWith(u"text/")) {
        // Any other media type is carried in base64 (RFC 4287, 4.1.3.3).
        out.value = QString::fromUtf8(base64());
        out.type = FeedText::Type::Text;
    } else {
        out.value = textOf(node);
        out.type = FeedText::Type::Text;
    }
    return out;
}

/// RSS text: HTML when it looks like it.
FeedText rssText(const xmlNode* node, bool html)
{
    FeedText out;
    out.base = baseOf(node);
    if (hasElementChildren(node)) { // markup written inline, not escaped
        out.value = innerXml(node, Div::Keep);
        out.type = FeedText::Type::Html;
        return out;
    }
    out.value = textOf(node);
    out.type = html || looksLikeHtml(out.value) ? FeedText::Type::Html : FeedText::Type::Text;
    return out;
}

FeedDate dateOf(const xmlNode* node)
{
    FeedDate out;
    out.written = textOf(node).trimmed();
    out.when = parseFeedDate(out.written);
    return out;
}

FeedPerson atomPerson(const xmlNode* node)
{
    FeedPerson person;
    for (const xmlNode* child = node->children; child; child = child->next) {
        if (child->type != XML_ELEMENT_NODE)
            continue;
        const Name name = nameOf(child);
        if (name.local == "name")
            person.name = textOf(child).trimmed();
        else if (name.local == "email")
            person.email = textOf(child).trimmed();
        else if (name.local == "uri" || name.local == "url" || name.local == "homepage")
            person.uri = resolved(child, textOf(child));
    }
    return person;
}

/// "jane@example.com (Jane Doe)", "Jane Doe <jane@example.com>", or a name.
FeedPerson rssPerson(const QString& text)
{
    FeedPerson person;
    static const QRegularExpression emailFirst(
        QStringLiteral("^\\s*(\\S+@\\S+)\\s*\\((.*)\\)\\s*$"));
    static const QRegularExpression nameFirst(QStringLiteral("^\\s*(.*?)\\s*<(\\S+@\\S+)>\\s*$"));
    static const QRegularExpression nameThenEmail(
        QStringLiteral("^\\s*(.*?)\\s*\\((?:mailto:)?([^\\s()]+@[^\\s()]+)\\)\\s*$"));
    if (const auto m = emailFirst.match(text); m.hasMatch()) {
        person.email = m.captured(1);
        person.name = m.captured(2).trimmed();
    } else if (const auto n = nameFirst.match(text); n.hasMatch()) {
        person.name = n.captured(1);
        person.email = n.captured(2);
    } else if (const auto e = nameThenEmail.match(text); e.hasMatch()) {
        person.name = e.captured(1);
        person.email = e.captured(2);
    } else if (text.contains(u'@') && !text.trimmed().contains(u' ')) {
        person.email = text.trimmed();
    } else {
        person.name = text.trimmed();
    }
    return person;
}

bool isAtom(Ns ns)
{
    return ns == Ns::Atom10 || ns == Ns::Atom03;
}

/// Inside an Atom feed, whether an element is Atom's: in either Atom namespace, or in none
/// or one nobody else uses (feeds that put Atom in a namespace of their own).
bool isAtomHere(Ns ns)
{
    return isAtom(ns) || ns == Ns::None || ns == Ns::Other;
}

/// What Media RSS says of an item, used only where the item's own elements say nothing:
/// regular fields win over media:* ones, whichever comes first.
struct MediaFallback {
    QString playerLink;   ///< media:player's url
    FeedText description; ///< media:description, also inside media:group or media:content
};

void readMedia(const xmlNode* child, const Name& name, FeedItem& item, MediaFallback& media)
{
    if (name.local == "thumbnail" && item.thumbnail.isEmpty()) {
        item.thumbnail = resolved(child, attribute(child, "url"));
    } else if (name.local == "content") {
        const QString medium = attribute(child, "medium");
        const QString type = attribute(child, "type");
        const QString url = resolved(child, attribute(child, "url"));
        if (item.thumbnail.isEmpty() && (medium == u"image" || type.startsWith(u"image/")))
            item.thumbnail = url;
        if (!url.isEmpty()) { // a file that comes with the item, as an enclosure is
            FeedEnclosure enclosure{url, type, std::nullopt};
            bool ok = false;
            const qint64 size = attribute(child, "fileSize").toLongLong(&ok);
            if (ok)
                enclosure.length = size;
            item.enclosures.append(enclosure);
        }
        for (const xmlNode* inner = child->children; inner; inner = inner->next) {
            if (inner->type == XML_ELEMENT_NODE && nameOf(inner).ns == Ns::Media &&
                nameOf(inner).local != "content")
                readMedia(inner, nameOf(inner), item, media);
        }
    } else if (name.local == "group") {
        for (const xmlNode* inner = child->children; inner; inner = inner->next) {
            if (inner->type == XML_ELEMENT_NODE && nameOf(inner).ns == Ns::Media)
                readMedia(inner, nameOf(inner), item, media);
        }
    } else if (name.local == "category") {
        const QString scheme = attribute(child, "scheme");
        item.categories.append(FeedCategory{
            textOf(child).trimmed(),
            scheme.isEmpty() ? QStringLiteral("http://search.yahoo.com/mrss/category_schema")
                             : scheme,
            attribute(child, "label")});
    } else if (name.local == "title" && item.title.isEmpty()) {
        item.title = rssText(child, attribute(child, "type") == u"html");
    } else if (name.local == "player" && media.playerLink.isEmpty()) {
        media.playerLink = resolved(child, attribute(child, "url"));
    } else if (name.local == "description" && media.description.isEmpty()) {
        media.description = rssText(child, attribute(child, "type") == u"html");
        if (attribute(child, "type") != u"html")
            media.description.type = FeedText::Type::Text; // plain unless it says html
    }
}

/// An element every format shares by module (Dublin Core, content, media, iTunes) into an
/// item; returns whether it was one of them.
/// iTunes categories (nested ones too) and keywords, as categories of the iTunes scheme.
void readItunesCategories(const xmlNode* node, const Name& name, QList<FeedCategory>& into)
{
    static const QString scheme = QStringLiteral("http://www.itunes.com/");
    if (name.local == "category") {
        if (const QString text = attribute(node, "text").trimmed(); !text.isEmpty())
            into.append(FeedCategory{text, scheme, {}});
        for (const xmlNode* inner = node->children; inner; inner = inner->next) {
            if (inner->type == XML_ELEMENT_NODE && nameOf(inner).is(Ns::Itunes, "category"))
                readItunesCategories(inner, nameOf(inner), into);
        }
    } else if (name.local == "keywords") {
        for (const QString& word : textOf(node).split(u',', Qt::SkipEmptyParts)) {
            if (!word.trimmed().isEmpty())
                into.append(FeedCategory{word.trimmed(), scheme, {}});
        }
    }
}

bool readModuleElement(const xmlNode* child, const Name& name, FeedItem& item, MediaFallback& media)
{
    switch (name.ns) {
    case Ns::Dc:
    case Ns::DcTerms:
        if (name.local == "creator" || name.local == "author") {
            item.authors.append(rssPerson(textOf(child)));
        } else if (name.local == "date" || name.local == "issued" || name.local == "created") {
            if (!item.published.when.isKnown())
                item.published = dateOf(child);
            if (name.local == "date" && !item.updated.when.isKnown())
                item.updated = dateOf(child); // dc:date is when it was last changed, too
        } else if (name.local == "modified") {
            item.updated = dateOf(child);
        } else if (name.local == "subject") {
            item.categories.append(FeedCategory{textOf(child).trimmed(), {}, {}});
        } else if (name.local == "language") {
            item.language = textOf(child).trimmed();
        } else if (name.local == "title" && item.title.isEmpty()) {
            item.title = rssText(child, false);
        } else if (name.local == "description" && item.summary.isEmpty()) {
            item.summary = rssText(child, true);
        } else if (name.local == "identifier" && item.id.isEmpty()) {
            item.id = textOf(child).trimmed();
        }
        return true;
    case Ns::Content:
        if (name.local == "encoded")
            item.content = rssText(child, true);
        return true;
    case Ns::Media:
        readMedia(child, name, item, media);
        return true;
    case Ns::Itunes:
        if (name.local == "duration")
            item.duration = textOf(child).trimmed();
        else if (name.local == "image" && item.thumbnail.isEmpty())
            item.thumbnail = resolved(child, attribute(child, "href"));
        else if (name.local == "summary" && item.summary.isEmpty())
            item.summary = rssText(child, false);
        else if (name.local == "author")
            item.authors.append(FeedPerson{textOf(child).trimmed(), {}, {}});
        else
            readItunesCategories(child, name, item.categories);
        return true;
    default:
        return false;
    }
}

void readAtomLink(const xmlNode* node, QString& alternate, QString* self, FeedItem* item)
{
    const QString rel = attribute(node, "rel").isEmpty() ? QStringLiteral("alternate")
                                                         : attribute(node, "rel").toLower();
    const QString href = resolved(node, attribute(node, "href"));
    if (href.isEmpty())
        return;
    if (rel == u"alternate") {
        const QString type = attribute(node, "type");
        if (alternate.isEmpty() || type.contains(u"html"))
            alternate = href;
    } else if (rel == u"self" && self) {
        *self = href;
    } else if (rel == u"enclosure" && item) {
        FeedEnclosure enclosure{href, attribute(node, "type"), std::nullopt};
        bool ok = false;
        const qint64 length = attribute(node, "length").toLongLong(&ok);
        if (ok)
            enclosure.length = length;
        item->enclosures.append(enclosure);
    } else if (rel == u"replies" && item && item->comments.isEmpty()) {
        item->comments = href;
    }
}

/// CDF keeps a channel's or item's link and date in attributes (HREF, LASTMOD).
void readCdfAttributes(const xmlNode* node, QString& link, FeedDate& updated)
{
    if (const QString href = attributeAnyCase(node, "href"); link.isEmpty())
        link = resolved(node, href);
    if (const QString lastmod = attributeAnyCase(node, "lastmod").trimmed();
        !lastmod.isEmpty() && !updated.when.isKnown())
        updated = FeedDate{parseFeedDate(lastmod), lastmod};
}

FeedItem readItem(const xmlNode* node, bool atom)
{
    FeedItem item;
    MediaFallback media;
    bool sawGuid = false;
    for (const xmlNode* child = node->children; child; child = child->next) {
        if (child->type != XML_ELEMENT_NODE)
            continue;
        const Name name = nameOf(child);
        if (!atom && name.local == "body" && (name.ns == Ns::None || name.ns == Ns::Xhtml)) {
            // The full story as XHTML written inline (xhtml:body, or a bare body).
            if (item.content.isEmpty())
                item.content =
                    FeedText{innerXml(child, Div::Keep), FeedText::Type::Html, baseOf(child)};
            continue;
        }
        if (readModuleElement(child, name, item, media))
            continue;
        const bool own = atom ? isAtomHere(name.ns)
                              : (name.ns == Ns::None || name.ns == Ns::Rss10 ||
                                 name.ns == Ns::Rss090 || isAtom(name.ns));
        if (!own)
            continue;
        const QByteArray& l = name.local;
        if (isAtom(name.ns) || atom) {
            if (l == "title") {
                item.title = atomText(child);
            } else if (l == "link") {
                readAtomLink(child, item.link, nullptr, &item);
            } else if (l == "id") {
                item.id = resolved(child, textOf(child)); // a relative id is a relative IRI
            } else if (l == "published" || l == "issued" ||
                       (l == "created" && !item.published.when.isKnown())) {
                item.published = dateOf(child);
            } else if (l == "updated" || l == "modified") {
                item.updated = dateOf(child);
            } else if (l == "author" || l == "contributor") {
                if (l == "author")
                    item.authors.append(atomPerson(child));
            } else if (l == "category") {
                item.categories.append(FeedCategory{attribute(child, "term"),
                                                    attribute(child, "scheme"),
                                                    attribute(child, "label")});
            } else if (l == "summary") {
                item.summary = atomText(child);
            } else if (l == "content") {
                if (!attribute(child, "src").isEmpty() && item.link.isEmpty())
                    item.link = resolved(child, attribute(child, "src"));
                else
                    item.content = atomText(child);
            }
            continue;
        }
        if (l == "title") {
            item.title = rssText(child, false);
        } else if (l == "link") {
            item.link = resolved(child, textOf(child));
        } else if (l == "guid") {
            sawGuid = true;
            item.id = textOf(child).trimmed();
            item.idIsPermaLink = attribute(child, "isPermaLink").toLower() != u"false";
        } else if (l == "description") {
            item.summary = rssText(child, true);
        } else if (l == "pubdate") {
            item.published = dateOf(child);
        } else if (l == "author") {
            item.authors.append(rssPerson(textOf(child)));
        } else if (l == "category") {
            item.categories.append(
                FeedCategory{textOf(child).trimmed(), attribute(child, "domain"), {}});
        } else if (l == "enclosure") {
            FeedEnclosure enclosure{resolved(child, attribute(child, "url")),
                                    attribute(child, "type"), std::nullopt};
            bool ok = false;
            const qint64 length = attribute(child, "length").toLongLong(&ok);
            if (ok)
                enclosure.length = length;
            item.enclosures.append(enclosure);
        } else if (l == "comments") {
            item.comments = resolved(child, textOf(child));
        } else if (l == "fullitem" && item.content.isEmpty()) {
            item.content = rssText(child, true); // the full story, escaped
        } else if (l == "abstract" && item.summary.isEmpty()) {
            item.summary = rssText(child, false); // CDF's
        }
    }
    if (!atom)
        readCdfAttributes(node, item.link, item.updated);
    if (!atom && !sawGuid && item.id.isEmpty()) {
        const QString about = attribute(node, "about"); // RSS 1.0's rdf:about
        if (!about.isEmpty())
            item.id = about;
    }
    if (item.link.isEmpty() && item.idIsPermaLink && item.id.startsWith(u"http"))
        item.link = item.id;
    if (item.link.isEmpty())
        item.link = media.playerLink;
    if (item.summary.isEmpty() && item.content.isEmpty())
        item.summary = media.description;
    return item;
}

/// The channel's own elements (RSS's channel, Atom's feed) into `feed`; items are read by
/// the caller.
void readChannel(const xmlNode* node, bool atom, Feed& feed)
{
    for (const xmlNode* child = node->children; child; child = child->next) {
        if (child->type != XML_ELEMENT_NODE)
            continue;
        const Name name = nameOf(child);
        const QByteArray& l = name.local;
        if (name.ns == Ns::Sy) {
            if (l == "updateperiod")
                feed.updatePeriod = textOf(child).trimmed().toLower();
            else if (l == "updatefrequency")
                feed.updateFrequency = textOf(child).trimmed().toInt();
            continue;
        }
        if (name.ns == Ns::Dc || name.ns == Ns::DcTerms) {
            if (l == "language")
                feed.language = textOf(child).trimmed();
            else if (l == "rights")
                feed.rights = rssText(child, false);
            else if ((l == "date" || l == "modified") && !feed.updated.when.isKnown())
                feed.updated = dateOf(child);
            else if (l == "creator" || l == "publisher")
                feed.authors.append(rssPerson(textOf(child)));
            else if (l == "title" && feed.title.isEmpty())
                feed.title = rssText(child, false);
            else if (l == "description" && feed.subtitle.isEmpty())
                feed.subtitle = rssText(child, false);
            else if (l == "subject")
                feed.categories.append(FeedCategory{textOf(child).trimmed(), {}, {}});
            continue;
        }
        if (name.ns == Ns::Itunes) {
            if (l == "image" && feed.icon.isEmpty())
                feed.icon = resolved(child, attribute(child, "href"));
            else if ((l == "subtitle" || l == "summary") && feed.subtitle.isEmpty())
                feed.subtitle = rssText(child, false);
            else if (l == "author" && feed.authors.isEmpty())
                feed.authors.append(FeedPerson{textOf(child).trimmed(), {}, {}});
            else
                readItunesCategories(child, name, feed.categories);
            continue;
        }
        if (isAtom(name.ns) || atom) {
            if (!isAtomHere(name.ns))
                continue;
            if (l == "title")
                feed.title = atomText(child);
            else if (l == "subtitle" || l == "tagline")
                feed.subtitle = atomText(child);
            else if (l == "link")
                readAtomLink(child, feed.link, &feed.selfLink, nullptr);
            else if (l == "id")
                feed.id = resolved(child, textOf(child));
            else if (l == "updated" || l == "modified")
                feed.updated = dateOf(child);
            else if (l == "icon" || (l == "logo" && feed.icon.isEmpty()))
                feed.icon = resolved(child, textOf(child));
            else if (l == "rights" || l == "copyright")
                feed.rights = atomText(child);
            else if (l == "author")
                feed.authors.append(atomPerson(child));
            else if (l == "category")
                feed.categories.append(FeedCategory{attribute(child, "term"),
                                                    attribute(child, "scheme"),
                                                    attribute(child, "label")});
            continue;
        }
        if (name.ns != Ns::None && name.ns != Ns::Rss10 && name.ns != Ns::Rss090)
            continue;
        if (l == "title") {
            feed.title = rssText(child, false);
        } else if (l == "link") {
            feed.link = resolved(child, textOf(child));
        } else if (l == "description") {
            feed.subtitle = rssText(child, true);
        } else if (l == "language") {
            feed.language = textOf(child).trimmed();
        } else if (l == "copyright") {
            feed.rights = rssText(child, false);
        } else if (l == "lastbuilddate" || (l == "pubdate" && !feed.updated.when.isKnown())) {
            feed.updated = dateOf(child);
        } else if (l == "ttl") {
            bool ok = false;
            const int ttl = textOf(child).trimmed().toInt(&ok);
            if (ok && ttl > 0)
                feed.ttlMinutes = ttl;
        } else if (l == "image") {
            for (const xmlNode* inner = child->children; inner; inner = inner->next) {
                if (inner->type == XML_ELEMENT_NODE && nameOf(inner).local == "url")
                    feed.icon = resolved(inner, textOf(inner));
            }
        } else if (l == "category") {
            feed.categories.append(
                FeedCategory{textOf(child).trimmed(), attribute(child, "domain"), {}});
        } else if (l == "managingeditor" || l == "webmaster") {
            if (l == "managingeditor")
                feed.authors.append(rssPerson(textOf(child)));
        } else if (l == "abstract" && feed.subtitle.isEmpty()) {
            feed.subtitle = rssText(child, false); // CDF's
        }
    }
    if (!atom)
        readCdfAttributes(node, feed.link, feed.updated);
}

} // namespace

Result<Feed> readXmlFeed(const xml_input::XmlDocument& document)
{
    xmlDoc* doc = document.doc.get();
    const xmlNode* root = xmlDocGetRootElement(doc);
    Feed feed;
    const QString where =
        document.errorLine > 0 ? QStringLiteral(" (line %1)").arg(document.errorLine) : QString();
    const Name rootName = nameOf(root);
    const xmlNode* channel = nullptr;
    bool atom = false;
    if (rootName.local == "rss" || rootName.local == "channel") {
        const QString version = attribute(root, "version").trimmed();
        if (rootName.local == "channel") {
            channel = root;
            feed.version = QStringLiteral("rss");
        } else if (version.startsWith(u'2')) { // 2.0, 2.01, 2.0.1, 2.1
            feed.version = QStringLiteral("rss20");
        } else if (version == u"0.91") {
            const bool netscape =
                doc->intSubset && doc->intSubset->ExternalID &&
                xmlStrstr(doc->intSubset->ExternalID, reinterpret_cast<const xmlChar*>("Netscape"));
            feed.version = netscape ? QStringLiteral("rss091n") : QStringLiteral("rss091u");
        } else if (version == u"0.92" || version == u"0.93" || version == u"0.94") {
            feed.version = QStringLiteral("rss0%1").arg(version.mid(2));
        } else {
            feed.version = QStringLiteral("rss");
        }
        for (const xmlNode* child = root->children; child && !channel; child = child->next) {
            if (child->type == XML_ELEMENT_NODE && nameOf(child).local == "channel")
                channel = child;
        }
    } else if (rootName.local == "rdf") {
        feed.version = xmlSearchNsByHref(doc, const_cast<xmlNode*>(root),
                                         reinterpret_cast<const xmlChar*>(
                                             "http://my.netscape.com/rdf/simple/0.9/"))
                           ? QStringLiteral("rss090")
                           : QStringLiteral("rss10");
        for (const xmlNode* child = root->children; child; child = child->next) {
            if (child->type != XML_ELEMENT_NODE)
                continue;
            const Name name = nameOf(child);
            if (name.local == "channel") {
                channel = child;
                if (name.ns == Ns::Rss090)
                    feed.version = QStringLiteral("rss090");
            }
        }
    } else if (rootName.local == "feed") {
        atom = true;
        channel = root;
        feed.version = rootName.ns == Ns::Atom10   ? QStringLiteral("atom10")
                       : rootName.ns == Ns::Atom03 ? QStringLiteral("atom03")
                                                   : QStringLiteral("atom");
    } else {
        return Error{ErrorCode::Invalid,
                     QStringLiteral("not a feed: the document is <%1>, not RSS, RDF or Atom")
                         .arg(QString::fromUtf8(rootName.local))};
    }
    if (channel) {
        readChannel(channel, atom, feed);
        if (feed.language.isEmpty()) { // the language the document is written in
            xmlChar* lang = xmlNodeGetLang(channel);
            feed.language = fromXml(lang).trimmed().replace(u'_', u'-');
            xmlFree(lang);
        }
    }
    // Items: inside the channel (RSS 2.0, Atom) or beside it (RSS 0.90 and 1.0).
    for (const xmlNode* parent : {channel, channel == root ? nullptr : root}) {
        if (!parent)
            continue;
        for (const xmlNode* child = parent->children; child; child = child->next) {
            if (child->type != XML_ELEMENT_NODE)
                continue;
            const QByteArray& local = nameOf(child).local;
            if ((atom && local == "entry") || (!atom && local == "item"))
                feed.items.append(readItem(child, atom));
        }
    }
    // A well-formed feed with nothing in it yet is a feed (a new podcast); a broken one
    // that kept nothing is not.
    if (!channel && feed.items.isEmpty() && document.malformed)
        return Error{ErrorCode::Invalid, QStringLiteral("not a feed: no channel and no item%1: %2")
                                             .arg(where, document.firstError)};
    return feed;
}

} // namespace broadsheet::core::feed_detail
