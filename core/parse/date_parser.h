// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "article/published_date.h"

#include <QString>

namespace broadsheet::core {

/// Reads a date written the ways news pages and data sets write it, keeping its
/// precision: "Dec 22, 2014", "22 December 2014", "Monday, December 22, 2014" and
/// "2014-12-22" are days; ISO 8601 with a time and RFC 2822 ("Mon, 22 Dec 2014 10:00:00
/// +0000") are moments in UTC. The whole text must be a date; anything else gives an
/// unknown date. Used by the text and CSV parsers to recognise date lines.
PublishedDate parseWrittenDate(const QString& text);

} // namespace broadsheet::core
