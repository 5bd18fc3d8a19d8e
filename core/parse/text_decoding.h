// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace broadsheet::core {

/// Text decoded from a file's bytes, with the encoding that was found.
struct DecodedText {
    QString text;
    QString encoding; ///< "utf-8", "utf-8-bom", "utf-16le", "utf-16be" or "windows-1252"
};

/// Decodes article bytes: a BOM (UTF-8, UTF-16) wins; otherwise valid UTF-8 is UTF-8, and
/// anything else is read as Windows-1252 (a superset of Latin-1), which never fails.
DecodedText decodeText(const QByteArray& bytes);

/// True when the bytes look like a binary file rather than text: NUL bytes outside a
/// UTF-16 text.
bool looksBinary(const QByteArray& bytes);

} // namespace broadsheet::core
