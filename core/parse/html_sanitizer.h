// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// Feed HTML made safe to show and good to search. One HTML5 parse (gumbo) gives both:
// the markup written back through an allowlist, and the plain text that is indexed.
namespace broadsheet::core {

struct SanitizedHtml {
    /// Only the allowed elements and attributes (feedparser's lists). No script, style,
    /// iframe, object, embed, form (nor their contents), no on* handler; a style attribute
    /// cut down to what shapes text and boxes; links and images only http(s) (links also
    /// mailto), resolved against the base; lazy images made plain src.
    QString html;
    /// The text a reader sees: paragraphs (blocks, list items, table rows) separated by a
    /// blank line, line breaks kept, white space collapsed, entities decoded, no markup.
    QString text;
};

/// `html` (a fragment or a whole document) sanitised; relative URLs resolve against `base`.
SanitizedHtml sanitizeHtml(const QString& html, const QString& base = {});

/// Only the text: sanitizeHtml(html).text.
QString htmlToText(const QString& html);

} // namespace broadsheet::core
