// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace broadsheet::core {

/// One CSV record and the line it starts on (1-based), for messages.
struct CsvRecord {
    QStringList fields;
    int line = 0;
};

/// Reads RFC 4180 CSV: comma-separated fields, `"`-quoted fields that may hold commas,
/// line breaks and `""` for a quote; CRLF or LF records. Fails with the line of an
/// unterminated quote. Used for CSV data sets (CsvArticleParser) and by tests of CSV export.
class CsvReader {
public:
    static Result<QList<CsvRecord>> read(const QString& text);
};

} // namespace broadsheet::core
