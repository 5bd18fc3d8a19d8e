// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QByteArray>
#include <QString>

#include <libxml/tree.h>

#include <memory>

// Reading XML from the wild, for feeds and subscription lists alike: the encoding found
// (byte-order mark, declared charset, XML declaration, valid UTF-8, then Windows-1252), HTML's
// entities and bare ampersands made XML, then libxml2 strict, and leniently (its recover mode)
// when strict XML refuses. No DTD is loaded, no external entity read, nothing fetched.
namespace broadsheet::core::xml_input {

struct XmlDocument {
    std::unique_ptr<xmlDoc, void (*)(xmlDoc*)> doc{nullptr, nullptr};
    QString encoding; ///< of the bytes, as found
    /// The document was not well-formed XML (or not in the encoding it claimed) and was
    /// read leniently: the first problem and its line, as feedparser's "bozo".
    bool malformed = false;
    QString firstError;
    int errorLine = 0;
};

/// The document in `bytes`; `url` is where it came from (the base of relative links). An
/// error when not even a root element can be recovered; `what` names the document in it
/// ("feed", "subscription list").
Result<XmlDocument> readXmlDocument(const QByteArray& bytes, const QString& url,
                                    const QString& declaredCharset, const QString& what);

/// The document in UTF-8. `problem` is set when the bytes were not in the encoding they
/// claimed.
struct Decoded {
    QByteArray utf8;
    QString encoding;
    QString problem;
};
Decoded decodeXml(const QByteArray& bytes, const QString& declaredCharset);

/// HTML's named entities that XML does not define (`&nbsp;`) as numeric references, and a
/// bare `&` (an unescaped one in a URL) as `&amp;`, so that strict XML reads them. The first
/// such fix is described in `firstFix` with its line. CDATA and comments are left alone.
QByteArray xmlEntities(const QByteArray& utf8, QString* firstFix, int* line);

/// The local name of the document's root element, read from its first bytes ("rss",
/// "feed", "opml"), or empty.
QString rootElementName(const QByteArray& bytes);

} // namespace broadsheet::core::xml_input
