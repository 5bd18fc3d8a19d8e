// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace broadsheet::bench {

/// Refreshes `feeds` subscriptions of `items` stories each, served from 127.0.0.1 by a
/// separate HTTP server (python3 -m http.server: Last-Modified, 304 on If-Modified-Since),
/// with `broadsheet-cli refresh` as a user runs it: a first refresh and a second one that is
/// all 304s, each with its wall time, CPU time and peak memory (the child's rusage); the same
/// two with Newsboat (`newsboat -x reload`, 8 reload threads) in the same run; and the first
/// refresh of a fifth as many feeds, to see whether memory grows with the feeds. Stories come
/// from the `corpus` folder's texts.
QJsonObject measureRefresh(const QString& cliPath, const QString& corpus, int feeds, int items);

} // namespace broadsheet::bench
