// SPDX-License-Identifier: GPL-3.0-or-later
#include "markdown_escape.h"

namespace broadsheet::core {

namespace {

bool isAsciiPunctuation(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 0x21 && u <= 0x2F) || (u >= 0x3A && u <= 0x40) || (u >= 0x5B && u <= 0x60) ||
           (u >= 0x7B && u <= 0x7E);
}

} // namespace

QString escapeMarkdown(const QString& text)
{
    static const QString always = QStringLiteral("\\`*_[]<>|");
    static const QString atLineStart = QStringLiteral("#-+=~>");
    QString out;
    out.reserve(text.size() + text.size() / 16);
    bool lineStart = true;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (always.contains(c) || (lineStart && atLineStart.contains(c)))
            out += u'\\';
        // "1. " or "1) " at the start of a line would become a numbered list.
        if (lineStart && c.isDigit()) {
            qsizetype end = i;
            while (end < text.size() && text[end].isDigit())
                ++end;
            if (end < text.size() && (text[end] == u'.' || text[end] == u')')) {
                out += text.mid(i, end - i);
                out += u'\\';
                out += text[end];
                i = end;
                lineStart = false;
                continue;
            }
        }
        out += c;
        lineStart = c == u'\n' || (lineStart && c == u' ');
    }
    return out;
}

QString unescapeMarkdown(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u'\\' && i + 1 < text.size() && isAsciiPunctuation(text[i + 1]))
            ++i;
        out += text[i];
    }
    return out;
}

} // namespace broadsheet::core
