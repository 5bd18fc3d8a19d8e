// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench_corpus.h"

#include <QDate>
#include <QDirIterator>
#include <QFile>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace broadsheet::bench {

namespace {

QString generatedWord(quint32 rank)
{
    // Pronounceable, distinct words: rank written in a base-15 alphabet of syllables.
    static const char* kSyllables[] = {"ka", "lo", "mi", "ne", "ru", "sa", "te", "vo",
                                       "da", "fi", "go", "ha", "ju", "pe", "zo"};
    QString word;
    do {
        word += QLatin1String(kSyllables[rank % 15]);
        rank /= 15;
    } while (rank > 0);
    return word;
}

BenchArticle generatedArticle(int index)
{
    QRandomGenerator random(static_cast<quint32>(index) * 2654435761u + 1);
    auto zipfWord = [&random] {
        // Inverse-CDF sampling of a Zipf-like law over 50,000 words.
        const double u = random.generateDouble();
        const auto rank = static_cast<quint32>(std::pow(50000.0, u)) - 1;
        return generatedWord(rank);
    };
    BenchArticle article;
    QStringList title;
    for (int i = 0; i < 6; ++i)
        title.append(zipfWord());
    article.title = title.join(QLatin1Char(' '));
    const int paragraphs = 3 + static_cast<int>(random.bounded(8));
    for (int p = 0; p < paragraphs; ++p) {
        QStringList words;
        const int count = 20 + static_cast<int>(random.bounded(60));
        for (int w = 0; w < count; ++w)
            words.append(zipfWord());
        article.paragraphs.append(words.join(QLatin1Char(' ')) + QLatin1Char('.'));
    }
    return article;
}

} // namespace

QList<BenchArticle> loadCorpus(const QString& folder)
{
    QList<BenchArticle> bases;
    QStringList files;
    QDirIterator it(folder, {QStringLiteral("*.txt")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    std::sort(files.begin(), files.end());
    for (const QString& path : files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
        BenchArticle article;
        for (const QString& line : lines) {
            const QString text = line.trimmed();
            if (text.isEmpty())
                continue;
            if (article.title.isEmpty())
                article.title = text;
            else
                article.paragraphs.append(text);
        }
        if (!article.title.isEmpty() && !article.paragraphs.isEmpty())
            bases.append(article);
    }
    return bases;
}

BenchArticle makeArticle(const QList<BenchArticle>& bases, int index)
{
    BenchArticle article = bases.isEmpty() ? generatedArticle(index) : bases[index % bases.size()];
    const int copy = bases.isEmpty() ? 0 : index / static_cast<int>(bases.size());
    if (copy > 0) {
        article.title += QStringLiteral(" (edition %1)").arg(copy + 1);
        std::rotate(article.paragraphs.begin(),
                    article.paragraphs.begin() + copy % article.paragraphs.size(),
                    article.paragraphs.end());
    }
    // Dates spread over twenty years, a few stories a day.
    article.date = QDate(2004, 1, 1).addDays((index * 7919LL) % 7300);
    return article;
}

QByteArray toFileText(const BenchArticle& article)
{
    QString text = article.title + QStringLiteral("\n\n") +
                   article.date.toString(QStringLiteral("d MMMM yyyy")) + QStringLiteral("\n\n") +
                   article.paragraphs.join(QStringLiteral("\n\n")) + QLatin1Char('\n');
    return text.toUtf8();
}

qint64 residentBytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong() * 1024;
    }
    return 0;
}

} // namespace broadsheet::bench
