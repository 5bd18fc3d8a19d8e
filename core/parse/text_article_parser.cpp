// SPDX-License-Identifier: GPL-3.0-or-later
#include "text_article_parser.h"

#include "date_parser.h"

#include <QRegularExpression>

#include <algorithm>

namespace broadsheet::core {

namespace {

// A paragraph longer than this on one line is not hard-wrapped: its block's lines are
// separate paragraphs (one paragraph a line, as the BBC files have them).
constexpr qsizetype kWrapWidth = 120;
// Header lines (section, date, byline) are short; a longer line is text.
constexpr qsizetype kMaxSectionLength = 48;
constexpr qsizetype kMaxBylineLength = 80;

struct Line {
    QString text; ///< trimmed
    int indent = 0;
};

using Block = QList<Line>; ///< consecutive non-blank lines

int indentOf(const QString& line)
{
    int indent = 0;
    for (const QChar c : line) {
        if (c == u' ')
            ++indent;
        else if (c == u'\t')
            indent += 4;
        else
            break;
    }
    return indent;
}

QList<Block> splitBlocks(QString text)
{
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    text.replace(QLatin1Char('\r'), QLatin1Char('\n'));

    QList<Block> blocks;
    Block current;
    for (const QStringView raw : QStringView(text).split(u'\n')) {
        const QString line = raw.toString();
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty()) {
            if (!current.isEmpty())
                blocks.append(std::exchange(current, {}));
            continue;
        }
        current.append(Line{trimmed, indentOf(line)});
    }
    if (!current.isEmpty())
        blocks.append(current);
    return blocks;
}

QString joinedText(const Block& block)
{
    QStringList parts;
    parts.reserve(block.size());
    for (const Line& line : block)
        parts.append(line.text);
    return parts.join(QLatin1Char(' ')).simplified();
}

// The paragraphs of one block: hard-wrapped lines are joined back; a block of long lines
// holds one paragraph a line.
QStringList paragraphsOf(const Block& block)
{
    bool onePerLine = false;
    for (qsizetype i = 0; i + 1 < block.size(); ++i) {
        if (block[i].text.size() > kWrapWidth) {
            onePerLine = true;
            break;
        }
    }
    QStringList paragraphs;
    if (onePerLine) {
        for (const Line& line : block)
            paragraphs.append(line.text.simplified());
    } else {
        paragraphs.append(joinedText(block));
    }
    return paragraphs;
}

QString bylineAuthor(const Block& block)
{
    if (block.size() != 1 || block[0].text.size() > kMaxBylineLength)
        return {};
    // "By Jane Smith", "BY JANE SMITH", "By Jane Smith and Li Wei": capitalised words only,
    // so that a title such as "By the numbers" is not taken for a byline.
    thread_local const QRegularExpression byline(QStringLiteral(
        "^[Bb][Yy]:?\\s+(\\p{Lu}[\\p{L}.'\\-]*(?:,?\\s+(?:\\p{Lu}[\\p{L}.'\\-]*|and|&|van|von|de|"
        "der|da|di|le|la|bin|al))*)$"));
    const auto m = byline.match(block[0].text);
    return m.hasMatch() ? m.captured(1).simplified() : QString();
}

bool looksLikeSection(const Block& block, const QList<Block>& blocks, qsizetype index)
{
    // A section line sits alone at a smaller indent than the title that follows it
    // (the seed layout): "Top Stories" at column 0, everything else indented.
    if (block.size() != 1 || block[0].text.size() > kMaxSectionLength)
        return false;
    const QChar last = block[0].text.back();
    if (last == u'.' || last == u',' || last == u':' || last == u';')
        return false;
    for (qsizetype next = index + 1; next < blocks.size(); ++next) {
        if (blocks[next][0].indent > block[0].indent)
            return true;
        if (!parseWrittenDate(joinedText(blocks[next])).isKnown())
            return false;
    }
    return false;
}

// "Title\nMonday, December 22, 2014\nBy Jane Smith" with no blank lines between: a header
// block whose later lines are a date or a byline is split into one block a line.
void splitHeaderBlocks(QList<Block>& blocks)
{
    constexpr qsizetype kHeaderBlocks = 3;
    for (qsizetype i = 0; i < std::min(kHeaderBlocks, blocks.size()); ++i) {
        const Block block = blocks[i];
        if (block.size() < 2 || block.size() > 4)
            continue;
        bool header = false;
        for (qsizetype j = 1; j < block.size() && !header; ++j) {
            const Block single{block[j]};
            header = parseWrittenDate(block[j].text).isKnown() || !bylineAuthor(single).isEmpty();
        }
        if (!header)
            continue;
        blocks.removeAt(i);
        for (qsizetype j = 0; j < block.size(); ++j)
            blocks.insert(i + j, Block{block[j]});
        i += block.size() - 1;
    }
}

} // namespace

QString TextArticleParser::stripLinkMarkup(const QString& text)
{
    if (!text.contains(u'['))
        return text;
    QString result = text;
    result.replace(QStringLiteral("[ ]"), QString());
    result.replace(QStringLiteral("[/ ]"), QString());
    return result;
}

Result<Article> TextArticleParser::parse(const QString& text)
{
    QList<Block> blocks = splitBlocks(text);
    splitHeaderBlocks(blocks);
    if (blocks.isEmpty())
        return Error{QStringLiteral("contains no text")};

    Article article;
    qsizetype index = 0;
    bool haveTitle = false;
    // The header: at most a section, a date, a byline and the title, in any order real dumps
    // use; after the title only a date or byline may still belong to it.
    for (; index < blocks.size(); ++index) {
        const Block& block = blocks[index];
        const QString line = joinedText(block);
        if (!article.published.isKnown() && block.size() <= 2) {
            if (auto date = parseWrittenDate(line); date.isKnown()) {
                article.published = date;
                continue;
            }
        }
        if (article.author.isEmpty() && index > 0) {
            if (QString author = bylineAuthor(block); !author.isEmpty()) {
                article.author = author;
                continue;
            }
        }
        if (haveTitle)
            break;
        if (index == 0 && !article.published.isKnown() && looksLikeSection(block, blocks, index)) {
            article.section = line;
            continue;
        }
        // A title is a short block; a long first block means the text has no title line.
        if (block.size() > 3 || line.size() > 400)
            break;
        article.title = stripLinkMarkup(line).simplified();
        haveTitle = true;
    }

    QStringList paragraphs;
    for (; index < blocks.size(); ++index) {
        for (const QString& paragraph : paragraphsOf(blocks[index])) {
            // paragraphsOf() gives simplified text; only removed link markup needs it again.
            paragraphs.append(paragraph.contains(u'[') ? stripLinkMarkup(paragraph).simplified()
                                                       : paragraph);
        }
    }
    paragraphs.removeAll(QString());
    article.body = paragraphs.join(QStringLiteral("\n\n"));
    if (article.title.isEmpty() && article.body.isEmpty())
        return Error{QStringLiteral("contains no article text (only a header)")};
    return article;
}

} // namespace broadsheet::core
