// SPDX-License-Identifier: GPL-3.0-or-later
#include "entity_words.h"

#include <QFile>

namespace broadsheet::core::entity_words {

namespace {

/// One of the tagger's word lists (resources/gazetteer/words/NAME.txt, compiled in): a
/// word a line, '#' starting a comment. Read once by each list's accessor below.
WordSet wordList(const char* name)
{
    WordSet set;
    QFile file(QStringLiteral(":/gazetteer/words/%1.txt").arg(QLatin1String(name)));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        qWarning("broadsheet: the tagger's word list %s is missing", name);
        return set;
    }
    const QString text = QString::fromUtf8(file.readAll());
    for (QStringView line : QStringView(text).split(u'\n')) {
        line = line.trimmed();
        if (!line.isEmpty() && !line.startsWith(u'#'))
            set.insert(line.toString());
    }
    return set;
}

} // namespace

// ---- Word lists: how English news writes names (rules of the language, not facts) ----

/// Words that are capitalised at the start of a sentence or in a headline but never name
/// anything on their own.
const WordSet& commonWords()
{
    static const WordSet words = wordList("common_words");
    return words;
}

bool isCalendarWord(QStringView word)
{
    static const WordSet words = wordList("calendar_word");
    return words.contains(word);
}

/// Titles and roles that come before a person's name.
const WordSet& personTitles()
{
    static const WordSet words = wordList("person_titles");
    return words;
}

/// Lower-case words just before a name that say it is a person's: "spokesman Mark Stroh".
const WordSet& personCues()
{
    static const WordSet words = wordList("person_cues");
    return words;
}

/// The last word of an organisation's name.
const WordSet& organizationSuffixes()
{
    static const WordSet words = wordList("organization_suffixes");
    return words;
}

/// The last word of a place's name: "Potomac River", "H Street", "Chapel Hill".
bool isPlaceSuffix(QStringView word)
{
    static const WordSet words = wordList("place_suffix");
    return words.contains(word);
}

/// The last word of an event's or a work's name: "World Cup", "Film Festival". Events are
/// not people, organisations or places.
bool isEventSuffix(QStringView word)
{
    static const WordSet words = wordList("event_suffix");
    return words.contains(word);
}

/// The first word of a place's name: "North Kesteven", "Lake Como", "San Diego".
bool isPlacePrefix(QStringView word)
{
    static const WordSet words = wordList("place_prefix");
    return words.contains(word);
}

/// Lower-case words allowed inside a name: "Bank of England", "Ludwig van Beethoven".
bool isConnector(QStringView word)
{
    static const WordSet words = wordList("connector");
    return words.contains(word);
}

/// Lower-case words before a place: "in Sunderland", "near Pyongyang".
bool isPlacePreposition(QStringView word)
{
    static const WordSet words = wordList("place_prepositions");
    return words.contains(word);
}

/// "the Metro", "a Vantage option": people's names do not follow these.
bool isDeterminer(QStringView word)
{
    static const WordSet words = wordList("determiner");
    return words.contains(word);
}

bool isSpeechVerb(QStringView word)
{
    static const WordSet words = wordList("speech_verbs");
    return words.contains(word);
}

/// Words that name no one when they stand alone, though they begin names ("Republican
/// Party", "State Department"): parties' and faiths' adjectives, institutions' nouns.
const WordSet& notNamesAlone()
{
    static const WordSet words = wordList("not_names_alone");
    return words;
}

/// A lone capitalised word that could be someone's surname: not an adjective ("Floridian",
/// "Islamic"), not a plural or a coinage with inner capitals ("GIFs", "NoMa"), not an
/// acronym, not "I" in any form.
bool looksLikeSurname(const QString& word)
{
    if (word.size() < 2 || notNamesAlone().contains(word) || word.startsWith(QLatin1String("I'")) ||
        word.startsWith(QString(u'I') + QChar(0x2019)))
        return false;
    for (qsizetype i = 1; i < word.size(); ++i) {
        if (word[i].isUpper() || word[i].isDigit())
            return false;
    }
    for (const char* ending : {"ian", "ians", "ans", "ese", "ish", "ic", "ics", "ism", "ist",
                               "ists", "ity", "ness", "ment", "tion", "sion", "ing", "ers", "ed"}) {
        if (word.endsWith(QLatin1String(ending)))
            return false;
    }
    return true;
}

bool isNumberWord(QStringView word)
{
    static const WordSet words = [] {
        WordSet set;
        for (const char16_t* w :
             {u"One",     u"Two",     u"Three", u"Four",  u"Five",    u"Six",
              u"Seven",   u"Eight",   u"Nine",  u"Ten",   u"Eleven",  u"Twelve",
              u"Twenty",  u"Thirty",  u"Forty", u"Fifty", u"Hundred", u"Thousand",
              u"Million", u"Billion", u"Dozen", u"Zero"})
            set.insert(QString::fromUtf16(w));
        return set;
    }();
    return words.contains(word);
}

} // namespace broadsheet::core::entity_words
