// SPDX-License-Identifier: GPL-3.0-or-later
#include "xml_document.h"

#include <QRegularExpression>
#include <QSet>

#include <iconv.h>
#include <libxml/HTMLparser.h>
#include <libxml/dict.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <memory>

namespace broadsheet::core::xml_input {

namespace {

/// Whether `bytes` are well-formed UTF-8 (no overlong forms, no surrogates, nothing past
/// U+10FFFF), checked without decoding them.
bool isValidUtf8(QByteArrayView bytes)
{
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const auto* end = p + bytes.size();
    while (p < end) {
        const unsigned char c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int length = 0;
        unsigned min = 0;
        if ((c & 0xE0) == 0xC0) {
            length = 2;
            min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3;
            min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            length = 4;
            min = 0x10000;
        } else {
            return false;
        }
        if (end - p < length)
            return false;
        unsigned code = c & (0xFF >> (length + 1));
        for (int k = 1; k < length; ++k) {
            if ((p[k] & 0xC0) != 0x80)
                return false;
            code = (code << 6) | (p[k] & 0x3F);
        }
        if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return false;
        p += length;
    }
    return true;
}

bool isUtf8Name(const QString& encoding)
{
    return encoding == u"utf-8" || encoding == u"utf8";
}

/// `bytes` from `encoding` to UTF-8 with iconv (which knows big5, koi8-r, euc-kr and the
/// rest); nothing when the encoding is unknown or a byte is not in it.
std::optional<QByteArray> toUtf8(const QByteArray& bytes, const QString& encoding)
{
    iconv_t cd = iconv_open("UTF-8", encoding.toLatin1().constData());
    if (cd == reinterpret_cast<iconv_t>(-1)) // NOLINT(performance-no-int-to-ptr): iconv's own
                                             // failure value
        return std::nullopt;
    QByteArray out;
    out.resize(bytes.size() * 2 + 16);
    char* in = const_cast<char*>(bytes.constData());
    size_t inLeft = static_cast<size_t>(bytes.size());
    size_t done = 0;
    bool ok = true;
    while (inLeft > 0) {
        char* outPtr = out.data() + done;
        size_t outLeft = static_cast<size_t>(out.size()) - done;
        const size_t rc = iconv(cd, &in, &inLeft, &outPtr, &outLeft);
        done = static_cast<size_t>(out.size()) - outLeft;
        if (rc != static_cast<size_t>(-1))
            continue;
        if (errno == E2BIG) {
            out.resize(out.size() * 2);
            continue;
        }
        ok = false; // EILSEQ or EINVAL: a byte that is not in this encoding
        break;
    }
    iconv_close(cd);
    if (!ok)
        return std::nullopt;
    out.resize(static_cast<qsizetype>(done));
    return out;
}

/// The encoding an XML declaration names, read from an ASCII-compatible start.
QString declaredInXml(const QByteArray& head)
{
    qsizetype i = 0;
    while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i])))
        ++i;
    if (!head.sliced(i).startsWith("<?xml"))
        return {};
    const qsizetype close = head.indexOf("?>", i);
    const QByteArrayView declaration = QByteArrayView(head).sliced(
        i, (close < 0 ? std::min<qsizetype>(head.size(), 512) : close) - i);
    const qsizetype key = declaration.indexOf("encoding");
    if (key < 0)
        return {};
    qsizetype at = key + 8;
    while (at < declaration.size() &&
           (std::isspace(static_cast<unsigned char>(declaration[at])) || declaration[at] == '='))
        ++at;
    if (at >= declaration.size() || (declaration[at] != '"' && declaration[at] != '\''))
        return {};
    const char quote = declaration[at];
    const qsizetype end = declaration.indexOf(quote, at + 1);
    if (end < 0)
        return {};
    return QString::fromLatin1(declaration.sliced(at + 1, end - at - 1)).trimmed().toLower();
}

/// Whether text in `encoding` reads the same as ASCII for ASCII bytes (the ISO-8859 and
/// Windows code pages): pure-ASCII bytes then need no conversion.
bool isAsciiCompatible(const QString& encoding)
{
    return encoding == u"us-ascii" || encoding == u"ascii" || encoding.startsWith(u"iso-8859-") ||
           encoding.startsWith(u"windows-125") || encoding.startsWith(u"cp125") ||
           encoding == u"latin1" || encoding == u"latin-1";
}

bool isAscii(QByteArrayView bytes)
{
    return std::all_of(bytes.begin(), bytes.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

/// The first error libxml2 reports while parsing, with its line.
struct FirstError {
    QString message;
    int line = 0;
    static void record(void* context, xmlError* error)
    {
        auto* self = static_cast<FirstError*>(context);
        if (!self->message.isEmpty() || !error || error->level < XML_ERR_ERROR)
            return;
        self->message = QString::fromUtf8(error->message).trimmed();
        self->line = error->line;
    }
};

/// Nothing outside the document is ever read: no DTD, no external entity, no network.
xmlParserInputPtr refuseExternal(const char*, const char*, xmlParserCtxtPtr)
{
    return nullptr;
}

using Document = std::unique_ptr<xmlDoc, void (*)(xmlDoc*)>;

Document parseXml(const QByteArray& utf8, const QString& url, bool recover, FirstError& error)
{
    static const bool once = [] {
        xmlSetExternalEntityLoader(refuseExternal);
        return true;
    }();
    (void)once;
    xmlSetStructuredErrorFunc(&error, FirstError::record);
    // No NOENT (entities stay references), no DTDLOAD, NONET; libxml2 keeps its own limits
    // on entity amplification (no HUGE).
    // The bytes are UTF-8 already (decodeXml): IGNORE_ENC reads them so, whatever the
    // declaration says, without a pass through a converter.
    int options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOWARNING | XML_PARSE_NOERROR |
                  XML_PARSE_IGNORE_ENC;
    if (recover)
        options |= XML_PARSE_RECOVER;
    const QByteArray urlBytes = url.toUtf8();
    // One parser context a thread, reset between documents: for the small documents feeds
    // mostly are, making a context (its buffers, its dictionary of names) cost more than
    // the parse. A dictionary grown past reason (a hostile document's million names) is
    // let go with its context.
    struct Context {
        xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
        ~Context() { xmlFreeParserCtxt(ctxt); }
    };
    thread_local std::unique_ptr<Context> context;
    if (context && context->ctxt && context->ctxt->dict && xmlDictSize(context->ctxt->dict) > 20000)
        context.reset();
    if (!context)
        context = std::make_unique<Context>();
    xmlDoc* doc = nullptr;
    if (context->ctxt) {
        xmlCtxtReset(context->ctxt);
        doc = xmlCtxtReadMemory(context->ctxt, utf8.constData(), static_cast<int>(utf8.size()),
                                urlBytes.isEmpty() ? nullptr : urlBytes.constData(), nullptr,
                                options);
    }
    xmlSetStructuredErrorFunc(nullptr, nullptr);
    return Document(doc, xmlFreeDoc);
}

} // namespace

Decoded decodeXml(const QByteArray& bytes, const QString& declaredCharset)
{
    Decoded out;
    // 1. A byte-order mark, or the UTF-16/32 shape of "<?" without one.
    struct Mark {
        QByteArray bytes;
        const char* encoding;
        int skip;
    };
    static const QList<Mark> marks = {
        {QByteArray("\x00\x00\xFE\xFF", 4), "utf-32be", 4},
        {QByteArray("\xFF\xFE\x00\x00", 4), "utf-32le", 4},
        {QByteArray("\xEF\xBB\xBF", 3), "utf-8", 3},
        {QByteArray("\xFE\xFF", 2), "utf-16be", 2},
        {QByteArray("\xFF\xFE", 2), "utf-16le", 2},
        {QByteArray("\x00\x00\x00\x3C", 4), "utf-32be", 0},
        {QByteArray("\x3C\x00\x00\x00", 4), "utf-32le", 0},
        {QByteArray("\x00\x3C\x00\x3F", 4), "utf-16be", 0},
        {QByteArray("\x3C\x00\x3F\x00", 4), "utf-16le", 0},
    };
    for (const Mark& mark : marks) {
        if (!bytes.startsWith(mark.bytes))
            continue;
        const QByteArray rest = bytes.mid(mark.skip);
        if (auto utf8 = toUtf8(rest, QString::fromLatin1(mark.encoding))) {
            out.utf8 = std::move(*utf8);
            out.encoding = QString::fromLatin1(mark.encoding);
            return out;
        }
        out.problem = QStringLiteral("the bytes are not %1 as the byte-order mark says")
                          .arg(QString::fromLatin1(mark.encoding));
        break;
    }
    // 2. What the server said, then 3. what the XML declaration says.
    for (QString claimed : {declaredCharset.trimmed().toLower(), declaredInXml(bytes)}) {
        if (claimed.isEmpty() || !out.problem.isEmpty())
            continue;
        if (claimed == u"gb2312")
            claimed = QStringLiteral("gb18030"); // its superset, as browsers read it
        if ((isUtf8Name(claimed) && isValidUtf8(bytes)) ||
            (isAsciiCompatible(claimed) && isAscii(bytes))) { // the common cases: no conversion
            out.utf8 = bytes;
            out.encoding = claimed;
            return out;
        }
        // Latin-1 is read as browsers read it, as Windows-1252: its 0x80-0x9F are curly
        // quotes and dashes far more often than control characters.
        const bool latin1 = claimed == u"iso-8859-1" || claimed == u"latin-1" ||
                            claimed == u"latin1" || claimed == u"iso_8859-1";
        auto utf8 = latin1 ? toUtf8(bytes, QStringLiteral("windows-1252")) : std::nullopt;
        if (!utf8)
            utf8 = toUtf8(bytes, claimed);
        if (utf8) {
            out.utf8 = std::move(*utf8);
            out.encoding = claimed;
            return out;
        }
        out.problem =
            QStringLiteral("the bytes are not in %1, the encoding it declares").arg(claimed);
    }
    // 4. UTF-8, else 5. Windows-1252 (what "Latin-1" text mostly is).
    if (isValidUtf8(bytes)) {
        out.utf8 = bytes.startsWith("\xEF\xBB\xBF") ? bytes.mid(3) : bytes;
        out.encoding = QStringLiteral("utf-8");
        return out;
    }
    if (out.problem.isEmpty())
        out.problem = QStringLiteral("the bytes are not UTF-8; read as Windows-1252");
    out.utf8 = toUtf8(bytes, QStringLiteral("windows-1252")).value_or(bytes);
    out.encoding = QStringLiteral("windows-1252");
    return out;
}

QByteArray xmlEntities(const QByteArray& utf8, QString* firstFix, int* line)
{
    if (!utf8.contains('&'))
        return utf8;
    // Entities the document declares itself are its own.
    QSet<QByteArray> declared;
    if (utf8.contains("<!ENTITY")) {
        static const QRegularExpression entity(QStringLiteral("<!ENTITY\\s+([A-Za-z][\\w.-]*)"));
        auto it = entity.globalMatch(QString::fromUtf8(utf8));
        while (it.hasNext())
            declared.insert(it.next().captured(1).toUtf8());
    }
    // Unchanged stretches are copied whole: only '&' (and the line count) need a look.
    QByteArray out;
    out.reserve(utf8.size() + 64);
    int lineNumber = 1;
    qsizetype copied = 0; // utf8[copied, i) is still to be copied
    const qsizetype n = utf8.size();
    auto note = [&](const QString& what) {
        if (firstFix && firstFix->isEmpty()) {
            *firstFix = what;
            if (line)
                *line = lineNumber;
        }
    };
    auto replace = [&](qsizetype from, qsizetype to, QByteArrayView with) {
        out.append(QByteArrayView(utf8).sliced(copied, from - copied));
        out.append(with);
        copied = to;
    };
    for (qsizetype i = 0; i < n; ++i) {
        const char c = utf8[i];
        if (c == '\n') {
            ++lineNumber;
            continue;
        }
        if (c == '<') {
            // CDATA sections and comments are text as written.
            for (const auto& [open, close] :
                 {std::pair{"<![CDATA[", "]]>"}, std::pair{"<!--", "-->"}}) {
                if (QByteArrayView(utf8).sliced(i).startsWith(open)) {
                    qsizetype end = utf8.indexOf(close, i);
                    end = end < 0 ? n : end + static_cast<qsizetype>(qstrlen(close));
                    lineNumber +=
                        static_cast<int>(QByteArrayView(utf8).sliced(i, end - i).count('\n'));
                    i = end - 1;
                    break;
                }
            }
            continue;
        }
        if (c != '&')
            continue;
        qsizetype end = i + 1;
        const bool numeric = end < n && utf8[end] == '#';
        end += numeric;
        while (end < n && end - i <= 32 && std::isalnum(static_cast<unsigned char>(utf8[end])))
            ++end;
        const bool reference = end < n && utf8[end] == ';' && end > i + 1 + numeric &&
                               (numeric || std::isalpha(static_cast<unsigned char>(utf8[i + 1])));
        if (!reference) { // a bare "&" ("?a=1&b=2"): what it means, escaped
            note(QStringLiteral("an unescaped & is not XML"));
            replace(i, i + 1, "&amp;");
            continue;
        }
        if (numeric) {
            if (utf8[i + 2] == 'X') { // "&#X41;": HTML reads it, XML wants a small x
                note(QStringLiteral("&#X is not XML"));
                replace(i, i + 3, "&#x");
            }
            i = end;
            continue;
        }
        const QByteArray name = utf8.mid(i + 1, end - i - 1);
        const bool xml =
            name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos";
        if (!xml && !declared.contains(name)) {
            if (const htmlEntityDesc* known =
                    htmlEntityLookup(reinterpret_cast<const xmlChar*>(name.constData()))) {
                note(QStringLiteral("the entity &%1; is not defined in XML")
                         .arg(QString::fromLatin1(name)));
                replace(i, end + 1, "&#" + QByteArray::number(known->value) + ';');
            } else { // no entity of that name anywhere: the text as written
                note(QStringLiteral("the entity &%1; is not defined")
                         .arg(QString::fromLatin1(name)));
                replace(i, i + 1, "&amp;");
            }
        }
        i = end;
    }
    if (copied == 0)
        return utf8; // nothing changed: no copy
    out.append(QByteArrayView(utf8).sliced(copied));
    return out;
}

QString rootElementName(const QByteArray& bytes)
{
    // Most files an import asks about are text articles: one whose first byte past white
    // space (and a UTF-8 mark) is a letter is no XML, with nothing decoded.
    qsizetype first = bytes.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    while (first < bytes.size() && first < 4096 &&
           std::isspace(static_cast<unsigned char>(bytes[first])))
        ++first;
    if (first < bytes.size() && bytes[first] != '<' && bytes[first] != '\0' &&
        static_cast<unsigned char>(bytes[first]) < 0x80 && !bytes.left(4).contains('\0'))
        return {};
    // The first element, past the declaration, comments and a DOCTYPE: in the first bytes.
    const QByteArray head = decodeXml(bytes.left(4096), {}).utf8.left(4096);
    qsizetype i = 0;
    while ((i = head.indexOf('<', i)) >= 0) {
        // Past what comes before the root: a comment (which may hold any markup), a
        // processing instruction, a DOCTYPE with its internal subset.
        if (head.sliced(i).startsWith("<!--")) {
            const qsizetype end = head.indexOf("-->", i + 4);
            if (end < 0)
                return {};
            i = end + 3;
            continue;
        }
        if (head.sliced(i).startsWith("<?")) {
            const qsizetype end = head.indexOf("?>", i + 2);
            if (end < 0)
                return {};
            i = end + 2;
            continue;
        }
        if (head.sliced(i).startsWith("<!")) {
            const qsizetype subset = head.indexOf('[', i);
            const qsizetype close = head.indexOf('>', i);
            qsizetype end = close;
            if (subset >= 0 && subset < close)
                end = head.indexOf("]>", subset) < 0 ? -1 : head.indexOf("]>", subset) + 1;
            if (end < 0)
                return {};
            i = end + 1;
            continue;
        }
        qsizetype end = i + 1;
        while (end < head.size() && !std::isspace(static_cast<unsigned char>(head[end])) &&
               head[end] != '>' && head[end] != '/')
            ++end;
        QByteArray name = head.mid(i + 1, end - i - 1);
        if (const qsizetype colon = name.indexOf(':'); colon >= 0)
            name = name.mid(colon + 1);
        return QString::fromUtf8(name);
    }
    return {};
}

Result<XmlDocument> readXmlDocument(const QByteArray& bytes, const QString& url,
                                    const QString& declaredCharset, const QString& what)
{
    const Decoded decoded = decodeXml(bytes, declaredCharset);
    QString fixed;
    int fixedLine = 0;
    const QByteArray utf8 = xmlEntities(decoded.utf8, &fixed, &fixedLine);
    FirstError strictError;
    Document doc = parseXml(utf8, url, false, strictError);
    if (!doc || !strictError.message.isEmpty()) {
        FirstError recoverError;
        doc = parseXml(utf8, url, true, recoverError);
    }
    if (!doc || !xmlDocGetRootElement(doc.get())) {
        const QString where =
            strictError.line > 0 ? QStringLiteral(" (line %1)").arg(strictError.line) : QString();
        return Error{ErrorCode::Invalid,
                     QStringLiteral("not a %1: the XML cannot be read%2: %3")
                         .arg(what, where,
                              strictError.message.isEmpty() ? QStringLiteral("no element")
                                                            : strictError.message)};
    }
    XmlDocument out;
    out.doc = std::move(doc);
    out.encoding = decoded.encoding;
    // The first problem: libxml2's own, else a wrong encoding, else what was fixed up.
    if (!strictError.message.isEmpty()) {
        out.malformed = true;
        out.firstError = strictError.message;
        out.errorLine = strictError.line;
    } else if (!decoded.problem.isEmpty()) {
        out.malformed = true;
        out.firstError = decoded.problem;
        out.errorLine = 1;
    } else if (!fixed.isEmpty()) {
        out.malformed = true;
        out.firstError = fixed;
        out.errorLine = fixedLine;
    }
    return out;
}

} // namespace broadsheet::core::xml_input
