// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "article/published_date.h"

#include <QStringView>

// Dates as feeds write them. Every format a feed in the wild uses: RFC 822 with its odd
// zones ("MEST", "Etc/GMT", "GMT-01:01", US "ET"), two-digit years and missing seconds;
// W3C-DTF and ISO 8601 (also the compact and ordinal forms); asctime; and the Greek,
// Hungarian, Korean (Nate, OnBlog) and Perforce variants feedparser knows. A date with a
// time is a moment in UTC; a date alone is a day. Anything that is not a real date (a 25th
// hour, the 99th of June, a zone of "+zz:00") is unknown: never 1970, never a made-up time.
namespace broadsheet::core {

/// Any of the formats below, tried in turn.
PublishedDate parseFeedDate(QStringView text);

/// "Thu, 01 Jan 2004 19:48:21 GMT", "Thu Aug 30 2012 17:26:16 +0200", "Thu, 01 Jan 2004".
PublishedDate parseRfc822Date(QStringView text);
/// "2003-12-31T10:14:55-08:00", "2003-12", "2004-07-08 23:56:58".
PublishedDate parseW3cDate(QStringView text);
/// W3C-DTF, and ISO 8601's compact and ordinal forms: "031231", "-03-12", "03335".
PublishedDate parseIso8601Date(QStringView text);
/// "Sun Jan  4 16:29:06 2004", "Sun Jul 15 01:16:00 +0000 2012".
PublishedDate parseAsctimeDate(QStringView text);

} // namespace broadsheet::core
