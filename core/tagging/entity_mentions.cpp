// SPDX-License-Identifier: GPL-3.0-or-later
// The mention finder: capitalised runs, the cues around them, acronyms and the gazetteer.
#include "entity_mentions.h"

#include "entity_words.h"

#include <algorithm>

namespace broadsheet::core::entity_detail {

using namespace entity_words;

bool Extraction::isCommon(const Token& token) const
{
    if (commonWords().contains(token.text))
        return true;
    if (token.allCaps && commonWords().contains(token.text.front() + token.text.mid(1).toLower()))
        return true; // "THE United States"
    if (token.allCaps)
        return false;
    if (token.sentenceStart && token.text.endsWith(QLatin1String("ing")) && token.text.size() > 5)
        return true; // "Having …", "Speaking …"
    // A capitalised word that the article also writes in lower case is a common word,
    // capitalised here only because a sentence starts with it.
    if (!token.sentenceStart || token.allCaps)
        return false;
    return m_lowercase.containsLowered(token.text);
}

void Extraction::add(const QString& name, EntityKind kind, bool canonical, const char* cue)
{
    Mention mention;
    mention.words = name.split(u' ');
    mention.kind = kind;
    mention.canonical = canonical;
    mention.cue = cue;
    m_mentions.append(mention);
}

void Extraction::scan(const QList<Token>& tokens, bool headline, qsizetype leadTokens)
{
    qsizetype i = 0;
    const qsizetype n = tokens.size();
    while (i < n) {
        if (!tokens[i].capitalised) {
            ++i;
            continue;
        }
        // A run of capitalised words, joined by connectors, not across punctuation.
        qsizetype last = i;
        qsizetype j = i;
        while (!tokens[j].breakAfter && j + 1 < n) {
            const Token& next = tokens[j + 1];
            if (next.capitalised && !next.sentenceStart) {
                last = ++j;
                continue;
            }
            if (isConnector(next.text) && !next.breakAfter && j + 2 < n &&
                tokens[j + 2].capitalised) {
                j += 2;
                last = j;
                continue;
            }
            break;
        }
        const qsizetype before = m_mentions.size();
        consider(tokens, i, last, headline);
        const bool atBreak = i == 0 || tokens[i - 1].breakAfter;
        for (qsizetype k = before; k < m_mentions.size(); ++k) {
            Mention& mention = m_mentions[k];
            mention.lead = i < leadTokens;
            mention.before = atBreak ? QString() : tokens[i - 1].text.toLower();
            mention.after = tokens[last].breakAfter || last + 1 >= n
                                ? QString()
                                : tokens[last + 1].text.toLower();
            mention.possessive = tokens[last].possessive;
            mention.sentenceStart = tokens[i].sentenceStart;
            mention.quoted = tokens[i].quoteBefore;
        }
        i = last + 1;
    }
}

void Extraction::consider(const QList<Token>& tokens, qsizetype first, qsizetype last,
                          bool headline)
{
    auto phraseOf = [&tokens](qsizetype from, qsizetype to) {
        qsizetype size = to - from;
        for (qsizetype k = from; k <= to; ++k)
            size += tokens[k].text.size();
        QString phrase;
        phrase.reserve(size);
        for (qsizetype k = from; k <= to; ++k) {
            if (k > from)
                phrase += u' ';
            phrase += tokens[k].text;
        }
        return phrase;
    };
    // A known name starting here keeps its first word: "New Zealand", "The Hague".
    auto knownFrom = [&](qsizetype start) {
        // The longest phrase once; each shorter one is a view of its start.
        const qsizetype longest = std::min(last, start + 4);
        const QString phrase = phraseOf(start, longest);
        qsizetype length = phrase.size();
        for (qsizetype end = longest; end > start; --end) {
            if (m_gazetteer.find(QStringView(phrase).first(length)))
                return true;
            length -= tokens[end].text.size() + 1;
        }
        return false;
    };
    // Leading words that name nothing ("But", "The", a sentence-initial common word), and
    // trailing calendar words, are not part of the name.
    // Cues are lower-case words in running text ("spokesman Mark Stroh").
    bool titled = first > 0 && !tokens[first - 1].capitalised &&
                  personCues().contains(tokens[first - 1].text);
    bool afterThe = false; // "The Interview": a thing's name, not a person's
    while (first <= last) {
        const Token& token = tokens[first];
        const bool givenName = first < last && m_gazetteer.isGivenName(token.text) &&
                               !tokens[first + 1].allCaps; // "Jan Kowalczyk"
        if (isConnector(token.text) ||
            (isCommon(token) && !givenName && !m_gazetteer.find(token.text) && !knownFrom(first))) {
            afterThe = afterThe || (token.text == u"The" && !token.sentenceStart);
            ++first;
        } else {
            break;
        }
    }
    // "Theresa May", "Brian May": a month after a given name is a surname.
    while (last >= first && ((isCalendarWord(tokens[last].text) &&
                              !(last > first && m_gazetteer.isGivenName(tokens[last - 1].text))) ||
                             isConnector(tokens[last].text)))
        --last;
    if (first > last)
        return;
    // Shouting ("THE END OF THE STORY") capitalises everything: only known names count.
    if (last > first && std::all_of(tokens.begin() + first, tokens.begin() + last + 1,
                                    [](const Token& t) { return t.allCaps; }))
        headline = true;
    if (afterThe && first == last && !titled) {
        if (const Gazetteer::Entry* entry = m_gazetteer.find(tokens[first].text))
            add(entry->canonical, entry->kind);
        return;
    }
    // A sentence may start with a verb or adverb before a name: "Stop N. Korean …".
    if (tokens[first].sentenceStart && first < last &&
        !m_gazetteer.isGivenName(tokens[first].text) && !m_gazetteer.find(phraseOf(first, last))) {
        const QString rest = phraseOf(first + 1, last);
        if (m_gazetteer.find(rest) || m_gazetteer.isDemonym(rest))
            ++first;
    }
    // Titles and roles before a name ("President", "Mr", "Secretary of State") say a person
    // follows, unless the words are an organisation's name ("Foreign Office", "Home Office").
    const bool organisation = organizationSuffixes().contains(tokens[last].text) ||
                              m_gazetteer.find(phraseOf(first, last));
    while (!organisation && first <= last) {
        const QString& word = tokens[first].text;
        if (personTitles().contains(word) ||
            (word.endsWith(u'.') && personTitles().contains(word.chopped(1))) ||
            (titled && isConnector(word))) {
            if (first == last)
                return;
            titled = true;
            ++first;
        } else {
            break;
        }
    }

    QStringList words;
    for (qsizetype k = first; k <= last; ++k)
        words.append(tokens[k].text);

    // A role inside the run splits it: "US President Barack Obama" is a place, then a person.
    for (qsizetype k = 1; !organisation && k + 1 < words.size(); ++k) {
        if (personTitles().contains(words[k]) && !personTitles().contains(words[k + 1]) &&
            !isConnector(words[k + 1])) {
            qsizetype start = k;
            while (start > 0 &&
                   (personTitles().contains(words[start - 1]) || isConnector(words[start - 1])))
                --start;
            classify(words.mid(0, start), tokens, first, first + start - 1, headline, false);
            qsizetype rest = k + 1;
            while (rest < words.size() &&
                   (personTitles().contains(words[rest]) || isConnector(words[rest])))
                ++rest;
            if (rest < words.size())
                classify(words.mid(rest), tokens, first + rest, last, headline, true);
            return;
        }
    }
    classify(words, tokens, first, last, headline, titled);
}

void Extraction::classify(QStringList words, const QList<Token>& tokens, qsizetype first,
                          qsizetype last, bool headline, bool titled)
{
    while (!words.isEmpty() && isConnector(words.front())) {
        words.removeFirst();
        ++first;
    }
    if (words.isEmpty())
        return;
    // "Beijing-run": the name is the capitalised part before a lower-case one.
    if (words.size() == 1 && words.front().contains(u'-')) {
        const QStringList parts = words.front().split(u'-');
        if (parts.size() >= 2 && parts.front().front().isUpper() && parts.back().front().isLower())
            words.front() = parts.front();
    }
    const QString phrase = words.join(u' ');
    // An acronym defined in brackets is the name before it: "Guardians of Peace (GOP)".
    if (words.size() == 1 && tokens[first].parenBefore && tokens[first].allCaps &&
        !m_mentions.isEmpty() && m_mentions.last().kind) {
        QString initials; // of the capitalised words, and of every word ("of" too)
        QString allInitials;
        for (const QString& word : m_mentions.last().words) {
            if (word.front().isUpper())
                initials += word.front();
            allInitials += word.front().toUpper();
        }
        if (initials == phrase || allInitials == phrase) {
            m_acronyms.insert(phrase, m_mentions.last());
            m_mentions.append(m_mentions.last());
            m_mentions.last().cue = "acronym-defined";
            return;
        }
    }
    if (!m_acronyms.isEmpty()) {
        if (auto defined = m_acronyms.constFind(Gazetteer::normalise(phrase));
            defined != m_acronyms.constEnd()) {
            m_mentions.append(*defined); // the article's own meaning wins over the gazetteer's
            return;
        }
    }
    if (const Gazetteer::Entry* entry = m_gazetteer.find(phrase)) {
        add(entry->canonical, entry->kind);
        return;
    }
    if (m_gazetteer.isDemonym(phrase))
        return;
    // "Davis Cup", "US Open", "Golden Globes": an event's name is one name, and none of the
    // three kinds, even when a place's name starts it.
    if (words.size() > 1 && isEventSuffix(words.back()) && !titled)
        return;
    // A place, demonym or known organisation in front of another name: "US National Security
    // Council", "Chinese state-run newspaper The Global Times".
    for (qsizetype split = std::min<qsizetype>(words.size() - 1, 3); split >= 1; --split) {
        const QString head = words.mid(0, split).join(u' ');
        const Gazetteer::Entry* entry = m_gazetteer.find(head);
        const bool demonym = m_gazetteer.isDemonym(head);
        if (!entry && !demonym)
            continue;
        const QStringList rest = words.mid(split);
        // "Chinese Communist Party" is one name; "British Airways" was in the gazetteer.
        if (demonym && organizationSuffixes().contains(rest.back()))
            break;
        if (entry && entry->kind == EntityKind::Organization && rest.size() == 1 && !titled) {
            add(words.join(u' '), EntityKind::Organization, false, "known-org-head"); // "CNN Style"
            return;
        }
        if (entry)
            add(entry->canonical, entry->kind);
        // "Pyongyang Metro": one more word after a place is what the place has, not a name.
        if (rest.size() > 1 || titled || m_gazetteer.isGivenName(rest.front()))
            classify(rest, tokens, first + split, last, headline, titled);
        return;
    }
    // Initials alone ("A. B. C.") name no one the article could be searched for.
    if (std::all_of(words.begin(), words.end(),
                    [](const QString& w) { return w.size() == 2 && w.back() == u'.'; }))
        return;
    if (headline) { // headlines capitalise freely: only known names count there
        for (qsizetype i = 0; i < words.size();) {
            qsizetype length = std::min<qsizetype>(4, words.size() - i);
            for (; length > 0; --length) {
                if (const Gazetteer::Entry* entry =
                        m_gazetteer.find(words.mid(i, length).join(u' '))) {
                    add(entry->canonical, entry->kind);
                    break;
                }
            }
            i += std::max<qsizetype>(length, 1);
        }
        return;
    }
    if (tokens[first].quoteBefore && !titled) {
        // "Stranger Things", “Zettel’s Traum”: capitalised words up to a closing quotation
        // mark are a quoted title of a work (a possessive may end the run before it).
        qsizetype end = last;
        while (!tokens[end].quoteAfter && end + 1 < tokens.size() && end < last + 4 &&
               tokens[end + 1].capitalised)
            ++end;
        if (tokens[end].quoteAfter)
            return;
    }

    // "Carnival of Brazil" names a place's thing: the place is the entity. "Bank of England"
    // and "Association of America" are organisations, told by the word before "of".
    if (const qsizetype of = words.indexOf(QStringLiteral("of")); of > 0 && of + 1 < words.size()) {
        const QString place = words.mid(of + 1).join(u' ');
        if (m_gazetteer.isDemonym(place) && !organizationSuffixes().contains(words[of - 1]))
            return; // "Millions of South Koreans": people, not a name
        const Gazetteer::Entry* entry = m_gazetteer.find(place);
        if (entry && entry->kind == EntityKind::Place &&
            !organizationSuffixes().contains(words[of - 1]) &&
            !personTitles().contains(words[of - 1])) {
            add(entry->canonical, entry->kind);
            return;
        }
    }
    const bool single = words.size() == 1;
    const QString& lastWord = words.back();
    Mention mention;
    mention.words = words;
    mention.strongPerson = titled;
    // An ordered chain of cues: branches that agree stay apart to keep their place in it.
    // NOLINTBEGIN(bugprone-branch-clone)
    if (titled) {
        mention.kind = EntityKind::Person;
        mention.cue = "titled";
    } else if (organizationSuffixes().contains(lastWord) && !single) {
        mention.kind = EntityKind::Organization;
        mention.cue = "org-suffix";
    } else if (!single && (isPlaceSuffix(lastWord) || isPlacePrefix(words.front()))) {
        mention.kind = EntityKind::Place;
        mention.cue = "place-word";
    } else if (!single && first > 0 && isPlacePreposition(tokens[first - 1].text) &&
               !m_gazetteer.isGivenName(words.front())) {
        mention.kind = EntityKind::Place; // "in Castelfranco Veneto"
        mention.cue = "place-preposition";
    } else if (single && tokens[first].allCaps && lastWord.size() <= 6) {
        if (lastWord.size() < 2 || commonWords().contains(lastWord))
            return;
        mention.kind = EntityKind::Organization;
        mention.cue = "acronym";
    } else if (!single && m_gazetteer.isGivenName(words.front())) {
        // "Marc Forster for Finding Neverland": no one's name runs on through "for" or "of";
        // the person is the part before it.
        for (qsizetype k = 2; k + 1 < words.size(); ++k) {
            if (words[k] == u"for" || words[k] == u"of" || words[k] == u"&") {
                classify(words.mid(0, k), tokens, first, first + k - 1, headline, titled);
                classify(words.mid(k + 1), tokens, first + k + 1, last, headline, false);
                return;
            }
        }
        mention.kind = EntityKind::Person;
        mention.cue = "given-name";
    } else if (last + 1 < tokens.size() && isSpeechVerb(tokens[last + 1].text) &&
               words.size() <= 3 && (!single || looksLikeSurname(lastWord))) {
        mention.kind = EntityKind::Person; // "Mailis said"
        mention.cue = "speech-after";
    } else if (first > 0 && tokens[first - 1].text == u"said" && words.size() <= 3 &&
               (!single || looksLikeSurname(lastWord)) && !tokens[first - 1].breakAfter) {
        mention.kind = EntityKind::Person; // "said Joe Sternlieb"
        mention.cue = "said-before";
    } else if (!single && words.size() <= 3 &&
               std::none_of(words.begin(), words.end(), [](const QString& w) {
                   return isConnector(w) || notNamesAlone().contains(w) ||
                          commonWords().contains(w) || isNumberWord(w);
               })) {
        mention.kind = EntityKind::Person; // two or three capitalised words: most often a name
        mention.cue = "capitalised-words";
    } else if (!single) {
        mention.kind = EntityKind::Organization;
        mention.cue = "long-name";
    } else if (tokens[last].possessive && looksLikeSurname(lastWord) &&
               !m_lowercase.containsLowered(lastWord)) {
        mention.kind = EntityKind::Person; // "in Duffy's fraud trial"
        mention.cue = "possessive";
    } else if (first > 0 && isPlacePreposition(tokens[first - 1].text)) {
        mention.kind = EntityKind::Place; // "in Sunderland"; may yet be someone met later
        mention.cue = "preposition";
    } else if (!tokens[first].sentenceStart && !m_lowercase.containsLowered(lastWord) &&
               !(first > 0 && isDeterminer(tokens[first - 1].text)) && looksLikeSurname(lastWord)) {
        mention.kind = EntityKind::Person; // a surname on its own: "Knightley's", "Trump"
        mention.cue = "surname";
        mention.guess = !m_gazetteer.isGivenName(lastWord); // "Andy" is someone
    }
    // NOLINTEND(bugprone-branch-clone)

    // A single word with no cue stays unknown: resolved against the fuller names, or dropped.
    m_mentions.append(mention);
}

} // namespace broadsheet::core::entity_detail
