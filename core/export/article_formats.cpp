// SPDX-License-Identifier: GPL-3.0-or-later
#include "article_formats.h"

#include "article/markdown_escape.h"

#include <QLocale>
#include <QStringList>

namespace broadsheet::core {

namespace export_format {

std::optional<ExportFormat> fromName(const QString& name)
{
    const QString n = name.trimmed().toLower();
    if (n == u"md" || n == u"markdown")
        return ExportFormat::Markdown;
    if (n == u"html" || n == u"htm")
        return ExportFormat::Html;
    if (n == u"json")
        return ExportFormat::Json;
    if (n == u"ndjson" || n == u"jsonl")
        return ExportFormat::Ndjson;
    if (n == u"csv")
        return ExportFormat::Csv;
    if (n == u"txt" || n == u"text")
        return ExportFormat::Text;
    return std::nullopt;
}

bool writesFolder(ExportFormat format)
{
    return format == ExportFormat::Markdown || format == ExportFormat::Text;
}

QString nameOf(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Markdown:
        return QStringLiteral("md");
    case ExportFormat::Html:
        return QStringLiteral("html");
    case ExportFormat::Json:
        return QStringLiteral("json");
    case ExportFormat::Ndjson:
        return QStringLiteral("ndjson");
    case ExportFormat::Csv:
        return QStringLiteral("csv");
    case ExportFormat::Text:
        return QStringLiteral("txt");
    }
    return {};
}

} // namespace export_format

namespace article_format {

namespace {

/// A double-quoted string in JSON's syntax, which is also a YAML double-quoted scalar.
/// Besides what JSON must escape, the characters YAML reads as line breaks (U+0085,
/// U+2028, U+2029) are escaped, so other tools read the front matter as it was written.
void appendQuoted(QString& out, const QString& text)
{
    out += u'"';
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        switch (u) {
        case u'"':
            out += QStringLiteral("\\\"");
            break;
        case u'\\':
            out += QStringLiteral("\\\\");
            break;
        case u'\n':
            out += QStringLiteral("\\n");
            break;
        case u'\t':
            out += QStringLiteral("\\t");
            break;
        case u'\r':
            out += QStringLiteral("\\r");
            break;
        default:
            if (u < 0x20 || u == 0x7F || u == 0x85 || u == 0x2028 || u == 0x2029)
                out += QStringLiteral("\\u%1").arg(int(u), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += u'"';
}

QString yamlString(const QString& text)
{
    QString out;
    appendQuoted(out, text);
    return out;
}

QString englishDate(const PublishedDate& date)
{
    const QLocale c = QLocale::c();
    switch (date.precision()) {
    case PublishedDate::Precision::Day:
        return c.toString(date.date(), QStringLiteral("MMM d, yyyy"));
    case PublishedDate::Precision::Moment:
        return c.toString(date.moment().toUTC(), QStringLiteral("MMM d, yyyy HH:mm 'UTC'"));
    case PublishedDate::Precision::Unknown:
        break;
    }
    return {};
}

QStringList paragraphsOf(const QString& body)
{
    QStringList paragraphs;
    for (const QString& paragraph : body.split(QStringLiteral("\n\n"))) {
        if (!paragraph.trimmed().isEmpty())
            paragraphs.append(paragraph);
    }
    return paragraphs;
}

QString csvField(const QString& text)
{
    static const QString special = QStringLiteral(",\"\r\n");
    bool quote = text.startsWith(u' ') || text.endsWith(u' ');
    for (QChar c : text)
        quote = quote || special.contains(c);
    if (!quote)
        return text;
    QString quoted = text;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QString tagList(const QList<Tag>& tags)
{
    QStringList parts;
    for (const Tag& tag : tags)
        parts.append(QStringLiteral("%1 (%2)").arg(tag.name, tag.kind));
    return parts.join(QStringLiteral("; "));
}

QString escaped(const QString& text)
{
    return text.toHtmlEscaped();
}

/// Only links a reader can follow safely: no javascript:, data: or file: in an export.
bool isSafeLink(const QString& url)
{
    const QString lower = url.trimmed().toLower();
    return lower.startsWith(QStringLiteral("https://")) ||
           lower.startsWith(QStringLiteral("http://")) ||
           lower.startsWith(QStringLiteral("mailto:"));
}

QString slugOf(const QString& title)
{
    const QString plain = title.normalized(QString::NormalizationForm_KD);
    QString slug;
    bool hyphen = false;
    for (QChar c : plain) {
        const char16_t u = c.toLower().unicode();
        if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9')) {
            if (hyphen && !slug.isEmpty())
                slug += u'-';
            slug += QChar(u);
            hyphen = false;
        } else if (c.category() != QChar::Mark_NonSpacing) {
            hyphen = true;
        }
        if (slug.size() >= 60)
            break;
    }
    while (slug.endsWith(u'-'))
        slug.chop(1);
    return slug;
}

} // namespace

QString toMarkdown(const Article& article)
{
    QString out = QStringLiteral("---\n");
    auto field = [&out](const char* key, const QString& value) {
        out += QLatin1String(key) + QStringLiteral(": ") + yamlString(value) + u'\n';
    };
    field("title", article.title);
    field("section", article.section);
    field("author", article.author);
    field("source", article.source);
    field("url", article.url);
    field("guid", article.guid);
    out += QStringLiteral("published: %1\n")
               .arg(article.published.isKnown() ? yamlString(article.published.toIso())
                                                : QStringLiteral("null"));
    out += QStringLiteral("read: %1\n").arg(article.read ? u"true" : u"false");
    out += QStringLiteral("starred: %1\n").arg(article.starred ? u"true" : u"false");
    if (article.tags.isEmpty()) {
        out += QStringLiteral("tags: []\n");
    } else {
        out += QStringLiteral("tags:\n");
        for (const Tag& tag : article.tags) {
            out += QStringLiteral("  - {name: %1, kind: %2}\n")
                       .arg(yamlString(tag.name), yamlString(tag.kind));
        }
    }
    out += QStringLiteral("---\n\n");
    if (!article.title.isEmpty())
        out += QStringLiteral("# ") + escapeMarkdown(article.title) + QStringLiteral("\n\n");
    for (const QString& paragraph : paragraphsOf(article.body))
        out += escapeMarkdown(paragraph) + QStringLiteral("\n\n");
    return out;
}

QString toPlainText(const Article& article)
{
    const QString indent = QStringLiteral("    ");
    QString out = article.section + QStringLiteral("\n\n\n");
    if (article.published.isKnown())
        out += indent + englishDate(article.published) + QStringLiteral("\n\n");
    out += indent + article.title + QStringLiteral("\n\n\n");
    for (const QString& paragraph : paragraphsOf(article.body)) {
        QString lines = paragraph;
        lines.replace(u'\n', QStringLiteral("\n") + indent);
        out += indent + lines + QStringLiteral("\n\n");
    }
    return out;
}

// Written by hand rather than through QJsonObject: a third of the time of a JSON export
// went to building and sorting the object. The shape is show --json's, plus guid.
QByteArray toJson(const Article& article)
{
    QString out;
    out.reserve(article.body.size() + article.title.size() + 64 * article.tags.size() + 256);
    auto field = [&out](QLatin1String key, const QString& value) {
        out += u'"';
        out += key;
        out += QLatin1String("\":");
        appendQuoted(out, value);
        out += u',';
    };
    out += QLatin1String("{\"id\":") + QString::number(article.id) + u',';
    field(QLatin1String("title"), article.title);
    field(QLatin1String("section"), article.section);
    field(QLatin1String("author"), article.author);
    field(QLatin1String("source"), article.source);
    field(QLatin1String("url"), article.url);
    field(QLatin1String("guid"), article.guid);
    field(QLatin1String("path"), article.path);
    out += QLatin1String("\"published\":");
    if (article.published.isKnown())
        appendQuoted(out, article.published.toIso());
    else
        out += QLatin1String("null");
    out += article.read ? QLatin1String(",\"read\":true") : QLatin1String(",\"read\":false");
    out +=
        article.starred ? QLatin1String(",\"starred\":true") : QLatin1String(",\"starred\":false");
    out += QLatin1String(",\"tags\":[");
    for (qsizetype i = 0; i < article.tags.size(); ++i) {
        out += i == 0 ? QLatin1String("{\"name\":") : QLatin1String(",{\"name\":");
        appendQuoted(out, article.tags[i].name);
        out += QLatin1String(",\"kind\":");
        appendQuoted(out, article.tags[i].kind);
        out += u'}';
    }
    out += QLatin1String("],\"body\":");
    appendQuoted(out, article.body);
    if (!article.html.isEmpty()) {
        out += QLatin1String(",\"html\":");
        appendQuoted(out, article.html);
    }
    out += u'}';
    return out.toUtf8();
}

QString csvHeader()
{
    return QStringLiteral(
        "id,title,section,author,source,url,guid,published,tags,read,starred,body\r\n");
}

QString toCsvRecord(const Article& article)
{
    const QStringList fields{
        QString::number(article.id),
        csvField(article.title),
        csvField(article.section),
        csvField(article.author),
        csvField(article.source),
        csvField(article.url),
        csvField(article.guid),
        article.published.toIso(),
        csvField(tagList(article.tags)),
        article.read ? QStringLiteral("true") : QStringLiteral("false"),
        article.starred ? QStringLiteral("true") : QStringLiteral("false"),
        csvField(article.body),
    };
    return fields.join(u',') + QStringLiteral("\r\n");
}

QString htmlStart(const QString& heading)
{
    QString out =
        QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                       "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                       "style-src 'unsafe-inline'\">\n"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                       "<meta name=\"generator\" content=\"Broadsheet\">\n");
    out += QStringLiteral("<title>%1</title>\n").arg(escaped(heading));
    out += QStringLiteral(
        "<style>\n"
        "body{font:17px/1.55 Georgia,'Times New Roman',serif;max-width:42em;margin:2em auto;"
        "padding:0 1em;color:#222;background:#fff}\n"
        "h1,h2,nav,.meta,.tags{font-family:system-ui,sans-serif}\n"
        "nav ol{padding-left:1.4em}nav li{margin:.2em 0}nav .date{color:#777;font-size:.85em}\n"
        "article{border-top:1px solid #ddd;margin-top:2.5em;padding-top:1em}\n"
        "article h2{font-size:1.6em;line-height:1.2;margin:.2em 0}\n"
        ".meta{color:#666;font-size:.85em}\n"
        ".tags{list-style:none;padding:0;margin:.5em 0}\n"
        ".tags li{display:inline-block;font-size:.75em;background:#eef;border-radius:.8em;"
        "padding:.1em .6em;margin:0 .3em .3em 0}\n"
        ".tags .person{background:#e6f4ea}.tags .organization{background:#fdf0dc}"
        ".tags .place{background:#e3effc}.tags .keyword{background:#f1f1f1}\n"
        "@media print{article{break-before:page;border:0}nav{break-after:page}}\n"
        "</style>\n</head>\n<body>\n");
    out += QStringLiteral("<header><h1>%1</h1></header>\n<nav>\n<h2>Contents</h2>\n<ol>\n")
               .arg(escaped(heading));
    return out;
}

QString htmlContentsEntry(const ArticleSummary& summary)
{
    QString out =
        QStringLiteral("<li><a href=\"#story-%1\">%2</a>")
            .arg(summary.id)
            .arg(escaped(summary.title.isEmpty() ? QStringLiteral("(untitled)") : summary.title));
    if (summary.published.isKnown())
        out += QStringLiteral(" <span class=\"date\">%1</span>")
                   .arg(escaped(englishDate(summary.published)));
    return out + QStringLiteral("</li>\n");
}

QString htmlContentsEnd()
{
    return QStringLiteral("</ol>\n</nav>\n");
}

QString htmlArticle(const Article& article)
{
    QString out =
        QStringLiteral("<article id=\"story-%1\">\n<h2>%2</h2>\n")
            .arg(article.id)
            .arg(escaped(article.title.isEmpty() ? QStringLiteral("(untitled)") : article.title));
    QStringList meta;
    for (const QString& part :
         {article.section, englishDate(article.published), article.source, article.author}) {
        if (!part.isEmpty())
            meta.append(escaped(part));
    }
    if (!article.url.isEmpty()) {
        meta.append(isSafeLink(article.url)
                        ? QStringLiteral("<a href=\"%1\">%2</a>")
                              .arg(escaped(article.url.trimmed()), escaped(article.url))
                        : escaped(article.url));
    }
    if (!meta.isEmpty())
        out += QStringLiteral("<p class=\"meta\">%1</p>\n").arg(meta.join(QStringLiteral(" · ")));
    if (!article.tags.isEmpty()) {
        out += QStringLiteral("<ul class=\"tags\">");
        for (const Tag& tag : article.tags) {
            out += QStringLiteral("<li class=\"%1\" title=\"%1\">%2</li>")
                       .arg(escaped(tag.kind), escaped(tag.name));
        }
        out += QStringLiteral("</ul>\n");
    }
    if (!article.html.isEmpty()) {
        // A feed's story keeps its markup: sanitised when it was stored (ArticleStore holds
        // no other), so its links, lists and quotes export as they read.
        out += QStringLiteral("<div class=\"content\">%1</div>\n").arg(article.html);
    } else {
        for (const QString& paragraph : paragraphsOf(article.body)) {
            QString text = escaped(paragraph.trimmed());
            text.replace(u'\n', QStringLiteral("<br>\n"));
            out += QStringLiteral("<p>%1</p>\n").arg(text);
        }
    }
    out += QStringLiteral("</article>\n");
    return out;
}

QString htmlEnd()
{
    return QStringLiteral("</body>\n</html>\n");
}

QString fileNameFor(const Article& article, const QString& extension, QSet<QString>& taken)
{
    QString stem = article.published.isKnown() ? article.published.date().toString(Qt::ISODate)
                                               : QStringLiteral("undated");
    if (article.published.precision() == PublishedDate::Precision::Moment)
        stem = article.published.moment().toUTC().date().toString(Qt::ISODate);
    const QString slug = slugOf(article.title);
    stem += u'-' + (slug.isEmpty() ? QStringLiteral("article-%1").arg(article.id) : slug);
    QString name = stem + u'.' + extension;
    for (int n = 2; taken.contains(name.toLower()); ++n)
        name = QStringLiteral("%1-%2.%3").arg(stem).arg(n).arg(extension);
    taken.insert(name.toLower());
    return name;
}

} // namespace article_format

} // namespace broadsheet::core
