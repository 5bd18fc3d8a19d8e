// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_output.h"
#include "command_line.h"
#include "commands.h"
#include "store/backups.h"
#include "store/library_writer.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace broadsheet::app {

namespace {

QString shown(const QString& path)
{
    return QDir::toNativeSeparators(path);
}

QString sizeText(qint64 bytes)
{
    constexpr double kMiB = 1024.0 * 1024.0;
    return QStringLiteral("%1 MiB").arg(static_cast<double>(bytes) / kMiB, 0, 'f', 1);
}

} // namespace

int backupCommand(const QStringList& arguments, const QString& globalLibrary)
{
    CommandLine cli(QStringLiteral("backup"),
                    QStringLiteral("Copies the library, consistently even while it is in use, to "
                                   "FILE, or into its backup folder beside it when no FILE is "
                                   "given. Broadsheet also backs up by itself: before every "
                                   "upgrade, and once a day when something changed."));
    cli.parser().addPositionalArgument(QStringLiteral("file"),
                                       QStringLiteral("Where to write the copy (a new file)."),
                                       QStringLiteral("[FILE]"));
    if (auto exit = cli.parse(arguments, globalLibrary))
        return *exit;
    if (cli.arguments().size() > 1)
        return *cli.usageError(QStringLiteral("backup takes at most one FILE"));
    auto store = openStore(cli.libraryPath(), ArticleStore::OpenMode::OpenExisting);
    if (!store)
        return ExitFailure;
    const QString target = cli.arguments().isEmpty()
                               ? QString()
                               : QFileInfo(cli.arguments().front()).absoluteFilePath();
    auto made = core::backups::make(store->database(), QStringLiteral("manual"), target);
    if (!made)
        return made.error().code == core::ErrorCode::Exists ? (fail(made.error()), ExitExists)
                                                            : fail(made.error());
    printOut(QStringLiteral("Backed up %1 to %2 (%3).\n")
                 .arg(shown(cli.libraryPath()), shown(*made), sizeText(QFileInfo(*made).size())));
    return ExitOk;
}

int backupsCommand(const QStringList& arguments, const QString& globalLibrary)
{
    CommandLine cli(QStringLiteral("backups"),
                    QStringLiteral("Lists the library's backups, newest first (the folder beside "
                                   "the library). --keep N sets how many automatic ones are "
                                   "kept (5 unless set); the ones made by hand are never "
                                   "removed."));
    QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print a JSON array."));
    QCommandLineOption keep(QStringLiteral("keep"),
                            QStringLiteral("Keep the newest N automatic backups."),
                            QStringLiteral("N"));
    cli.parser().addOptions({json, keep});
    if (auto exit = cli.parse(arguments, globalLibrary))
        return *exit;
    if (!cli.arguments().isEmpty())
        return *cli.usageError(QStringLiteral("backups takes no arguments"));
    if (cli.parser().isSet(keep)) {
        bool ok = false;
        const int count = cli.parser().value(keep).toInt(&ok);
        if (!ok || count < 1)
            return *cli.usageError(QStringLiteral("--keep needs a number of 1 or more"));
        auto writer = openWriter(cli.libraryPath(), ArticleStore::OpenMode::OpenExisting);
        if (!writer)
            return ExitFailure;
        auto r = writer->run(
            [count](ArticleStore& library) { return core::backups::setKeepCount(library, count); });
        if (!r)
            return fail(r.error());
        core::backups::prune(cli.libraryPath(), count);
    }
    const QList<core::backups::Backup> found = core::backups::list(cli.libraryPath());
    if (cli.parser().isSet(json)) {
        QJsonArray rows;
        for (const auto& backup : found) {
            rows.append(QJsonObject{
                {QStringLiteral("path"), backup.path},
                {QStringLiteral("made"), backup.made.toString(Qt::ISODate)},
                {QStringLiteral("reason"), backup.reason},
                {QStringLiteral("bytes"), backup.bytes},
            });
        }
        printOut(QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Indented)));
        return ExitOk;
    }
    if (found.isEmpty()) {
        printOut(
            QStringLiteral("No backups of %1 yet (in %2).\n")
                .arg(shown(cli.libraryPath()), shown(core::backups::folderFor(cli.libraryPath()))));
        return ExitOk;
    }
    for (const auto& backup : found) {
        printOut(QStringLiteral("%1  %2  %3  %4\n")
                     .arg(backup.made.toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")),
                          padded(backup.reason, 10), padded(sizeText(backup.bytes), 10),
                          shown(backup.path)));
    }
    return ExitOk;
}

int restoreCommand(const QStringList& arguments, const QString& globalLibrary)
{
    CommandLine cli(QStringLiteral("restore"),
                    QStringLiteral("Puts BACKUP in the library's place. The backup is checked "
                                   "first; the current library is moved aside (named "
                                   "LIBRARY.before-restore-DATE), never deleted. Close the window "
                                   "first."));
    cli.parser().addPositionalArgument(QStringLiteral("backup"),
                                       QStringLiteral("The backup file (see 'backups')."),
                                       QStringLiteral("BACKUP"));
    if (auto exit = cli.parse(arguments, globalLibrary))
        return *exit;
    if (cli.arguments().size() != 1)
        return *cli.usageError(QStringLiteral("restore needs one BACKUP"));
    auto restored = core::backups::restore(cli.libraryPath(), cli.arguments().front());
    if (!restored)
        return fail(restored.error());
    printOut(
        QStringLiteral("Restored %1 from %2.%3\n")
            .arg(shown(cli.libraryPath()), shown(cli.arguments().front()),
                 restored->isEmpty()
                     ? QString()
                     : QStringLiteral(" The library as it was is in %1.").arg(shown(*restored))));
    return ExitOk;
}

} // namespace broadsheet::app
