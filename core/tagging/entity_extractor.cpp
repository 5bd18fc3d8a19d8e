// SPDX-License-Identifier: GPL-3.0-or-later
#include "entity_extractor.h"

#include "entity_mentions.h"
#include "entity_tokenizer.h"

#include <algorithm>

namespace broadsheet::core {

using namespace entity_detail;

namespace {

/// Most mentioned first, then by name.
void sortEntities(QList<Entity>& entities)
{
    std::stable_sort(entities.begin(), entities.end(), [](const Entity& a, const Entity& b) {
        if (a.mentions != b.mentions)
            return a.mentions > b.mentions;
        return a.name < b.name;
    });
}

} // namespace

EntityExtractor::EntityExtractor(const Gazetteer& gazetteer, const EntityModel& model)
    : m_gazetteer(gazetteer)
    , m_model(model)
{
}

QList<Entity> EntityExtractor::extract(const QString& title, const QString& body) const
{
    // Without a model the rules decide, and leave out their guesses and passing mentions.
    const bool judged = !m_model.isEmpty();
    QList<Entity> result;
    for (EntityCandidate& candidate : candidates(title, body, judged && m_model.judgesUnruled(),
                                                 judged && m_model.judgesAll())) {
        if (judged) {
            const std::optional<EntityKind> kind = m_model.decide(candidate.features);
            if (!kind)
                continue;
            candidate.entity.kind = *kind;
        }
        result.append(std::move(candidate.entity));
    }
    sortEntities(result);
    return result;
}

QList<EntityCandidate> EntityExtractor::candidates(const QString& title, const QString& body,
                                                   bool unruled, bool all) const
{
    const QList<Token> bodyTokens = tokenize(body);
    const QList<Token> titleTokens = tokenize(title);
    const LowercaseWords lowercase(bodyTokens);
    // A headline in Title Case capitalises every word: only its known names count.
    int capitalised = 0;
    int words = 0;
    for (const Token& token : titleTokens) {
        if (token.text.size() > 3) {
            ++words;
            if (token.capitalised)
                ++capitalised;
        }
    }
    const bool titleCase = words >= 3 && capitalised * 3 >= words * 2;

    Extraction extraction(m_gazetteer, lowercase);
    extraction.scan(titleTokens, titleCase, titleTokens.size());
    extraction.scan(bodyTokens, false, kLeadWords);
    return extraction.candidates(bodyTokens.size() > kLongStoryWords, unruled, all);
}

} // namespace broadsheet::core
