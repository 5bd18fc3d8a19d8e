// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "article/article.h"

#include <QByteArray>
#include <QSet>
#include <QString>

#include <optional>

namespace broadsheet::core {

/// The text formats ExportJob writes. PDF and print are drawn by the window's exporter.
enum class ExportFormat { Markdown, Html, Json, Ndjson, Csv, Text };

namespace export_format {
/// "md", "html", "json", "ndjson", "csv" or "txt" (also "markdown", "text", "jsonl").
std::optional<ExportFormat> fromName(const QString& name);
/// The format's name, which is also its files' extension: "md", "html", "json", "ndjson",
/// "csv", "txt".
QString nameOf(ExportFormat format);
/// Markdown and plain text write a folder with one file an article; the others one file.
bool writesFolder(ExportFormat format);
} // namespace export_format

/// How one article reads in each export format: pure functions of the article, used by
/// ExportJob (which streams them into files) and by the tests.
namespace article_format {

/// Front matter with every field (YAML, strings double-quoted), the title as a heading,
/// then the body's paragraphs with Markdown's special characters escaped.
QString toMarkdown(const Article& article);
/// The seed's layout: section line, indented date, indented title, indented paragraphs.
QString toPlainText(const Article& article);
/// One JSON object with every field (compact, no newline): JSON array items and NDJSON lines.
QByteArray toJson(const Article& article);
/// The CSV header and one record (RFC 4180, CRLF at the end).
QString csvHeader();
QString toCsvRecord(const Article& article);
/// The HTML document, in the order written: htmlStart() (head with inline CSS, no scripts,
/// a policy that forbids loading anything), htmlContentsEntry() for each article, then
/// htmlContentsEnd(), htmlArticle() for each, and htmlEnd(). Every text is escaped; only
/// http(s) and mailto links become links.
QString htmlStart(const QString& heading);
QString htmlContentsEntry(const ArticleSummary& summary);
QString htmlContentsEnd();
QString htmlArticle(const Article& article);
QString htmlEnd();

/// A file name for the article ("2014-12-22-stop-n-korean-cyber-attacks.md"): ASCII letters,
/// digits and hyphens only, safe on every file system, unique (case-insensitively) among
/// `taken`, which it joins.
QString fileNameFor(const Article& article, const QString& extension, QSet<QString>& taken);

} // namespace article_format

} // namespace broadsheet::core
