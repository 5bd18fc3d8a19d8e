// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "word_table.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace broadsheet::core {

/// One term of an article: its stem as the full-text index stores it, how often it occurs,
/// and the form the article uses most (what a keyword tag shows).
struct KeywordTerm {
    QByteArray stem;
    QString word;
    int count = 0;
};

/// Keywords: the few terms most distinctive of an article against the whole library, by
/// tf-idf, with document frequencies from the library's own full-text index (terms are
/// stemmed as FTS5 stems them, so the two agree).
class KeywordExtractor {
public:
    /// Fewer articles than this say nothing about what is distinctive: no keywords.
    static constexpr qint64 kMinimumLibrary = 20;

    /// The article's terms, tokenised as FTS5's unicode61 does (lower case, diacritics
    /// removed), without numbers, short words and common English words. A title's words
    /// count three times.
    static QList<KeywordTerm> terms(const QString& title, const QString& body);

    /// The article's terms that may become keywords, most frequent first: none that is a
    /// word of its entity names (`entityNames`, as tagged), and of a long article only what
    /// it repeats or has in its title (a word said once in a long story is seldom what the
    /// story is about), at most kMaximumCandidates. What an import holds until the
    /// library's frequencies are known.
    static QList<KeywordTerm> candidates(const QString& title, const QString& body,
                                         const QStringList& entityNames);
    static constexpr int kMaximumCandidates = 40;

    /// An article's candidates, and every distinct stem it holds (each followed by a NUL
    /// byte): an import counts those to know the document frequencies without the index.
    struct Analysis {
        QList<KeywordTerm> candidates;
        QByteArray stems;
        /// The article's kFrequent most frequent terms, names' words included, stems and
        /// counts only: what its profile for related stories is chosen from
        /// (discovery/term_profile.h).
        QList<KeywordTerm> frequent;
    };
    static constexpr int kFrequent = 150;
    static Analysis analyse(const QString& title, const QString& body,
                            const QStringList& entityNames);
};

/// Articles waiting for their keywords until the library's document frequencies are known:
/// their candidate terms, with stems and words interned, about 12 bytes a term.
class KeywordQueue {
public:
    void add(qint64 articleId, const QList<KeywordTerm>& candidates);
    qsizetype size() const { return m_articles.size(); }
    bool isEmpty() const { return m_articles.isEmpty(); }
    /// Empties the queue; the counted frequencies stay.
    void clear();

    /// Counts the stems of one article (KeywordExtractor::Analysis::stems). When every
    /// article of the library was counted (an import into an empty library), frequencies()
    /// are the library's and the index need not be read: reading them from FTS5 walks
    /// every posting of the index.
    void countStems(QByteArrayView stems);
    void setCountsWholeLibrary(bool whole) { m_countsWholeLibrary = whole; }
    bool countsWholeLibrary() const { return m_countsWholeLibrary; }
    /// In how many counted articles each of stems() occurs.
    QList<qint64> countedFrequencies() const;

    /// Every stem the queued articles hold, each once; frequencies are given in this order.
    const QList<QByteArray>& stems() const { return m_stems; }
    /// The index of `stem` in stems(), or -1.
    qsizetype stemIndex(const QByteArray& stem) const;

    /// Each queued article with up to `count` keywords, best first: tf-idf over `total`
    /// articles, given `frequencies[i]`, the number of them that hold stems()[i]. A term
    /// found in one article only (a typo, a code) is passed over, and so is one far below
    /// the best once three are chosen. Too small a library gives none.
    QList<std::pair<qint64, QStringList>> choose(const QList<qint64>& frequencies, qint64 total,
                                                 int count = 5) const;

private:
    struct Entry {
        quint32 stem;
        quint32 word;
        qint32 count;
    };
    std::unordered_map<std::string, quint32, FastStringHash, std::equal_to<>> m_stemIds;
    QList<QByteArray> m_stems;
    WordTable<quint32> m_wordIds;
    QList<QString> m_words;
    QList<qint64> m_articles;
    QList<qsizetype> m_ends; ///< one past each article's last entry
    QList<Entry> m_entries;

    std::unordered_map<std::string, qint64, FastStringHash, std::equal_to<>> m_counted;
    bool m_countsWholeLibrary = false;
};

} // namespace broadsheet::core
