// SPDX-License-Identifier: GPL-3.0-or-later
// The sanitiser and HTML-to-text: whatever comes in, what goes out has no script, no
// handler, no javascript: or file: URL in any tag.
#include "fuzz_support.h"
#include "parse/html_sanitizer.h"
#include "parse/text_decoding.h"

#include <QRegularExpression>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace broadsheet;
    const QString html = core::decodeText(fuzz::bytesOf(data, size)).text;
    const core::SanitizedHtml safe =
        core::sanitizeHtml(html, QStringLiteral("https://example.org/story/"));
    (void)core::htmlToText(html);
    // Text and attribute values are escaped in the output, so a '<' there always opens a
    // tag and a '"' always ends a value: each tag's attributes can be read exactly.
    static const QRegularExpression tag(QStringLiteral("<([a-zA-Z0-9]+)([^>]*)>"));
    static const QRegularExpression attribute(QStringLiteral("([^\\s=/>]+)\\s*=\\s*\"([^\"]*)\""));
    static const QStringList forbidden = {QStringLiteral("script"), QStringLiteral("style"),
                                          QStringLiteral("iframe"), QStringLiteral("object"),
                                          QStringLiteral("embed"),  QStringLiteral("form")};
    static const QStringList schemes = {QStringLiteral("javascript:"), QStringLiteral("vbscript:"),
                                        QStringLiteral("file:"), QStringLiteral("data:")};
    for (auto tags = tag.globalMatch(safe.html); tags.hasNext();) {
        const auto element = tags.next();
        if (forbidden.contains(element.captured(1).toLower()))
            fuzz::broken("a forbidden element survived", element.captured(0));
        for (auto attrs = attribute.globalMatch(element.captured(2)); attrs.hasNext();) {
            const auto pair = attrs.next();
            const QString name = pair.captured(1).toLower();
            if (name.startsWith(u"on"))
                fuzz::broken("an event handler survived", element.captured(0));
            QString value = pair.captured(2).toLower();
            value.remove(QRegularExpression(QStringLiteral("[\\s\\x00-\\x1f]")));
            if (name != u"href" && name != u"src" && name != u"cite" && name != u"poster" &&
                name != u"background" && name != u"action" && name != u"longdesc")
                continue;
            for (const QString& scheme : schemes) {
                if (value.startsWith(scheme))
                    fuzz::broken("an unsafe URL survived", element.captured(0));
            }
        }
    }
    return 0;
}
