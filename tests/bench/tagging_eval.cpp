// SPDX-License-Identifier: GPL-3.0-or-later
// broadsheet-tagging-eval GOLD.jsonl: scores the entity tagger against gold-labelled news.
//
// Each line of GOLD is {"id", "text", "entities": [{"type": PER|ORG|LOC, "text"}]}. A found
// entity is right when it names a gold entity of the same kind: the same name once both go
// through the gazetteer's normalisation ("US" is United States), or one is a fuller form of
// the other ("Obama" / "Barack Obama"). Precision is over what was found, recall over the
// gold entities (each counted once per document).
#include "tagging/entity_extractor.h"
#include "tagging/keyword_extractor.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <array>
#include <cstdio>
#include <optional>

using namespace broadsheet::core;

namespace {

struct Named {
    QString name;
    EntityKind kind;
};

QStringList wordsOf(const QString& name)
{
    static const QRegularExpression separators(QStringLiteral("[\\s.,'’-]+"));
    return name.toLower().split(separators, Qt::SkipEmptyParts);
}

/// The same name, or one a fuller form of the other (its words a run of the other's).
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

struct Score {
    int found = 0;
    int right = 0;
    int gold = 0;
    int recalled = 0;
};

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Scores Broadsheet's entity tagger against gold-labelled documents."));
    parser.addHelpOption();
    const QCommandLineOption verbose(QStringLiteral("verbose"),
                                     QStringLiteral("List each document's misses and mistakes."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption speed(
        QStringLiteral("speed"),
        QStringLiteral("Also time the tagger on every .txt article under DIR."),
        QStringLiteral("DIR"));
    parser.addOptions({verbose, json, speed});
    parser.addPositionalArgument(QStringLiteral("gold"), QStringLiteral("The gold JSONL file."));
    parser.process(app);
    if (parser.positionalArguments().size() != 1)
        parser.showHelp(2);

    if (parser.isSet(speed)) {
        QStringList texts;
        QDirIterator it(parser.value(speed), {QStringLiteral("*.txt")}, QDir::Files,
                        QDirIterator::Subdirectories);
        qint64 bytes = 0;
        while (it.hasNext()) {
            QFile article(it.next());
            if (article.open(QIODevice::ReadOnly)) {
                texts.append(QString::fromUtf8(article.readAll()));
                bytes += texts.back().size();
            }
        }
        const EntityExtractor extractor;
        QElapsedTimer clock;
        clock.start();
        qint64 entities = 0;
        for (const QString& text : texts)
            entities += extractor.extract(QString(), text).size();
        const double ms = static_cast<double>(clock.nsecsElapsed()) / 1e6;
        clock.restart();
        qint64 candidates = 0;
        for (const QString& text : texts)
            candidates += KeywordExtractor::candidates(QString(), text, {}).size();
        const double keywordMs = static_cast<double>(clock.nsecsElapsed()) / 1e6;
        const auto n = static_cast<double>(std::max<qsizetype>(texts.size(), 1));
        std::printf("speed: %lld articles (%lld characters); entities in %.0f ms: %.1f us an "
                    "article, %.1f entities an article; keyword terms in %.0f ms: %.1f us an "
                    "article, %.1f candidates an article\n",
                    static_cast<long long>(texts.size()), static_cast<long long>(bytes), ms,
                    1000.0 * ms / n, static_cast<double>(entities) / n, keywordMs,
                    1000.0 * keywordMs / n, static_cast<double>(candidates) / n);
    }
    QFile file(parser.positionalArguments().front());
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(file.fileName()),
                     qPrintable(file.errorString()));
        return 1;
    }
    const EntityExtractor extractor;
    std::array<Score, 3> scores{};
    int documents = 0;
    qint64 characters = 0;
    QElapsedTimer timer;
    qint64 extractingNs = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonObject document = QJsonDocument::fromJson(line, &error).object();
        if (error.error != QJsonParseError::NoError) {
            std::fprintf(stderr, "%s: line %d: %s\n", qPrintable(file.fileName()), documents + 1,
                         qPrintable(error.errorString()));
            return 1;
        }
        ++documents;
        const QString text = document.value(QStringLiteral("text")).toString();
        characters += text.size();
        QList<Named> gold;
        for (const QJsonValue& value : document.value(QStringLiteral("entities")).toArray()) {
            const QJsonObject entity = value.toObject();
            const auto kind = kindOf(entity.value(QStringLiteral("type")).toString());
            const QString name = entity.value(QStringLiteral("text")).toString();
            if (!kind)
                continue;
            const bool seen = std::any_of(gold.begin(), gold.end(), [&](const Named& g) {
                return g.kind == *kind && g.name.compare(name, Qt::CaseInsensitive) == 0;
            });
            if (!seen)
                gold.append({name, *kind});
        }
        timer.start();
        const QList<Entity> found = extractor.extract(QString(), text);
        extractingNs += timer.nsecsElapsed();

        QStringList wrong;
        for (const Entity& entity : found) {
            Score& score = scores[static_cast<size_t>(entity.kind)];
            ++score.found;
            const bool right = std::any_of(gold.begin(), gold.end(), [&](const Named& g) {
                return g.kind == entity.kind && sameEntity(g.name, entity.name);
            });
            if (right)
                ++score.right;
            else
                wrong.append(
                    QStringLiteral("%1 (%2)").arg(entity.name, entityKindName(entity.kind)));
        }
        QStringList missed;
        for (const Named& g : gold) {
            Score& score = scores[static_cast<size_t>(g.kind)];
            ++score.gold;
            const bool recalled = std::any_of(found.begin(), found.end(), [&](const Entity& e) {
                return e.kind == g.kind && sameEntity(g.name, e.name);
            });
            if (recalled)
                ++score.recalled;
            else
                missed.append(QStringLiteral("%1 (%2)").arg(g.name, entityKindName(g.kind)));
        }
        if (parser.isSet(verbose) && (!wrong.isEmpty() || !missed.isEmpty())) {
            std::printf("%s\n  wrong:  %s\n  missed: %s\n",
                        qPrintable(document.value(QStringLiteral("id")).toString()),
                        qPrintable(wrong.join(QStringLiteral("; "))),
                        qPrintable(missed.join(QStringLiteral("; "))));
        }
    }

    Score all;
    QJsonObject perKind;
    auto ratio = [](int a, int b) {
        return b == 0 ? 0.0 : static_cast<double>(a) / b;
    };
    for (EntityKind kind : {EntityKind::Person, EntityKind::Organization, EntityKind::Place}) {
        const Score& s = scores[static_cast<size_t>(kind)];
        all.found += s.found;
        all.right += s.right;
        all.gold += s.gold;
        all.recalled += s.recalled;
        perKind.insert(entityKindName(kind),
                       QJsonObject{{QStringLiteral("precision"), ratio(s.right, s.found)},
                                   {QStringLiteral("recall"), ratio(s.recalled, s.gold)},
                                   {QStringLiteral("found"), s.found},
                                   {QStringLiteral("gold"), s.gold}});
        if (!parser.isSet(json))
            std::printf("%-13s precision %.3f (%d/%d)  recall %.3f (%d/%d)\n",
                        qPrintable(entityKindName(kind)), ratio(s.right, s.found), s.right, s.found,
                        ratio(s.recalled, s.gold), s.recalled, s.gold);
    }
    const double msPerDocument = static_cast<double>(extractingNs) / 1e6 / documents;
    if (parser.isSet(json)) {
        const QJsonObject result{{QStringLiteral("documents"), documents},
                                 {QStringLiteral("precision"), ratio(all.right, all.found)},
                                 {QStringLiteral("recall"), ratio(all.recalled, all.gold)},
                                 {QStringLiteral("kinds"), perKind},
                                 {QStringLiteral("ms_per_document"), msPerDocument}};
        std::fputs(QJsonDocument(result).toJson().constData(), stdout);
    } else {
        std::printf("%-13s precision %.3f (%d/%d)  recall %.3f (%d/%d)  (targets 0.85, 0.75)\n",
                    "overall", ratio(all.right, all.found), all.right, all.found,
                    ratio(all.recalled, all.gold), all.recalled, all.gold);
        std::printf("%d documents, %lld characters, %.3f ms a document\n", documents,
                    static_cast<long long>(characters), msPerDocument);
    }
    return 0;
}
