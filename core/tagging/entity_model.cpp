// SPDX-License-Identifier: GPL-3.0-or-later
#include "entity_model.h"

#include <QFile>
#include <QStringView>

#include <algorithm>

namespace broadsheet::core {

const EntityModel& EntityModel::builtIn()
{
    static const EntityModel model = [] {
        QFile file(QStringLiteral(":/gazetteer/entity_model.tsv"));
        if (!file.open(QIODevice::ReadOnly))
            return EntityModel();
        return fromText(QString::fromUtf8(file.readAll())).value_or(EntityModel());
    }();
    return model;
}

std::optional<EntityModel> EntityModel::fromText(const QString& text, QString* error)
{
    EntityModel model;
    int number = 0;
    for (QStringView line : QStringView(text).split(u'\n')) {
        ++number;
        if (line.isEmpty())
            continue;
        auto fail = [&](const QString& why) {
            if (error)
                *error = QStringLiteral("line %1: %2").arg(number).arg(why);
            return std::nullopt;
        };
        if (line.startsWith(u"#!")) {
            const QList<QStringView> parts = line.mid(2).split(u' ', Qt::SkipEmptyParts);
            bool ok = parts.size() == 2;
            const qint64 value = ok ? parts[1].toLongLong(&ok) : 0;
            if (!ok)
                return fail(QStringLiteral("a setting is a name and a number"));
            if (parts[0] == u"margin")
                model.m_margin = value;
            else if (parts[0] == u"unruled")
                model.m_unruled = value != 0;
            else if (parts[0] == u"all")
                model.m_all = value != 0;
            continue;
        }
        if (line.startsWith(u'#'))
            continue;
        const QList<QStringView> fields = line.split(u'\t');
        if (fields.size() != kClasses + 1)
            return fail(QStringLiteral("%1 fields where a weight line has %2")
                            .arg(fields.size())
                            .arg(kClasses + 1));
        std::array<int, kClasses> weights{};
        for (int c = 0; c < kClasses; ++c) {
            bool ok = false;
            weights[static_cast<size_t>(c)] = fields[c + 1].toInt(&ok);
            if (!ok)
                return fail(QStringLiteral("\"%1\" is not a weight").arg(fields[c + 1]));
        }
        model.m_weights.insert(fields[0].toString(), weights);
    }
    return model;
}

QString EntityModel::toText() const
{
    QString text = QStringLiteral("# Broadsheet's entity model (scripts/train-entities): "
                                  "feature, then its weight for person, organization, place "
                                  "and none\n#!margin %1\n#!unruled %2\n#!all %3\n")
                       .arg(m_margin)
                       .arg(m_unruled ? 1 : 0)
                       .arg(m_all ? 1 : 0);
    QStringList features = m_weights.keys();
    features.sort();
    for (const QString& feature : features) {
        text += feature;
        for (int weight : m_weights.value(feature))
            text += u'\t' + QString::number(weight);
        text += u'\n';
    }
    return text;
}

EntityModel::Scores EntityModel::scores(const QStringList& features) const
{
    Scores scores{};
    for (const QString& feature : features) {
        const auto it = m_weights.constFind(feature);
        if (it == m_weights.constEnd())
            continue;
        for (size_t c = 0; c < kClasses; ++c)
            scores[c] += (*it)[c];
    }
    return scores;
}

std::optional<EntityKind> EntityModel::decide(const QStringList& features) const
{
    const Scores s = scores(features);
    const auto best = static_cast<int>(std::max_element(s.begin(), s.begin() + kNone) - s.begin());
    if (s[static_cast<size_t>(best)] - s[kNone] <= m_margin)
        return std::nullopt;
    return static_cast<EntityKind>(best);
}

void EntityModel::setWeights(const QString& feature, const std::array<int, kClasses>& weights)
{
    if (std::all_of(weights.begin(), weights.end(), [](int w) { return w == 0; }))
        m_weights.remove(feature);
    else
        m_weights.insert(feature, weights);
}

} // namespace broadsheet::core
