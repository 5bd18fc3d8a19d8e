// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace broadsheet::bench {

/// One article the benchmark writes and both importers read back.
struct BenchArticle {
    QString title;
    QDate date;
    QStringList paragraphs;
};

/// Real texts to reuse: each .txt file under `folder` (title line, blank line, paragraphs).
QList<BenchArticle> loadCorpus(const QString& folder);

/// Makes article number `index` from the bases: the same texts reused, each copy varied
/// (edition number in the title, paragraphs rotated, its own date) so that no two are
/// duplicates. Without bases, words come from a Zipf-distributed generated vocabulary.
BenchArticle makeArticle(const QList<BenchArticle>& bases, int index);

/// The article as a text file in a layout the importer reads: title, date line, paragraphs.
QByteArray toFileText(const BenchArticle& article);

/// The process's resident memory now, in bytes (Linux).
qint64 residentBytes();

} // namespace broadsheet::bench
