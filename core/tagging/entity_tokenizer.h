// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <vector>

// The entity tagger's tokenizer: an article's words with what the mention finder needs to
// know of each (capitals, sentence starts, punctuation around it).
namespace broadsheet::core::entity_detail {

struct Token {
    QString text; ///< the word, possessive 's and trailing periods of initials kept
    bool capitalised = false;
    bool allCaps = false;
    bool sentenceStart = false;
    bool possessive = false;  ///< ended in 's or s'
    bool breakAfter = false;  ///< punctuation follows: a name cannot run on
    bool quoteBefore = false; ///< an opening quotation mark comes just before
    bool parenBefore = false; ///< "(" comes just before: "Guardians of Peace (GOP)"
    bool quoteAfter = false;  ///< a closing quotation mark comes just after
};

bool isApostrophe(QChar c);

// ASCII first: most news text is, and QChar's Unicode tables cost a lookup a character.
inline bool isAlnum(QChar c)
{
    const char16_t u = c.unicode();
    if (u < 0x80)
        return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9');
    return c.isLetterOrNumber();
}

inline bool isWordChar(QChar c)
{
    return isAlnum(c) || (c.unicode() >= 0x80 && c.isMark());
}

inline bool isUpperChar(QChar c)
{
    const char16_t u = c.unicode();
    return u < 0x80 ? (u >= 'A' && u <= 'Z') : c.isUpper();
}

inline bool isLetterChar(QChar c)
{
    const char16_t u = c.unicode();
    return u < 0x80 ? ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z')) : c.isLetter();
}

/// Splits text into words, marking capitals, sentence starts and punctuation breaks.
QList<Token> tokenize(const QString& text);

/// The words an article writes in lower case, asked whether a capitalised word also occurs
/// in lower case. Views into the article's text in an open-addressing table: built for every
/// article an import adds, so it allocates once.
class LowercaseWords {
public:
    explicit LowercaseWords(const QList<Token>& tokens)
    {
        qsizetype count = 0;
        for (const Token& token : tokens)
            count += !token.capitalised && token.text.size() > 2;
        size_t size = 64;
        while (size < static_cast<size_t>(count) * 2)
            size *= 2;
        m_slots.resize(size);
        for (const Token& token : tokens) {
            if (token.capitalised || token.text.size() <= 2) // shorter ones are common words
                continue;
            const QStringView word(token.text);
            size_t i = hash(word, false) & (m_slots.size() - 1);
            while (!m_slots[i].isNull() && m_slots[i] != word)
                i = (i + 1) & (m_slots.size() - 1);
            m_slots[i] = word;
        }
    }

    /// Whether the article writes `word` in lower case too.
    bool containsLowered(QStringView word) const
    {
        size_t i = hash(word, true) & (m_slots.size() - 1);
        while (!m_slots[i].isNull()) {
            const QStringView slot = m_slots[i];
            if (slot.size() == word.size()) {
                qsizetype k = 0;
                while (k < word.size() && slot[k] == lower(word[k]))
                    ++k;
                if (k == word.size())
                    return true;
            }
            i = (i + 1) & (m_slots.size() - 1);
        }
        return false;
    }

private:
    static QChar lower(QChar c)
    {
        const char16_t u = c.unicode();
        if (u < 0x80)
            return (u >= 'A' && u <= 'Z') ? QChar(char16_t(u + 32)) : c;
        return c.toLower();
    }
    static size_t hash(QStringView word, bool lowered)
    {
        size_t h = 1469598103934665603ull; // FNV-1a over UTF-16 code units
        for (QChar c : word) {
            h ^= (lowered ? lower(c) : c).unicode();
            h *= 1099511628211ull;
        }
        return h;
    }

    std::vector<QStringView> m_slots;
};

} // namespace broadsheet::core::entity_detail
