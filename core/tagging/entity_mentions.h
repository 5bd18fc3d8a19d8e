// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "entity_extractor.h"
#include "entity_tokenizer.h"

#include <QHash>
#include <QList>
#include <QStringList>

#include <optional>

// The entity tagger's middle: the mention finder reads capitalised runs and their cues into
// mentions (entity_mentions.cpp); the resolver joins the mentions of one name and decides
// what counts (entity_resolver.cpp). Used by EntityExtractor.
namespace broadsheet::core::entity_detail {

struct Mention {
    QStringList words;
    std::optional<EntityKind> kind; ///< unknown until resolved against the others
    bool strongPerson = false;      ///< a title or role came before it
    bool canonical = false;         ///< from the gazetteer: its name is final
    bool lead = false;              ///< in the title or the body's first words
    bool guess = false;             ///< a lone capitalised word taken for a surname, no cue
    // What the model decides from (entity_model.h): the rule that named its kind, and the
    // capitalised run it came from, with the words either side.
    const char* cue = "none";
    QString before; ///< the word before the run, lower case; empty at a break or the start
    QString after;  ///< the word after it
    bool possessive = false;
    bool sentenceStart = false;
    bool quoted = false;
};

using Candidate = EntityCandidate;

class Extraction {
public:
    Extraction(const Gazetteer& gazetteer, const LowercaseWords& lowercaseWords)
        : m_gazetteer(gazetteer)
        , m_lowercase(lowercaseWords)
    {
    }

    /// Finds the mentions in `tokens`; those in the first `leadTokens` are in the lead.
    void scan(const QList<Token>& tokens, bool headline, qsizetype leadTokens);
    /// The entities, each with its features; of a long story, only those named twice or in
    /// the lead. With `unruled`, also the names the rules found no kind for; with `all`, also
    /// the guesses and passing mentions the rules leave out. Unsorted.
    QList<Candidate> candidates(bool longStory, bool unruled, bool all);

private:
    void consider(const QList<Token>& tokens, qsizetype first, qsizetype last, bool headline);
    void classify(QStringList words, const QList<Token>& tokens, qsizetype first, qsizetype last,
                  bool headline, bool titled);
    bool isCommon(const Token& token) const;
    QStringList featuresOf(const Entity& entity, bool ruled, bool known,
                           const QList<qsizetype>& mentions) const;
    void add(const QString& name, EntityKind kind, bool canonical = true,
             const char* cue = "gazetteer");

    const Gazetteer& m_gazetteer;
    const LowercaseWords& m_lowercase;
    QList<Mention> m_mentions;
    QHash<QString, Mention> m_acronyms; ///< defined in the article: "… (GOP)"
};

} // namespace broadsheet::core::entity_detail
