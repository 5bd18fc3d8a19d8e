// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace broadsheet::core {

/// Editing query text the way the query language reads it: the sidebar's filters, the
/// timeline's month, a rule's check. Next to the parser, so the two agree.
namespace query_text {

/// `value` as one value of a field: in quotes, with `"` and `\` escaped (\" and \\).
QString quoted(const QString& value);
/// `field:"value"`, which finds exactly that name (tag:, source:, section:).
QString filter(const QString& field, const QString& value);
/// `query` narrowed to one month ("YYYY-MM"): a date: filter it has is replaced.
QString withMonth(const QString& query, const QString& month);

} // namespace query_text
} // namespace broadsheet::core
