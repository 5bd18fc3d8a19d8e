// SPDX-License-Identifier: GPL-3.0-or-later
#include "entity_tokenizer.h"

namespace broadsheet::core::entity_detail {

bool isApostrophe(QChar c)
{
    return c == u'\'' || c == QChar(0x2019);
}

QList<Token> tokenize(const QString& text)
{
    QList<Token> tokens;
    tokens.reserve(text.size() / 5); // about one word in five characters
    bool sentenceStart = true;
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = text[i];
        if (!isAlnum(c)) {
            if (c == u'.' || c == u'!' || c == u'?' || c == u':' || c == u';' || c == u'\n' ||
                c == QChar(0x2026)) {
                if (c != u':' && c != u';')
                    sentenceStart = true;
                if (!tokens.isEmpty())
                    tokens.last().breakAfter = true;
            } else if (c == u',' || c == u')' || c == u']' || c == u'"' || c == QChar(0x201D) ||
                       c == QChar(0x201C) || c == u'(' || c == u'[' || c == u'-' ||
                       c == QChar(0x2013) || c == QChar(0x2014) || c == u'/' || c == u'|') {
                if (!tokens.isEmpty())
                    tokens.last().breakAfter = true;
                if ((c == u'"' || c == QChar(0x201C)) && (i + 1 < n && isUpperChar(text[i + 1])))
                    sentenceStart = true; // a quotation starts a sentence
            }
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end < n) {
            const QChar d = text[end];
            if (isWordChar(d)) {
                ++end;
                continue;
            }
            // Inside a word: hyphens, apostrophes and ampersands between letters.
            if ((d == u'-' || isApostrophe(d) || d == u'&') && end + 1 < n &&
                isAlnum(text[end + 1])) {
                ++end;
                continue;
            }
            break;
        }
        Token token;
        // Initials and dotted acronyms ("N.", "U.S.", "U.S.A.") are one word with their dots.
        if (end - i == 1 && isUpperChar(text[i]) && end < n && text[end] == u'.') {
            ++end;
            while (end + 1 < n && isUpperChar(text[end]) && text[end + 1] == u'.')
                end += 2;
        }
        // Possessives: "Korea's", "Knightley’s", "Americans'".
        qsizetype length = end - i;
        if (length > 2 && text[end - 1] == u's' && isApostrophe(text[end - 2])) {
            length -= 2;
            token.possessive = true;
        } else if (end < n && isApostrophe(text[end]) && text[end - 1] == u's' &&
                   (end + 1 == n || !isLetterChar(text[end + 1]))) {
            token.possessive = true;
        }
        // The word refers into the article's text (which outlives the extraction): no copy.
        token.text = QString::fromRawData(text.constData() + i, length);
        // Read through a const reference: non-const access would copy the borrowed text.
        const QString& word = token.text;
        token.capitalised = isUpperChar(word.front());
        int letters = 0;
        int upper = 0;
        for (QChar ch : word) {
            if (isLetterChar(ch)) {
                ++letters;
                if (isUpperChar(ch))
                    ++upper;
            }
        }
        token.allCaps = letters >= 2 && upper == letters;
        token.sentenceStart = sentenceStart;
        token.parenBefore = i > 0 && text[i - 1] == u'(';
        token.quoteBefore = i > 0 && (text[i - 1] == u'"' || text[i - 1] == QChar(0x201C) ||
                                      text[i - 1] == QChar(0x2018));
        for (qsizetype after = end; after < n && after <= end + 2; ++after) {
            const QChar q = text[after];
            if (q == u'"' || q == QChar(0x201D) || q == QChar(0x2019)) {
                token.quoteAfter = true;
                break;
            }
            if (q != u',' && q != u'.')
                break;
        }
        sentenceStart = false;
        if (token.possessive)
            token.breakAfter = true;
        tokens.append(std::move(token));
        i = end;
    }
    return tokens;
}

} // namespace broadsheet::core::entity_detail
