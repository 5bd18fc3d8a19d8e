// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace broadsheet::core {

/// The Porter stemmer exactly as SQLite's FTS5 `porter` tokenizer applies it (tokens shorter
/// than 3 or longer than 64 bytes pass through), so a term stemmed here can be looked up in
/// the library's full-text index statistics. Takes a lower-case token without diacritics.
QByteArray porterStem(QByteArrayView token);

} // namespace broadsheet::core
