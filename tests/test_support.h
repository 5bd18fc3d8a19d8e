// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importing/import_report.h"
#include "result.h"
#include "test_paths.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

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
/// True when ../shared/<relative> exists; otherwise logs why the test is skipped, or, in CI
/// (CI set in the environment), fails the test: a CI run never passes by skipping.
bool haveShared(const QString& relative);
QString sampleDir();

QByteArray readFile(const QString& path);
void writeFile(const QString& path, const QByteArray& bytes);
QList<QJsonObject> readJsonLines(const QString& path);
/// A folder `name` in `dir` of `count` small story files dated in `year`: the odd ones about
/// the council ("Council story 7 from NAME"), the even ones about the weather. Returns its path.
QString writeStories(const QTemporaryDir& dir, const QString& name, int count, int year = 2016);
/// A new, empty library file in `dir` (REQUIREs that it opens).
std::unique_ptr<core::ArticleStore>
openNewLibrary(const QTemporaryDir& dir, const QString& name = QStringLiteral("library.sqlite"));

/// Whether importPaths() runs the tagging pass after storing, as `broadsheet-cli import` does
/// unless given --no-tags.
enum class Tagging { On, Off };
/// Imports `paths` into the library `store` is open on, through a LibraryWriter of its own,
/// then (Tagging::On) runs the tagging pass to the end, reading with `store`.
core::Result<core::ImportReport> importPaths(core::ArticleStore& store, const QStringList& paths,
                                             Tagging tagging = Tagging::On);

/// The id of the library's subscription whose URL ends with `urlEnd` (REQUIREs one).
qint64 subscriptionIdOf(core::ArticleStore& store, const QString& urlEnd);

/// Runs the tagging pass (with `all`, `retag --all`) on the library `store` is open on.
core::Result<qint64> retag(core::ArticleStore& store, bool all = false);

/// Stands in for the desktop's handler of a URL scheme (QDesktopServices::setUrlHandler
/// names its slot `open`): records what the program asked the desktop to open.
class UrlRecorder final : public QObject {
    Q_OBJECT
public:
    QList<QUrl> opened;
public Q_SLOTS:
    void open(const QUrl& url) { opened.append(url); }
};

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
