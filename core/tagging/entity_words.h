// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "word_table.h"

#include <QString>
#include <QStringView>

// The entity tagger's word lists: how English news writes names (rules of the language, not
// facts), read once from resources/gazetteer/words/ (compiled in). Used by the mention finder.
namespace broadsheet::core::entity_words {

/// Words that are capitalised at the start of a sentence or in a headline but never name
/// anything on their own.
const WordSet& commonWords();

bool isCalendarWord(QStringView word);

/// Titles and roles that come before a person's name.
const WordSet& personTitles();

/// Lower-case words just before a name that say it is a person's: "spokesman Mark Stroh".
const WordSet& personCues();

/// The last word of an organisation's name.
const WordSet& organizationSuffixes();

/// The last word of a place's name: "Potomac River", "H Street", "Chapel Hill".
bool isPlaceSuffix(QStringView word);

/// The last word of an event's or a work's name: "World Cup", "Film Festival". Events are
/// not people, organisations or places.
bool isEventSuffix(QStringView word);

/// The first word of a place's name: "North Kesteven", "Lake Como", "San Diego".
bool isPlacePrefix(QStringView word);

/// Lower-case words allowed inside a name: "Bank of England", "Ludwig van Beethoven".
bool isConnector(QStringView word);

/// Lower-case words before a place: "in Sunderland", "near Pyongyang".
bool isPlacePreposition(QStringView word);

/// "the Metro", "a Vantage option": people's names do not follow these.
bool isDeterminer(QStringView word);

bool isSpeechVerb(QStringView word);

/// "Million", "Seven", "Hundred": a name with one is a title ("Million Dollar Baby"), not a
/// person's.
bool isNumberWord(QStringView word);

/// Words that name no one when they stand alone, though they begin names ("Republican
/// Party", "State Department"): parties' and faiths' adjectives, institutions' nouns.
const WordSet& notNamesAlone();

/// A lone capitalised word that could be someone's surname: not an adjective ("Floridian",
/// "Islamic"), not a plural or a coinage with inner capitals ("GIFs", "NoMa"), not an
/// acronym, not "I" in any form.
bool looksLikeSurname(const QString& word);

} // namespace broadsheet::core::entity_words
