// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace broadsheet::core {

/// A story's profile for "more like this": its most telling terms as a tf-idf vector of
/// unit length, with document frequencies from the library's full-text index. Two stories
/// are as alike as the dot product of their profiles (the cosine of their vectors).
class TermProfile {
public:
    /// Terms a profile keeps: enough to compare two stories as a whole.
    static constexpr int kTerms = 100;
    /// Of those, the best ones indexed: what finds the stories to compare with. (On the
    /// BBC corpus, 20 indexed and 100 compared group as well by category as every term.)
    static constexpr int kIndexed = 20;
    /// A term in fewer than 1 in e^2.5 (about 12) of the library's stories counts as rare:
    /// all rare terms weigh alike. Letting the rarest weigh most favours a story's one-off
    /// names over what it is about (same-category share of the related stories on the BBC
    /// corpus: 0.906 with plain idf, 0.929 capped).
    static constexpr double kRareIdf = 2.5;
    /// Weights are stored as integers: a unit vector's components times this.
    static constexpr int kScale = 10000;

    struct Term {
        QByteArray stem;
        int weight = 0; ///< 1 to kScale
    };

    /// A term of a story as the profile is chosen from it.
    struct Candidate {
        QByteArray stem;
        int count = 0;      ///< times in the story
        qint64 stories = 0; ///< the library's stories that hold it
    };

    /// The profile of a story from its most frequent terms (the tagger's), in a library of
    /// `total` stories. A term in no other story says nothing about what is like it: left
    /// out. Best first.
    static QList<Term> build(const QList<Candidate>& terms, qint64 total);

    /// A term's id in the library: a 32-bit FNV-1a hash of its stem, fixed forever (profiles
    /// in libraries were stored with it). Two stems that share one (a few among a million)
    /// count as one term: a rounding error in a cosine, against a lookup table to keep.
    static quint32 termId(QByteArrayView stem);

    /// A profile as stored: term ids and weights.
    struct StoredTerm {
        qint64 term = 0;
        int weight = 0;
    };
    static QByteArray toBytes(const QList<StoredTerm>& terms);
    /// Nothing readable is an empty profile.
    static QList<StoredTerm> fromBytes(QByteArrayView bytes);
};

} // namespace broadsheet::core
