// SPDX-License-Identifier: GPL-3.0-or-later
#include "near_duplicates.h"

#include <QtEndian>

#include <algorithm>
#include <limits>
#include <vector>

namespace broadsheet::core {

namespace {

/// SplitMix64's finaliser: a good 64-bit mix.
constexpr std::uint64_t mix(std::uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

/// One multiplier and offset per hash function: h_i(x) = (a_i x + b_i) >> 48, a_i odd.
/// Fixed forever: signatures in a library were made with them.
struct HashFunctions {
    std::array<std::uint64_t, NearDuplicates::kHashes> a{};
    std::array<std::uint64_t, NearDuplicates::kHashes> b{};
    constexpr HashFunctions()
    {
        std::uint64_t seed = 0x42726f6164736865ULL; // "Broadshe"
        for (int i = 0; i < NearDuplicates::kHashes; ++i) {
            seed += 0x9e3779b97f4a7c15ULL;
            a[static_cast<size_t>(i)] = mix(seed) | 1U;
            seed += 0x9e3779b97f4a7c15ULL;
            b[static_cast<size_t>(i)] = mix(seed);
        }
    }
};
constexpr HashFunctions kFunctions;

/// The words of a text as hashes: runs of letters and digits, case folded.
std::vector<std::uint64_t> wordHashes(QStringView text)
{
    std::vector<std::uint64_t> words;
    words.reserve(static_cast<size_t>(text.size() / 6 + 1));
    std::uint64_t hash = 0;
    bool inWord = false;
    for (const QChar c : text) {
        if (c.isLetterOrNumber()) {
            const char16_t folded = c.toCaseFolded().unicode();
            hash = (inWord ? hash : 0xcbf29ce484222325ULL) ^ folded;
            hash *= 0x100000001b3ULL; // FNV-1a
            inWord = true;
        } else if (inWord) {
            words.push_back(hash);
            inWord = false;
        }
    }
    if (inWord)
        words.push_back(hash);
    return words;
}

} // namespace

std::optional<NearDuplicates::Signature> NearDuplicates::signature(QStringView body)
{
    const std::vector<std::uint64_t> words = wordHashes(body);
    if (words.size() < static_cast<size_t>(kMinimumShingles + kShingleWords - 1))
        return std::nullopt;
    std::array<std::uint64_t, kHashes> minimum{};
    minimum.fill(std::numeric_limits<std::uint64_t>::max());
    for (size_t start = 0; start + kShingleWords <= words.size(); ++start) {
        std::uint64_t shingle = 0;
        for (size_t w = 0; w < kShingleWords; ++w)
            shingle = (shingle ^ words[start + w]) * 0x9e3779b97f4a7c15ULL;
        shingle = mix(shingle);
        for (size_t i = 0; i < kHashes; ++i)
            minimum[i] = std::min(minimum[i], kFunctions.a[i] * shingle + kFunctions.b[i]);
    }
    Signature signature{};
    for (size_t i = 0; i < kHashes; ++i)
        signature[i] = static_cast<std::uint16_t>(minimum[i] >> 48);
    return signature;
}

qint64 NearDuplicates::bucket(std::optional<qint64> publishedSeconds)
{
    if (!publishedSeconds)
        return kUndated;
    constexpr qint64 kWeek = kMaximumDaysApart * 86400;
    // Weeks from a Monday well before any story (1900): always positive.
    return std::max<qint64>(0, (*publishedSeconds + 2208988800LL) / kWeek);
}

NearDuplicates::Bands NearDuplicates::bands(const Signature& signature, qint64 bucket)
{
    Bands bands{};
    const std::uint64_t salt = mix(static_cast<std::uint64_t>(bucket) + 0x51ed2701ULL);
    for (size_t band = 0; band < kBands; ++band) {
        std::uint64_t key = (band + 1) ^ salt;
        for (size_t row = 0; row < kRows; ++row)
            key = mix(key) ^ signature[band * kRows + row];
        // A positive 63-bit key: SQLite's integers are signed.
        bands[band] = static_cast<qint64>(mix(key) >> 1);
    }
    return bands;
}

double NearDuplicates::similarity(const Signature& a, const Signature& b)
{
    int same = 0;
    for (size_t i = 0; i < kHashes; ++i)
        same += a[i] == b[i] ? 1 : 0;
    return static_cast<double>(same) / kHashes;
}

bool NearDuplicates::sameStory(double similarity, std::optional<qint64> daysApart)
{
    if (similarity < kThreshold)
        return false;
    return !daysApart || (*daysApart >= -kMaximumDaysApart && *daysApart <= kMaximumDaysApart);
}

QByteArray NearDuplicates::toBytes(const Signature& signature)
{
    QByteArray bytes(qsizetype{kHashes} * 2, Qt::Uninitialized);
    for (size_t i = 0; i < kHashes; ++i)
        qToLittleEndian(signature[i], bytes.data() + 2 * i);
    return bytes;
}

std::optional<NearDuplicates::Signature> NearDuplicates::fromBytes(QByteArrayView bytes)
{
    if (bytes.size() != qsizetype{kHashes} * 2)
        return std::nullopt;
    Signature signature{};
    for (size_t i = 0; i < kHashes; ++i)
        signature[i] = qFromLittleEndian<std::uint16_t>(bytes.data() + 2 * i);
    return signature;
}

namespace {
constexpr int kFilterProbes = 5;
constexpr int kFilterBitsPerKey = 24; // with 5 probes: about 1 "may be" in 4,000 absent keys
constexpr std::uint64_t kFilterMinimumBits = std::uint64_t{1} << 16;
constexpr std::uint64_t kFilterMaximumBits = std::uint64_t{1} << 28; // 32 MB
} // namespace

BandFilter::BandFilter(qint64 expected)
{
    const std::uint64_t wanted =
        static_cast<std::uint64_t>(std::max<qint64>(expected, 1)) * kFilterBitsPerKey;
    std::uint64_t bits = kFilterMinimumBits;
    while (bits < wanted && bits < kFilterMaximumBits)
        bits <<= 1;
    m_words.assign(bits / 64, 0);
    m_mask = bits - 1;
}

// The keys are hashes already (bands()): the probes are Kirsch and Mitzenmacher's
// double hashing over the key and a second mix of it.
void BandFilter::add(qint64 band)
{
    const auto key = static_cast<std::uint64_t>(band);
    const std::uint64_t step = mix(key) | 1U;
    for (int i = 0; i < kFilterProbes; ++i) {
        const std::uint64_t bit = (key + static_cast<std::uint64_t>(i) * step) & m_mask;
        m_words[bit >> 6] |= std::uint64_t{1} << (bit & 63);
    }
}

bool BandFilter::mayContain(qint64 band) const
{
    const auto key = static_cast<std::uint64_t>(band);
    const std::uint64_t step = mix(key) | 1U;
    for (int i = 0; i < kFilterProbes; ++i) {
        const std::uint64_t bit = (key + static_cast<std::uint64_t>(i) * step) & m_mask;
        if ((m_words[bit >> 6] & (std::uint64_t{1} << (bit & 63))) == 0)
            return false;
    }
    return true;
}

} // namespace broadsheet::core
