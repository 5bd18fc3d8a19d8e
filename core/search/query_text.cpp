// SPDX-License-Identifier: GPL-3.0-or-later
#include "query_text.h"

#include <QRegularExpression>

namespace broadsheet::core::query_text {

QString quoted(const QString& value)
{
    QString out;
    out.reserve(value.size() + 2);
    out += u'"';
    for (const QChar c : value) {
        if (c == u'"' || c == u'\\')
            out += u'\\';
        out += c;
    }
    out += u'"';
    return out;
}

QString filter(const QString& field, const QString& value)
{
    return field + u':' + quoted(value);
}

QString withMonth(const QString& query, const QString& month)
{
    // One month at a time: a date: filter already in the query is replaced.
    static const QRegularExpression dateFilter(QStringLiteral("(^|\\s)date:\\S+"));
    QString narrowed = query;
    narrowed.remove(dateFilter);
    return (narrowed.trimmed() + QStringLiteral(" date:") + month).trimmed();
}

} // namespace broadsheet::core::query_text
