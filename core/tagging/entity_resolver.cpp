// SPDX-License-Identifier: GPL-3.0-or-later
// The resolver: one name for each entity however the article writes it, its kind, and what
// counts (a passing mention in a long story does not).
#include "entity_mentions.h"
#include "entity_words.h"

#include <algorithm>

namespace broadsheet::core::entity_detail {

using namespace entity_words;

QList<Candidate> Extraction::candidates(bool longStory, bool unruled, bool all)
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
    QList<bool> ruledOf;        // per entity: the rules gave it a kind
    QList<bool> knownOf;        // per entity: the gazetteer's name
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
        const bool ruled = kind.has_value();
        if (!ruled && (!unruled || fuller))
            continue;
        QString name = words->join(u' ');
        bool known = false;
        if (const Gazetteer::Entry* entry = m_gazetteer.find(name)) {
            name = entry->canonical;
            kind = entry->kind;
            known = true;
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
            result.append(Entity{QString(name.constData(), name.size()),
                                 kind.value_or(EntityKind::Person), 0});
            lead.append(false);
            sure.append(false);
            ruledOf.append(ruled);
            knownOf.append(known);
        } else if (ruled && !ruledOf[entity]) {
            result[entity].kind = *kind;
            ruledOf[entity] = true;
        }
        resolved[d] = Resolved{entity, fuller != nullptr, words->size() > 1};
    }
    QList<QList<qsizetype>> mentionsOf(result.size()); // per entity: its mentions
    for (qsizetype i = 0; i < m_mentions.size(); ++i) {
        const Mention& mention = m_mentions[i];
        const Resolved& r = resolved[distinctOf[i]];
        if (r.entity < 0)
            continue;
        mentionsOf[r.entity].append(i);
        ++result[r.entity].mentions;
        lead[r.entity] = lead[r.entity] || mention.lead || mention.canonical || r.long_;
        sure[r.entity] = sure[r.entity] || !mention.guess || r.fuller;
    }
    // A capitalised word with no cue is a surname only when the article names it again:
    // said once, it is as often a product, a team or a word in a name. And a lone word said
    // once deep in a long story, that the gazetteer does not know, is a passing mention, not
    // what the story is about; it is also where the guesses go wrong most.
    QList<Candidate> kept;
    kept.reserve(result.size());
    for (qsizetype i = 0; i < result.size(); ++i) {
        Candidate candidate;
        candidate.guessed = !sure[i] && result[i].mentions <= 1;
        candidate.passing = longStory && result[i].mentions <= 1 && !lead[i];
        if ((candidate.guessed || candidate.passing) && !all)
            continue;
        candidate.ruled = ruledOf[i];
        candidate.features = featuresOf(result[i], ruledOf[i], knownOf[i], mentionsOf[i]);
        if (candidate.guessed)
            candidate.features.append(QStringLiteral("guessed"));
        if (candidate.passing)
            candidate.features.append(QStringLiteral("passing"));
        candidate.entity = std::move(result[i]);
        kept.append(std::move(candidate));
    }
    return kept;
}

QStringList Extraction::featuresOf(const Entity& entity, bool ruled, bool known,
                                   const QList<qsizetype>& mentions) const
{
    QStringList features;
    features.reserve(24 + 4 * mentions.size());
    auto add = [&features](QString feature) {
        if (!features.contains(feature))
            features.append(std::move(feature));
    };
    features.append(QStringLiteral("bias"));
    features.append(QStringLiteral("rule:") +
                    (ruled ? entityKindName(entity.kind) : QStringLiteral("none")));
    if (known)
        features.append(QStringLiteral("known:") + entityKindName(entity.kind));
    const QStringList words = entity.name.split(u' ', Qt::SkipEmptyParts);
    const qsizetype size = words.size();
    features.append(QStringLiteral("words:") + QString::number(std::min<qsizetype>(size, 4)));
    const int count = entity.mentions;
    features.append(QStringLiteral("mentions:") + QString::number(std::min(count, 3)));
    if (words.isEmpty())
        return features;
    const QString first = words.front().toLower();
    const QString last = words.back().toLower();
    features.append(QStringLiteral("first:") + first);
    features.append(QStringLiteral("last:") + last);
    features.append(QStringLiteral("suffix:") + last.right(3));
    QString shape;
    bool given = false;
    for (qsizetype k = 0; k < size; ++k) {
        const QString& word = words[k];
        if (k > 0 && k + 1 < size)
            add(QStringLiteral("inner:") + word.toLower());
        QChar c = u'x';
        if (std::any_of(word.begin(), word.end(), [](QChar ch) { return ch.isDigit(); }))
            c = u'd';
        else if (word.size() > 1 && word == word.toUpper())
            c = u'X';
        else if (!word.front().isUpper())
            c = u'l';
        else if (word.endsWith(u'.'))
            c = u'i';
        if (shape.isEmpty() || shape.back() != c || c == u'l')
            shape += c;
        if (m_gazetteer.isGivenName(word))
            given = true;
        if (m_lowercase.containsLowered(word) && word.front().isUpper())
            add(QStringLiteral("lowercase-seen"));
        if (word.contains(u'-'))
            add(QStringLiteral("hyphen"));
    }
    features.append(QStringLiteral("shape:") + shape);
    // What the tagger's word lists say of each word: these generalise where the words
    // themselves would only remember the documents trained on.
    auto classes = [this](const QString& word, bool atEnd, bool atStart) {
        QStringList out;
        if (organizationSuffixes().contains(word))
            out.append(atEnd ? QStringLiteral("org-suffix") : QStringLiteral("org-word"));
        if (isPlaceSuffix(word))
            out.append(atEnd ? QStringLiteral("place-suffix") : QStringLiteral("place-word"));
        if (isEventSuffix(word))
            out.append(atEnd ? QStringLiteral("event-suffix") : QStringLiteral("event-word"));
        if (atStart && isPlacePrefix(word))
            out.append(QStringLiteral("place-prefix"));
        if (personTitles().contains(word))
            out.append(QStringLiteral("title-word"));
        if (notNamesAlone().contains(word))
            out.append(QStringLiteral("not-alone"));
        if (commonWords().contains(word))
            out.append(QStringLiteral("common"));
        if (const Gazetteer::Entry* entry = m_gazetteer.find(word))
            out.append(QStringLiteral("known-") + entityKindName(entry->kind));
        if (m_gazetteer.isDemonym(word))
            out.append(QStringLiteral("demonym"));
        if (!looksLikeSurname(word))
            out.append(QStringLiteral("no-surname"));
        return out;
    };
    for (qsizetype k = 0; k < size; ++k) {
        for (const QString& c : classes(words[k], k + 1 == size, k == 0))
            add((k == 0          ? QStringLiteral("first-is:")
                 : k + 1 == size ? QStringLiteral("last-is:")
                                 : QStringLiteral("inner-is:")) +
                c);
    }
    // The last word said alone elsewhere: a surname ("Obama"), or a name's short form.
    if (size > 1) {
        for (const Mention& other : m_mentions) {
            if (other.words.size() == 1 && other.words.front() == words.back()) {
                add(QStringLiteral("last-alone"));
                break;
            }
        }
    }
    if (m_gazetteer.isGivenName(words.front()))
        features.append(QStringLiteral("given-first"));
    else if (given)
        features.append(QStringLiteral("given-inside"));
    for (qsizetype m : mentions) {
        const Mention& mention = m_mentions[m];
        add(QStringLiteral("cue:") + QLatin1String(mention.cue));
        add(QStringLiteral("before:") + mention.before);
        add(QStringLiteral("after:") + mention.after);
        if (mention.possessive)
            add(QStringLiteral("possessive"));
        if (mention.quoted)
            add(QStringLiteral("quoted"));
        if (mention.strongPerson)
            add(QStringLiteral("titled"));
        if (!mention.sentenceStart)
            add(QStringLiteral("mid-sentence"));
        if (mention.lead)
            add(QStringLiteral("lead"));
    }
    return features;
}

} // namespace broadsheet::core::entity_detail
