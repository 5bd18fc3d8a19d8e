// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace broadsheet::core {

/// One node of a parsed search query. Text nodes (Term, Phrase, Prefix) become quoted FTS5
/// terms; Filter nodes become SQL conditions with bound values; And/Or/Not combine them.
/// Built by QueryParser, turned into FTS5 + SQL by QueryCompiler.
struct QueryNode {
    enum class Type { Term, Phrase, Prefix, And, Or, Not, Filter };
    enum class Filter {
        None,
        Source,
        Section,
        Feed,   ///< a subscription, by its id or title
        Folder, ///< the subscriptions in a folder ("News/World") and its subfolders
        Tag,
        After,
        Before,
        Date,
        IsRead,
        IsUnread,
        IsStarred
    };

    Type type = Type::Term;
    QString text;   ///< Term/Phrase/Prefix: the user's words; Filter: the value as typed
    QString column; ///< Text nodes: "" for every column, or "title" / "author"
    Filter filter = Filter::None;
    qint64 from = 0; ///< date filters: the range's start (storage key, inclusive)
    qint64 to = 0;   ///< date filters: the range's end (exclusive)
    std::vector<QueryNode> children;

    bool isText() const
    {
        return type == Type::Term || type == Type::Phrase || type == Type::Prefix;
    }

    friend bool operator==(const QueryNode&, const QueryNode&) = default;
};

/// A parsed query: the tree (empty when the query has no terms) and hints about what
/// was read differently from what was typed.
struct ParsedQuery {
    std::vector<QueryNode> root; ///< zero or one node
    QStringList hints;
    bool matchesNothing = false; ///< only unsearchable text (punctuation, symbols) was typed
};

/// An S-expression of a node, for tests and debugging: (AND (TERM attack) (NOT (TERM sport))).
QString describe(const QueryNode& node);

} // namespace broadsheet::core
