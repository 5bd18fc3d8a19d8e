// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonDocument>
#include <QString>

namespace broadsheet::app {

/// UTF-8 output for the CLI: results on stdout, diagnostics on stderr.
void printOut(const QString& text);
void printErr(const QString& text);
void printJson(const QJsonDocument& document);
/// "1 story", "3 stories": a count with its noun in the right number.
QString counted(qint64 n, const char* one, const char* many);

} // namespace broadsheet::app
