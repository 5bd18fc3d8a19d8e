// SPDX-License-Identifier: GPL-3.0-or-later
#include "html_document.h"

#include <QByteArrayView>
#include <QHash>
#include <QList>

#include <algorithm>
#include <array>

namespace broadsheet::core::html {

namespace {

bool isLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isNameChar(char c)
{
    return isLetter(c) || (c >= '0' && c <= '9') || c == '-' || c == ':';
}

bool among(QByteArrayView name, std::initializer_list<const char*> names)
{
    return std::any_of(names.begin(), names.end(),
                       [name](const char* one) { return name == QByteArrayView(one); });
}

bool isVoid(QByteArrayView name)
{
    return among(name,
                 {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "param", "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame"});
}

bool isRawText(QByteArrayView name)
{
    return among(name, {"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                        "noframes", "noscript", "plaintext"});
}

/// An element whose end tag is implied by the next of its kind (or of its siblings' kinds),
/// up to the container that holds them.
bool impliesEnd(QByteArrayView name)
{
    return among(name, {"p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead",
                        "tbody", "tfoot", "rp", "rt"});
}

/// A start tag that closes an open p.
bool closesParagraph(QByteArrayView name)
{
    return among(name, {"address",  "article", "aside",  "blockquote", "details", "div",  "dl",
                        "fieldset", "figure",  "footer", "form",       "h1",      "h2",   "h3",
                        "h4",       "h5",      "h6",     "header",     "hr",      "main", "menu",
                        "nav",      "ol",      "pre",    "section",    "table",   "ul"});
}

bool isContainer(QByteArrayView name)
{
    return among(name, {"ul", "ol", "dl", "table", "select", "div", "blockquote", "body", "section",
                        "article", "html"});
}

/// Where the tag that opens at `from` ('<') ends: past its '>', quotes respected.
qsizetype tagEnd(const QByteArray& html, qsizetype from)
{
    char quote = 0;
    for (qsizetype i = from + 1; i < html.size(); ++i) {
        const char c = html[i];
        if (quote) {
            if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            return i + 1;
        }
    }
    return html.size();
}

QByteArray lowerName(const QByteArray& html, qsizetype from, qsizetype* end)
{
    qsizetype i = from;
    while (i < html.size() && isNameChar(html[i]))
        ++i;
    *end = i;
    return html.mid(from, i - from).toLower();
}

} // namespace

QByteArray boundedNesting(QByteArray utf8, int maxDepth)
{
    if (utf8.count('<') <= maxDepth)
        return utf8;
    QByteArray out;
    out.reserve(utf8.size());
    QList<QByteArray> open;
    QHash<QByteArray, int> leftOut; // start tags left out, whose end tags are left out too
    qsizetype i = 0;
    while (i < utf8.size()) {
        const qsizetype lt = utf8.indexOf('<', i);
        if (lt < 0) {
            out += QByteArrayView(utf8).sliced(i);
            break;
        }
        out += QByteArrayView(utf8).sliced(i, lt - i);
        const char next = lt + 1 < utf8.size() ? utf8[lt + 1] : '\0';
        if (utf8.sliced(lt).startsWith("<!--")) { // a comment, whole
            const qsizetype close = utf8.indexOf("-->", lt + 4);
            const qsizetype end = close < 0 ? utf8.size() : close + 3;
            out += QByteArrayView(utf8).sliced(lt, end - lt);
            i = end;
        } else if (next == '!' || next == '?') { // a declaration or a processing instruction
            const qsizetype end = tagEnd(utf8, lt);
            out += QByteArrayView(utf8).sliced(lt, end - lt);
            i = end;
        } else if (next == '/' && lt + 2 < utf8.size() && isLetter(utf8[lt + 2])) {
            qsizetype nameEnd = 0;
            const QByteArray name = lowerName(utf8, lt + 2, &nameEnd);
            const qsizetype end = tagEnd(utf8, lt);
            const auto found = std::find(open.rbegin(), open.rend(), name);
            if (int& skipped = leftOut[name]; skipped > 0) {
                --skipped;
            } else if (found != open.rend()) {
                open.erase(found.base() - 1, open.end());
                out += QByteArrayView(utf8).sliced(lt, end - lt);
            } // else an end tag of nothing open (or of a start tag left out): left out too
            i = end;
        } else if (isLetter(next)) {
            qsizetype nameEnd = 0;
            const QByteArray name = lowerName(utf8, lt + 1, &nameEnd);
            qsizetype end = tagEnd(utf8, lt);
            const bool selfClosing = end >= 2 && utf8[end - 2] == '/';
            if (isRawText(name)) { // its text is not markup: pass it over to its end tag
                const QByteArray close = "</" + name;
                qsizetype at = end;
                while (true) {
                    at = utf8.indexOf("</", at);
                    if (at < 0 ||
                        utf8.sliced(at, std::min(close.size(), utf8.size() - at)).toLower() ==
                            close)
                        break;
                    at += 2;
                }
                const qsizetype after = at < 0 ? utf8.size() : tagEnd(utf8, at);
                out += QByteArrayView(utf8).sliced(lt, after - lt);
                i = after;
                continue;
            }
            if (!isVoid(name) && !selfClosing) {
                // The next li closes the open li, up to its list; a block closes a p.
                const QByteArrayView closes = impliesEnd(name)        ? QByteArrayView(name)
                                              : closesParagraph(name) ? QByteArrayView("p")
                                                                      : QByteArrayView();
                if (!closes.isEmpty()) {
                    for (qsizetype at = open.size() - 1; at >= 0; --at) {
                        if (open[at] == closes) {
                            open.resize(at);
                            break;
                        }
                        if (isContainer(open[at]))
                            break;
                    }
                }
                if (open.size() >= maxDepth) { // too deep: left out, its text stays
                    ++leftOut[name];
                    i = end;
                    continue;
                }
                open.append(name);
            }
            out += QByteArrayView(utf8).sliced(lt, end - lt);
            i = end;
        } else { // a '<' that starts no tag
            out += '<';
            i = lt + 1;
        }
    }
    return out;
}

const GumboOptions& gumboOptions()
{
    static const GumboOptions options = [] {
        GumboOptions chosen = kGumboDefaultOptions;
        chosen.max_errors = 0;
        return chosen;
    }();
    return options;
}

} // namespace broadsheet::core::html
