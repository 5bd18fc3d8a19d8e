// SPDX-License-Identifier: GPL-3.0-or-later
#include "gold.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <optional>

namespace broadsheet::gold {

using core::EntityKind;
using core::Gazetteer;

namespace {

QStringList wordsOf(const QString& name)
{
    static const QRegularExpression separators(QStringLiteral("[\\s.,'’-]+"));
    return name.toLower().split(separators, Qt::SkipEmptyParts);
}

std::optional<EntityKind> kindOf(const QString& type)
{
    if (type == u"PER")
        return EntityKind::Person;
    if (type == u"ORG")
        return EntityKind::Organization;
    if (type == u"LOC")
        return EntityKind::Place;
    return std::nullopt;
}

} // namespace

QList<Document> read(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return {};
    }
    QList<Document> documents;
    int number = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        ++number;
        if (line.isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonObject object = QJsonDocument::fromJson(line, &parseError).object();
        if (parseError.error != QJsonParseError::NoError) {
            *error = QStringLiteral("%1: line %2: %3")
                         .arg(path)
                         .arg(number)
                         .arg(parseError.errorString());
            return {};
        }
        Document document;
        document.id = object.value(QStringLiteral("id")).toString();
        document.text = object.value(QStringLiteral("text")).toString();
        for (const QJsonValue& value : object.value(QStringLiteral("entities")).toArray()) {
            const QJsonObject entity = value.toObject();
            const auto kind = kindOf(entity.value(QStringLiteral("type")).toString());
            const QString name = entity.value(QStringLiteral("text")).toString();
            if (!kind)
                continue;
            const bool seen = std::any_of(
                document.entities.begin(), document.entities.end(), [&](const Named& g) {
                    return g.kind == *kind && g.name.compare(name, Qt::CaseInsensitive) == 0;
                });
            if (!seen)
                document.entities.append({name, *kind});
        }
        documents.append(std::move(document));
    }
    return documents;
}

bool sameEntity(const QString& a, const QString& b)
{
    const Gazetteer& gazetteer = Gazetteer::builtIn();
    auto canonical = [&gazetteer](const QString& name) {
        const Gazetteer::Entry* entry = gazetteer.find(name);
        return entry ? entry->canonical : name;
    };
    const QStringList x = wordsOf(canonical(a));
    const QStringList y = wordsOf(canonical(b));
    if (x.isEmpty() || y.isEmpty())
        return false;
    const QStringList& shorter = x.size() <= y.size() ? x : y;
    const QStringList& longer = x.size() <= y.size() ? y : x;
    for (qsizetype start = 0; start + shorter.size() <= longer.size(); ++start) {
        if (std::equal(shorter.begin(), shorter.end(), longer.begin() + start))
            return true;
    }
    return false;
}

Score& Score::operator+=(const Score& other)
{
    found += other.found;
    right += other.right;
    gold += other.gold;
    recalled += other.recalled;
    return *this;
}

Score overall(const Scores& scores)
{
    Score all;
    for (const Score& s : scores)
        all += s;
    return all;
}

void score(const QList<Named>& found, const QList<Named>& gold, Scores& scores, QStringList* wrong,
           QStringList* missed)
{
    for (const Named& entity : found) {
        Score& s = scores[static_cast<size_t>(entity.kind)];
        ++s.found;
        const bool right = std::any_of(gold.begin(), gold.end(), [&](const Named& g) {
            return g.kind == entity.kind && sameEntity(g.name, entity.name);
        });
        if (right)
            ++s.right;
        else if (wrong)
            wrong->append(QStringLiteral("%1 (%2)").arg(entity.name, entityKindName(entity.kind)));
    }
    for (const Named& g : gold) {
        Score& s = scores[static_cast<size_t>(g.kind)];
        ++s.gold;
        const bool recalled = std::any_of(found.begin(), found.end(), [&](const Named& e) {
            return e.kind == g.kind && sameEntity(g.name, e.name);
        });
        if (recalled)
            ++s.recalled;
        else if (missed)
            missed->append(QStringLiteral("%1 (%2)").arg(g.name, entityKindName(g.kind)));
    }
}

} // namespace broadsheet::gold
