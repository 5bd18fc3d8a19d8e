// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <array>
#include <string_view>

namespace broadsheet::core {

/// The Porter stemmer exactly as SQLite's FTS5 `porter` tokenizer applies it (tokens shorter
/// than 3 or longer than 64 bytes pass through), so a term stemmed here can be looked up in
/// the library's full-text index statistics. Takes a lower-case token without diacritics.
QByteArray porterStem(QByteArrayView token);
/// The same into `buffer` (at least 72 bytes), without allocating: the stem is a view of it.
std::string_view porterStem(std::string_view token, std::array<char, 72>& buffer);

} // namespace broadsheet::core
