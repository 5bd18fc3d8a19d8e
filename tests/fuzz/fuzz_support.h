// SPDX-License-Identifier: GPL-3.0-or-later
// What every fuzz target shares: the input as Qt bytes and text, and a loud failure when a
// property that must hold does not (libFuzzer keeps the input that broke it).
#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace broadsheet::fuzz {

inline QByteArray bytesOf(const uint8_t* data, size_t size)
{
    return QByteArray(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
}

/// Aborts with the reason: a finding, not a crash of the harness.
[[noreturn]] inline void broken(const char* what, const QString& detail = {})
{
    std::fprintf(stderr, "FINDING: %s %s\n", what, detail.left(500).toUtf8().constData());
    std::abort();
}

} // namespace broadsheet::fuzz
