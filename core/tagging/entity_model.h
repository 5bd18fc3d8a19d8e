// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gazetteer.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace broadsheet::core {

/// The entity tagger's second opinion: a linear model over what the rules saw of a name (the
/// cue that named its kind, its words and their shapes, the words either side, whether the
/// gazetteer knows it) that says whether it is a person, an organisation, a place or none of
/// them. Trained on the open gold sets by broadsheet-train-entities (an averaged
/// perceptron; scripts/train-entities), shipped as resources/gazetteer/entity_model.tsv and
/// compiled in. Immutable and thread-safe once made.
class EntityModel {
public:
    /// What a name can be: EntityKind's three, and none of them (a title, an event, a word).
    static constexpr int kClasses = 4;
    static constexpr int kNone = 3;
    using Scores = std::array<qint64, kClasses>;

    /// The shipped model; an empty one (the rules decide alone) when it cannot be read.
    static const EntityModel& builtIn();
    /// `feature<TAB>person<TAB>organization<TAB>place<TAB>none` a line (integer weights),
    /// `#!margin N`, `#!unruled 0|1` and `#!all 0|1` for the settings, other '#' lines comments.
    static std::optional<EntityModel> fromText(const QString& text, QString* error = nullptr);
    QString toText() const;

    bool isEmpty() const { return m_weights.isEmpty(); }
    /// A name is kept only when its best kind beats "none" by more than this.
    qint64 margin() const { return m_margin; }
    void setMargin(qint64 margin) { m_margin = margin; }
    /// Whether the model also judges names the rules gave no kind.
    bool judgesUnruled() const { return m_unruled; }
    void setJudgesUnruled(bool unruled) { m_unruled = unruled; }
    /// Whether the model also judges the guesses and passing mentions the rules leave out.
    bool judgesAll() const { return m_all; }
    void setJudgesAll(bool all) { m_all = all; }

    Scores scores(const QStringList& features) const;
    /// The kind the model gives a name with these features, or none.
    std::optional<EntityKind> decide(const QStringList& features) const;

    void setWeights(const QString& feature, const std::array<int, kClasses>& weights);
    qsizetype size() const { return m_weights.size(); }

private:
    QHash<QString, std::array<int, kClasses>> m_weights;
    qint64 m_margin = 0;
    bool m_unruled = false;
    bool m_all = false;
};

} // namespace broadsheet::core
