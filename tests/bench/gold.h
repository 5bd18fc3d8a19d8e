// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Gold-labelled documents (../shared/data/tagging-gold) and how the entity tagger is scored
// against them: shared by broadsheet-tagging-eval and broadsheet-train-entities.
//
// Each line of a gold file is {"id", "text", "entities": [{"type": PER|ORG|LOC, "text"}]}. A
// found entity is right when it names a gold entity of the same kind: the same name once both
// go through the gazetteer's normalisation ("US" is United States), or one is a fuller form of
// the other ("Obama" / "Barack Obama"). Precision is over what was found, recall over the
// gold entities (each counted once per document).
#include "tagging/entity_extractor.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <array>

namespace broadsheet::gold {

struct Named {
    QString name;
    core::EntityKind kind = core::EntityKind::Person;
};

struct Document {
    QString id;
    QString text;
    QList<Named> entities; ///< each name and kind once
};

/// The documents of a gold file; on failure, an empty list and `error` says why.
QList<Document> read(const QString& path, QString* error);

/// The same name, or one a fuller form of the other (its words a run of the other's).
bool sameEntity(const QString& a, const QString& b);

struct Score {
    int found = 0;
    int right = 0;
    int gold = 0;
    int recalled = 0;

    double precision() const { return found == 0 ? 0.0 : static_cast<double>(right) / found; }
    double recall() const { return gold == 0 ? 0.0 : static_cast<double>(recalled) / gold; }
    Score& operator+=(const Score& other);
};
/// Per kind, in EntityKind's order.
using Scores = std::array<Score, 3>;

Score overall(const Scores& scores);

/// Scores what was found in one document against its gold; `wrong` and `missed` (when given)
/// list the mistakes as "name (kind)".
void score(const QList<Named>& found, const QList<Named>& gold, Scores& scores,
           QStringList* wrong = nullptr, QStringList* missed = nullptr);

} // namespace broadsheet::gold
