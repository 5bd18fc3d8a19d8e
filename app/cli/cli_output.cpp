// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_output.h"

#include <cstdio>

namespace broadsheet::app {

namespace {

void write(FILE* stream, const QByteArray& bytes)
{
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stream);
    std::fflush(stream);
}

} // namespace

void printOut(const QString& text)
{
    write(stdout, text.toUtf8());
}

void printErr(const QString& text)
{
    write(stderr, text.toUtf8());
}

void printJson(const QJsonDocument& document)
{
    write(stdout, document.toJson(QJsonDocument::Indented));
}

QString counted(qint64 n, const char* one, const char* many)
{
    return QStringLiteral("%1 %2").arg(n).arg(QString::fromLatin1(n == 1 ? one : many));
}

} // namespace broadsheet::app
