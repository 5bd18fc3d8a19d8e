// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringView>

#include <optional>

// Pieces every date reader needs: used by the written-date parser (date_parser.cpp) and the
// feed date parser (feeds/feed_date.cpp).
namespace broadsheet::core::date_parts {

/// 1–12 for an English month's name or its abbreviation ("Jan", "January", "Sept"); 0 else.
int monthNumber(QStringView name);

/// The offset east of UTC, in seconds, of "+0200", "-01:01" or "+05:30"; nothing for any
/// other text or for hours over 23 or minutes over 59.
std::optional<int> numericZoneOffset(QStringView zone);

} // namespace broadsheet::core::date_parts
