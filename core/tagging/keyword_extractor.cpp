// SPDX-License-Identifier: GPL-3.0-or-later
#include "keyword_extractor.h"

#include "porter_stemmer.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace broadsheet::core {

namespace {

/// Words too common in English news to say what a story is about, whatever their tf-idf.
const std::unordered_set<std::string_view>& stopWords()
{
    static const std::unordered_set<std::string_view> words = [] {
        std::unordered_set<std::string_view> set;
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
              "saying",    "asked",    "called",    "become",   "became"})
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

QList<KeywordTerm> KeywordExtractor::terms(const QString& title, const QString& body)
{
    // Every word folded into one buffer, then counted in an open-addressing table of views
    // into it: no allocation a word, only one a distinct stem (this runs on every article
    // an import adds).
    std::string folded_;
    folded_.reserve(static_cast<size_t>(title.size() + body.size()));
    struct Slot {
        quint32 start = 0;
        quint32 length = 0; // 0: empty
        int count = 0;
    };
    std::vector<Slot> slots(1024);
    qsizetype used = 0;
    auto view = [&folded_](const Slot& slot) {
        return std::string_view(folded_).substr(slot.start, slot.length);
    };
    auto count = [&](size_t start, int weight) {
        const std::string_view word = std::string_view(folded_).substr(start);
        if (used * 2 >= static_cast<qsizetype>(slots.size())) { // grow, keeping load <= 1/2
            std::vector<Slot> old(slots.size() * 2);
            old.swap(slots);
            for (const Slot& slot : old) {
                if (slot.length == 0)
                    continue;
                size_t i = std::hash<std::string_view>{}(view(slot)) & (slots.size() - 1);
                while (slots[i].length != 0)
                    i = (i + 1) & (slots.size() - 1);
                slots[i] = slot;
            }
        }
        size_t i = std::hash<std::string_view>{}(word) & (slots.size() - 1);
        while (slots[i].length != 0) {
            if (view(slots[i]) == word) {
                slots[i].count += weight;
                folded_.resize(start); // counted: the buffer keeps the first occurrence only
                return;
            }
            i = (i + 1) & (slots.size() - 1);
        }
        slots[i] = Slot{static_cast<quint32>(start), static_cast<quint32>(word.size()), weight};
        ++used;
    };
    auto scan = [&](const QString& text, int weight) {
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
                const size_t start = folded_.size();
                if (ascii) { // the common case: fold without a QString in between
                    for (qsizetype k = i; k < end; ++k) {
                        const char c = static_cast<char>(chars[k].unicode());
                        folded_.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
                    }
                } else {
                    folded_.append(folded(QStringView(text).mid(i, end - i)).toStdString());
                }
                count(start, weight);
            }
            i = end;
        }
    };
    scan(title, 3);
    scan(body, 1);

    // Distinct words to stems; a stem's count is its forms', and it shows the form used
    // most (the shortest, then the first alphabetically, on a tie).
    struct Form {
        QByteArray stem;
        std::string_view word;
        int count;
    };
    std::vector<Form> forms;
    forms.reserve(static_cast<size_t>(used));
    for (const Slot& slot : slots) {
        if (slot.length == 0 || stopWords().contains(view(slot)))
            continue;
        const std::string_view word = view(slot);
        forms.push_back(
            {porterStem(QByteArrayView(word.data(), static_cast<qsizetype>(word.size()))), word,
             slot.count});
    }
    std::sort(forms.begin(), forms.end(), [](const Form& a, const Form& b) {
        if (a.stem != b.stem)
            return a.stem < b.stem;
        if (a.count != b.count)
            return a.count > b.count;
        if (a.word.size() != b.word.size())
            return a.word.size() < b.word.size();
        return a.word < b.word;
    });
    QList<KeywordTerm> result;
    for (size_t i = 0; i < forms.size();) {
        size_t j = i;
        int total = 0;
        for (; j < forms.size() && forms[j].stem == forms[i].stem; ++j)
            total += forms[j].count;
        result.append(KeywordTerm{
            forms[i].stem,
            QString::fromUtf8(forms[i].word.data(), static_cast<qsizetype>(forms[i].word.size())),
            total});
        i = j;
    }
    return result;
}

QStringList
KeywordExtractor::choose(const QList<KeywordTerm>& terms,
                         const std::function<qint64(const QByteArray&)>& documentFrequency,
                         qint64 total, const QSet<QString>& excluded, int count)
{
    if (total < kMinimumLibrary || count <= 0)
        return {};
    QList<Scored> scored;
    for (const KeywordTerm& term : terms) {
        if (excluded.contains(term.word))
            continue;
        if (const double s = tfIdf(term.count, documentFrequency(term.stem), total); s > 0)
            scored.append({term.word, s});
    }
    return best(scored, count);
}

QList<KeywordTerm> KeywordExtractor::candidates(QList<KeywordTerm> terms,
                                                const QStringList& entityNames)
{
    QSet<QString> excluded; // the names' words, lower case, split by hand
    for (const QString& name : entityNames) {
        qsizetype start = -1;
        for (qsizetype i = 0; i <= name.size(); ++i) {
            const bool letter = i < name.size() && name[i].isLetterOrNumber();
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                excluded.insert(name.mid(start, i - start).toLower());
                start = -1;
            }
        }
    }
    if (!excluded.isEmpty())
        terms.removeIf([&excluded](const KeywordTerm& t) { return excluded.contains(t.word); });
    // Most frequent first; among words said once, the longer (more specific) first.
    std::sort(terms.begin(), terms.end(), [](const KeywordTerm& a, const KeywordTerm& b) {
        if (a.count != b.count)
            return a.count > b.count;
        if (a.stem.size() != b.stem.size())
            return a.stem.size() > b.stem.size();
        return a.stem < b.stem;
    });
    if (terms.size() > kMaximumCandidates) {
        const auto repeated = std::count_if(terms.cbegin(), terms.cend(),
                                            [](const KeywordTerm& t) { return t.count > 1; });
        terms.resize(std::clamp<qsizetype>(repeated, kMaximumCandidates / 2, kMaximumCandidates));
    }
    return terms;
}

void KeywordQueue::add(qint64 articleId, const QList<KeywordTerm>& candidates)
{
    m_articles.append(articleId);
    for (const KeywordTerm& term : candidates) {
        auto stem = m_stemIds.constFind(term.stem);
        if (stem == m_stemIds.constEnd()) {
            stem = m_stemIds.insert(term.stem, static_cast<quint32>(m_stems.size()));
            m_stems.append(term.stem);
        }
        auto word = m_wordIds.constFind(term.word);
        if (word == m_wordIds.constEnd()) {
            word = m_wordIds.insert(term.word, static_cast<quint32>(m_words.size()));
            m_words.append(term.word);
        }
        m_entries.append(Entry{*stem, *word, term.count});
    }
    m_ends.append(m_entries.size());
}

void KeywordQueue::clear()
{
    *this = KeywordQueue();
}

qsizetype KeywordQueue::stemIndex(const QByteArray& stem) const
{
    const auto it = m_stemIds.constFind(stem);
    return it == m_stemIds.constEnd() ? -1 : static_cast<qsizetype>(*it);
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
