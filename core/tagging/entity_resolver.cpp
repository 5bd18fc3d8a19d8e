// SPDX-License-Identifier: GPL-3.0-or-later
// The resolver: one name for each entity however the article writes it, its kind, and what
// counts (a passing mention in a long story does not).
#include "entity_mentions.h"
#include "entity_words.h"

#include <algorithm>

namespace broadsheet::core::entity_detail {

using namespace entity_words;

QList<Entity> Extraction::entities(bool longStory)
{
    // Short mentions take the fuller name the article also uses: "Obama" and "Mr Obama" are
    // Barack Obama; "Sony" is Sony Pictures; a surname alone is the person named in full.
    auto isPartOf = [](const QStringList& part, const QStringList& whole) {
        if (part.size() >= whole.size())
            return false;
        for (qsizetype start = 0; start + part.size() <= whole.size(); ++start) {
            if (std::equal(part.begin(), part.end(), whole.begin() + start))
                return true;
        }
        return false;
    };
    // Mentions repeat ("North Korea" seven times): each distinct one is resolved once.
    auto same = [](const Mention& a, const Mention& b) {
        return a.kind == b.kind && a.canonical == b.canonical && a.words == b.words;
    };
    QList<qsizetype> distinct;   // the first mention of each distinct one
    QList<qsizetype> distinctOf; // per mention: its index in `distinct`
    distinctOf.reserve(m_mentions.size());
    for (qsizetype i = 0; i < m_mentions.size(); ++i) {
        qsizetype d = 0;
        while (d < distinct.size() && !same(m_mentions[distinct[d]], m_mentions[i]))
            ++d;
        if (d == distinct.size())
            distinct.append(i);
        distinctOf.append(d);
    }
    QList<Entity> result;
    // Per entity of `result`: named in the lead, or known, or in full (more than a word).
    QList<bool> lead;
    QList<bool> sure;           // per entity: some mention is more than a guess at a lone surname
    WordTable<qsizetype> index; // lower-cased name: its entity in `result`
    struct Resolved {
        qsizetype entity = -1; ///< in `result`; -1: no entity
        bool fuller = false;   ///< named after a fuller mention
        bool long_ = false;    ///< more than a word
    };
    QList<Resolved> resolved(distinct.size());
    for (qsizetype d = 0; d < distinct.size(); ++d) {
        const Mention& mention = m_mentions[distinct[d]];
        const Mention* fuller = nullptr;
        for (qsizetype o : distinct) {
            const Mention& other = m_mentions[o];
            if (&other == &mention || !other.kind || !isPartOf(mention.words, other.words))
                continue;
            if (mention.canonical && other.kind != mention.kind)
                continue; // "China" inside "Bank of China" stays the country
            if (!fuller || other.words.size() > fuller->words.size())
                fuller = &other;
        }
        const QStringList* words = &mention.words;
        std::optional<EntityKind> kind = mention.kind;
        if (fuller && !(mention.canonical && fuller->kind != kind)) {
            words = &fuller->words;
            kind = fuller->kind;
        }
        if (!kind)
            continue;
        QString name = words->join(u' ');
        if (const Gazetteer::Entry* entry = m_gazetteer.find(name)) {
            name = entry->canonical;
            kind = entry->kind;
        }
        QString key = name;
        bool ascii = true;
        for (QChar& c : key) { // ASCII first: QString::toLower asks the Unicode tables
            const char16_t u = c.unicode();
            if (u >= 0x80) {
                ascii = false;
                break;
            }
            if (u >= 'A' && u <= 'Z')
                c = QChar(char16_t(u + 32));
        }
        if (!ascii)
            key = name.toLower();
        const qsizetype entity = index.insert(key, result.size());
        if (entity == result.size()) {
            // An owned copy: a one-word name may still point into the article's text.
            result.append(Entity{QString(name.constData(), name.size()), *kind, 0});
            lead.append(false);
            sure.append(false);
        }
        resolved[d] = Resolved{entity, fuller != nullptr, words->size() > 1};
    }
    for (qsizetype i = 0; i < m_mentions.size(); ++i) {
        const Mention& mention = m_mentions[i];
        const Resolved& r = resolved[distinctOf[i]];
        if (r.entity < 0)
            continue;
        ++result[r.entity].mentions;
        lead[r.entity] = lead[r.entity] || mention.lead || mention.canonical || r.long_;
        sure[r.entity] = sure[r.entity] || !mention.guess || r.fuller;
    }
    // A capitalised word with no cue is a surname only when the article names it again:
    // said once, it is as often a product, a team or a word in a name.
    {
        qsizetype kept = 0;
        for (qsizetype i = 0; i < result.size(); ++i) {
            if (sure[i] || result[i].mentions > 1) {
                lead[kept] = lead[i];
                result[kept++] = std::move(result[i]);
            }
        }
        result.resize(kept);
        lead.resize(kept);
    }
    if (longStory) {
        // A lone word said once deep in a long story, that the gazetteer does not know, is a
        // passing mention, not what the story is about; it is also where the guesses go
        // wrong most.
        qsizetype kept = 0;
        for (qsizetype i = 0; i < result.size(); ++i) {
            if (result[i].mentions > 1 || lead[i])
                result[kept++] = std::move(result[i]);
        }
        result.resize(kept);
    }
    std::stable_sort(result.begin(), result.end(), [](const Entity& a, const Entity& b) {
        if (a.mentions != b.mentions)
            return a.mentions > b.mentions;
        return a.name < b.name;
    });
    return result;
}

} // namespace broadsheet::core::entity_detail
