// SPDX-License-Identifier: GPL-3.0-or-later
#include "opml.h"

#include "xml_document.h"

#include <QHash>
#include <QXmlStreamWriter>

#include <libxml/tree.h>

namespace broadsheet::core {

namespace {

/// An attribute by its name in any case ("xmlUrl", "xmlurl", "XMLURL"): lists in the wild
/// spell them every way.
QString attributeOf(const xmlNode* node, const char* name)
{
    for (const xmlAttr* attribute = node->properties; attribute; attribute = attribute->next) {
        if (xmlStrcasecmp(attribute->name, reinterpret_cast<const xmlChar*>(name)) != 0)
            continue;
        xmlChar* value = xmlNodeListGetString(node->doc, attribute->children, 1);
        QString out = QString::fromUtf8(reinterpret_cast<const char*>(value)).trimmed();
        xmlFree(value);
        return out;
    }
    return {};
}

bool isElement(const xmlNode* node, const char* name)
{
    return node->type == XML_ELEMENT_NODE &&
           xmlStrcasecmp(node->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

/// An outline's name: its text, else its title.
QString nameOf(const xmlNode* outline)
{
    const QString text = attributeOf(outline, "text");
    return text.isEmpty() ? attributeOf(outline, "title") : text;
}

/// OPML 2.0's category attribute: comma-separated paths ("/Tourism/New York,tech"), each
/// once, none the same as the folder the outline sits in.
QList<QStringList> categoriesOf(const xmlNode* outline, const QStringList& folders)
{
    QList<QStringList> out;
    for (const QString& entry : attributeOf(outline, "category").split(u',')) {
        QStringList path;
        for (const QString& part : entry.split(u'/')) {
            if (!part.trimmed().isEmpty())
                path.append(part.trimmed());
        }
        if (!path.isEmpty() && path != folders && !out.contains(path))
            out.append(path);
    }
    return out;
}

void readOutlines(const xmlNode* parent, QStringList& folders, SubscriptionList& list,
                  QHash<QString, qsizetype>& seen, int depth)
{
    if (depth > 64)
        return; // deeper than any list a person made: a hostile one
    for (const xmlNode* node = parent->children; node; node = node->next) {
        if (!isElement(node, "outline"))
            continue;
        const QString url = attributeOf(node, "xmlUrl");
        const QString type = attributeOf(node, "type").toLower();
        if (!url.isEmpty() && (type == u"source" || type == u"include"))
            continue; // another subscription list, not a feed
        if (!url.isEmpty()) {
            if (const auto again = seen.constFind(url); again != seen.cend()) {
                // Filed twice: one subscription, in every folder it was filed under.
                Subscription& first = list.subscriptions[*again];
                for (const QStringList& path :
                     QList<QStringList>{folders} + categoriesOf(node, folders)) {
                    if (!path.isEmpty() && path != first.folders &&
                        !first.categories.contains(path))
                        first.categories.append(path);
                }
                continue;
            }
            seen.insert(url, list.subscriptions.size());
            const QString text = attributeOf(node, "text"); // what the list shows
            list.subscriptions.append(
                Subscription{url, text.isEmpty() ? attributeOf(node, "title") : text,
                             attributeOf(node, "htmlUrl"), folders, categoriesOf(node, folders)});
            continue; // a feed's own children are not more subscriptions
        }
        folders.append(nameOf(node));
        readOutlines(node, folders, list, seen, depth + 1);
        folders.removeLast();
    }
}

} // namespace

bool looksLikeOpml(const QByteArray& bytes)
{
    return xml_input::rootElementName(bytes.left(4096)).compare(u"opml", Qt::CaseInsensitive) == 0;
}

Result<SubscriptionList> parseOpml(const QByteArray& bytes)
{
    auto document = xml_input::readXmlDocument(bytes, {}, {}, QStringLiteral("subscription list"));
    if (!document)
        return document.error();
    const xmlNode* root = xmlDocGetRootElement(document->doc.get());
    if (!isElement(root, "opml"))
        return Error{ErrorCode::Invalid,
                     QStringLiteral("not a subscription list: the document is <%1>, not <opml>")
                         .arg(QString::fromUtf8(reinterpret_cast<const char*>(root->name)))};
    SubscriptionList list;
    list.malformed = document->malformed;
    list.firstError = document->firstError;
    list.errorLine = document->errorLine;
    QHash<QString, qsizetype> seen; // URL → its subscription
    QStringList folders;
    bool body = false;
    for (const xmlNode* node = root->children; node; node = node->next) {
        if (isElement(node, "head")) {
            for (const xmlNode* field = node->children; field; field = field->next) {
                if (isElement(field, "title")) {
                    xmlChar* text = xmlNodeGetContent(field);
                    list.title =
                        QString::fromUtf8(reinterpret_cast<const char*>(text)).simplified();
                    xmlFree(text);
                }
            }
        } else if (isElement(node, "body")) {
            body = true;
            readOutlines(node, folders, list, seen, 0);
        }
    }
    if (!body)
        return Error{ErrorCode::Invalid,
                     QStringLiteral("not a subscription list: the <opml> has no <body>")};
    return list;
}

QByteArray writeOpml(const QList<Subscription>& subscriptions, const QString& title)
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(2);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("opml"));
    xml.writeAttribute(QStringLiteral("version"), QStringLiteral("2.0"));
    xml.writeStartElement(QStringLiteral("head"));
    xml.writeTextElement(QStringLiteral("title"), title);
    xml.writeEndElement();
    xml.writeStartElement(QStringLiteral("body"));
    // Folders open and close as the path changes from one subscription to the next, so the
    // list reads back in the same order (the library lists them folder by folder).
    QStringList open;
    for (const Subscription& s : subscriptions) {
        qsizetype common = 0;
        while (common < open.size() && common < s.folders.size() &&
               open[common] == s.folders[common])
            ++common;
        while (open.size() > common) {
            xml.writeEndElement();
            open.removeLast();
        }
        while (open.size() < s.folders.size()) {
            xml.writeStartElement(QStringLiteral("outline"));
            xml.writeAttribute(QStringLiteral("text"), s.folders[open.size()]);
            xml.writeAttribute(QStringLiteral("title"), s.folders[open.size()]);
            open.append(s.folders[open.size()]);
        }
        xml.writeEmptyElement(QStringLiteral("outline"));
        xml.writeAttribute(QStringLiteral("type"), QStringLiteral("rss"));
        xml.writeAttribute(QStringLiteral("text"), s.title);
        xml.writeAttribute(QStringLiteral("title"), s.title);
        xml.writeAttribute(QStringLiteral("xmlUrl"), s.url);
        if (!s.siteUrl.isEmpty())
            xml.writeAttribute(QStringLiteral("htmlUrl"), s.siteUrl);
        if (!s.categories.isEmpty()) {
            QStringList entries;
            for (const QStringList& path : s.categories)
                entries.append(path.size() == 1 ? path.front() : u'/' + path.join(u'/'));
            xml.writeAttribute(QStringLiteral("category"), entries.join(u','));
        }
    }
    while (!open.isEmpty()) {
        xml.writeEndElement();
        open.removeLast();
    }
    xml.writeEndElement(); // body
    xml.writeEndElement(); // opml
    xml.writeEndDocument();
    return out;
}

} // namespace broadsheet::core
