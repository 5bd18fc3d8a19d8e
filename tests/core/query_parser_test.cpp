// SPDX-License-Identifier: GPL-3.0-or-later
#include "search/query_compiler.h"
#include "search/query_parser.h"
#include "search/query_text.h"
#include "test_support.h"

using namespace broadsheet::core;

namespace {

QString treeOf(const QString& query)
{
    const ParsedQuery parsed = QueryParser::parse(query);
    return parsed.root.empty() ? QString() : describe(parsed.root.front());
}

} // namespace

TEST_CASE("queries parse to the expected tree and FTS5 string", "[search][parser]")
{
    const struct {
        const char* query;
        const char* tree;
        const char* match;
        const char* condition;
    } cases[] = {
        {"attacks", "(TERM attacks)", "\"attacks\"", ""},
        {"cyber attacks", "(AND (TERM cyber) (TERM attacks))", "\"cyber\" AND \"attacks\"", ""},
        {"\"north korea\"", "(PHRASE \"north korea\")", "\"north korea\"", ""},
        {"hack*", "(PREFIX hack*)", "\"hack\" *", ""},
        {"sony OR pyongyang", "(OR (TERM sony) (TERM pyongyang))", "(\"sony\" OR \"pyongyang\")",
         ""},
        {"sony -movie", "(AND (TERM sony) (NOT (TERM movie)))", "(\"sony\") NOT \"movie\"", ""},
        {"sony NOT movie", "(AND (TERM sony) (NOT (TERM movie)))", "(\"sony\") NOT \"movie\"", ""},
        {"(sony OR cnn) hack*", "(AND (OR (TERM sony) (TERM cnn)) (PREFIX hack*))",
         "(\"sony\" OR \"cnn\") AND \"hack\" *", ""},
        {"title:china", "(TERM title:china)", "title : \"china\"", ""},
        {"title:\"north korea\"", "(PHRASE title:\"north korea\")", "title : \"north korea\"", ""},
        {"author:smith*", "(PREFIX author:smith*)", "author : \"smith\" *", ""},
        {"-sport", "(NOT (TERM sport))", "",
         "NOT a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?100)"},
        {"source:bbc", "(SOURCE bbc)", "",
         "a.source_id IN (SELECT id FROM sources WHERE name = ?100 COLLATE NOCASE)"},
        {"tag:\"North Korea\" sony", "(AND (TAG North Korea) (TERM sony))", "\"sony\"",
         "a.id IN (SELECT ft.article_id FROM article_tags ft JOIN tags fg ON fg.id = ft.tag_id "
         "WHERE fg.name = ?100 COLLATE NOCASE)"},
        {"section:World is:unread", "(AND (SECTION World) (IS unread))", "",
         "a.section = ?100 COLLATE NOCASE AND a.is_read = 0"},
        {"is:starred", "(IS starred)", "", "a.is_starred = 1"},
        {"after:2014-12 before:2015", "(AND (AFTER 2014-12) (BEFORE 2015))", "",
         "a.published_at >= ?100 AND a.published_at < ?101"},
        {"date:2019-01-04 fire", "(AND (DATE 2019-01-04) (TERM fire))", "\"fire\"",
         "(a.published_at >= ?100 AND a.published_at < ?101)"},
        {"sony OR source:bbc", "(OR (TERM sony) (SOURCE bbc))", "",
         "(a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?100) OR "
         "a.source_id IN (SELECT id FROM sources WHERE name = ?101 COLLATE NOCASE))"},
        {"it\"s", "(AND (TERM it) (PHRASE \"s\"))", "\"it\" AND \"s\"", ""},
        {"\"say \"\"hi\"\"\"", "(AND (PHRASE \"say \") (PHRASE \"hi\"))", "\"say \" AND \"hi\"",
         ""},
        {"or and not", "(AND (TERM or) (TERM and) (TERM not))", "\"or\" AND \"and\" AND \"not\"",
         ""},
        {"NOT NOT sony", "(TERM sony)", "\"sony\"", ""},
        {"U.S.", "(TERM U.S.)", "\"U.S.\"", ""},
    };
    for (const auto& c : cases) {
        INFO("query: " << c.query);
        const ParsedQuery parsed = QueryParser::parse(QString::fromUtf8(c.query));
        REQUIRE(parsed.root.size() == 1);
        CHECK(describe(parsed.root.front()) == QString::fromUtf8(c.tree));
        const CompiledQuery compiled = QueryCompiler::compile(parsed);
        CHECK(compiled.match == QString::fromUtf8(c.match));
        CHECK(compiled.condition == QByteArray(c.condition));
    }
}

TEST_CASE("malformed queries run on their best reading with a hint", "[search][parser]")
{
    const struct {
        const char* query;
        const char* tree;
        const char* hint;
    } cases[] = {
        {"\"north korea", "(PHRASE \"north korea\")", "closing quote"},
        {"(sony OR cnn", "(OR (TERM sony) (TERM cnn))", "missing ')'"},
        {"sony) cnn", "(AND (TERM sony) (TERM cnn))", "closes nothing"},
        {"sony OR", "(TERM sony)", "nothing after it"},
        {"OR sony", "(TERM sony)", "nothing before it"},
        {"sony NOT", "(TERM sony)", "NOT with nothing after it"},
        {"sony AND", "(TERM sony)", "AND with nothing"},
        {"colour:red sony", "(AND (TERM colour:red) (TERM sony))", "no field 'colour:'"},
        {"after:yesterday sony", "(TERM sony)", "not a date"},
        {"date:2019-02-30 sony", "(TERM sony)", "not a date"},
        {"is:important sony", "(TERM sony)", "not a flag"},
        {"title: sony", "(TERM sony)", "needs a value"},
    };
    for (const auto& c : cases) {
        INFO("query: " << c.query);
        const ParsedQuery parsed = QueryParser::parse(QString::fromUtf8(c.query));
        REQUIRE(parsed.root.size() == 1);
        CHECK(describe(parsed.root.front()) == QString::fromUtf8(c.tree));
        REQUIRE_FALSE(parsed.hints.isEmpty());
        CHECK(parsed.hints.join(QLatin1Char(' ')).contains(QString::fromUtf8(c.hint)));
    }
}

TEST_CASE("well-formed queries give no hint", "[search][parser]")
{
    for (const char* query : {"sony", "\"a b\" c*", "(a OR b) -c", "title:x source:\"BBC News\"",
                              "after:2014 before:2015-06 date:2014-12-22", "http://example.org"}) {
        INFO(query);
        CHECK(QueryParser::parse(QString::fromUtf8(query)).hints.isEmpty());
    }
}

TEST_CASE("empty and punctuation-only queries have no terms", "[search][parser]")
{
    for (const char* query : {"", "   ", "\t\n", "-", "--", "()", "\"\"", "* ** ***", "&&& ;;; ---",
                              "\xF0\x9F\x98\x80"}) {
        INFO(query);
        CHECK(treeOf(QString::fromUtf8(query)).isEmpty());
    }
}

TEST_CASE("hostile depth and length are bounded", "[search][parser][regression]")
{
    const QString deep = QString(5000, u'(') + QStringLiteral("sony") + QString(5000, u')');
    CHECK(treeOf(deep) == QStringLiteral("(TERM sony)"));
    const QString negations = QString(10001, u'-') + QStringLiteral("x");
    CHECK_NOTHROW(QueryParser::parse(negations));
    const QString nots = QStringLiteral("NOT ").repeated(10001) + QStringLiteral("x");
    CHECK(treeOf(nots) == QStringLiteral("(NOT (TERM x))"));
    QString many;
    for (int i = 0; i < 5000; ++i)
        many += QStringLiteral("w%1 ").arg(i);
    const ParsedQuery parsed = QueryParser::parse(many);
    REQUIRE(parsed.root.size() == 1);
    CHECK(parsed.root.front().children.size() == static_cast<size_t>(QueryParser::kMaxTerms));
    CHECK(parsed.hints.join(QLatin1Char(' ')).contains(QStringLiteral("first 64 terms")));
}

TEST_CASE("a quote or backslash in a name is escaped and read back as the same name",
          "[search][query]")
{
    for (const QString& name :
         {QStringLiteral("Say \"cheese\""), QStringLiteral("back\\slash"), QStringLiteral("\""),
          QStringLiteral("plain"), QStringLiteral("two words")}) {
        INFO(name.toStdString());
        const QString filter = query_text::filter(QStringLiteral("tag"), name);
        const ParsedQuery parsed = QueryParser::parse(filter);
        CHECK(parsed.hints.isEmpty());
        REQUIRE(parsed.root.size() == 1);
        CHECK(parsed.root.front().text == name);
        CHECK(parsed.root.front().filter == QueryNode::Filter::Tag);
    }
    // A backslash before anything else is itself.
    CHECK(QueryParser::parse(QStringLiteral("title:\"a\\b\"")).root.front().text ==
          QStringLiteral("a\\b"));
    CHECK(
        query_text::withMonth(QStringLiteral("tag:x date:2014-01 y"), QStringLiteral("2015-02")) ==
        QStringLiteral("tag:x y date:2015-02"));
}

TEST_CASE("thousands of fields without a value neither recurse nor crash",
          "[search][parser][regression]")
{
    // 17,300 × "is: " overflowed the stack: the lexer called itself per empty field.
    const ParsedQuery parsed =
        QueryParser::parse(QStringLiteral("is: ").repeated(40000) + QStringLiteral("sony"));
    REQUIRE(parsed.root.size() == 1);
    CHECK(describe(parsed.root.front()) == QStringLiteral("(TERM sony)"));
    CHECK(parsed.hints.contains(QStringLiteral("'is:' needs a value; ignored")));
}

TEST_CASE("a NUL or control character in a phrase separates its words",
          "[search][parser][regression]")
{
    const QString pasted = QStringLiteral("\"sony") + QChar(0) + QStringLiteral("hack\"");
    const ParsedQuery parsed = QueryParser::parse(pasted);
    CHECK(parsed.hints.isEmpty());
    CHECK(treeOf(pasted) == QStringLiteral("(PHRASE \"sony hack\")"));
    CHECK_FALSE(QueryCompiler::quote(QStringLiteral("a") + QChar(0) + QStringLiteral("b"))
                    .contains(QChar(0)));
}

TEST_CASE("a repeated term is searched once", "[search][parser][regression]")
{
    CHECK(treeOf(QStringLiteral("a* ").repeated(64)) == QStringLiteral("(PREFIX a*)"));
    CHECK(treeOf(QStringLiteral("sony sony hack sony")) ==
          QStringLiteral("(AND (TERM sony) (TERM hack))"));
    CHECK(treeOf(QStringLiteral("sony OR sony OR hack")) ==
          QStringLiteral("(OR (TERM sony) (TERM hack))"));
    CHECK(QueryParser::parse(QStringLiteral("a* ").repeated(64)).hints.isEmpty());
}

TEST_CASE("what prefixes may expand to is capped, and the hint says so",
          "[search][parser][regression]")
{
    // One one-letter prefix takes the whole budget (it alone covers a tenth of the index,
    // 0.7 s at 100,000 stories); the next ones are searched for as words.
    const ParsedQuery parsed = QueryParser::parse(QStringLiteral("a* b* c* d*"));
    REQUIRE(parsed.root.size() == 1);
    CHECK(describe(parsed.root.front()) ==
          QStringLiteral("(AND (PREFIX a*) (TERM b) (TERM c) (TERM d))"));
    REQUIRE(parsed.hints.size() == 1);
    CHECK(parsed.hints.front().contains(QStringLiteral("'b*', 'c*', 'd*' as words")));
    // Long prefixes are cheap: sixteen of them are all prefixes.
    QString longer;
    for (int i = 0; i < 16; ++i)
        longer += QStringLiteral("stem%1* ").arg(i);
    CHECK(QueryParser::parse(longer).hints.isEmpty());
    CHECK_FALSE(QueryParser::parse(longer + QStringLiteral("more*")).hints.isEmpty());
}
