// SPDX-License-Identifier: GPL-3.0-or-later
#include "entity_extractor.h"

#include "entity_mentions.h"
#include "entity_tokenizer.h"

namespace broadsheet::core {

using namespace entity_detail;

EntityExtractor::EntityExtractor(const Gazetteer& gazetteer)
    : m_gazetteer(gazetteer)
{
}

QList<Entity> EntityExtractor::extract(const QString& title, const QString& body) const
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
    return extraction.entities(bodyTokens.size() > kLongStoryWords);
}

} // namespace broadsheet::core
