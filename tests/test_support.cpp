// SPDX-License-Identifier: GPL-3.0-or-later
#include "test_support.h"

#include "importing/import_job.h"
#include "store/article_store.h"
#include "store/library_writer.h"
#include "tagging/tagging_pass.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTemporaryDir>

namespace broadsheet::test {

QString sharedPath(const QString& relative)
{
    return QDir(QStringLiteral(BROADSHEET_SHARED_DIR)).filePath(relative);
}

bool haveShared(const QString& relative)
{
    if (QFileInfo::exists(sharedPath(relative)))
        return true;
    if (!qEnvironmentVariableIsEmpty("CI"))
        FAIL(sharedPath(relative).toStdString() << " is missing, and CI must not skip tests");
    WARN("skipped: " << sharedPath(relative).toStdString() << " is not present");
    return false;
}

QString sampleDir()
{
    return QStringLiteral(BROADSHEET_SAMPLE_DIR);
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(file.write(bytes) == bytes.size());
}

QList<QJsonObject> readJsonLines(const QString& path)
{
    QList<QJsonObject> objects;
    for (const QByteArray& line : readFile(path).split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        REQUIRE(error.error == QJsonParseError::NoError);
        objects.append(document.object());
    }
    return objects;
}

QString writeStories(const QTemporaryDir& dir, const QString& name, int count, int year)
{
    const QString folder = dir.filePath(name);
    for (int i = 0; i < count; ++i) {
        const bool council = i % 2 != 0;
        writeFile(QStringLiteral("%1/%2.txt").arg(folder).arg(i, 5, 10, QLatin1Char('0')),
                  QStringLiteral("%1 story %2 from %3\n\n%4 May %5\n\n%6\n")
                      .arg(council ? QStringLiteral("Council") : QStringLiteral("Weather"))
                      .arg(i)
                      .arg(name)
                      .arg(1 + i % 28)
                      .arg(year)
                      .arg(council ? QStringLiteral("The council voted on the new bridge and the "
                                                    "mayor spoke for an hour.")
                                   : QStringLiteral("It rained over the hills all week and the "
                                                    "rivers rose."))
                      .toUtf8());
    }
    return folder;
}

std::unique_ptr<core::ArticleStore> openNewLibrary(const QTemporaryDir& dir, const QString& name)
{
    auto store =
        core::ArticleStore::open(dir.filePath(name), core::ArticleStore::OpenMode::CreateIfMissing);
    REQUIRE(store.ok());
    return std::move(*store);
}

core::Result<core::ImportReport> importPaths(core::ArticleStore& store, const QStringList& paths,
                                             Tagging tagging)
{
    auto writer =
        core::LibraryWriter::open(store.path(), core::ArticleStore::OpenMode::OpenExisting);
    if (!writer)
        return writer.error();
    auto report = core::ImportJob(**writer).run(paths);
    if (!report || tagging == Tagging::Off)
        return report;
    if (auto tagged = core::TaggingPass(**writer, store).run(); !tagged)
        return tagged.error();
    return report;
}

qint64 subscriptionIdOf(core::ArticleStore& store, const QString& urlEnd)
{
    auto states = store.subscriptionStates();
    REQUIRE(states.ok());
    for (const core::SubscriptionState& state : *states) {
        if (state.url.endsWith(urlEnd))
            return state.id;
    }
    FAIL("no subscription ends with " << urlEnd.toStdString());
    return 0;
}

core::Result<qint64> retag(core::ArticleStore& store, bool all)
{
    auto writer =
        core::LibraryWriter::open(store.path(), core::ArticleStore::OpenMode::OpenExisting);
    if (!writer)
        return writer.error();
    return core::TaggingPass(**writer, store).run({}, all);
}

} // namespace broadsheet::test

std::ostream& operator<<(std::ostream& os, const QString& value)
{
    return os << '"' << value.toStdString() << '"';
}

std::ostream& operator<<(std::ostream& os, const QByteArray& value)
{
    return os << value.toStdString();
}
