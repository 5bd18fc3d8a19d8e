// SPDX-License-Identifier: GPL-3.0-or-later
// broadsheet-train-entities GOLD.jsonl…: trains the entity tagger's model (EntityModel) on
// gold-labelled documents, and says honestly how well it does.
//
// Each name the rules find in a document is an example: its features (what the rules saw),
// and its label, the kind of the gold entity it names by the scoring standard of gold.h, or
// none. An averaged perceptron learns from them: integer updates in a fixed order, so the
// same data gives the same model on every machine.
//
// --folds K first scores K-fold cross-validation: each document is scored by a model trained
// on the other folds only, per gold file and per kind, beside the rules alone in the same run.
// Then the model is trained on every document and written to --out.
#include "gold.h"
#include "tagging/entity_extractor.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSaveFile>

#include <cmath>
#include <cstdio>

using namespace broadsheet;
using core::EntityKind;
using core::EntityModel;

namespace {

struct Example {
    QList<int> features; ///< ids into the feature table
    int label = EntityModel::kNone;
};

struct DocumentExamples {
    int set = 0; ///< which gold file
    int fold = 0;
    QList<gold::Named> gold;
    QList<core::EntityCandidate> candidates;
    QList<Example> examples;
};

/// Which kind a candidate names, by the scoring standard: an exact name first.
int labelOf(const core::EntityCandidate& candidate, const QList<gold::Named>& gold)
{
    for (const gold::Named& g : gold) {
        if (g.name.compare(candidate.entity.name, Qt::CaseInsensitive) == 0)
            return static_cast<int>(g.kind);
    }
    for (const gold::Named& g : gold) {
        if (gold::sameEntity(g.name, candidate.entity.name))
            return static_cast<int>(g.kind);
    }
    return EntityModel::kNone;
}

class Perceptron {
public:
    explicit Perceptron(qsizetype features)
        : m_weights(features)
        , m_totals(features)
    {
    }

    int predict(const Example& example, const QList<std::array<double, 4>>& weights) const
    {
        std::array<double, 4> scores{};
        for (int f : example.features) {
            for (size_t c = 0; c < 4; ++c)
                scores[c] += weights[f][c];
        }
        int best = EntityModel::kNone; // ties go to none
        for (int c = 0; c < EntityModel::kNone; ++c) {
            if (scores[static_cast<size_t>(c)] > scores[static_cast<size_t>(best)])
                best = c;
        }
        return best;
    }

    void train(const QList<const Example*>& examples, int epochs)
    {
        QList<std::array<double, 4>> current(m_weights.size());
        qint64 step = 1;
        for (int epoch = 0; epoch < epochs; ++epoch) {
            // A fixed permutation an epoch (a linear congruential walk): deterministic.
            const qsizetype n = examples.size();
            qsizetype stride = 7919;
            while (n > 0 && std::gcd(stride, n) != 1)
                ++stride;
            qsizetype at = (epoch * 104729) % std::max<qsizetype>(n, 1);
            for (qsizetype i = 0; i < n; ++i, at = (at + stride) % n, ++step) {
                const Example& example = *examples[at];
                const int guess = predict(example, current);
                if (guess == example.label)
                    continue;
                for (int f : example.features) {
                    auto& w = m_weights[f];
                    auto& t = m_totals[f];
                    w[static_cast<size_t>(example.label)] += 1;
                    t[static_cast<size_t>(example.label)] += step;
                    w[static_cast<size_t>(guess)] -= 1;
                    t[static_cast<size_t>(guess)] -= step;
                    current[f] = toDouble(w);
                }
            }
        }
        m_steps = step;
    }

    /// The averaged weights, times 1000 and rounded.
    std::array<int, 4> averaged(int feature) const
    {
        std::array<int, 4> out{};
        for (size_t c = 0; c < 4; ++c) {
            const double average =
                static_cast<double>(m_weights[feature][c]) -
                static_cast<double>(m_totals[feature][c]) / static_cast<double>(m_steps);
            out[c] = static_cast<int>(std::lround(average * 1000.0));
        }
        return out;
    }

private:
    static std::array<double, 4> toDouble(const std::array<qint64, 4>& w)
    {
        return {static_cast<double>(w[0]), static_cast<double>(w[1]), static_cast<double>(w[2]),
                static_cast<double>(w[3])};
    }

    QList<std::array<qint64, 4>> m_weights;
    QList<std::array<qint64, 4>> m_totals;
    qint64 m_steps = 1;
};

struct Settings {
    int epochs = 10;
    int minDocuments = 2;
    qint64 margin = 0;
    bool unruled = false;
    bool all = false;
    QList<int> setWeights; ///< per gold file: how many times its examples count
};

/// A model from the documents `use` accepts.
template <typename Use>
EntityModel train(const QList<DocumentExamples>& documents, const QStringList& featureNames,
                  const Settings& settings, Use use)
{
    // Features seen in fewer than minDocuments training documents are left out: they say
    // more about one document than about names.
    QList<int> seenIn(featureNames.size(), 0);
    QList<const Example*> examples;
    for (const DocumentExamples& d : documents) {
        if (!use(d))
            continue;
        QSet<int> here;
        const int weight = d.set < settings.setWeights.size() ? settings.setWeights[d.set] : 1;
        for (const Example& e : d.examples) {
            for (int w = 0; w < weight; ++w)
                examples.append(&e);
            for (int f : e.features)
                here.insert(f);
        }
        for (int f : here)
            ++seenIn[f];
    }
    QList<Example> pruned;
    pruned.reserve(examples.size());
    for (const Example* e : examples) {
        Example kept;
        kept.label = e->label;
        for (int f : e->features) {
            if (seenIn[f] >= settings.minDocuments)
                kept.features.append(f);
        }
        pruned.append(std::move(kept));
    }
    QList<const Example*> pointers;
    for (const Example& e : pruned)
        pointers.append(&e);
    Perceptron perceptron(featureNames.size());
    perceptron.train(pointers, settings.epochs);
    EntityModel model;
    for (qsizetype f = 0; f < featureNames.size(); ++f) {
        if (seenIn[f] >= settings.minDocuments)
            model.setWeights(featureNames[f], perceptron.averaged(static_cast<int>(f)));
    }
    model.setMargin(settings.margin);
    model.setJudgesUnruled(settings.unruled);
    model.setJudgesAll(settings.all);
    return model;
}

QList<gold::Named> found(const DocumentExamples& d, const EntityModel* model)
{
    QList<gold::Named> out;
    for (const core::EntityCandidate& c : d.candidates) {
        if (!model) {
            if (c.ruled && !c.guessed && !c.passing)
                out.append({c.entity.name, c.entity.kind});
            continue;
        }
        if (const auto kind = model->decide(c.features))
            out.append({c.entity.name, *kind});
    }
    return out;
}

void print(const char* label, const gold::Scores& scores)
{
    const gold::Score all = gold::overall(scores);
    std::printf("  %-28s P %.3f R %.3f |", label, all.precision(), all.recall());
    for (const gold::Score& s : scores)
        std::printf(" %.3f/%.3f", s.precision(), s.recall());
    std::printf("\n");
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Trains the entity tagger's model on gold-labelled documents (see gold.h)."));
    parser.addHelpOption();
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("Write the model to FILE."),
                                 QStringLiteral("FILE"));
    const QCommandLineOption check(
        QStringLiteral("check"),
        QStringLiteral("Fail unless FILE is the model this training makes."),
        QStringLiteral("FILE"));
    const QCommandLineOption folds(QStringLiteral("folds"),
                                   QStringLiteral("Score K-fold cross-validation first."),
                                   QStringLiteral("K"), QStringLiteral("0"));
    const QCommandLineOption epochs(QStringLiteral("epochs"), QStringLiteral("Passes (10)."),
                                    QStringLiteral("N"), QStringLiteral("10"));
    const QCommandLineOption margin(
        QStringLiteral("margin"),
        QStringLiteral("Keep a name only when its kind beats none by more than M (0)."),
        QStringLiteral("M"), QStringLiteral("0"));
    const QCommandLineOption margins(QStringLiteral("margins"),
                                     QStringLiteral("Cross-validate each of these margins."),
                                     QStringLiteral("M,M,…"));
    const QCommandLineOption unruled(
        QStringLiteral("unruled"), QStringLiteral("Also judge the names the rules gave no kind."));
    const QCommandLineOption weights(
        QStringLiteral("weights"),
        QStringLiteral("How many times each gold file's examples count (1,1,…)."),
        QStringLiteral("W,W,…"));
    const QCommandLineOption drop(QStringLiteral("drop"),
                                  QStringLiteral("Leave out the features with these prefixes."),
                                  QStringLiteral("P,P,…"));
    const QCommandLineOption explain(
        QStringLiteral("explain"),
        QStringLiteral("List where the model and the rules disagree on the first file."));
    const QCommandLineOption all(
        QStringLiteral("all"),
        QStringLiteral("Also judge the guesses and passing mentions the rules leave out."));
    parser.addOption(all);
    parser.addOptions(
        {out, check, folds, epochs, margin, margins, unruled, weights, drop, explain});
    parser.addPositionalArgument(QStringLiteral("gold"), QStringLiteral("Gold JSONL files."),
                                 QStringLiteral("GOLD…"));
    parser.process(app);
    // A model says how it was trained ("# trained: …"): --check trains it the same way.
    auto trainingArguments = [&] {
        QStringList arguments;
        for (const QCommandLineOption* option : {&epochs, &weights, &margin, &drop}) {
            if (parser.isSet(*option))
                arguments << QStringLiteral("--") + option->names().front()
                          << parser.value(*option);
        }
        for (const QCommandLineOption* option : {&all, &unruled}) {
            if (parser.isSet(*option))
                arguments << QStringLiteral("--") + option->names().front();
        }
        return arguments;
    };
    QStringList trainedWith = trainingArguments();
    if (parser.isSet(check)) {
        QFile file(parser.value(check));
        if (file.open(QIODevice::ReadOnly)) {
            const QString header = QString::fromUtf8(file.readLine()).trimmed();
            if (header.startsWith(QLatin1String("# trained: "))) {
                parser.process(QStringList{app.arguments().front()} +
                               header.mid(11).split(u' ', Qt::SkipEmptyParts) +
                               QStringList{QStringLiteral("--check"), parser.value(check)} +
                               parser.positionalArguments());
                trainedWith = trainingArguments();
            }
        }
    }
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        parser.showHelp(2);
    Settings settings;
    settings.epochs = parser.value(epochs).toInt();
    settings.margin = parser.value(margin).toLongLong();
    settings.unruled = parser.isSet(unruled);
    settings.all = parser.isSet(all);
    if (parser.isSet(weights)) {
        for (const QString& w : parser.value(weights).split(u','))
            settings.setWeights.append(std::max(1, w.toInt()));
    }
    const int k = parser.value(folds).toInt();

    const QStringList dropped = parser.isSet(drop) ? parser.value(drop).split(u',') : QStringList();
    static const EntityModel noModel;
    const core::EntityExtractor rules(core::Gazetteer::builtIn(), noModel);
    QHash<QString, int> featureIds;
    QStringList featureNames;
    QList<DocumentExamples> documents;
    for (int set = 0; set < files.size(); ++set) {
        QString error;
        const QList<gold::Document> read = gold::read(files[set], &error);
        if (read.isEmpty()) {
            std::fprintf(
                stderr, "%s\n",
                qPrintable(error.isEmpty() ? files[set] + QStringLiteral(": empty") : error));
            return 1;
        }
        for (qsizetype i = 0; i < read.size(); ++i) {
            DocumentExamples d;
            d.set = set;
            d.fold = k > 0 ? static_cast<int>(i % k) : 0;
            d.gold = read[i].entities;
            d.candidates =
                rules.candidates(QString(), read[i].text, settings.unruled, settings.all);
            for (const core::EntityCandidate& c : d.candidates) {
                Example e;
                e.label = labelOf(c, d.gold);
                for (const QString& feature : c.features) {
                    if (std::any_of(dropped.begin(), dropped.end(),
                                    [&](const QString& p) { return feature.startsWith(p); }))
                        continue;
                    auto it = featureIds.find(feature);
                    if (it == featureIds.end()) {
                        it = featureIds.insert(feature, static_cast<int>(featureNames.size()));
                        featureNames.append(feature);
                    }
                    e.features.append(*it);
                }
                d.examples.append(std::move(e));
            }
            documents.append(std::move(d));
        }
    }

    if (k > 1) {
        QList<qint64> sweep{settings.margin};
        if (parser.isSet(margins)) {
            sweep.clear();
            for (const QString& m : parser.value(margins).split(u','))
                sweep.append(m.toLongLong());
        }
        std::printf("%d-fold cross-validation (P R overall | P/R person, organization, place)\n",
                    k);
        QList<gold::Scores> rulesScores(files.size());
        QList<QList<gold::Scores>> modelScores(sweep.size(), QList<gold::Scores>(files.size()));
        for (int fold = 0; fold < k; ++fold) {
            EntityModel model = train(documents, featureNames, settings,
                                      [fold](const DocumentExamples& d) { return d.fold != fold; });
            for (const DocumentExamples& d : documents) {
                if (d.fold != fold)
                    continue;
                gold::score(found(d, nullptr), d.gold, rulesScores[d.set]);
                if (parser.isSet(explain) && d.set == 0) {
                    model.setMargin(sweep[0]);
                    for (qsizetype c = 0; c < d.candidates.size(); ++c) {
                        const core::EntityCandidate& cand = d.candidates[c];
                        const auto kind = model.decide(cand.features);
                        const int decided = kind ? static_cast<int>(*kind) : EntityModel::kNone;
                        const int ruled =
                            cand.ruled ? static_cast<int>(cand.entity.kind) : EntityModel::kNone;
                        const int label = d.examples[c].label;
                        if (decided != ruled && (decided == label || ruled == label))
                            std::printf("%s %-30s rules %d model %d gold %d  %s\n",
                                        decided == label ? "+" : "-", qPrintable(cand.entity.name),
                                        ruled, decided, label,
                                        qPrintable(cand.features.join(u' ')));
                    }
                }
                for (qsizetype m = 0; m < sweep.size(); ++m) {
                    model.setMargin(sweep[m]);
                    gold::score(found(d, &model), d.gold, modelScores[m][d.set]);
                }
            }
        }
        for (int set = 0; set < files.size(); ++set) {
            std::printf("%s\n", qPrintable(QFileInfo(files[set]).fileName()));
            print("rules alone", rulesScores[set]);
            for (qsizetype m = 0; m < sweep.size(); ++m) {
                const QByteArray label = "model, margin " + QByteArray::number(sweep[m]);
                print(label.constData(), modelScores[m][set]);
            }
        }
    }

    const EntityModel model =
        train(documents, featureNames, settings, [](const DocumentExamples&) { return true; });
    const QByteArray text =
        "# trained: " + trainedWith.join(u' ').toUtf8() + '\n' + model.toText().toUtf8();
    std::printf("model: %lld features, %lld bytes\n", static_cast<long long>(model.size()),
                static_cast<long long>(text.size()));
    if (parser.isSet(out)) {
        QSaveFile file(parser.value(out));
        if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit()) {
            std::fprintf(stderr, "%s: %s\n", qPrintable(file.fileName()),
                         qPrintable(file.errorString()));
            return 1;
        }
    }
    if (parser.isSet(check)) {
        QFile file(parser.value(check));
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "%s: %s\n", qPrintable(file.fileName()),
                         qPrintable(file.errorString()));
            return 1;
        }
        if (file.readAll() != text) {
            std::fprintf(stderr,
                         "%s is not the model this training makes: run scripts/train-entities\n",
                         qPrintable(file.fileName()));
            return 1;
        }
        std::printf("%s is the model this training makes\n", qPrintable(file.fileName()));
    }
    return 0;
}
