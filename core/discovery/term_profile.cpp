// SPDX-License-Identifier: GPL-3.0-or-later
#include "term_profile.h"

#include <QtEndian>

#include <algorithm>
#include <cmath>

namespace broadsheet::core {

QList<TermProfile::Term> TermProfile::build(const QList<Candidate>& terms, qint64 total)
{
    struct Weighted {
        qsizetype index;
        double weight;
    };
    QList<Weighted> weighted;
    weighted.reserve(terms.size());
    const double stories = static_cast<double>(std::max<qint64>(total, 1)) + 1.0;
    for (qsizetype i = 0; i < terms.size(); ++i) {
        if (terms[i].stories < 2 || terms[i].count <= 0)
            continue;
        const double tf = 1.0 + std::log(static_cast<double>(terms[i].count));
        const double idf =
            std::min(std::log(stories / static_cast<double>(terms[i].stories)), kRareIdf);
        if (idf > 0)
            weighted.append({i, tf * idf});
    }
    const auto keep = std::min<qsizetype>(weighted.size(), kTerms);
    std::partial_sort(weighted.begin(), weighted.begin() + keep, weighted.end(),
                      [&terms](const Weighted& a, const Weighted& b) {
                          if (a.weight != b.weight)
                              return a.weight > b.weight;
                          return terms[a.index].stem < terms[b.index].stem;
                      });
    weighted.resize(keep);
    double norm = 0;
    for (const Weighted& w : weighted)
        norm += w.weight * w.weight;
    norm = std::sqrt(norm);
    QList<Term> profile;
    profile.reserve(keep);
    for (const Weighted& w : weighted) {
        const int scaled = static_cast<int>(std::lround(w.weight / norm * kScale));
        profile.append({terms[w.index].stem, std::clamp(scaled, 1, kScale)});
    }
    return profile;
}

quint32 TermProfile::termId(QByteArrayView stem)
{
    quint32 hash = 2166136261U;
    for (const char c : stem) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 16777619U;
    }
    return hash;
}

QByteArray TermProfile::toBytes(const QList<StoredTerm>& terms)
{
    QByteArray bytes(terms.size() * 6, Qt::Uninitialized);
    char* out = bytes.data();
    for (const StoredTerm& term : terms) {
        qToLittleEndian(static_cast<quint32>(term.term), out);
        qToLittleEndian(static_cast<quint16>(term.weight), out + 4);
        out += 6;
    }
    return bytes;
}

QList<TermProfile::StoredTerm> TermProfile::fromBytes(QByteArrayView bytes)
{
    QList<StoredTerm> terms;
    if (bytes.size() % 6 != 0)
        return terms;
    terms.reserve(bytes.size() / 6);
    for (qsizetype at = 0; at < bytes.size(); at += 6) {
        terms.append({qFromLittleEndian<quint32>(bytes.data() + at),
                      qFromLittleEndian<quint16>(bytes.data() + at + 4)});
    }
    return terms;
}

} // namespace broadsheet::core
