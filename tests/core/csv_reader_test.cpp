// SPDX-License-Identifier: GPL-3.0-or-later
#include "parse/csv_reader.h"
#include "test_support.h"

using broadsheet::core::CsvReader;

TEST_CASE("CSV fields may be quoted and hold commas, quotes and line breaks", "[csv]")
{
    const auto records = CsvReader::read(QStringLiteral(
        "title,text\r\n\"A, B\",\"He said \"\"no\"\".\nSecond line\"\r\nplain,field\n\n"));
    REQUIRE(records.ok());
    REQUIRE(records->size() == 3);
    CHECK(records->at(0).fields == QStringList{QStringLiteral("title"), QStringLiteral("text")});
    CHECK(records->at(1).fields ==
          QStringList{QStringLiteral("A, B"), QStringLiteral("He said \"no\".\nSecond line")});
    CHECK(records->at(2).fields == QStringList{QStringLiteral("plain"), QStringLiteral("field")});
    CHECK(records->at(2).line == 4);
}

TEST_CASE("a last record without a line break and empty fields are kept", "[csv]")
{
    const auto records = CsvReader::read(QStringLiteral("a,,c\n,,"));
    REQUIRE(records.ok());
    REQUIRE(records->size() == 2);
    CHECK(records->at(0).fields ==
          QStringList{QStringLiteral("a"), QString(), QStringLiteral("c")});
    CHECK(records->at(1).fields.size() == 3);
}

TEST_CASE("an unterminated quote is an error naming its line", "[csv]")
{
    const auto records =
        CsvReader::read(QStringLiteral("title,text\nok,fine\n\"broken,field\nmore\n"));
    REQUIRE_FALSE(records.ok());
    CHECK(records.error().message.contains(QStringLiteral("line 3")));
}
