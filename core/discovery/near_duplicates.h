// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace broadsheet::core {

/// Near-duplicates: the same text with small edits (a new headline, a paragraph changed or
/// moved, a different outlet's copy of one wire story). A story's MinHash signature over
/// its body's four-word shingles estimates how much text two stories share (the Jaccard
/// similarity of their shingle sets); its LSH bands find the stories it may share much with
/// by a lookup each, never by reading the library.
class NearDuplicates {
public:
    static constexpr int kHashes = 60;
    static constexpr int kRows = 3; ///< hashes per band
    static constexpr int kBands = kHashes / kRows;
    static constexpr int kShingleWords = 4;
    /// Fewer shingles than this (a body of a line or two) say too little to compare.
    static constexpr int kMinimumShingles = 8;
    /// Two stories are versions of one when they share about this much of their text...
    static constexpr double kThreshold = 0.5;
    /// ...and were published within this many days of each other (or either is undated).
    static constexpr qint64 kMaximumDaysApart = 7;

    using Signature = std::array<std::uint16_t, kHashes>;
    using Bands = std::array<qint64, kBands>;

    /// The body's signature, or nothing when it is too short to compare.
    static std::optional<Signature> signature(QStringView body);
    /// Which week a story falls in, for its bands: versions are at most a week apart, so a
    /// story need only be compared with those of its own and the two weeks beside it. All
    /// undated stories share one bucket of their own.
    static qint64 bucket(std::optional<qint64> publishedSeconds);
    static constexpr qint64 kUndated = -1;
    /// The signature's bands in a bucket: two stories that share one become candidates.
    static Bands bands(const Signature& signature, qint64 bucket);
    /// The share of their shingles two stories have in common, estimated (0 to 1).
    static double similarity(const Signature& a, const Signature& b);
    /// Whether two stories are versions of one: similar enough, and close enough in time
    /// (`daysApart`: nothing when either is undated).
    static bool sameStory(double similarity, std::optional<qint64> daysApart);

    static QByteArray toBytes(const Signature& signature);
    static std::optional<Signature> fromBytes(QByteArrayView bytes);
};

/// A Bloom filter over band keys: whether a band may be in the library's index, or surely
/// is not. A pass over much of the library asks it first, and only a story with a band that
/// may be there reads the index: most stories have no earlier version, and their 60 lookups
/// cost more than the rest of their discovery. Keys only go in (a removed band stays a
/// "may be": one lookup too many, never one too few).
class BandFilter {
public:
    /// Sized for about `expected` keys; the size is capped (32 MB), so a larger library
    /// gets more "may be"s, each one lookup.
    explicit BandFilter(qint64 expected);
    void add(qint64 band);
    bool mayContain(qint64 band) const;

private:
    std::vector<std::uint64_t> m_words;
    std::uint64_t m_mask = 0; ///< bits - 1 (a power of two)
};

} // namespace broadsheet::core
