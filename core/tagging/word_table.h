// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

// The tagger's word lookups: sets and maps of words, asked by view. The tagger asks them
// dozens of times a sentence, and QHash's seeded string hash was a third of its time; this
// table hashes eight bytes a step and never copies the word it is asked for.
namespace broadsheet::core {

/// A cheap, unseeded hash of bytes, eight at a step: the tables are built from the gazetteer,
/// the word lists and an article's own words, and a collision costs a comparison, no more.
inline std::uint64_t hashBytes(const void* data, std::size_t size)
{
    constexpr std::uint64_t kMultiplier = 0x9E3779B97F4A7C15ull;
    const auto* bytes = static_cast<const unsigned char*>(data);
    std::size_t left = size;
    std::uint64_t h = size * kMultiplier;
    while (left >= 8) {
        std::uint64_t chunk = 0;
        std::memcpy(&chunk, bytes, 8);
        h = (h ^ chunk) * kMultiplier;
        h ^= h >> 29;
        bytes += 8;
        left -= 8;
    }
    if (left > 0) {
        std::uint64_t chunk = 0;
        std::memcpy(&chunk, bytes, left);
        h = (h ^ chunk) * kMultiplier;
    }
    h ^= h >> 32;
    return h * kMultiplier;
}

inline std::uint64_t hashWord(QStringView word)
{
    return hashBytes(word.data(), static_cast<std::size_t>(word.size()) * sizeof(char16_t));
}

/// hashBytes() for the standard library's tables of strings, transparent to views.
struct FastStringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return hashBytes(s.data(), s.size()); }
};

/// Words to values, open addressing with linear probing; a value per word, set by insert().
template <typename Value>
class WordTable {
public:
    /// Adds `word` with `value`, or finds it: the value in the table is returned either way.
    Value& insert(const QString& word, const Value& value = Value())
    {
        if ((m_count + 1) * 2 > m_slots.size())
            grow();
        const std::uint64_t h = hashWord(word);
        std::size_t i = h & (m_slots.size() - 1);
        while (m_slots[i].used) {
            if (m_slots[i].hash == h && m_slots[i].word == word)
                return m_slots[i].value;
            i = (i + 1) & (m_slots.size() - 1);
        }
        m_slots[i] = Slot{word, value, h, true};
        ++m_count;
        return m_slots[i].value;
    }

    const Value* find(QStringView word) const
    {
        if (m_slots.empty())
            return nullptr;
        const std::uint64_t h = hashWord(word);
        std::size_t i = h & (m_slots.size() - 1);
        while (m_slots[i].used) {
            if (m_slots[i].hash == h && QStringView(m_slots[i].word) == word)
                return &m_slots[i].value;
            i = (i + 1) & (m_slots.size() - 1);
        }
        return nullptr;
    }

    bool contains(QStringView word) const { return find(word) != nullptr; }
    qsizetype size() const { return static_cast<qsizetype>(m_count); }
    void clear()
    {
        m_slots.clear();
        m_count = 0;
    }

private:
    struct Slot {
        QString word;
        Value value{};
        std::uint64_t hash = 0;
        bool used = false;
    };

    void grow()
    {
        std::vector<Slot> old(std::max<std::size_t>(16, m_slots.size() * 2));
        old.swap(m_slots);
        for (Slot& slot : old) {
            if (!slot.used)
                continue;
            std::size_t i = slot.hash & (m_slots.size() - 1);
            while (m_slots[i].used)
                i = (i + 1) & (m_slots.size() - 1);
            m_slots[i] = std::move(slot);
        }
    }

    std::vector<Slot> m_slots;
    std::size_t m_count = 0;
};

struct NoValue {};

/// A set of words.
class WordSet : public WordTable<NoValue> {
public:
    void insert(const QString& word) { WordTable<NoValue>::insert(word); }
};

} // namespace broadsheet::core
