// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "word_table.h"

#include <QString>
#include <QStringView>

namespace broadsheet::core {

/// What kind of thing an entity tag names.
enum class EntityKind { Person, Organization, Place };

/// The tag kind stored for an entity: "person", "organization" or "place".
QString entityKindName(EntityKind kind);

/// Names the entity tagger knows without a cue: places (countries from ISO 3166 with the
/// names people use, capitals, cities, regions) with their other names and demonyms,
/// organisations with their acronyms, and common given names. Shipped in
/// resources/gazetteer/ and compiled in. Lookups are exact after normalise().
class Gazetteer {
public:
    struct Entry {
        QString canonical;
        EntityKind kind = EntityKind::Place;
    };

    /// The built-in lists (read once, shared, immutable).
    static const Gazetteer& builtIn();
    /// Lists in the shipped formats: `canonical<TAB>other|names[<TAB>demonyms]` a line, and
    /// given names separated by white space; '#' starts a comment line.
    static Gazetteer fromText(const QString& places, const QString& organizations,
                              const QString& givenNames);

    /// The entry a phrase names ("U.S.", "N. Korea", "the UN"), or nullptr.
    const Entry* find(QStringView phrase) const;
    /// "North Korean", "Chinese": words about a place that are not names of one.
    bool isDemonym(QStringView phrase) const;
    bool isGivenName(QStringView word) const;

    /// Curly apostrophes made straight, runs of spaces made one, a leading "the " dropped.
    static QString normalise(QStringView phrase);

private:
    void addLines(const QString& text, EntityKind kind);

    WordTable<Entry> m_names;
    WordSet m_demonyms;
    WordSet m_givenNames;
};

} // namespace broadsheet::core
