// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace broadsheet::bench {

/// A real FreshRSS (../shared/servers/freshrss) on 127.0.0.1 crawls one feed of `items`
/// stories made from the corpus (served by python3 -m http.server), then `broadsheet-cli
/// sync` runs as a user runs it: the first sync of every item, and an incremental one after
/// 100 read marks made on the server. Each with its wall time, requests and peak memory.
QJsonObject measureSync(const QString& cliPath, const QString& sharedDir, int items);
void printSyncFigures(const QJsonObject& s);

} // namespace broadsheet::bench
