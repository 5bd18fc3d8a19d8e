// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "query.h"

namespace broadsheet::core {

/// Reads the query language of the search field and `broadsheet-cli search`:
/// words (AND), "phrases", prefix*, OR, -word / NOT word, ( … ), fields title: author:
/// source: section: tag:, dates after: before: date: (YYYY, YYYY-MM, YYYY-MM-DD) and
/// is:read / is:unread / is:starred. Never fails: malformed input is read its best way,
/// with a hint saying how.
class QueryParser {
public:
    static ParsedQuery parse(const QString& text);

    /// Deeper nesting than this is read flat; more terms than this are dropped.
    static constexpr int kMaxDepth = 32;
    static constexpr int kMaxTerms = 64;
    /// What the prefixes of one query may cover: a one-letter prefix costs all of it, two letters
    /// 4, three 2, longer 1; past this, a prefix is searched for as a word (with a hint).
    static constexpr int kPrefixBudget = 16;
};

} // namespace broadsheet::core
