// SPDX-License-Identifier: GPL-3.0-or-later
#include "tagging/word_table.h"

#include <QStringList>

#include <catch2/catch.hpp>

using namespace broadsheet::core;

TEST_CASE("a word table finds each word it holds by a view into any text, and no other")
{
    WordTable<int> table;
    QStringList words;
    for (int i = 0; i < 5000; ++i) // past several growths
        words.append(QStringLiteral("word%1").arg(i));
    for (int i = 0; i < words.size(); ++i)
        REQUIRE(table.insert(words[i], i) == i);
    CHECK(table.size() == 5000);

    const QString text = QStringLiteral("… word4321 and word12 …");
    REQUIRE(table.find(QStringView(text).mid(2, 8)) != nullptr);
    CHECK(*table.find(QStringView(text).mid(2, 8)) == 4321);
    CHECK(*table.find(QStringView(text).mid(15, 6)) == 12);
    CHECK_FALSE(table.contains(QStringView(text).mid(3, 7))); // "ord4321"
    CHECK_FALSE(table.contains(u"word5000"));
    CHECK_FALSE(table.contains(u"Word12"));
    CHECK_FALSE(table.contains(u""));

    // Inserting a word it holds keeps (and returns) the first value.
    CHECK(table.insert(QStringLiteral("word7"), 99) == 7);
    CHECK(table.size() == 5000);
    table.insert(QStringLiteral("word7")) = 70;
    CHECK(*table.find(u"word7") == 70);

    table.clear();
    CHECK(table.size() == 0);
    CHECK_FALSE(table.contains(u"word7"));
}

TEST_CASE("a word set tells words apart that differ only past the first eight bytes or in case")
{
    WordSet set;
    set.insert(QStringLiteral("Organisation"));
    set.insert(QStringLiteral("Organisations"));
    set.insert(QString::fromUtf8("Zürich"));
    CHECK(set.contains(u"Organisation"));
    CHECK(set.contains(u"Organisations"));
    CHECK_FALSE(set.contains(u"Organisatio"));
    CHECK_FALSE(set.contains(u"organisation"));
    CHECK(set.contains(QString::fromUtf8("Zürich")));
    CHECK_FALSE(set.contains(u"Zurich"));
    CHECK(hashBytes("abcdefghi", 9) != hashBytes("abcdefghj", 9));
}
