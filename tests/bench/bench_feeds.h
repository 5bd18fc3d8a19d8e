// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace broadsheet::bench {

/// Parses every feed file under `dataDir` (the feedparser, gofeed and newsboat suites)
/// `rounds` times with Broadsheet's feed reader, with a bare QXmlStreamReader pass over the
/// same bytes as the floor, and with Python's feedparser (python3-feedparser) in the same
/// run: MB/s, items/s, and resident memory before and after.
QJsonObject measureFeedParsing(const QString& dataDir, int rounds);

} // namespace broadsheet::bench
