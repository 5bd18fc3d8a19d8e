// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "article.h"

#include <QJsonObject>
#include <QJsonValue>

namespace broadsheet::core {

/// The JSON shapes of the command-line contract (`show --json`, `list --json`), kept in
/// one place so that the CLI, export and tests agree on field names.
QJsonValue publishedToJson(const PublishedDate& date); ///< ISO text, or null when unknown
QJsonObject articleToJson(const Article& article);
QJsonObject summaryToJson(const ArticleSummary& summary);

} // namespace broadsheet::core
