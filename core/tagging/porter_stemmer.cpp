// SPDX-License-Identifier: GPL-3.0-or-later
// M. F. Porter, "An algorithm for suffix stripping" (1980), with the refinements SQLite's
// FTS5 uses ("logi" → "log", "bli" → "ble"; a suffix never takes the whole word). Written
// from the algorithm's description; the test suite checks every stem of the BBC corpus
// against the terms FTS5 itself stored.
#include "porter_stemmer.h"

#include <array>
#include <cstring>
#include <string_view>

namespace broadsheet::core {

namespace {

class Word {
public:
    // The token in a buffer on the stack: stemming makes no allocation until the result.
    explicit Word(QByteArrayView token)
        : m_size(token.size())
    {
        std::memcpy(m_text.data(), token.data(), static_cast<size_t>(token.size()));
    }

    QByteArray result() const { return QByteArray(m_text.data(), m_size); }
    std::string_view copyTo(std::array<char, 72>& buffer) const
    {
        std::memcpy(buffer.data(), m_text.data(), static_cast<size_t>(m_size));
        return std::string_view(buffer.data(), static_cast<size_t>(m_size));
    }
    qsizetype size() const { return m_size; }
    char back(qsizetype fromEnd = 0) const
    {
        return m_text[static_cast<size_t>(m_size - 1 - fromEnd)];
    }

    bool endsWith(std::string_view suffix) const
    {
        // Strictly longer: a rule never strips the whole word.
        const auto length = static_cast<qsizetype>(suffix.size());
        return m_size > length &&
               std::memcmp(m_text.data() + (m_size - length), suffix.data(), suffix.size()) == 0;
    }

    /// Replaces the last `count` characters with `with` (never longer than the buffer: a
    /// replacement is at most one character longer than what it replaces).
    void replaceEnd(qsizetype count, std::string_view with)
    {
        m_size -= count;
        std::memcpy(m_text.data() + m_size, with.data(), with.size());
        m_size += static_cast<qsizetype>(with.size());
    }

    /// Whether character i is a consonant ('y' after a consonant is a vowel).
    bool consonant(qsizetype i) const
    {
        switch (m_text[static_cast<size_t>(i)]) {
        case 'a':
        case 'e':
        case 'i':
        case 'o':
        case 'u':
            return false;
        case 'y':
            return i == 0 || !consonant(i - 1);
        default:
            return true;
        }
    }

    /// m: the number of vowel-consonant sequences in the first `length` characters.
    int measure(qsizetype length) const
    {
        int m = 0;
        qsizetype i = 0;
        while (i < length && consonant(i))
            ++i;
        while (i < length) {
            while (i < length && !consonant(i))
                ++i;
            if (i >= length)
                break;
            while (i < length && consonant(i))
                ++i;
            ++m;
        }
        return m;
    }

    /// *v*: the first `length` characters hold a vowel; here, as in FTS5, any 'y' but the
    /// first letter counts as one.
    bool hasVowel(qsizetype length) const
    {
        for (qsizetype i = 0; i < length; ++i) {
            const char c = m_text[static_cast<size_t>(i)];
            if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || (c == 'y' && i > 0))
                return true;
        }
        return false;
    }

    /// *o: the first `length` characters end consonant-vowel-consonant, the last not w, x, y.
    bool endsCvc(qsizetype length) const
    {
        if (length < 3)
            return false;
        const char last = m_text[static_cast<size_t>(length - 1)];
        if (last == 'w' || last == 'x' || last == 'y')
            return false;
        return consonant(length - 1) && !consonant(length - 2) && consonant(length - 3);
    }

private:
    std::array<char, 72> m_text{}; ///< tokens longer than 64 bytes are never stemmed
    qsizetype m_size = 0;
};

struct Rule {
    std::string_view suffix;
    std::string_view replacement;
};

enum class Condition { MeasureAbove0, MeasureAbove1 };

/// Applies the first rule whose suffix matches, if its stem meets the condition. Like
/// FTS5, only rules whose suffix shares the word's second-last letter are tried.
void applyFirst(Word& word, const Rule* rules, size_t count, Condition condition)
{
    for (size_t r = 0; r < count; ++r) {
        const Rule& rule = rules[r];
        if (rule.suffix[rule.suffix.size() - 2] != word.back(1) || !word.endsWith(rule.suffix))
            continue;
        const qsizetype stem = word.size() - static_cast<qsizetype>(rule.suffix.size());
        const int m = word.measure(stem);
        bool ok = condition == Condition::MeasureAbove0 ? m > 0 : m > 1;
        if (ok && rule.suffix == "ion")
            ok = stem > 0 && (word.back(3) == 's' || word.back(3) == 't');
        if (ok)
            word.replaceEnd(static_cast<qsizetype>(rule.suffix.size()), rule.replacement);
        return;
    }
}

constexpr std::array kStep2{
    Rule{"ational", "ate"}, Rule{"tional", "tion"}, Rule{"enci", "ence"}, Rule{"anci", "ance"},
    Rule{"izer", "ize"},    Rule{"logi", "log"},    Rule{"bli", "ble"},   Rule{"alli", "al"},
    Rule{"entli", "ent"},   Rule{"eli", "e"},       Rule{"ousli", "ous"}, Rule{"ization", "ize"},
    Rule{"ation", "ate"},   Rule{"ator", "ate"},    Rule{"alism", "al"},  Rule{"iveness", "ive"},
    Rule{"fulness", "ful"}, Rule{"ousness", "ous"}, Rule{"aliti", "al"},  Rule{"iviti", "ive"},
    Rule{"biliti", "ble"},
};
constexpr std::array kStep3{
    Rule{"ical", "ic"}, Rule{"ness", ""},  Rule{"icate", "ic"}, Rule{"iciti", "ic"},
    Rule{"ful", ""},    Rule{"ative", ""}, Rule{"alize", "al"},
};
constexpr std::array kStep4{
    Rule{"al", ""},   Rule{"ance", ""}, Rule{"ence", ""}, Rule{"er", ""},    Rule{"ic", ""},
    Rule{"able", ""}, Rule{"ible", ""}, Rule{"ant", ""},  Rule{"ement", ""}, Rule{"ment", ""},
    Rule{"ent", ""},  Rule{"ion", ""},  Rule{"ou", ""},   Rule{"ism", ""},   Rule{"ate", ""},
    Rule{"iti", ""},  Rule{"ous", ""},  Rule{"ive", ""},  Rule{"ize", ""},
};

void stem(Word& word)
{
    // Step 1a: plurals.
    if (word.back() == 's') {
        if (word.back(1) == 'e') {
            if ((word.size() > 4 && word.back(3) == 's' && word.back(2) == 's') ||
                (word.size() > 3 && word.back(2) == 'i'))
                word.replaceEnd(2, ""); // sses → ss, ies → i
            else
                word.replaceEnd(1, "");
        } else if (word.back(1) != 's') {
            word.replaceEnd(1, "");
        }
    }

    // Step 1b: -eed, -ed, -ing.
    bool tidy = false;
    if (word.back(1) == 'e' && word.endsWith("eed")) {
        if (word.measure(word.size() - 3) > 0)
            word.replaceEnd(1, "");
    } else if (word.back(1) == 'e' && word.endsWith("ed")) {
        if (word.hasVowel(word.size() - 2)) {
            word.replaceEnd(2, "");
            tidy = true;
        }
    } else if (word.back(1) == 'n' && word.endsWith("ing")) {
        if (word.hasVowel(word.size() - 3)) {
            word.replaceEnd(3, "");
            tidy = true;
        }
    }
    if (tidy) {
        if (word.endsWith("at"))
            word.replaceEnd(2, "ate");
        else if (word.endsWith("bl"))
            word.replaceEnd(2, "ble");
        else if (word.endsWith("iz"))
            word.replaceEnd(2, "ize");
        else if (word.size() >= 2 && word.back() == word.back(1) &&
                 word.consonant(word.size() - 1) && word.back() != 'l' && word.back() != 's' &&
                 word.back() != 'z')
            word.replaceEnd(1, "");
        else if (word.measure(word.size()) == 1 && word.endsCvc(word.size()))
            word.replaceEnd(0, "e");
    }

    // Step 1c: y → i after a vowel somewhere before it.
    if (word.back() == 'y' && word.hasVowel(word.size() - 1))
        word.replaceEnd(1, "i");

    if (word.size() >= 2) {
        applyFirst(word, kStep2.data(), kStep2.size(), Condition::MeasureAbove0);
        applyFirst(word, kStep3.data(), kStep3.size(), Condition::MeasureAbove0);
        applyFirst(word, kStep4.data(), kStep4.size(), Condition::MeasureAbove1);
    }

    // Step 5a: a final e.
    if (word.back() == 'e') {
        const int m = word.measure(word.size() - 1);
        if (m > 1 || (m == 1 && !word.endsCvc(word.size() - 1)))
            word.replaceEnd(1, "");
    }
    // Step 5b: -ll → -l when m > 1.
    if (word.size() > 1 && word.back() == 'l' && word.back(1) == 'l' &&
        word.measure(word.size() - 1) > 1)
        word.replaceEnd(1, "");
}

} // namespace

QByteArray porterStem(QByteArrayView token)
{
    if (token.size() < 3 || token.size() > 64)
        return token.toByteArray();
    Word word(token);
    stem(word);
    return word.result();
}

std::string_view porterStem(std::string_view token, std::array<char, 72>& buffer)
{
    if (token.size() < 3 || token.size() > 64)
        return token;
    Word word(QByteArrayView(token.data(), static_cast<qsizetype>(token.size())));
    stem(word);
    return word.copyTo(buffer);
}

} // namespace broadsheet::core
