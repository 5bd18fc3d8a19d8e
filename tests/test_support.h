// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "test_paths.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <catch2/catch.hpp>

#include <memory>
#include <ostream>

class QTemporaryDir;

namespace broadsheet::core {
class ArticleStore;
}

namespace broadsheet::test {

/// A path inside ../shared (the real corpora), e.g. sharedPath("data/bbc/news").
QString sharedPath(const QString& relative);
/// True when ../shared/<relative> exists; otherwise logs why the test is skipped.
bool haveShared(const QString& relative);
QString sampleDir();

QByteArray readFile(const QString& path);
void writeFile(const QString& path, const QByteArray& bytes);
QList<QJsonObject> readJsonLines(const QString& path);
/// A new, empty library file in `dir` (REQUIREs that it opens).
std::unique_ptr<core::ArticleStore>
openNewLibrary(const QTemporaryDir& dir, const QString& name = QStringLiteral("library.sqlite"));

} // namespace broadsheet::test

// Let Catch print Qt strings in failure messages.
std::ostream& operator<<(std::ostream& os, const QString& value);
std::ostream& operator<<(std::ostream& os, const QByteArray& value);

/// Skips the rest of a test when ../shared/<relative> is missing.
#define REQUIRE_SHARED(relative)                                                                   \
    do {                                                                                           \
        if (!::broadsheet::test::haveShared(QStringLiteral(relative)))                             \
            return;                                                                                \
    } while (false)
