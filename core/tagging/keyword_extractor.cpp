// SPDX-License-Identifier: GPL-3.0-or-later
#include "keyword_extractor.h"

#include "porter_stemmer.h"

#include <QHash>

#include <algorithm>
#include <cmath>

namespace broadsheet::core {

namespace {

/// Words too common in English news to say what a story is about, whatever their tf-idf.
const QSet<QByteArray>& stopWords()
{
    static const QSet<QByteArray> words = [] {
        QSet<QByteArray> set;
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
            set.insert(QByteArray(w));
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

} // namespace

QList<KeywordTerm> KeywordExtractor::terms(const QString& title, const QString& body)
{
    // Per stem: its count, and the forms it took with theirs (a handful at most).
    struct Tally {
        int count = 0;
        QList<std::pair<QByteArray, int>> forms;
    };
    QHash<QByteArray, Tally> tallies;
    tallies.reserve(256);
    QByteArray word;
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
            if (end - i >= 3 && !digits) {
                if (ascii) { // the common case: fold without a QString in between
                    word.resize(end - i);
                    for (qsizetype k = i; k < end; ++k) {
                        const char c = static_cast<char>(chars[k].unicode());
                        word[k - i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
                    }
                } else {
                    word = folded(QStringView(text).mid(i, end - i)).toUtf8();
                }
                if (!stopWords().contains(word)) {
                    Tally& tally = tallies[porterStem(word)];
                    tally.count += weight;
                    auto form = std::find_if(tally.forms.begin(), tally.forms.end(),
                                             [&word](const auto& f) { return f.first == word; });
                    if (form == tally.forms.end())
                        tally.forms.append({word, weight});
                    else
                        form->second += weight;
                }
            }
            i = end;
        }
    };
    scan(title, 3);
    scan(body, 1);

    QList<KeywordTerm> result;
    result.reserve(tallies.size());
    for (auto it = tallies.cbegin(); it != tallies.cend(); ++it) {
        // The form the article uses most; the shortest, then the first alphabetically, on a tie.
        const std::pair<QByteArray, int>* best = nullptr;
        for (const auto& form : it->forms) {
            if (!best || form.second > best->second ||
                (form.second == best->second &&
                 (form.first.size() < best->first.size() ||
                  (form.first.size() == best->first.size() && form.first < best->first))))
                best = &form;
        }
        result.append(KeywordTerm{it.key(), QString::fromUtf8(best->first), it->count});
    }
    std::sort(result.begin(), result.end(),
              [](const KeywordTerm& a, const KeywordTerm& b) { return a.stem < b.stem; });
    return result;
}

QStringList
KeywordExtractor::choose(const QList<KeywordTerm>& terms,
                         const std::function<qint64(const QByteArray&)>& documentFrequency,
                         qint64 total, const QSet<QString>& excluded, int count)
{
    if (total < kMinimumLibrary || count <= 0)
        return {};
    struct Scored {
        QString word;
        double score;
    };
    QList<Scored> scored;
    for (const KeywordTerm& term : terms) {
        if (excluded.contains(term.word))
            continue;
        const qint64 df = documentFrequency(term.stem);
        if (df < 2)
            continue; // in this article alone: a typo or a code, not a topic
        const double idf = std::log(static_cast<double>(total) / static_cast<double>(df));
        if (idf <= 0)
            continue;
        scored.append({term.word, (1.0 + std::log(static_cast<double>(term.count))) * idf});
    }
    std::sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
        return a.score != b.score ? a.score > b.score : a.word < b.word;
    });
    QStringList keywords;
    for (const Scored& s : scored) {
        // The best few, and none far below the best (a short article has few real topics).
        if (keywords.size() >= count || (keywords.size() >= 3 && s.score < scored[0].score / 2))
            break;
        keywords.append(s.word);
    }
    return keywords;
}

} // namespace broadsheet::core
