// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gazetteer.h"

#include <QList>
#include <QString>

namespace broadsheet::core {

/// A person, organisation or place an article names, under one name however the article
/// writes it ("N. Korea" and "North Korea" are North Korea; "Mr Obama" is Barack Obama when
/// the full name occurs too).
struct Entity {
    QString name;
    EntityKind kind = EntityKind::Place;
    int mentions = 0;

    friend bool operator==(const Entity&, const Entity&) = default;
};

/// Finds the people, organisations and places in an article's title and body. No model: the
/// gazetteer's names, capitalised phrases, and the cues around them: titles and roles
/// before a name ("President", "spokesman", "Mr"), organisation words at its end ("Inc",
/// "Ministry", "Council", "Pictures"), acronyms, "said" after a name, a preposition before
/// a place. Sentence-initial capitals, months, weekdays, demonyms and common words are not
/// entities. Thread-safe: extract() is const and the gazetteer immutable.
class EntityExtractor {
public:
    explicit EntityExtractor(const Gazetteer& gazetteer = Gazetteer::builtIn());

    /// The entities of one article, most mentioned first (then by name). Of a story longer
    /// than kLongStoryWords, a single word the gazetteer does not know ("Lynton") counts
    /// only when the story repeats it or has it in its title or first kLeadWords: said once
    /// further on, it is a passing mention.
    QList<Entity> extract(const QString& title, const QString& body) const;
    static constexpr int kLongStoryWords = 200;
    static constexpr int kLeadWords = 60;

private:
    const Gazetteer& m_gazetteer;
};

} // namespace broadsheet::core
