// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "article/library_values.h"
#include "result.h"

#include <QStringList>

namespace broadsheet::core {

class ArticleStore;

/// Tagging rules at work: a rule's query (search) tags what it matches (store). Applied by
/// the import to each batch inside the batch's own transaction, so a story committed is a
/// story with every rule's tag; by `rule add` to the whole library.
namespace rule_tagging {

/// Tags what the rule's query matches among articles with id >= `fromId`; returns how
/// many were newly tagged. Runs in the caller's transaction when one is open.
Result<qint64> apply(ArticleStore& store, const TaggingRule& rule, ArticleId fromId = 0);
/// Every rule over the articles with id >= `fromId`.
Result<qint64> applyAll(ArticleStore& store, ArticleId fromId);
/// One line for each rule whose query matches stories that lack its tag (for `check`).
Result<QStringList> check(ArticleStore& store);

} // namespace rule_tagging
} // namespace broadsheet::core
