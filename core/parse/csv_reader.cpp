// SPDX-License-Identifier: GPL-3.0-or-later
#include "csv_reader.h"

namespace broadsheet::core {

Result<QList<CsvRecord>> CsvReader::read(const QString& text)
{
    QList<CsvRecord> records;
    CsvRecord record;
    QString field;
    bool inQuotes = false;
    bool fieldWasQuoted = false;
    int line = 1;
    int quoteLine = 0;
    record.line = 1;

    auto endField = [&] {
        record.fields.append(std::exchange(field, {}));
        fieldWasQuoted = false;
    };
    auto endRecord = [&] {
        endField();
        // A blank line is no record.
        if (!(record.fields.size() == 1 && record.fields[0].isEmpty()))
            records.append(record);
        record = CsvRecord{{}, line};
    };

    const qsizetype size = text.size();
    qsizetype i = (size > 0 && text[0] == QChar(0xFEFF)) ? 1 : 0;
    for (; i < size; ++i) {
        const QChar c = text[i];
        if (inQuotes) {
            if (c == u'"') {
                if (i + 1 < size && text[i + 1] == u'"') {
                    field.append(u'"');
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                if (c == u'\n')
                    ++line;
                field.append(c);
            }
            continue;
        }
        switch (c.unicode()) {
        case u'"':
            if (field.isEmpty() && !fieldWasQuoted) {
                inQuotes = true;
                fieldWasQuoted = true;
                quoteLine = line;
            } else {
                field.append(c); // a stray quote inside an unquoted field is kept as text
            }
            break;
        case u',':
            endField();
            break;
        case u'\r':
            if (i + 1 < size && text[i + 1] == u'\n')
                ++i;
            [[fallthrough]];
        case u'\n':
            ++line;
            endRecord();
            break;
        default:
            field.append(c);
        }
    }
    if (inQuotes)
        return Error{QStringLiteral("line %1: a quoted field is never closed").arg(quoteLine)};
    if (!field.isEmpty() || !record.fields.isEmpty())
        endRecord();
    return records;
}

} // namespace broadsheet::core
