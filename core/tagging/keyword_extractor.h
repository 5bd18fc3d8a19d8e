// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>

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

    /// Up to `count` keywords, best first: tf-idf over `total` articles, where
    /// `documentFrequency(stem)` says how many hold the term. Terms found in one article
    /// only (typos, codes) and words in `excluded` (the article's entity names, lower
    /// case) are passed over.
    static QStringList choose(const QList<KeywordTerm>& terms,
                              const std::function<qint64(const QByteArray&)>& documentFrequency,
                              qint64 total, const QSet<QString>& excluded, int count = 5);
};

} // namespace broadsheet::core
