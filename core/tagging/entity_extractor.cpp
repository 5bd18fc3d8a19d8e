// SPDX-License-Identifier: GPL-3.0-or-later
#include "entity_extractor.h"

#include <QHash>
#include <QSet>
#include <QVarLengthArray>

#include <algorithm>
#include <optional>
#include <vector>

namespace broadsheet::core {

namespace {

/// A set of words from a list of literals, for the word lists below.
QSet<QString> latin1Set(std::initializer_list<const char*> words)
{
    QSet<QString> set;
    set.reserve(static_cast<qsizetype>(words.size()));
    for (const char* word : words)
        set.insert(QString::fromLatin1(word));
    return set;
}

// ---- Word lists: how English news writes names (rules of the language, not facts) ----

/// Words that are capitalised at the start of a sentence or in a headline but never name
/// anything on their own.
const QSet<QString>& commonWords()
{
    static const QSet<QString> words = latin1Set({
        "A",         "About",     "According",    "Across",       "After",
        "Again",     "Against",   "Ahead",        "All",          "Almost",
        "Also",      "Although",  "Among",        "An",           "And",
        "Another",   "Any",       "Anyone",       "Anything",     "Are",
        "Around",    "As",        "At",           "Back",         "Be",
        "Because",   "Been",      "Before",       "Being",        "Below",
        "Between",   "Both",      "But",          "By",           "Can",
        "Could",     "Despite",   "Did",          "Do",           "Does",
        "Down",      "During",    "Each",         "Earlier",      "Either",
        "Even",      "Ever",      "Every",        "Few",          "First",
        "For",       "From",      "Further",      "Had",          "Has",
        "Have",      "He",        "Her",          "Here",         "Hers",
        "Him",       "His",       "How",          "However",      "I",
        "If",        "In",        "Indeed",       "Instead",      "Into",
        "Is",        "It",        "Its",          "Just",         "Last",
        "Later",     "Less",      "Let",          "Like",         "Many",
        "May",       "Maybe",     "Me",           "Meanwhile",    "More",
        "Moreover",  "Most",      "Much",         "Must",         "My",
        "Neither",   "Never",     "Nevertheless", "New",          "Next",
        "No",        "None",      "Nor",          "Not",          "Nothing",
        "Now",       "Of",        "Off",          "Often",        "On",
        "Once",      "One",       "Only",         "Or",           "Other",
        "Others",    "Our",       "Out",          "Over",         "Perhaps",
        "Please",    "Rather",    "Same",         "Several",      "She",
        "Should",    "Since",     "So",           "Some",         "Someone",
        "Something", "Soon",      "Still",        "Such",         "Than",
        "That",      "The",       "Their",        "Them",         "Then",
        "There",     "These",     "They",         "This",         "Those",
        "Though",    "Through",   "Thus",         "To",           "Today",
        "Tomorrow",  "Too",       "Two",          "Three",        "Under",
        "Unless",    "Until",     "Up",           "Upon",         "Us",
        "Very",      "Was",       "We",           "Well",         "Were",
        "What",      "Whatever",  "When",         "Where",        "Whether",
        "Which",     "While",     "Who",          "Whom",         "Whose",
        "Why",       "Will",      "With",         "Within",       "Without",
        "Would",     "Yes",       "Yesterday",    "Yet",          "You",
        "Your",      "Internet",  "Web",          "God",          "DNA",
        "VAT",       "GDP",       "HIV",          "AIDS",         "UFO",
        "ATM",       "PIN",       "IT",           "AI",           "GPS",
        "SMS",       "USB",       "DVD",          "CD",           "PR",
        "HR",        "IQ",        "ID",           "FAQ",          "LGBT",
        "LGBTQ",     "MP",        "MPs",          "MEP",          "MEPs",
        "PhD",       "BA",        "MA",           "MBA",          "CCTV",
        "NB",        "PS",        "RIP",          "VIP",          "OK",
        "TV",        "PC",        "CEO",          "PM",           "AM",
        "GMT",       "UTC",       "BST",          "EST",          "PST",
        "Oh",        "Hello",     "Thanks",       "Madam",        "Ltd",
        "Inc",       "Plc",       "Co",           "St",           "Christmas",
        "Easter",    "Ramadan",   "Eid",          "Halloween",    "Thanksgiving",
        "Olympics",  "Games",     "Cup",          "Championship", "Awards",
        "Oscar",     "Oscars",    "Grammy",       "Grammys",      "Bafta",
        "Baftas",    "Emmy",      "Emmys",        "Prize",        "Act",
        "Bill",      "Budget",    "Report",       "Chapter",      "Part",
        "Section",   "Page",      "Figure",       "Table",        "Day",
        "Week",      "Year",      "Times",        "Sunday",       "Monday",
        "Tuesday",   "Wednesday", "Thursday",     "Friday",       "Saturday",
        "January",   "February",  "March",        "April",        "June",
        "July",      "August",    "September",    "October",      "November",
        "December",  "Jan",       "Feb",          "Mar",          "Apr",
        "Jun",       "Jul",       "Aug",          "Sep",          "Sept",
        "Oct",       "Nov",       "Dec",          "AD",           "BC",
    });
    return words;
}

bool isCalendarWord(const QString& word)
{
    static const QSet<QString> words =
        latin1Set({"Sunday",  "Monday",    "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                   "January", "February",  "March",   "April",     "May",      "June",   "July",
                   "August",  "September", "October", "November",  "December", "Jan",    "Feb",
                   "Mar",     "Apr",       "Jun",     "Jul",       "Aug",      "Sep",    "Sept",
                   "Oct",     "Nov",       "Dec",     "Christmas", "Easter"});
    return words.contains(word);
}

/// Titles and roles that come before a person's name.
const QSet<QString>& personTitles()
{
    static const QSet<QString> words = latin1Set({"Mr",
                                                  "Mrs",
                                                  "Ms",
                                                  "Miss",
                                                  "Dr",
                                                  "Sir",
                                                  "Dame",
                                                  "Lady",
                                                  "Lord",
                                                  "President",
                                                  "Vice",
                                                  "Premier",
                                                  "Chancellor",
                                                  "Senator",
                                                  "Sen",
                                                  "Rep",
                                                  "Representative",
                                                  "Congressman",
                                                  "Congresswoman",
                                                  "Governor",
                                                  "Gov",
                                                  "Mayor",
                                                  "Judge",
                                                  "Justice",
                                                  "General",
                                                  "Gen",
                                                  "Colonel",
                                                  "Col",
                                                  "Captain",
                                                  "Capt",
                                                  "Lieutenant",
                                                  "Lt",
                                                  "Sergeant",
                                                  "Sgt",
                                                  "Major",
                                                  "Admiral",
                                                  "Commander",
                                                  "King",
                                                  "Queen",
                                                  "Prince",
                                                  "Princess",
                                                  "Pope",
                                                  "Father",
                                                  "Rev",
                                                  "Reverend",
                                                  "Bishop",
                                                  "Archbishop",
                                                  "Cardinal",
                                                  "Rabbi",
                                                  "Imam",
                                                  "Sheikh",
                                                  "Professor",
                                                  "Prof",
                                                  "Secretary",
                                                  "Minister",
                                                  "Ambassador",
                                                  "Chairman",
                                                  "Chairwoman",
                                                  "Chief",
                                                  "Coach",
                                                  "Manager",
                                                  "Detective",
                                                  "Inspector",
                                                  "Officer",
                                                  "Constable",
                                                  "Superintendent",
                                                  "Commissioner",
                                                  "Director",
                                                  "Speaker",
                                                  "Leader",
                                                  "Chair",
                                                  "Prime",
                                                  "Deputy",
                                                  "Foreign",
                                                  "Defence",
                                                  "Defense",
                                                  "Home",
                                                  "Health",
                                                  "Finance",
                                                  "Trade",
                                                  "Interior",
                                                  "Attorney",
                                                  "State",
                                                  "Shadow",
                                                  "Former",
                                                  "Acting",
                                                  "Emperor",
                                                  "Empress",
                                                  "Duke",
                                                  "Duchess",
                                                  "Earl",
                                                  "Baroness",
                                                  "Baron",
                                                  "Saint"});
    return words;
}

/// Lower-case words just before a name that say it is a person's: "spokesman Mark Stroh".
const QSet<QString>& personCues()
{
    static const QSet<QString> words =
        latin1Set({"spokesman",    "spokeswoman",   "spokesperson", "leader",
                   "president",    "minister",      "chairman",     "chairwoman",
                   "chief",        "executive",     "director",     "boss",
                   "founder",      "manager",       "coach",        "striker",
                   "midfielder",   "defender",      "goalkeeper",   "captain",
                   "player",       "singer",        "actor",        "actress",
                   "star",         "author",        "writer",       "novelist",
                   "director",     "producer",      "presenter",    "host",
                   "journalist",   "reporter",      "editor",       "correspondent",
                   "analyst",      "economist",     "professor",    "lawyer",
                   "attorney",     "judge",         "senator",      "governor",
                   "mayor",        "secretary",     "officer",      "official",
                   "spokesperson", "colleague",     "partner",      "wife",
                   "husband",      "son",           "daughter",     "mother",
                   "father",       "brother",       "sister",       "rapper",
                   "comedian",     "champion",      "rival",        "opponent",
                   "candidate",    "nominee",       "chancellor",   "premier",
                   "envoy",        "ambassador",    "adviser",      "advisor",
                   "aide",         "campaigner",    "activist",     "dr",
                   "mr",           "mrs",           "ms",           "sir",
                   "businessman",  "businesswoman", "billionaire",  "model",
                   "designer",     "artist",        "musician",     "guitarist",
                   "drummer",      "frontman",      "tycoon",       "investor",
                   "inventor",     "scientist",     "researcher",   "doctor",
                   "surgeon",      "nurse",         "teacher",      "student",
                   "pupil",        "victim",        "suspect",      "defendant",
                   "detective",    "inspector",     "commissioner", "representative",
                   "congressman",  "congresswoman", "lawmaker",     "mp",
                   "mep"});
    return words;
}

/// The last word of an organisation's name.
const QSet<QString>& organizationSuffixes()
{
    static const QSet<QString> words = latin1Set({"Inc",
                                                  "Corp",
                                                  "Corporation",
                                                  "Co",
                                                  "Company",
                                                  "Ltd",
                                                  "Limited",
                                                  "Plc",
                                                  "PLC",
                                                  "LLC",
                                                  "LLP",
                                                  "AG",
                                                  "SA",
                                                  "GmbH",
                                                  "NV",
                                                  "Group",
                                                  "Holdings",
                                                  "Industries",
                                                  "Partners",
                                                  "Associates",
                                                  "Bank",
                                                  "Fund",
                                                  "Trust",
                                                  "Capital",
                                                  "Investments",
                                                  "Securities",
                                                  "Insurance",
                                                  "Motors",
                                                  "Airlines",
                                                  "Airways",
                                                  "Pictures",
                                                  "Studios",
                                                  "Records",
                                                  "Entertainment",
                                                  "Media",
                                                  "Networks",
                                                  "Communications",
                                                  "Telecom",
                                                  "Technologies",
                                                  "Technology",
                                                  "Systems",
                                                  "Software",
                                                  "Labs",
                                                  "Pharmaceuticals",
                                                  "Energy",
                                                  "Oil",
                                                  "Petroleum",
                                                  "Foods",
                                                  "Stores",
                                                  "Brands",
                                                  "Ministry",
                                                  "Department",
                                                  "Agency",
                                                  "Office",
                                                  "Council",
                                                  "Committee",
                                                  "Commission",
                                                  "Authority",
                                                  "Board",
                                                  "Bureau",
                                                  "Service",
                                                  "Services",
                                                  "Administration",
                                                  "Directorate",
                                                  "Secretariat",
                                                  "Court",
                                                  "Tribunal",
                                                  "Parliament",
                                                  "Assembly",
                                                  "Congress",
                                                  "Senate",
                                                  "Police",
                                                  "Army",
                                                  "Navy",
                                                  "Force",
                                                  "Forces",
                                                  "Guard",
                                                  "Party",
                                                  "Movement",
                                                  "Front",
                                                  "Alliance",
                                                  "Coalition",
                                                  "Union",
                                                  "Federation",
                                                  "League",
                                                  "Association",
                                                  "Society",
                                                  "Institute",
                                                  "Institution",
                                                  "Foundation",
                                                  "Organisation",
                                                  "Organization",
                                                  "Centre",
                                                  "Center",
                                                  "University",
                                                  "College",
                                                  "School",
                                                  "Academy",
                                                  "Hospital",
                                                  "Clinic",
                                                  "Club",
                                                  "FC",
                                                  "United",
                                                  "City",
                                                  "Rovers",
                                                  "Athletic",
                                                  "Orchestra",
                                                  "Band",
                                                  "Times",
                                                  "Post",
                                                  "News",
                                                  "Herald",
                                                  "Journal",
                                                  "Tribune",
                                                  "Gazette",
                                                  "Telegraph",
                                                  "Observer",
                                                  "Magazine",
                                                  "Press",
                                                  "Radio",
                                                  "Television",
                                                  "TV",
                                                  "Broadcasting",
                                                  "Channel",
                                                  "Network",
                                                  "Church",
                                                  "Mission",
                                                  "Cabinet",
                                                  "Government",
                                                  "Chamber",
                                                  "Exchange",
                                                  "Reserve",
                                                  "Treasury",
                                                  "Group",
                                                  "Consortium",
                                                  "Team",
                                                  "Squad",
                                                  "Brigade",
                                                  "Regiment",
                                                  "Command"});
    return words;
}

/// The last word of a place's name: "Potomac River", "H Street", "Chapel Hill".
bool isPlaceSuffix(const QString& word)
{
    static const QSet<QString> words = latin1Set(
        {"River",     "Hill",     "Hills",    "Street",  "Road",      "Avenue",    "Lane",
         "Square",    "Park",     "Bridge",   "Lake",    "Mountain",  "Mountains", "Mount",
         "Island",    "Islands",  "Bay",      "Valley",  "Beach",     "County",    "Province",
         "Region",    "District", "Airport",  "Station", "Circuit",   "House",     "Palace",
         "Castle",    "Tower",    "Stadium",  "Arena",   "Coast",     "Sea",       "Ocean",
         "Canyon",    "Forest",   "Desert",   "Heights", "Harbour",   "Harbor",    "Port",
         "Village",   "Town",     "Township", "Borough", "Peninsula", "Strait",    "Falls",
         "Gardens",   "Field",    "Fields",   "Green",   "Common",    "Cathedral", "Abbey",
         "Boulevard", "Way",      "Place",    "Quay",    "Wharf",     "Dock",      "Docks",
         "Estate",    "Prison",   "Base",     "Camp",    "Zone",      "Territory", "State",
         "Republic",  "Kingdom",  "Empire"});
    return words.contains(word);
}

/// The last word of an event's or a work's name: "World Cup", "Film Festival". Events are
/// not people, organisations or places.
bool isEventSuffix(const QString& word)
{
    static const QSet<QString> words =
        latin1Set({"Cup",           "Slam",       "Festival", "Awards",    "Award",  "Championship",
                   "Championships", "Open",       "Games",    "Trophy",    "Series", "Prize",
                   "Olympics",      "Tournament", "Derby",    "Final",     "Finals", "Marathon",
                   "Prix",          "Tour",       "Show",     "Expo",      "Summit", "Conference",
                   "Forum",         "Nations",    "Day",      "Week",      "Year",   "Act",
                   "Bill",          "Treaty",     "Accord",   "Agreement", "Plan",   "Report",
                   "Review",        "Inquiry",    "War",      "Crisis",    "Budget", "Election",
                   "Elections",     "Referendum", "Scheme",   "Index",     "Edition"});
    return words.contains(word);
}

/// The first word of a place's name: "North Kesteven", "Lake Como", "San Diego".
bool isPlacePrefix(const QString& word)
{
    static const QSet<QString> words = latin1Set(
        {"North", "South", "East", "West",     "Central",  "Upper",   "Lower",  "Greater", "Lake",
         "Mount", "Port",  "Fort", "San",      "Santa",    "Los",     "Las",    "Saint",   "St",
         "Cape",  "Isle",  "Gulf", "Northern", "Southern", "Eastern", "Western"});
    return words.contains(word);
}

/// Lower-case words allowed inside a name: "Bank of England", "Ludwig van Beethoven".
bool isConnector(const QString& word)
{
    static const QSet<QString> words =
        latin1Set({"of", "for", "de", "du", "da", "del", "della", "der", "den", "van", "von", "bin",
                   "ibn", "al", "el", "la", "le", "y", "&"});
    return words.contains(word);
}

/// Lower-case words before a place: "in Sunderland", "near Pyongyang".
bool isPlacePreposition(const QString& word)
{
    return word == u"in" || word == u"near" || word == u"from" || word == u"across" ||
           word == u"outside" || word == u"throughout" || word == u"to" || word == u"into";
}

/// "the Metro", "a Vantage option": people's names do not follow these.
bool isDeterminer(const QString& word)
{
    static const QSet<QString> words = latin1Set(
        {"the", "a",  "an",   "this",  "that", "these", "those", "its", "their", "his",  "her",
         "our", "my", "your", "every", "each", "any",   "some",  "no",  "new",   "free", "whose"});
    return words.contains(word);
}

bool isSpeechVerb(const QString& word)
{
    return word == u"said" || word == u"says" || word == u"told" || word == u"added" ||
           word == u"explained" || word == u"argued" || word == u"insisted" || word == u"warned" ||
           word == u"admitted" || word == u"wrote" || word == u"asked" || word == u"replied" ||
           word == u"claimed" || word == u"believes" || word == u"thinks" || word == u"stated";
}

/// Words that name no one when they stand alone, though they begin names ("Republican
/// Party", "State Department"): parties' and faiths' adjectives, institutions' nouns.
const QSet<QString>& notNamesAlone()
{
    static const QSet<QString> words = latin1Set(
        {"Republican",    "Republicans",   "Democrat", "Democrats", "Democratic", "Conservative",
         "Conservatives", "Liberal",       "Liberals", "Socialist", "Socialists", "Communist",
         "Communists",    "Islamic",       "Islamist", "Muslim",    "Muslims",    "Christian",
         "Christians",    "Jewish",        "Jew",      "Jews",      "Catholic",   "Catholics",
         "Protestant",    "Hindu",         "Hindus",   "Sikh",      "Buddhist",   "Arab",
         "Arabs",         "Nazi",          "Nazis",    "Soviet",    "Western",    "Eastern",
         "Northern",      "Southern",      "Brexit",   "People",    "Men",        "Women",
         "Government",    "State",         "City",     "Court",     "Police",     "Army",
         "Council",       "Parliament",    "Minister", "President", "Prime",      "Senate",
         "House",         "Congress",      "Ministry", "Office",    "Party",      "Union",
         "Church",        "Crown",         "Queen",    "King",      "Royal",      "National",
         "Federal",       "International", "Global",   "World",     "Earth",      "Sun",
         "Moon",          "Mother",        "Father",   "Dad",       "Mum",        "Mom",
         "Century",       "Millennium",    "Analysts", "Experts",   "Officials",  "Critics",
         "Fans"});
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

// ---- Tokens ----

struct Token {
    QString text; ///< the word, possessive 's and trailing periods of initials kept
    bool capitalised = false;
    bool allCaps = false;
    bool sentenceStart = false;
    bool possessive = false;  ///< ended in 's or s'
    bool breakAfter = false;  ///< punctuation follows: a name cannot run on
    bool quoteBefore = false; ///< an opening quotation mark comes just before
    bool parenBefore = false; ///< "(" comes just before: "Guardians of Peace (GOP)"
    bool quoteAfter = false;  ///< a closing quotation mark comes just after
};

bool isApostrophe(QChar c)
{
    return c == u'\'' || c == QChar(0x2019);
}

/// Splits text into words, marking capitals, sentence starts and punctuation breaks.
// ASCII first: most news text is, and QChar's Unicode tables cost a lookup a character.
inline bool isAlnum(QChar c)
{
    const char16_t u = c.unicode();
    if (u < 0x80)
        return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9');
    return c.isLetterOrNumber();
}

inline bool isWordChar(QChar c)
{
    return isAlnum(c) || (c.unicode() >= 0x80 && c.isMark());
}

inline bool isUpperChar(QChar c)
{
    const char16_t u = c.unicode();
    return u < 0x80 ? (u >= 'A' && u <= 'Z') : c.isUpper();
}

inline bool isLetterChar(QChar c)
{
    const char16_t u = c.unicode();
    return u < 0x80 ? ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z')) : c.isLetter();
}

QList<Token> tokenize(const QString& text)
{
    QList<Token> tokens;
    tokens.reserve(text.size() / 5); // about one word in five characters
    bool sentenceStart = true;
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = text[i];
        if (!isAlnum(c)) {
            if (c == u'.' || c == u'!' || c == u'?' || c == u':' || c == u';' || c == u'\n' ||
                c == QChar(0x2026)) {
                if (c != u':' && c != u';')
                    sentenceStart = true;
                if (!tokens.isEmpty())
                    tokens.last().breakAfter = true;
            } else if (c == u',' || c == u')' || c == u']' || c == u'"' || c == QChar(0x201D) ||
                       c == QChar(0x201C) || c == u'(' || c == u'[' || c == u'-' ||
                       c == QChar(0x2013) || c == QChar(0x2014) || c == u'/' || c == u'|') {
                if (!tokens.isEmpty())
                    tokens.last().breakAfter = true;
                if ((c == u'"' || c == QChar(0x201C)) && (i + 1 < n && isUpperChar(text[i + 1])))
                    sentenceStart = true; // a quotation starts a sentence
            }
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end < n) {
            const QChar d = text[end];
            if (isWordChar(d)) {
                ++end;
                continue;
            }
            // Inside a word: hyphens, apostrophes and ampersands between letters.
            if ((d == u'-' || isApostrophe(d) || d == u'&') && end + 1 < n &&
                isAlnum(text[end + 1])) {
                ++end;
                continue;
            }
            break;
        }
        Token token;
        // Initials and dotted acronyms ("N.", "U.S.", "U.S.A.") are one word with their dots.
        if (end - i == 1 && isUpperChar(text[i]) && end < n && text[end] == u'.') {
            ++end;
            while (end + 1 < n && isUpperChar(text[end]) && text[end + 1] == u'.')
                end += 2;
        }
        // Possessives: "Korea's", "Knightley’s", "Americans'".
        qsizetype length = end - i;
        if (length > 2 && text[end - 1] == u's' && isApostrophe(text[end - 2])) {
            length -= 2;
            token.possessive = true;
        } else if (end < n && isApostrophe(text[end]) && text[end - 1] == u's' &&
                   (end + 1 == n || !isLetterChar(text[end + 1]))) {
            token.possessive = true;
        }
        // The word refers into the article's text (which outlives the extraction): no copy.
        token.text = QString::fromRawData(text.constData() + i, length);
        // Read through a const reference: non-const access would copy the borrowed text.
        const QString& word = token.text;
        token.capitalised = isUpperChar(word.front());
        int letters = 0;
        int upper = 0;
        for (QChar ch : word) {
            if (isLetterChar(ch)) {
                ++letters;
                if (isUpperChar(ch))
                    ++upper;
            }
        }
        token.allCaps = letters >= 2 && upper == letters;
        token.sentenceStart = sentenceStart;
        token.parenBefore = i > 0 && text[i - 1] == u'(';
        token.quoteBefore = i > 0 && (text[i - 1] == u'"' || text[i - 1] == QChar(0x201C) ||
                                      text[i - 1] == QChar(0x2018));
        for (qsizetype after = end; after < n && after <= end + 2; ++after) {
            const QChar q = text[after];
            if (q == u'"' || q == QChar(0x201D) || q == QChar(0x2019)) {
                token.quoteAfter = true;
                break;
            }
            if (q != u',' && q != u'.')
                break;
        }
        sentenceStart = false;
        if (token.possessive)
            token.breakAfter = true;
        tokens.append(std::move(token));
        i = end;
    }
    return tokens;
}

/// The words an article writes in lower case, asked whether a capitalised word also occurs
/// in lower case. Views into the article's text in an open-addressing table: built for every
/// article an import adds, so it allocates once.
class LowercaseWords {
public:
    explicit LowercaseWords(const QList<Token>& tokens)
    {
        qsizetype count = 0;
        for (const Token& token : tokens)
            count += !token.capitalised && token.text.size() > 2;
        size_t size = 64;
        while (size < static_cast<size_t>(count) * 2)
            size *= 2;
        m_slots.resize(size);
        for (const Token& token : tokens) {
            if (token.capitalised || token.text.size() <= 2) // shorter ones are common words
                continue;
            const QStringView word(token.text);
            size_t i = hash(word, false) & (m_slots.size() - 1);
            while (!m_slots[i].isNull() && m_slots[i] != word)
                i = (i + 1) & (m_slots.size() - 1);
            m_slots[i] = word;
        }
    }

    /// Whether the article writes `word` in lower case too.
    bool containsLowered(QStringView word) const
    {
        size_t i = hash(word, true) & (m_slots.size() - 1);
        while (!m_slots[i].isNull()) {
            const QStringView slot = m_slots[i];
            if (slot.size() == word.size()) {
                qsizetype k = 0;
                while (k < word.size() && slot[k] == lower(word[k]))
                    ++k;
                if (k == word.size())
                    return true;
            }
            i = (i + 1) & (m_slots.size() - 1);
        }
        return false;
    }

private:
    static QChar lower(QChar c)
    {
        const char16_t u = c.unicode();
        if (u < 0x80)
            return (u >= 'A' && u <= 'Z') ? QChar(char16_t(u + 32)) : c;
        return c.toLower();
    }
    static size_t hash(QStringView word, bool lowered)
    {
        size_t h = 1469598103934665603ull; // FNV-1a over UTF-16 code units
        for (QChar c : word) {
            h ^= (lowered ? lower(c) : c).unicode();
            h *= 1099511628211ull;
        }
        return h;
    }

    std::vector<QStringView> m_slots;
};

// ---- Mentions ----

struct Mention {
    QStringList words;
    std::optional<EntityKind> kind; ///< unknown until resolved against the others
    bool strongPerson = false;      ///< a title or role came before it
    bool canonical = false;         ///< from the gazetteer: its name is final
    bool lead = false;              ///< in the title or the body's first words
    bool guess = false;             ///< a lone capitalised word taken for a surname, no cue
};

class Extraction {
public:
    Extraction(const Gazetteer& gazetteer, const LowercaseWords& lowercaseWords)
        : m_gazetteer(gazetteer)
        , m_lowercase(lowercaseWords)
    {
    }

    /// Finds the mentions in `tokens`; those in the first `leadTokens` are in the lead.
    void scan(const QList<Token>& tokens, bool headline, qsizetype leadTokens);
    /// The entities; of a long story, only those named twice or in the lead.
    QList<Entity> entities(bool longStory);

private:
    void consider(const QList<Token>& tokens, qsizetype first, qsizetype last, bool headline);
    void classify(QStringList words, const QList<Token>& tokens, qsizetype first, qsizetype last,
                  bool headline, bool titled);
    bool isCommon(const Token& token) const;
    void add(const QString& name, EntityKind kind, bool canonical = true);

    const Gazetteer& m_gazetteer;
    const LowercaseWords& m_lowercase;
    QList<Mention> m_mentions;
    QHash<QString, Mention> m_acronyms; ///< defined in the article: "… (GOP)"
};

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

void Extraction::add(const QString& name, EntityKind kind, bool canonical)
{
    Mention mention;
    mention.words = name.split(u' ');
    mention.kind = kind;
    mention.canonical = canonical;
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
        for (qsizetype k = before; k < m_mentions.size(); ++k)
            m_mentions[k].lead = i < leadTokens;
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
    while (last >= first && (isCalendarWord(tokens[last].text) || isConnector(tokens[last].text)))
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
            add(words.join(u' '), EntityKind::Organization, false); // "CNN Style"
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
    } else if (!single && isEventSuffix(lastWord)) {
        return; // "World Cup", "Academy Awards": an event, none of the three kinds
    } else if (organizationSuffixes().contains(lastWord) && !single) {
        mention.kind = EntityKind::Organization;
    } else if (!single && (isPlaceSuffix(lastWord) || isPlacePrefix(words.front()))) {
        mention.kind = EntityKind::Place;
    } else if (!single && first > 0 && isPlacePreposition(tokens[first - 1].text) &&
               !m_gazetteer.isGivenName(words.front())) {
        mention.kind = EntityKind::Place; // "in Castelfranco Veneto"
    } else if (single && tokens[first].allCaps && lastWord.size() <= 6) {
        if (lastWord.size() < 2 || commonWords().contains(lastWord))
            return;
        mention.kind = EntityKind::Organization;
    } else if (!single && m_gazetteer.isGivenName(words.front())) {
        mention.kind = EntityKind::Person;
    } else if (last + 1 < tokens.size() && isSpeechVerb(tokens[last + 1].text) &&
               words.size() <= 3 && (!single || looksLikeSurname(lastWord))) {
        mention.kind = EntityKind::Person; // "Mailis said"
    } else if (first > 0 && tokens[first - 1].text == u"said" && words.size() <= 3 &&
               (!single || looksLikeSurname(lastWord)) && !tokens[first - 1].breakAfter) {
        mention.kind = EntityKind::Person; // "said Joe Sternlieb"
    } else if (!single && words.size() <= 3 &&
               std::none_of(words.begin(), words.end(), [](const QString& w) {
                   return isConnector(w) || notNamesAlone().contains(w) ||
                          commonWords().contains(w);
               })) {
        mention.kind = EntityKind::Person; // two or three capitalised words: most often a name
    } else if (!single) {
        mention.kind = EntityKind::Organization;
    } else if (tokens[last].possessive && looksLikeSurname(lastWord) &&
               !m_lowercase.containsLowered(lastWord)) {
        mention.kind = EntityKind::Person; // "in Duffy's fraud trial"
    } else if (first > 0 && isPlacePreposition(tokens[first - 1].text)) {
        mention.kind = EntityKind::Place; // "in Sunderland"; may yet be someone met later
    } else if (!tokens[first].sentenceStart && !m_lowercase.containsLowered(lastWord) &&
               !(first > 0 && isDeterminer(tokens[first - 1].text)) && looksLikeSurname(lastWord)) {
        mention.kind = EntityKind::Person; // a surname on its own: "Knightley's", "Trump"
        mention.guess = !m_gazetteer.isGivenName(lastWord); // "Andy" is someone
    }
    // NOLINTEND(bugprone-branch-clone)

    // A single word with no cue stays unknown: resolved against the fuller names, or dropped.
    m_mentions.append(mention);
}

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
    QList<bool> sure; // per entity: some mention is more than a guess at a lone surname
    QHash<QString, qsizetype> index;
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
        auto it = index.constFind(key);
        if (it == index.constEnd()) {
            it = index.insert(key, result.size());
            // An owned copy: a one-word name may still point into the article's text.
            result.append(Entity{QString(name.constData(), name.size()), *kind, 0});
            lead.append(false);
            sure.append(false);
        }
        resolved[d] = Resolved{*it, fuller != nullptr, words->size() > 1};
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

} // namespace

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
