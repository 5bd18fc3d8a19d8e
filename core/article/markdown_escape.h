// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace broadsheet::core {

/// Backslash escapes for Markdown text, so that an article's words never read as markup:
/// always for \\ ` * _ [ ] < > |, and at the start of a line for the characters that begin
/// headings, lists, quotes and rules. Used by the Markdown export.
QString escapeMarkdown(const QString& text);
/// Removes a backslash before any ASCII punctuation, as CommonMark reads it. Used when a
/// Markdown file is imported; escapeMarkdown() text comes back exactly.
QString unescapeMarkdown(const QString& text);

} // namespace broadsheet::core
