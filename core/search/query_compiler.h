// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "query.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <variant>

namespace broadsheet::core {

/// A query ready for SQLite: an FTS5 MATCH expression in which every user term is quoted,
/// and SQL conditions over `articles a` made only of fixed fragments whose values are
/// bound as numbered parameters ?100, ?101, … Used by Searcher.
struct CompiledQuery {
    using Value = std::variant<qint64, QString>;

    QString match;        ///< empty: no full-text condition
    QByteArray condition; ///< empty: no SQL condition
    QList<Value> values;  ///< bound to ?100 + i

    static constexpr int kFirstParameter = 100;
};

class QueryCompiler {
public:
    static CompiledQuery compile(const ParsedQuery& parsed);
    /// A term as an FTS5 string: `"it""s"` for `it"s`.
    static QString quote(const QString& text);
};

} // namespace broadsheet::core
