// SPDX-License-Identifier: GPL-3.0-or-later
// broadsheet-tagging-eval GOLD.jsonl: scores the entity tagger against gold-labelled news,
// by the standard in gold.h. `--rules` scores the rules alone, without the model.
#include "gold.h"
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
namespace gold = broadsheet::gold;

using gold::Named;

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
    const QCommandLineOption rules(QStringLiteral("rules"),
                                   QStringLiteral("Score the rules alone, without the model."));
    parser.addOptions({verbose, json, speed, rules});
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
    QString error;
    const QList<gold::Document> documents =
        gold::read(parser.positionalArguments().front(), &error);
    if (documents.isEmpty()) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(error.isEmpty() ? QStringLiteral("no documents") : error));
        return 1;
    }
    static const EntityModel noModel;
    const EntityExtractor extractor(Gazetteer::builtIn(),
                                    parser.isSet(rules) ? noModel : EntityModel::builtIn());
    gold::Scores scores{};
    qint64 characters = 0;
    QElapsedTimer timer;
    qint64 extractingNs = 0;
    for (const gold::Document& document : documents) {
        characters += document.text.size();
        timer.start();
        const QList<Entity> entities = extractor.extract(QString(), document.text);
        extractingNs += timer.nsecsElapsed();
        QList<Named> found;
        for (const Entity& entity : entities)
            found.append({entity.name, entity.kind});
        QStringList wrong;
        QStringList missed;
        gold::score(found, document.entities, scores, &wrong, &missed);
        if (parser.isSet(verbose) && (!wrong.isEmpty() || !missed.isEmpty())) {
            std::printf("%s\n  wrong:  %s\n  missed: %s\n", qPrintable(document.id),
                        qPrintable(wrong.join(QStringLiteral("; "))),
                        qPrintable(missed.join(QStringLiteral("; "))));
        }
    }
    const auto documentCount = static_cast<int>(documents.size());

    const gold::Score all = gold::overall(scores);
    QJsonObject perKind;
    auto ratio = [](int a, int b) {
        return b == 0 ? 0.0 : static_cast<double>(a) / b;
    };
    for (EntityKind kind : {EntityKind::Person, EntityKind::Organization, EntityKind::Place}) {
        const gold::Score& s = scores[static_cast<size_t>(kind)];
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
    const double msPerDocument = static_cast<double>(extractingNs) / 1e6 / documentCount;
    if (parser.isSet(json)) {
        const QJsonObject result{{QStringLiteral("documents"), documentCount},
                                 {QStringLiteral("precision"), ratio(all.right, all.found)},
                                 {QStringLiteral("recall"), ratio(all.recalled, all.gold)},
                                 {QStringLiteral("kinds"), perKind},
                                 {QStringLiteral("ms_per_document"), msPerDocument}};
        std::fputs(QJsonDocument(result).toJson().constData(), stdout);
    } else {
        std::printf("%-13s precision %.3f (%d/%d)  recall %.3f (%d/%d)  (targets 0.85, 0.75)\n",
                    "overall", ratio(all.right, all.found), all.right, all.found,
                    ratio(all.recalled, all.gold), all.recalled, all.gold);
        if (!parser.isSet(rules))
            std::printf("(the shipped model was trained on the gold sets: for held-out figures, "
                        "see scripts/train-entities's cross-validation)\n");
        std::printf("%d documents, %lld characters, %.3f ms a document\n", documentCount,
                    static_cast<long long>(characters), msPerDocument);
    }
    return 0;
}
