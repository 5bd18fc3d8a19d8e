// SPDX-License-Identifier: GPL-3.0-or-later
#include "parse/text_article_parser.h"
#include "tagging/entity_extractor.h"
#include "test_support.h"

#include <QDir>

using namespace broadsheet::core;
using namespace broadsheet::test;

namespace {

QStringList namesOf(const QList<Entity>& entities, std::optional<EntityKind> kind = {})
{
    QStringList names;
    for (const Entity& entity : entities) {
        if (!kind || entity.kind == *kind)
            names.append(entity.name);
    }
    return names;
}

std::optional<EntityKind> kindIn(const QList<Entity>& entities, const QString& name)
{
    for (const Entity& entity : entities) {
        if (entity.name == name)
            return entity.kind;
    }
    return std::nullopt;
}

/// The rules without the model: what a test of one rule is about.
const EntityExtractor& rulesAlone()
{
    static const EntityModel none;
    static const EntityExtractor extractor(Gazetteer::builtIn(), none);
    return extractor;
}

} // namespace

TEST_CASE("the seed article yields its people, organisations and places under one name each",
          "[tagging][entities][seed]")
{
    const QStringList files =
        QDir(sharedPath(QStringLiteral("seed"))).entryList({QStringLiteral("*.txt")}, QDir::Files);
    REQUIRE(files.size() == 1);
    const auto article = TextArticleParser::parse(
        QString::fromUtf8(readFile(sharedPath(QStringLiteral("seed/")) + files.front())));
    REQUIRE(article.ok());
    const QList<Entity> entities = EntityExtractor().extract(article->title, article->body);
    const QStringList names = namesOf(entities);
    INFO("found: " << names.join(QStringLiteral(", ")).toStdString());

    CHECK(kindIn(entities, QStringLiteral("United States")) == EntityKind::Place);
    CHECK(kindIn(entities, QStringLiteral("North Korea")) == EntityKind::Place);
    CHECK(kindIn(entities, QStringLiteral("China")) == EntityKind::Place);
    CHECK(kindIn(entities, QStringLiteral("Sony Pictures")) == EntityKind::Organization);
    CHECK(kindIn(entities, QStringLiteral("CNN")) == EntityKind::Organization);
    CHECK(kindIn(entities, QStringLiteral("Barack Obama")) == EntityKind::Person);
    CHECK(kindIn(entities, QStringLiteral("Kim Jong Un")) == EntityKind::Person);
    CHECK(kindIn(entities, QStringLiteral("Michael Lynton")) == EntityKind::Person);
    // One name per entity: the short forms are folded into the full ones.
    for (const char* alias : {"N. Korea", "US", "U.S.", "Mr Obama", "Obama", "Sony", "Kim",
                              "North Korean", "Chinese", "N. Korean"})
        CHECK_FALSE(names.contains(QString::fromLatin1(alias)));
    // Not names at all: sentence-initial words, weekdays, months, quoted film titles.
    for (const char* word : {"Stop", "THE", "Thursday", "Saturday", "Friday", "Nov", "Internet",
                             "Administration", "Theatres", "Free"})
        CHECK_FALSE(names.contains(QString::fromLatin1(word)));
    // The most mentioned come first: China and North Korea, seven times or more each.
    REQUIRE(entities.size() >= 2);
    CHECK(QStringList{entities[0].name, entities[1].name}.contains(QStringLiteral("North Korea")));
    CHECK(entities[1].mentions >= 7);
}

TEST_CASE("names are normalised: aliases, titles, possessives and fuller forms",
          "[tagging][entities]")
{
    struct Case {
        const char* text;
        const char* expected; // the one name the text should yield
        EntityKind kind;
    };
    const Case cases[] = {
        {"Talks with the U.S. ended.", "United States", EntityKind::Place},
        {"Officials in the UK said little.", "United Kingdom", EntityKind::Place},
        {"Exports to Britain fell.", "United Kingdom", EntityKind::Place},
        {"Sanctions on N. Korea were eased.", "North Korea", EntityKind::Place},
        {"Sanctions on the DPRK were eased.", "North Korea", EntityKind::Place},
        {"Washington’s reply came late.", "Washington", EntityKind::Place},
        {"The UN met again.", "United Nations", EntityKind::Organization},
        {"A report by the World Health Organisation came out.", "World Health Organization",
         EntityKind::Organization},
        {"Shares in Acme Widgets Inc rose.", "Acme Widgets Inc", EntityKind::Organization},
        {"The Ruritanian Ministry of Fisheries objected.", "Ruritanian Ministry of Fisheries",
         EntityKind::Organization},
        {"The talks were led by spokesman Jan Kowalczyk yesterday.", "Jan Kowalczyk",
         EntityKind::Person},
        {"It was Mr Pemberton-Hale who spoke.", "Pemberton-Hale", EntityKind::Person},
        {"Helen Zille visited. Later, Ms Zille left.", "Helen Zille", EntityKind::Person},
        {"Barack Obama spoke. Mr Obama's aides followed; Obama smiled.", "Barack Obama",
         EntityKind::Person},
        {"It rained in Sunderland all week.", "Sunderland", EntityKind::Place},
        {"They crossed the Potomac River at dawn.", "Potomac River", EntityKind::Place},
    };
    const EntityExtractor extractor;
    for (const Case& c : cases) {
        const QList<Entity> found = extractor.extract(QString(), QString::fromUtf8(c.text));
        INFO("text: " << c.text << "\nfound: " << namesOf(found).join(u'|').toStdString());
        REQUIRE(found.size() == 1);
        CHECK(found.front().name == QString::fromUtf8(c.expected));
        CHECK(found.front().kind == c.kind);
    }
}

TEST_CASE("roles split a run of capitals into the place and the person", "[tagging][entities]")
{
    const QList<Entity> found = EntityExtractor().extract(
        QString(), QStringLiteral("On Friday, US President Barack Obama spoke to the UK Foreign "
                                  "Secretary Jack Straw in London."));
    INFO(namesOf(found).join(u'|').toStdString());
    CHECK(kindIn(found, QStringLiteral("United States")) == EntityKind::Place);
    CHECK(kindIn(found, QStringLiteral("Barack Obama")) == EntityKind::Person);
    CHECK(kindIn(found, QStringLiteral("Jack Straw")) == EntityKind::Person);
    CHECK(kindIn(found, QStringLiteral("London")) == EntityKind::Place);
    CHECK(found.size() == 5); // and United Kingdom
}

TEST_CASE("ordinary capitalised words are not entities", "[tagging][entities][negative]")
{
    const char* texts[] = {
        "However, the plan failed.",
        "Monday was quiet. In March, little changed.",
        "THE END OF THE STORY",
        "Chinese officials and American diplomats met.",
        "I think I’m right, she said.",
        "Having waited, they left.",
        "The band played \"Stranger Things\" at the end.",
        "They won the World Cup and then the Grand Slam.",
        "Prices fell. Analysts said more would follow.",
        "It was the gadget of the 21st Century, fans agreed.",
        "Debt worries Millions of South Koreans, it said.",
        "",
        "12345 !!! ???",
    };
    const EntityExtractor extractor;
    for (const char* text : texts) {
        const QList<Entity> found = extractor.extract(QString(), QString::fromUtf8(text));
        INFO("text: " << text << "\nfound: " << namesOf(found).join(u'|').toStdString());
        CHECK(found.isEmpty());
    }
}

TEST_CASE("a lone capitalised word needs a cue, a second mention or a known given name",
          "[tagging][entities][negative]")
{
    const EntityExtractor& extractor =
        rulesAlone(); // the model doubts a name said twice with no cue
    auto names = [&extractor](const char* text) {
        return namesOf(extractor.extract(QString(), QString::fromUtf8(text)));
    };
    // Once, with no cue: a product, a fund or a word in a name as often as a surname.
    CHECK(names("Customers would pay more for its Simple and Select tariff.").isEmpty());
    CHECK(names("Let’s just say he is wrong about the plan.").isEmpty());
    // A quoted title of a work, even where a possessive ends the run.
    CHECK(names("The foundation released “Zettel’s Traum,” in 2010.").isEmpty());
    // Named again, spoken or known as a given name: a person.
    CHECK(names("The deal pleased Haversham. Later Haversham left for lunch.") ==
          QStringList{QStringLiteral("Haversham")});
    CHECK(names("Then Haversham said no.") == QStringList{QStringLiteral("Haversham")});
    CHECK(names("That was the case for Andy when he played.") ==
          QStringList{QStringLiteral("Andy")});
}

TEST_CASE("of a long story, only names repeated, known, in full or in the lead are kept",
          "[tagging][entities]")
{
    QString body = QStringLiteral("Prices rose again across the region this spring. ");
    for (int i = 0; i < 30; ++i)
        body += QStringLiteral("Traders said the market was calm and the outlook steady. ");
    body += QStringLiteral("A trader named Quimby was pleased. Angela Merkel spoke in Paris.");
    const QStringList found = namesOf(EntityExtractor().extract(QString(), body));
    INFO(found.join(u'|').toStdString());
    CHECK_FALSE(found.contains(QStringLiteral("Quimby"))); // one word, once, deep in the story
    CHECK(found.contains(QStringLiteral("Angela Merkel")));
    CHECK(found.contains(QStringLiteral("Paris")));
}

TEST_CASE("a Title Case headline contributes only names the gazetteer knows", "[tagging][entities]")
{
    const QList<Entity> found = EntityExtractor().extract(
        QStringLiteral("Markets Rally As China Cuts Interest Rates Again"),
        QStringLiteral("Stocks rose on the news."));
    CHECK(namesOf(found) == QStringList{QStringLiteral("China")});
}

TEST_CASE("the gazetteer reads its lists and refuses nothing silently", "[tagging][gazetteer]")
{
    const Gazetteer g = Gazetteer::fromText(
        QStringLiteral("# comment\nRuritania\tRuri|Ruritanian Republic\tRuritanian|Ruritanians\n"),
        QStringLiteral("Acme Corporation\tAcme|ACME\n"), QStringLiteral("# names\nAda Grace\n"));
    REQUIRE(g.find(QStringLiteral("Ruri")) != nullptr);
    CHECK(g.find(QStringLiteral("Ruri"))->canonical == QStringLiteral("Ruritania"));
    CHECK(g.find(QStringLiteral("the  Ruritanian   Republic"))->canonical ==
          QStringLiteral("Ruritania"));
    CHECK(g.find(QStringLiteral("ACME"))->kind == EntityKind::Organization);
    CHECK(g.isDemonym(QStringLiteral("Ruritanians")));
    CHECK(g.isGivenName(QStringLiteral("Grace")));
    CHECK_FALSE(g.isGivenName(QStringLiteral("names")));
    CHECK(g.find(QStringLiteral("Nowhere")) == nullptr);
    // The built-in lists are compiled in and large enough to matter.
    CHECK(Gazetteer::builtIn().find(QStringLiteral("U.S."))->canonical ==
          QStringLiteral("United States"));
    CHECK(Gazetteer::builtIn().find(QStringLiteral("Kamchatka")) != nullptr);
}

TEST_CASE("an acronym defined in brackets is the name before it", "[tagging][entities]")
{
    const QList<Entity> found = rulesAlone().extract(
        QString(), QStringLiteral("A group calling itself the Guardians of Peace (GOP) claimed "
                                  "it. The GOP said more would follow."));
    INFO(namesOf(found).join(u'|').toStdString());
    REQUIRE(found.size() == 1);
    CHECK(found.front().name == QStringLiteral("Guardians of Peace"));
    CHECK(found.front().kind == EntityKind::Organization);
}

TEST_CASE("binary, control-character and huge text is read without harm",
          "[tagging][entities][regression]")
{
    const EntityExtractor extractor;
    // Bytes that are not text: NULs, control characters, lone surrogates, private use.
    QString junk;
    for (int i = 0; i < 4096; ++i)
        junk.append(QChar(static_cast<char16_t>((i * 7919) % 0xFFFF)));
    for (const Entity& entity : extractor.extract(junk, junk))
        CHECK_FALSE(entity.name.trimmed().isEmpty());
    CHECK(extractor.extract(QString(QChar(0)), QString(1000, QChar(0))).isEmpty());
    const QList<Entity> punctuation =
        extractor.extract(QStringLiteral("'s ’s U. N. . ( ) “”"), QStringLiteral("A. B. C."));
    INFO(namesOf(punctuation).join(u'|').toStdString());
    CHECK(punctuation.isEmpty());

    // About a megabyte of text: every mention is counted, under one name.
    QString huge;
    for (int i = 0; i < 20000; ++i)
        huge += QStringLiteral("Talks in Geneva went on as before. ");
    const QList<Entity> found = extractor.extract(QString(), huge);
    REQUIRE(found.size() == 1);
    CHECK(found.front().name == QStringLiteral("Geneva"));
    CHECK(found.front().mentions == 20000);
}

TEST_CASE("the entity model reads and writes its weights and says where a file is wrong",
          "[tagging][entities][model]")
{
    EntityModel model;
    model.setWeights(QStringLiteral("cue:titled"), {5000, -1000, -1000, -3000});
    model.setWeights(QStringLiteral("bias"), {0, 0, 0, 1000});
    model.setMargin(2000);
    model.setJudgesAll(true);
    const auto read = EntityModel::fromText(model.toText());
    REQUIRE(read);
    CHECK(read->size() == 2);
    CHECK(read->margin() == 2000);
    CHECK(read->judgesAll());
    CHECK_FALSE(read->judgesUnruled());
    // Person scores 5000 and none 1000 - 3000: 7000 apart, beyond the margin of 2000.
    CHECK(read->decide({QStringLiteral("bias"), QStringLiteral("cue:titled")}) ==
          EntityKind::Person);
    CHECK_FALSE(read->decide({QStringLiteral("bias")}));
    CHECK_FALSE(read->decide({QStringLiteral("a feature it never saw")}));
    model.setMargin(10000);
    CHECK_FALSE(model.decide({QStringLiteral("bias"), QStringLiteral("cue:titled")}));

    QString error;
    CHECK_FALSE(EntityModel::fromText(QStringLiteral("#!margin 1\nbias\t1\t2\n"), &error));
    CHECK(error == QStringLiteral("line 2: 3 fields where a weight line has 5"));
    CHECK_FALSE(EntityModel::fromText(QStringLiteral("bias\t1\tx\t0\t0\n"), &error));
    CHECK(error == QStringLiteral("line 1: \"x\" is not a weight"));
    CHECK_FALSE(EntityModel::fromText(QStringLiteral("#!margin\n"), &error));
}

TEST_CASE("the shipped model keeps the names and leaves out the titles of works and events",
          "[tagging][entities][model]")
{
    const EntityModel& model = EntityModel::builtIn();
    REQUIRE_FALSE(model.isEmpty());
    const EntityExtractor extractor;
    // From the BBC corpus, where the rules alone found people in films and awards.
    const QList<Entity> found = extractor.extract(
        QString(),
        QStringLiteral("British actor Clive Owen, who has won a Golden Globe and a Bafta for his "
                       "supporting role in Closer, said it meant a lot. Strong Oscar contenders "
                       "Million Dollar Baby and Sideways did not figure in the nominations. "
                       "Theresa May, Tory shadow work and pensions secretary, said the agency "
                       "had failed. Former Liberal Democrat MP Jackie Ballard recalled the "
                       "remarks."));
    INFO(namesOf(found).join(u'|').toStdString());
    CHECK(kindIn(found, QStringLiteral("Clive Owen")) == EntityKind::Person);
    CHECK(kindIn(found, QStringLiteral("Theresa May")) == EntityKind::Person);
    CHECK(kindIn(found, QStringLiteral("Jackie Ballard")) == EntityKind::Person);
    CHECK(kindIn(found, QStringLiteral("Liberal Democrats")) == EntityKind::Organization);
    for (const char* wrong : {"Golden Globe", "Million Dollar Baby", "Theresa",
                              "Liberal Democrat MP Jackie Ballard", "Liberal Democrat"})
        CHECK_FALSE(kindIn(found, QString::fromUtf8(wrong)));
}
