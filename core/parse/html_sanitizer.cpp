// SPDX-License-Identifier: GPL-3.0-or-later
#include "html_sanitizer.h"

#include "html_document.h"

#include <QRegularExpression>
#include <QSet>
#include <QStringList>
#include <QUrl>

#include <algorithm>
#include <memory>

namespace broadsheet::core {

namespace {

/// Elements dropped with everything inside them: code, styling, frames, plug-ins, forms and
/// their controls, media that would load on its own, and the document's head matter.
const QSet<QByteArray>& droppedElements()
{
    static const QSet<QByteArray> names = {
        "script",   "style",    "iframe", "frame",  "frameset", "object",   "embed",
        "applet",   "param",    "form",   "input",  "button",   "select",   "option",
        "optgroup", "datalist", "keygen", "output", "textarea", "template", "title",
        "base",     "link",     "meta",   "svg",    "math",     "canvas",   "video",
        "audio",    "source",   "track",  "map",    "area",     "portal",   "bgsound",
    };
    return names;
}

/// Elements kept (with their allowed attributes); any other is unwrapped: its children stay.
/// Much the Universal Feed Parser's list: structure, text-level markup and tables, and the
/// old presentational elements (center, font, tt) that feeds still carry.
const QSet<QByteArray>& keptElements()
{
    static const QSet<QByteArray> names = {
        "a",
        "abbr",
        "acronym",
        "address",
        "article",
        "aside",
        "b",
        "bdi",
        "bdo",
        "big",
        "blockquote",
        "br",
        "caption",
        "center",
        "cite",
        "code",
        "col",
        "colgroup",
        "command",
        "datagrid",
        "dd",
        "del",
        "details",
        "dfn",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "em",
        "event-source",
        "fieldset",
        "figcaption",
        "figure",
        "font",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "i",
        "img",
        "ins",
        "kbd",
        "label",
        "legend",
        "li",
        "m",
        "main",
        "mark",
        "menu",
        "meter",
        "multicol",
        "nav",
        "nextid",
        "noscript",
        "ol",
        "p",
        "pre",
        "progress",
        "q",
        "rp",
        "rt",
        "ruby",
        "s",
        "samp",
        "section",
        "small",
        "sound",
        "spacer",
        "span",
        "strike",
        "strong",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "time",
        "tr",
        "tt",
        "u",
        "ul",
        "var",
        "wbr",
    };
    return names;
}

/// Elements that end a paragraph of the plain text.
const QSet<QByteArray>& blockElements()
{
    static const QSet<QByteArray> names = {
        "address",    "article", "aside",  "blockquote", "caption", "center", "dd",
        "details",    "dialog",  "dir",    "div",        "dl",      "dt",     "fieldset",
        "figcaption", "figure",  "footer", "h1",         "h2",      "h3",     "h4",
        "h5",         "h6",      "header", "hgroup",     "hr",      "legend", "li",
        "main",       "menu",    "nav",    "noscript",   "ol",      "p",      "pre",
        "section",    "summary", "table",  "tr",         "ul",      "body",   "html",
    };
    return names;
}

bool isVoid(const QByteArray& name)
{
    return name == "br" || name == "hr" || name == "img" || name == "wbr" || name == "col" ||
           name == "command" || name == "spacer";
}

/// Attributes any kept element may carry: the Universal Feed Parser's list without those
/// that name something to load (background, dynsrc, lowsrc, longdesc, poster, ping, usemap,
/// action, data…) and without style. Never an event handler: none is on the list.
const QSet<QByteArray>& keptAttributes()
{
    static const QSet<QByteArray> names = {
        "abbr",
        "accept",
        "accept-charset",
        "accesskey",
        "align",
        "alt",
        "autocomplete",
        "autofocus",
        "axis",
        "balance",
        "bgcolor",
        "bgproperties",
        "border",
        "bordercolor",
        "bordercolordark",
        "bordercolorlight",
        "bottompadding",
        "cellpadding",
        "cellspacing",
        "ch",
        "challenge",
        "char",
        "charoff",
        "choff",
        "charset",
        "checked",
        "class",
        "clear",
        "color",
        "cols",
        "colspan",
        "compact",
        "contenteditable",
        "controls",
        "coords",
        "datafld",
        "datapagesize",
        "datetime",
        "default",
        "delay",
        "dir",
        "disabled",
        "draggable",
        "end",
        "enctype",
        "face",
        "for",
        "form",
        "frame",
        "galleryimg",
        "gutter",
        "headers",
        "height",
        "hidefocus",
        "hidden",
        "high",
        "hreflang",
        "hspace",
        "id",
        "inputmode",
        "ismap",
        "keytype",
        "label",
        "leftspacing",
        "lang",
        "list",
        "loop",
        "loopcount",
        "loopend",
        "loopstart",
        "low",
        "max",
        "maxlength",
        "media",
        "method",
        "min",
        "multiple",
        "name",
        "nohref",
        "noshade",
        "nowrap",
        "open",
        "optimum",
        "pattern",
        "point-size",
        "pqg",
        "preload",
        "prompt",
        "radiogroup",
        "readonly",
        "rel",
        "repeat-max",
        "repeat-min",
        "replace",
        "required",
        "rev",
        "reversed",
        "rightspacing",
        "rows",
        "rowspan",
        "rules",
        "scope",
        "selected",
        "shape",
        "size",
        "span",
        "start",
        "step",
        "summary",
        "suppress",
        "tabindex",
        "target",
        "template",
        "title",
        "toppadding",
        "type",
        "unselectable",
        "valign",
        "value",
        "variable",
        "volume",
        "vspace",
        "vrml",
        "width",
        "wrap",
        "xml:lang",
    };
    return names;
}

/// A style attribute cut down to declarations that only shape text and boxes: colours,
/// fonts, alignment, spacing, borders. Nothing that loads (no url(), so no background image),
/// nothing that runs (no expression(), behavior or binding), nothing that places a box over
/// the page (no position). The rules are the Universal Feed Parser's, so that a story reads
/// the same in Broadsheet as in the readers built on it. Empty when nothing is left.
QString sanitizeStyle(const QString& style)
{
    static const QSet<QString> properties = {
        QStringLiteral("azimuth"),
        QStringLiteral("background-color"),
        QStringLiteral("border-bottom-color"),
        QStringLiteral("border-collapse"),
        QStringLiteral("border-color"),
        QStringLiteral("border-left-color"),
        QStringLiteral("border-right-color"),
        QStringLiteral("border-top-color"),
        QStringLiteral("clear"),
        QStringLiteral("color"),
        QStringLiteral("cursor"),
        QStringLiteral("direction"),
        QStringLiteral("display"),
        QStringLiteral("elevation"),
        QStringLiteral("float"),
        QStringLiteral("font"),
        QStringLiteral("font-family"),
        QStringLiteral("font-size"),
        QStringLiteral("font-style"),
        QStringLiteral("font-variant"),
        QStringLiteral("font-weight"),
        QStringLiteral("height"),
        QStringLiteral("letter-spacing"),
        QStringLiteral("line-height"),
        QStringLiteral("overflow"),
        QStringLiteral("pause"),
        QStringLiteral("pause-after"),
        QStringLiteral("pause-before"),
        QStringLiteral("pitch"),
        QStringLiteral("pitch-range"),
        QStringLiteral("richness"),
        QStringLiteral("speak"),
        QStringLiteral("speak-header"),
        QStringLiteral("speak-numeral"),
        QStringLiteral("speak-punctuation"),
        QStringLiteral("speech-rate"),
        QStringLiteral("stress"),
        QStringLiteral("text-align"),
        QStringLiteral("text-decoration"),
        QStringLiteral("text-indent"),
        QStringLiteral("unicode-bidi"),
        QStringLiteral("vertical-align"),
        QStringLiteral("voice-family"),
        QStringLiteral("volume"),
        QStringLiteral("white-space"),
        QStringLiteral("width"),
    };
    // The shorthands of these families stay when every word is a plain keyword or length.
    static const QSet<QString> keywords = {
        QStringLiteral("aqua"),      QStringLiteral("auto"),       QStringLiteral("black"),
        QStringLiteral("block"),     QStringLiteral("blue"),       QStringLiteral("bold"),
        QStringLiteral("both"),      QStringLiteral("bottom"),     QStringLiteral("brown"),
        QStringLiteral("center"),    QStringLiteral("collapse"),   QStringLiteral("dashed"),
        QStringLiteral("dotted"),    QStringLiteral("fuchsia"),    QStringLiteral("gray"),
        QStringLiteral("green"),     QStringLiteral("!important"), QStringLiteral("italic"),
        QStringLiteral("left"),      QStringLiteral("lime"),       QStringLiteral("maroon"),
        QStringLiteral("medium"),    QStringLiteral("none"),       QStringLiteral("navy"),
        QStringLiteral("normal"),    QStringLiteral("nowrap"),     QStringLiteral("olive"),
        QStringLiteral("pointer"),   QStringLiteral("purple"),     QStringLiteral("red"),
        QStringLiteral("right"),     QStringLiteral("solid"),      QStringLiteral("silver"),
        QStringLiteral("teal"),      QStringLiteral("top"),        QStringLiteral("transparent"),
        QStringLiteral("underline"), QStringLiteral("white"),      QStringLiteral("yellow"),
    };
    static const QStringList families = {QStringLiteral("background"), QStringLiteral("border"),
                                         QStringLiteral("margin"), QStringLiteral("padding")};
    static const QRegularExpression url(QStringLiteral(R"(url\s*\(\s*[^\s)]+?\s*\)\s*)"));
    // Only these shapes may appear at all: words, numbers, colours, quoted font names.
    static const QRegularExpression gauntlet(
        QStringLiteral(R"(^([:,;#%.\sa-zA-Z0-9!]|\w-\w|'[\s\w]+'|"[\s\w]+"|\([\d,\s]+\))*$)"));
    static const QRegularExpression declarations(QStringLiteral(R"(\s*[-\w]+\s*:\s*[^:;]*;?)"));
    static const QRegularExpression declaration(QStringLiteral(R"(([-\w]+)\s*:\s*([^:;]*))"));
    static const QRegularExpression length(QStringLiteral(
        R"(^(#[0-9a-fA-F]+|rgb\(\d+%?,\d*%?,?\d*%?\)?|\d{0,2}\.?\d{0,2}(cm|em|ex|in|mm|pc|pt|px|%|,|\))?)$)"));
    if (style.size() > 4096)
        return {};
    QString css = style;
    css.replace(url, QStringLiteral(" "));
    if (!gauntlet.match(css).hasMatch() || !QString(css).remove(declarations).trimmed().isEmpty())
        return {};
    QStringList clean;
    for (auto it = declaration.globalMatch(css); it.hasNext();) {
        const auto m = it.next();
        const QString property = m.captured(1).toLower();
        const QString value = m.captured(2).trimmed();
        if (value.isEmpty())
            continue;
        bool keep = properties.contains(property);
        if (!keep && families.contains(property.section(u'-', 0, 0))) {
            const QStringList words = value.split(u' ', Qt::SkipEmptyParts);
            keep = std::all_of(words.cbegin(), words.cend(), [](const QString& word) {
                return keywords.contains(word) || length.match(word).hasMatch();
            });
        }
        if (keep)
            clean.append(m.captured(1) + QLatin1String(": ") + value + u';');
    }
    return clean.join(u' ');
}

QByteArray tagName(const GumboElement& element)
{
    if (element.tag != GUMBO_TAG_UNKNOWN)
        return QByteArray(gumbo_normalized_tagname(element.tag));
    GumboStringPiece piece = element.original_tag;
    gumbo_tag_from_original_text(&piece);
    return QByteArray(piece.data, static_cast<qsizetype>(piece.length)).toLower();
}

void escapeInto(QString& out, QStringView text, bool attribute)
{
    for (QChar c : text) {
        switch (c.unicode()) {
        case u'&':
            out += QLatin1String("&amp;");
            break;
        case u'<':
            out += QLatin1String("&lt;");
            break;
        case u'>':
            out += QLatin1String("&gt;");
            break;
        case u'"':
            if (attribute) {
                out += QLatin1String("&quot;");
                break;
            }
            out += c;
            break;
        default:
            out += c;
        }
    }
}

class Sanitizer {
public:
    explicit Sanitizer(const QString& base)
        : m_base(base.trimmed())
    {
    }

    void walk(const GumboNode* node, bool inPre)
    {
        switch (node->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_CDATA:
        case GUMBO_NODE_WHITESPACE:
            text(QString::fromUtf8(node->v.text.text), inPre);
            return;
        case GUMBO_NODE_ELEMENT:
        case GUMBO_NODE_TEMPLATE:
            element(node->v.element, inPre);
            return;
        case GUMBO_NODE_DOCUMENT:
            children(node->v.document.children, inPre);
            return;
        case GUMBO_NODE_COMMENT:
            return;
        }
    }

    SanitizedHtml result()
    {
        SanitizedHtml out;
        out.html = std::move(m_html).trimmed();
        while (m_text.endsWith(u' ') || m_text.endsWith(u'\n'))
            m_text.chop(1);
        out.text = std::move(m_text);
        return out;
    }

private:
    void children(const GumboVector& nodes, bool inPre)
    {
        for (unsigned i = 0; i < nodes.length; ++i)
            walk(static_cast<const GumboNode*>(nodes.data[i]), inPre);
    }

    void text(const QString& value, bool inPre)
    {
        escapeInto(m_html, value, false);
        for (QChar c : value) {
            if (!inPre && c.isSpace()) {
                m_space = !m_text.isEmpty() && !m_breakPending;
                continue;
            }
            if (m_breakPending && !m_text.isEmpty()) {
                while (m_text.endsWith(u' '))
                    m_text.chop(1);
                m_text += m_paragraphPending ? QLatin1String("\n\n") : QLatin1String("\n");
            } else if (m_space && !m_text.endsWith(u'\n')) {
                m_text += u' ';
            }
            m_breakPending = m_paragraphPending = m_space = false;
            m_text += c;
        }
    }

    void breakText(bool paragraph)
    {
        m_breakPending = true;
        m_paragraphPending = m_paragraphPending || paragraph;
        m_space = false;
    }

    /// A URL attribute resolved, and kept only with an allowed scheme.
    QString safeUrl(const char* value, bool mailto) const
    {
        QString raw = QString::fromUtf8(value);
        raw.removeIf([](QChar c) { return c.unicode() < 0x21 || c.unicode() == 0x7F; });
        if (raw.isEmpty())
            return {};
        QUrl url(raw);
        if (!url.isValid())
            return {};
        if (url.isRelative() && !m_base.isEmpty())
            url = QUrl(m_base).resolved(url);
        const QString scheme = url.scheme().toLower();
        if (scheme.isEmpty())
            return url.isRelative() && !raw.contains(u':') ? url.toString() : QString();
        if (scheme == u"http" || scheme == u"https" || (mailto && scheme == u"mailto"))
            return url.toString(QUrl::FullyEncoded);
        return {};
    }

    /// An image's real source: lazy loaders keep it in data-src, data-original or srcset and
    /// put a placeholder (or nothing) in src.
    QString imageSource(const GumboElement& element) const
    {
        const char* src = html::attribute(element, "src");
        const bool placeholder = !src || QByteArray(src).trimmed().isEmpty() ||
                                 QByteArray(src).trimmed().startsWith("data:");
        if (!placeholder)
            return safeUrl(src, false);
        for (const char* lazy : {"data-src", "data-lazy-src", "data-original", "data-url"}) {
            if (const char* value = html::attribute(element, lazy))
                return safeUrl(value, false);
        }
        for (const char* set : {"srcset", "data-srcset"}) {
            if (const char* value = html::attribute(element, set)) {
                const QString first =
                    QString::fromUtf8(value).split(u',').value(0).trimmed().section(u' ', 0, 0);
                return safeUrl(first.toUtf8().constData(), false);
            }
        }
        return {};
    }

    void element(const GumboElement& element, bool inPre)
    {
        const QByteArray name = tagName(element);
        if (droppedElements().contains(name))
            return;
        const bool block = blockElements().contains(name);
        if (block)
            breakText(true);
        if (name == "br")
            breakText(false);
        const bool kept = keptElements().contains(name);
        if (name == "img" && kept) {
            const QString src = imageSource(element);
            if (src.isEmpty())
                return; // an image that cannot load safely shows nothing
            m_html += QLatin1String("<img src=\"");
            escapeInto(m_html, src, true);
            m_html += u'"';
            writeAttributes(element);
            m_html += u'>';
            return;
        }
        if (kept) {
            m_html += u'<';
            m_html += QLatin1String(name);
            if (name == "a") {
                if (const char* href = html::attribute(element, "href")) {
                    const QString url = safeUrl(href, true);
                    if (!url.isEmpty()) {
                        m_html += QLatin1String(" href=\"");
                        escapeInto(m_html, url, true);
                        m_html += u'"';
                    }
                }
            }
            if (const char* cite = html::attribute(element, "cite");
                cite && (name == "blockquote" || name == "q" || name == "del" || name == "ins")) {
                const QString url = safeUrl(cite, false);
                if (!url.isEmpty()) {
                    m_html += QLatin1String(" cite=\"");
                    escapeInto(m_html, url, true);
                    m_html += u'"';
                }
            }
            writeAttributes(element);
            m_html += u'>';
        }
        if (!isVoid(name))
            children(element.children, inPre || name == "pre");
        if (kept && !isVoid(name)) {
            m_html += QLatin1String("</");
            m_html += QLatin1String(name);
            m_html += u'>';
        }
        if (block)
            breakText(true);
        else if (name == "td" || name == "th")
            breakText(false); // a cell a line: "Day | High | Low" is no name, no phrase
    }

    void writeAttributes(const GumboElement& element)
    {
        for (unsigned i = 0; i < element.attributes.length; ++i) {
            const auto* attribute = static_cast<const GumboAttribute*>(element.attributes.data[i]);
            const QByteArray attr = QByteArray(attribute->name).toLower();
            if (attr == "style") { // only what shapes text and boxes
                const QString style = sanitizeStyle(QString::fromUtf8(attribute->value));
                if (!style.isEmpty()) {
                    m_html += QLatin1String(" style=\"");
                    escapeInto(m_html, style, true);
                    m_html += u'"';
                }
                continue;
            }
            // URLs were written above; everything else only when allowed (never on*).
            if (attr == "href" || attr == "src" || attr == "cite" ||
                !keptAttributes().contains(attr))
                continue;
            m_html += u' ';
            m_html += QLatin1String(attr);
            m_html += QLatin1String("=\"");
            escapeInto(m_html, QString::fromUtf8(attribute->value), true);
            m_html += u'"';
        }
    }

    QString m_base;
    QString m_html;
    QString m_text;
    bool m_space = false;
    bool m_breakPending = false;
    bool m_paragraphPending = false;
};

} // namespace

SanitizedHtml sanitizeHtml(const QString& html, const QString& base)
{
    const html::Document output = html::parse(html.toUtf8());
    Sanitizer sanitizer(base);
    if (output.root())
        sanitizer.walk(output.root(), false);
    return sanitizer.result();
}

QString htmlToText(const QString& html)
{
    return sanitizeHtml(html).text;
}

} // namespace broadsheet::core
