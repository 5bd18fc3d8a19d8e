// SPDX-License-Identifier: GPL-3.0-or-later
#include "parse/text_decoding.h"
#include "test_support.h"

#include <QStringEncoder>

using broadsheet::core::decodeText;
using broadsheet::core::looksBinary;

TEST_CASE("UTF-8 with and without a BOM decodes to the same text", "[decode]")
{
    const QString text = QStringLiteral("Caf\u00e9 \u00a3522,000 \u2014 na\u00efve");
    const QByteArray utf8 = text.toUtf8();
    CHECK(decodeText(utf8).text == text);
    CHECK(decodeText(utf8).encoding == QStringLiteral("utf-8"));
    const auto withBom = decodeText(QByteArray("\xEF\xBB\xBF") + utf8);
    CHECK(withBom.text == text);
    CHECK(withBom.encoding == QStringLiteral("utf-8-bom"));
}

TEST_CASE("UTF-16 with a BOM decodes in either byte order", "[decode]")
{
    const QString text = QStringLiteral("Stop N. Korean cyber attacks \u2019quoted\u2019");
    QStringEncoder little(QStringEncoder::Utf16LE);
    QStringEncoder big(QStringEncoder::Utf16BE);
    const QByteArray le = QByteArray("\xFF\xFE") + QByteArray(little.encode(text));
    const QByteArray be = QByteArray("\xFE\xFF") + QByteArray(big.encode(text));
    CHECK(decodeText(le).text == text);
    CHECK(decodeText(be).text == text);
    // UTF-16 holds NUL bytes but is text, not binary.
    CHECK_FALSE(looksBinary(le));
}

TEST_CASE("bytes that are not UTF-8 are read as Windows-1252", "[decode]")
{
    // 0x93/0x94 are curly quotes, 0x80 the euro sign, 0xE9 é in Windows-1252.
    const auto decoded = decodeText(QByteArray("\x93quoted\x94 \x80 5 caf\xE9"));
    CHECK(decoded.encoding == QStringLiteral("windows-1252"));
    CHECK(decoded.text == QStringLiteral("\u201cquoted\u201d \u20ac 5 caf\u00e9"));
}

TEST_CASE("NUL bytes mark a binary file", "[decode]")
{
    CHECK(looksBinary(QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)));
    CHECK_FALSE(looksBinary(QByteArray("plain text\n")));
}
