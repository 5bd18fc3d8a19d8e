// SPDX-License-Identifier: GPL-3.0-or-later
#include "keyword_extractor.h"

#include "porter_stemmer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace broadsheet::core {

namespace {

/// Words too common in English news to say what a story is about, whatever their tf-idf.
const std::unordered_set<std::string_view, FastStringHash>& stopWords()
{
    static const std::unordered_set<std::string_view, FastStringHash> words = [] {
        std::unordered_set<std::string_view, FastStringHash> set;
        for (const char* w :
             {"the",       "and",      "for",       "that",     "with",     "was",
              "are",       "his",      "her",       "has",      "have",     "had",
              "not",       "but",      "from",      "they",     "their",    "them",
              "this",      "these",    "those",     "there",    "which",    "who",
              "whom",      "whose",    "what",      "when",     "where",    "why",
              "how",       "all",      "any",       "each",     "other",    "some",
              "such",      "than",     "then",      "too",      "very",     "can",
              "will",      "just",     "should",    "would",    "could",    "might",
              "must",      "shall",    "may",       "been",     "being",    "were",
              "does",      "did",      "doing",     "into",     "onto",     "over",
              "under",     "again",    "further",   "once",     "here",     "both",
              "few",       "more",     "most",      "own",      "same",     "only",
              "also",      "about",    "above",     "after",    "before",   "below",
              "between",   "during",   "through",   "until",    "while",    "its",
              "our",       "ours",     "you",       "your",     "yours",    "him",
              "she",       "hers",     "himself",   "herself",  "itself",   "themselves",
              "said",      "says",     "say",       "told",     "added",    "according",
              "year",      "years",    "new",       "one",      "two",      "three",
              "four",      "five",     "first",     "last",     "time",     "times",
              "people",    "made",     "make",      "makes",    "like",     "many",
              "much",      "get",      "got",       "well",     "back",     "still",
              "even",      "way",      "because",   "however",  "now",      "out",
              "off",       "down",     "since",     "against",  "without",  "within",
              "around",    "among",    "another",   "every",    "next",     "week",
              "weeks",     "month",    "months",    "day",      "days",     "today",
              "yesterday", "tomorrow", "going",     "went",     "come",     "came",
              "take",      "took",     "taken",     "give",     "given",    "see",
              "seen",      "know",     "known",     "think",    "want",     "used",
              "use",       "number",   "part",      "put",      "set",      "lot",
              "good",      "mr",       "mrs",       "ms",       "dr",       "per",
              "cent",      "percent",  "million",   "billion",  "thousand", "hundred",
              "several",   "expected", "including", "already",  "though",   "although",
              "whether",   "either",   "neither",   "yet",      "monday",   "tuesday",
              "wednesday", "thursday", "friday",    "saturday", "sunday",   "january",
              "february",  "march",    "april",     "june",     "july",     "august",
              "september", "october",  "november",  "december", "bbc",      "news",
              "dies",      "died",     "utd",       "lib",      "dems",     "dem",
              "saying",    "asked",    "called",    "become",   "became",   "else"})
            set.insert(w);
        return set;
    }();
    return words;
}

/// Lower case without diacritics, as FTS5's unicode61 with remove_diacritics 2 folds it.
QString folded(QStringView word)
{
    QString lower = word.toString().toLower();
    bool ascii = true;
    for (QChar c : lower)
        ascii = ascii && c.unicode() < 0x80;
    if (ascii)
        return lower;
    QString decomposed = lower.normalized(QString::NormalizationForm_D);
    decomposed.removeIf([](QChar c) { return c.isMark(); });
    return decomposed;
}

/// Each stop word's stem: a stop word is no keyword, yet counts towards its stem's document
/// frequency ("cent" makes "cents" common), as it does in the index.
const std::unordered_map<std::string_view, std::string, FastStringHash>& stopWordStems()
{
    static const std::unordered_map<std::string_view, std::string, FastStringHash> stems = [] {
        std::unordered_map<std::string_view, std::string, FastStringHash> map;
        for (std::string_view word : stopWords())
            map.emplace(
                word,
                porterStem(QByteArrayView(word.data(), qsizetype(word.size()))).toStdString());
        return map;
    }();
    return stems;
}

/// The stems of stopWordStems(), as a set.
const std::unordered_set<std::string_view, FastStringHash>& stopStemSet()
{
    static const std::unordered_set<std::string_view, FastStringHash> set = [] {
        std::unordered_set<std::string_view, FastStringHash> stems;
        for (const auto& [word, stem] : stopWordStems())
            stems.insert(stem);
        return stems;
    }();
    return set;
}

struct Scored {
    QString word;
    double score;
};

/// The term's weight in an article, or 0 when it cannot be a keyword: one found in this
/// article alone (a typo or a code) or in nearly every one says nothing distinctive.
double tfIdf(int count, qint64 documentFrequency, qint64 total)
{
    if (documentFrequency < 2 || count <= 0)
        return 0;
    const double idf =
        std::log(static_cast<double>(total) / static_cast<double>(documentFrequency));
    return idf > 0 ? (1.0 + std::log(static_cast<double>(count))) * idf : 0;
}

/// The best few, and none far below the best once three are chosen (a short article has
/// few real topics).
QStringList best(QList<Scored>& scored, int count)
{
    const auto chosen = std::min<qsizetype>(count, scored.size());
    std::partial_sort(scored.begin(), scored.begin() + chosen, scored.end(),
                      [](const Scored& a, const Scored& b) {
                          return a.score != b.score ? a.score > b.score : a.word < b.word;
                      });
    QStringList keywords;
    for (qsizetype i = 0; i < chosen; ++i) {
        if (keywords.size() >= 3 && scored[i].score < scored[0].score / 2)
            break;
        keywords.append(scored[i].word);
    }
    return keywords;
}

} // namespace

namespace {

using StringSet = std::unordered_set<std::string, FastStringHash, std::equal_to<>>;

/// One article's terms: its words folded as FTS5's unicode61 folds them into one buffer,
/// counted in an open-addressing table of views into it (no allocation a word), then
/// grouped by stem.
class TermCounter {
public:
    TermCounter(const QString& title, const QString& body)
    {
        m_folded.reserve(static_cast<size_t>(title.size() + body.size()));
        m_slots.resize(1024);
        scan(title, 3); // a title's words count three times
        scan(body, 1);
    }

    /// A stem with its count over all its forms, and the form used most (the shortest,
    /// then the first alphabetically, on a tie). Views into this counter and the cache.
    struct Term {
        std::string_view stem;
        std::string_view word;
        int count = 0;
    };

    /// The terms by stem, without stop words.
    std::vector<Term> terms()
    {
        std::vector<Term> forms;
        forms.reserve(static_cast<size_t>(m_used));
        // Stems go into one buffer of their own: its size is known before the first.
        m_stems.clear();
        m_stems.reserve(m_folded.size());
        m_stemRanges.clear();
        m_stopStems.clear();
        for (const Slot& slot : m_slots) {
            if (slot.length == 0)
                continue;
            if (const auto stop = stopWordStems().find(view(slot)); stop != stopWordStems().end()) {
                // No keyword, but its stem counts (appendStems): kept once each.
                const std::string_view stem = stop->second;
                if (std::find(m_stopStems.begin(), m_stopStems.end(), stem) == m_stopStems.end())
                    m_stopStems.push_back(stem);
                continue;
            }
            const size_t start = m_stems.size();
            const std::string_view word = view(slot);
            m_stems.append(porterStem(word, m_buffer));
            forms.push_back({std::string_view(), word, slot.count});
            m_stemRanges.emplace_back(start, m_stems.size() - start);
        }
        for (size_t i = 0; i < forms.size(); ++i)
            forms[i].stem =
                std::string_view(m_stems).substr(m_stemRanges[i].first, m_stemRanges[i].second);
        // Forms to stems through a second open-addressing table, of indexes into `result`.
        std::vector<Term> result;
        result.reserve(forms.size());
        size_t size = 64;
        while (size < forms.size() * 2)
            size *= 2;
        std::vector<qint32> slots(size, -1);
        for (const Term& form : forms) {
            size_t i = hashBytes(form.stem.data(), form.stem.size()) & (size - 1);
            while (slots[i] >= 0 && result[static_cast<size_t>(slots[i])].stem != form.stem)
                i = (i + 1) & (size - 1);
            if (slots[i] < 0) {
                slots[i] = static_cast<qint32>(result.size());
                result.push_back(form);
                m_bestCount.push_back(form.count);
                continue;
            }
            const auto index = static_cast<size_t>(slots[i]);
            Term& term = result[index];
            term.count += form.count;
            int& best = m_bestCount[index];
            if (form.count > best ||
                (form.count == best &&
                 (form.word.size() < term.word.size() ||
                  (form.word.size() == term.word.size() && form.word < term.word)))) {
                best = form.count;
                term.word = form.word;
            }
        }
        m_bestCount.clear();
        return result;
    }

    /// Appends every distinct stem of the article to `out`, each followed by a NUL byte:
    /// those of `terms` (this counter's) and those of the stop words it holds.
    void appendStems(const std::vector<Term>& terms, QByteArray& out) const
    {
        qsizetype bytes = 0;
        for (const Term& term : terms)
            bytes += static_cast<qsizetype>(term.stem.size()) + 1;
        for (std::string_view stem : m_stopStems)
            bytes += static_cast<qsizetype>(stem.size()) + 1;
        out.reserve(bytes);
        // A stop word's stem may be a term's too ("cent", "cents"): written once.
        std::vector<std::string_view> written;
        for (const Term& term : terms) {
            out.append(term.stem.data(), static_cast<qsizetype>(term.stem.size()));
            out.append('\0');
            if (stopStemSet().contains(term.stem))
                written.push_back(term.stem);
        }
        for (std::string_view stem : m_stopStems) {
            if (std::find(written.begin(), written.end(), stem) != written.end())
                continue;
            out.append(stem.data(), static_cast<qsizetype>(stem.size()));
            out.append('\0');
        }
    }

private:
    struct Slot {
        quint32 start = 0;
        quint32 length = 0; // 0: empty
        int count = 0;
    };

    std::string_view view(const Slot& slot) const
    {
        return std::string_view(m_folded).substr(slot.start, slot.length);
    }

    size_t home(std::string_view word) const
    {
        return hashBytes(word.data(), word.size()) & (m_slots.size() - 1);
    }

    // Counts the word that ends m_folded (from `start`); a repeat is dropped from the buffer.
    void count(size_t start, int weight)
    {
        if (m_used * 2 >= static_cast<qsizetype>(m_slots.size())) { // keep the load <= 1/2
            std::vector<Slot> old(m_slots.size() * 2);
            old.swap(m_slots);
            for (const Slot& slot : old) {
                if (slot.length == 0)
                    continue;
                size_t i = home(view(slot));
                while (m_slots[i].length != 0)
                    i = (i + 1) & (m_slots.size() - 1);
                m_slots[i] = slot;
            }
        }
        const std::string_view word = std::string_view(m_folded).substr(start);
        size_t i = home(word);
        while (m_slots[i].length != 0) {
            if (view(m_slots[i]) == word) {
                m_slots[i].count += weight;
                m_folded.resize(start);
                return;
            }
            i = (i + 1) & (m_slots.size() - 1);
        }
        m_slots[i] = Slot{static_cast<quint32>(start), static_cast<quint32>(word.size()), weight};
        ++m_used;
    }

    void scan(const QString& text, int weight)
    {
        const qsizetype n = text.size();
        const QChar* chars = text.constData();
        qsizetype i = 0;
        // ASCII first: QChar's Unicode tables cost a lookup a character.
        auto alnum = [](QChar c) {
            const char16_t u = c.unicode();
            if (u < 0x80)
                return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9');
            return c.isLetterOrNumber();
        };
        while (i < n) {
            while (i < n && !alnum(chars[i]))
                ++i;
            qsizetype end = i;
            bool digits = false;
            bool ascii = true;
            while (end < n) {
                const char16_t u = chars[end].unicode();
                if (u < 0x80) {
                    if (!alnum(chars[end]))
                        break;
                    digits = digits || (u >= '0' && u <= '9');
                } else if (chars[end].isLetterOrNumber() || chars[end].isMark()) {
                    digits = digits || chars[end].isDigit();
                    ascii = false;
                } else {
                    break;
                }
                ++end;
            }
            // Words of three letters or more, without digits, up to FTS5's longest term.
            if (end - i >= 3 && end - i <= 64 && !digits) {
                const size_t start = m_folded.size();
                if (ascii) { // the common case: fold without a QString in between
                    for (qsizetype k = i; k < end; ++k) {
                        const char c = static_cast<char>(chars[k].unicode());
                        m_folded.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
                    }
                } else {
                    m_folded.append(folded(QStringView(text).mid(i, end - i)).toStdString());
                }
                count(start, weight);
            }
            i = end;
        }
    }

    std::string m_folded;
    std::vector<Slot> m_slots;
    qsizetype m_used = 0;
    std::string m_stems;
    std::vector<std::pair<size_t, size_t>> m_stemRanges;
    std::vector<std::string_view> m_stopStems; ///< the stop words' stems, each once
    std::vector<int> m_bestCount;              ///< per term being grouped: its chosen form's count
    std::array<char, 72> m_buffer{};
};

KeywordTerm toKeywordTerm(const TermCounter::Term& term)
{
    return KeywordTerm{
        QByteArray(term.stem.data(), static_cast<qsizetype>(term.stem.size())),
        QString::fromUtf8(term.word.data(), static_cast<qsizetype>(term.word.size())), term.count};
}

} // namespace

QList<KeywordTerm> KeywordExtractor::terms(const QString& title, const QString& body)
{
    TermCounter counter(title, body);
    std::vector<TermCounter::Term> terms = counter.terms();
    std::sort(
        terms.begin(), terms.end(),
        [](const TermCounter::Term& a, const TermCounter::Term& b) { return a.stem < b.stem; });
    QList<KeywordTerm> result;
    result.reserve(static_cast<qsizetype>(terms.size()));
    for (const TermCounter::Term& term : terms)
        result.append(toKeywordTerm(term));
    return result;
}

QList<KeywordTerm> KeywordExtractor::candidates(const QString& title, const QString& body,
                                                const QStringList& entityNames)
{
    return analyse(title, body, entityNames).candidates;
}

KeywordExtractor::Analysis KeywordExtractor::analyse(const QString& title, const QString& body,
                                                     const QStringList& entityNames)
{
    StringSet excluded; // the names' words, folded as the terms are
    for (const QString& name : entityNames) {
        qsizetype start = -1;
        for (qsizetype i = 0; i <= name.size(); ++i) {
            const bool letter = i < name.size() && name[i].isLetterOrNumber();
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                excluded.insert(folded(QStringView(name).mid(start, i - start)).toStdString());
                start = -1;
            }
        }
    }
    TermCounter counter(title, body);
    std::vector<TermCounter::Term> terms = counter.terms();
    Analysis analysis;
    counter.appendStems(terms, analysis.stems);
    {
        // Most frequent first (a title's words count three times); ties by stem.
        std::vector<const TermCounter::Term*> byCount;
        byCount.reserve(terms.size());
        for (const TermCounter::Term& term : terms)
            byCount.push_back(&term);
        const auto keep = std::min<size_t>(byCount.size(), kFrequent);
        std::partial_sort(byCount.begin(), byCount.begin() + static_cast<std::ptrdiff_t>(keep),
                          byCount.end(),
                          [](const TermCounter::Term* a, const TermCounter::Term* b) {
                              return a->count != b->count ? a->count > b->count : a->stem < b->stem;
                          });
        analysis.frequent.reserve(static_cast<qsizetype>(keep));
        for (size_t i = 0; i < keep; ++i) { // the stem and count are what a profile needs
            const TermCounter::Term& term = *byCount[i];
            analysis.frequent.append(
                KeywordTerm{QByteArray(term.stem.data(), static_cast<qsizetype>(term.stem.size())),
                            QString(), term.count});
        }
    }
    if (!excluded.empty()) {
        std::erase_if(terms, [&excluded](const TermCounter::Term& t) {
            return excluded.find(t.word) != excluded.end();
        });
    }
    // Most frequent first; among words said once, the longer (more specific) first.
    auto before = [](const TermCounter::Term& a, const TermCounter::Term& b) {
        if (a.count != b.count)
            return a.count > b.count;
        if (a.stem.size() != b.stem.size())
            return a.stem.size() > b.stem.size();
        return a.stem < b.stem;
    };
    auto keep = static_cast<qsizetype>(terms.size());
    if (keep > kMaximumCandidates) {
        const auto repeated = std::count_if(terms.cbegin(), terms.cend(),
                                            [](const TermCounter::Term& t) { return t.count > 1; });
        keep = std::clamp<qsizetype>(repeated, kMaximumCandidates / 2, kMaximumCandidates);
        std::nth_element(terms.begin(), terms.begin() + keep, terms.end(), before);
        terms.resize(static_cast<size_t>(keep));
    }
    std::sort(terms.begin(), terms.end(), before);
    analysis.candidates.reserve(keep);
    for (const TermCounter::Term& term : terms)
        analysis.candidates.append(toKeywordTerm(term));
    return analysis;
}

void KeywordQueue::add(qint64 articleId, const QList<KeywordTerm>& candidates)
{
    m_articles.append(articleId);
    for (const KeywordTerm& term : candidates) {
        auto stem = m_stemIds.find(std::string_view(term.stem.constData(), term.stem.size()));
        if (stem == m_stemIds.end()) {
            stem = m_stemIds.emplace(term.stem.toStdString(), static_cast<quint32>(m_stems.size()))
                       .first;
            m_stems.append(term.stem);
        }
        const quint32 word = m_wordIds.insert(term.word, static_cast<quint32>(m_words.size()));
        if (word == static_cast<quint32>(m_words.size()))
            m_words.append(term.word);
        m_entries.append(Entry{stem->second, word, term.count});
    }
    m_ends.append(m_entries.size());
}

void KeywordQueue::clear()
{
    m_stemIds.clear();
    m_stems.clear();
    m_wordIds.clear();
    m_words.clear();
    m_articles.clear();
    m_ends.clear();
    m_entries.clear();
}

void KeywordQueue::countStems(QByteArrayView stems)
{
    const std::string_view all(stems.data(), static_cast<size_t>(stems.size()));
    size_t start = 0;
    while (start < all.size()) {
        size_t end = all.find('\0', start);
        if (end == std::string_view::npos)
            end = all.size();
        const std::string_view stem = all.substr(start, end - start);
        if (auto it = m_counted.find(stem); it != m_counted.end())
            ++it->second;
        else
            m_counted.emplace(std::string(stem), 1);
        start = end + 1;
    }
}

QList<qint64> KeywordQueue::countedFrequencies() const
{
    QList<qint64> frequencies;
    frequencies.reserve(m_stems.size());
    for (const QByteArray& stem : m_stems) {
        const auto it = m_counted.find(std::string_view(stem.constData(), stem.size()));
        frequencies.append(it == m_counted.end() ? 0 : it->second);
    }
    return frequencies;
}

qsizetype KeywordQueue::stemIndex(const QByteArray& stem) const
{
    const auto it = m_stemIds.find(std::string_view(stem.constData(), stem.size()));
    return it == m_stemIds.end() ? -1 : static_cast<qsizetype>(it->second);
}

QList<std::pair<qint64, QStringList>> KeywordQueue::choose(const QList<qint64>& frequencies,
                                                           qint64 total, int count) const
{
    QList<std::pair<qint64, QStringList>> result;
    if (total < KeywordExtractor::kMinimumLibrary || count <= 0)
        return result;
    result.reserve(m_articles.size());
    QList<Scored> scored;
    qsizetype begin = 0;
    for (qsizetype a = 0; a < m_articles.size(); ++a) {
        scored.clear();
        for (qsizetype e = begin; e < m_ends[a]; ++e) {
            const Entry& entry = m_entries[e];
            if (const double s = tfIdf(entry.count, frequencies.value(entry.stem), total); s > 0)
                scored.append({m_words[entry.word], s});
        }
        begin = m_ends[a];
        result.append({m_articles[a], best(scored, count)});
    }
    return result;
}

} // namespace broadsheet::core
