// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "entity_model.h"
#include "gazetteer.h"

#include <QList>
#include <QString>
#include <QStringList>

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

/// A name the rules found, with what the model judges it by.
struct EntityCandidate {
    Entity entity;        ///< as the rules name it; the kind the rules' guess
    bool ruled = true;    ///< the rules gave it a kind (else `entity.kind` is a placeholder)
    bool guessed = false; ///< a lone word taken for a surname with no cue, said once
    bool passing = false; ///< said once deep in a long story, unknown to the gazetteer
    QStringList features; ///< see EntityModel
};

/// Finds the people, organisations and places in an article's title and body. No model: the
/// gazetteer's names, capitalised phrases, and the cues around them: titles and roles
/// before a name ("President", "spokesman", "Mr"), organisation words at its end ("Inc",
/// "Ministry", "Council", "Pictures"), acronyms, "said" after a name, a preposition before
/// a place. Sentence-initial capitals, months, weekdays, demonyms and common words are not
/// entities. Then the model (EntityModel) has the last word on each name's kind, or leaves
/// it out. Thread-safe: extract() is const, the gazetteer and the model immutable.
class EntityExtractor {
public:
    explicit EntityExtractor(const Gazetteer& gazetteer = Gazetteer::builtIn(),
                             const EntityModel& model = EntityModel::builtIn());

    /// The entities of one article, most mentioned first (then by name). Of a story longer
    /// than kLongStoryWords, a single word the gazetteer does not know ("Lynton") counts
    /// only when the story repeats it or has it in its title or first kLeadWords: said once
    /// further on, it is a passing mention.
    QList<Entity> extract(const QString& title, const QString& body) const;
    static constexpr int kLongStoryWords = 200;
    static constexpr int kLeadWords = 60;

    /// What the rules find before the model judges it (for training it): with `unruled`,
    /// also the names the rules gave no kind; with `all`, also the guesses and passing
    /// mentions the rules alone leave out. Unsorted.
    QList<EntityCandidate> candidates(const QString& title, const QString& body, bool unruled,
                                      bool all) const;

private:
    const Gazetteer& m_gazetteer;
    const EntityModel& m_model;
};

} // namespace broadsheet::core
