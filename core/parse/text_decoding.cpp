// SPDX-License-Identifier: GPL-3.0-or-later
#include "text_decoding.h"

#include <QStringDecoder>

#include <array>

namespace broadsheet::core {

namespace {

// Windows-1252 differs from Latin-1 only in 0x80–0x9F; the five undefined bytes stay
// as the C1 controls Latin-1 gives them.
constexpr std::array<char16_t, 32> kCp1252High = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

QString decodeCp1252(const QByteArray& bytes)
{
    QString text(bytes.size(), Qt::Uninitialized);
    QChar* out = text.data();
    for (const char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        *out++ =
            (byte >= 0x80 && byte < 0xA0) ? QChar(kCp1252High[byte - 0x80]) : QChar(char16_t(byte));
    }
    return text;
}

bool hasPrefix(const QByteArray& bytes, std::initializer_list<unsigned char> prefix)
{
    if (bytes.size() < static_cast<qsizetype>(prefix.size()))
        return false;
    qsizetype i = 0;
    for (unsigned char b : prefix) {
        if (static_cast<unsigned char>(bytes[i++]) != b)
            return false;
    }
    return true;
}

} // namespace

DecodedText decodeText(const QByteArray& bytes)
{
    if (hasPrefix(bytes, {0xEF, 0xBB, 0xBF})) {
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        return {decoder.decode(bytes.mid(3)), QStringLiteral("utf-8-bom")};
    }
    if (hasPrefix(bytes, {0xFF, 0xFE})) {
        QStringDecoder decoder(QStringDecoder::Utf16LE, QStringDecoder::Flag::Stateless);
        return {decoder.decode(bytes.mid(2)), QStringLiteral("utf-16le")};
    }
    if (hasPrefix(bytes, {0xFE, 0xFF})) {
        QStringDecoder decoder(QStringDecoder::Utf16BE, QStringDecoder::Flag::Stateless);
        return {decoder.decode(bytes.mid(2)), QStringLiteral("utf-16be")};
    }
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8.decode(bytes);
    if (!utf8.hasError())
        return {std::move(text), QStringLiteral("utf-8")};
    return {decodeCp1252(bytes), QStringLiteral("windows-1252")};
}

bool looksBinary(const QByteArray& bytes)
{
    if (hasPrefix(bytes, {0xFF, 0xFE}) || hasPrefix(bytes, {0xFE, 0xFF}))
        return false;
    return bytes.contains('\0');
}

} // namespace broadsheet::core
