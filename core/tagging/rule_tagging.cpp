// SPDX-License-Identifier: GPL-3.0-or-later
#include "rule_tagging.h"

#include "search/query_text.h"
#include "search/searcher.h"
#include "store/article_store.h"

#include <QSet>

namespace broadsheet::core::rule_tagging {

Result<qint64> apply(ArticleStore& store, const TaggingRule& rule, ArticleId fromId)
{
    auto ids = Searcher(store.database()).matchingIds(rule.query, fromId);
    if (!ids)
        return ids.error();
    if (ids->isEmpty())
        return 0;
    return store.addTag(*ids, rule.tag, TagKind::Rule);
}

Result<qint64> applyAll(ArticleStore& store, ArticleId fromId)
{
    auto rules = store.rules();
    if (!rules)
        return rules.error();
    qint64 tagged = 0;
    for (const TaggingRule& rule : *rules) {
        auto applied = apply(store, rule, fromId);
        if (!applied)
            return applied.error();
        tagged += *applied;
    }
    return tagged;
}

Result<QStringList> check(ArticleStore& store)
{
    auto rules = store.rules();
    if (!rules)
        return rules.error();
    QStringList problems;
    for (const TaggingRule& rule : *rules) {
        auto matching = Searcher(store.database()).matchingIds(rule.query);
        if (!matching)
            return matching.error();
        auto tagged = Searcher(store.database())
                          .matchingIds(query_text::filter(QStringLiteral("tag"), rule.tag));
        if (!tagged)
            return tagged.error();
        const QSet<ArticleId> have(tagged->begin(), tagged->end());
        qint64 missing = 0;
        for (ArticleId id : *matching)
            missing += have.contains(id) ? 0 : 1;
        if (missing > 0) {
            problems.append(QStringLiteral("rule '%1': %2 stories it matches lack its tag")
                                .arg(rule.tag)
                                .arg(missing));
        }
    }
    return problems;
}

} // namespace broadsheet::core::rule_tagging
