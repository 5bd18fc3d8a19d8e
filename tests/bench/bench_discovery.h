// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace broadsheet::bench {

/// Discovery on the BBC corpus (`bbcNews`, one folder per category): the share of each
/// story's 10 related stories in its own category, against a plain tf-idf cosine over
/// every story; near-duplicate grouping on the corpus with edited copies added (pairs'
/// precision and recall); and at `articles` stories, related stories' latency and what
/// grouping costs against import. Libraries are built under `workdir`.
QJsonObject measureDiscovery(const QString& bbcNews, int articles, const QString& workdir);

void printDiscoveryFigures(const QJsonObject& d);

} // namespace broadsheet::bench
