// SPDX-License-Identifier: GPL-3.0-or-later
#include "app_identity.h"
#include "main_window.h"
#include "single_instance.h"
#include "store/article_store.h"
#include "store/backups.h"
#include "store/library_health.h"
#include "store/library_location.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QLocale>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>

#include <csignal>

namespace {

using broadsheet::core::ArticleStore;

/// The question a damaged library asks at start: the newest backup that passes its check
/// in its place, the library read-only as far as it can be read, or neither.
broadsheet::core::Result<std::unique_ptr<ArticleStore>>
openDamaged(const QString& library, const broadsheet::core::Error& damage)
{
    namespace backups = broadsheet::core::backups;
    const QList<backups::Backup> found = backups::list(library);
    QMessageBox box(QMessageBox::Warning, QStringLiteral("Broadsheet"),
                    QApplication::translate("main", "This library is damaged, and Broadsheet "
                                                    "will not write to it."));
    box.setInformativeText(damage.message);
    QPushButton* useBackup = nullptr;
    if (!found.isEmpty()) {
        useBackup = box.addButton(
            QApplication::translate("main", "Open the Backup of %1")
                .arg(QLocale().toString(found.first().made.toLocalTime(), QLocale::ShortFormat)),
            QMessageBox::AcceptRole);
    }
    QPushButton* readOnly = box.addButton(
        QApplication::translate("main", "Open Read-Only to Export"), QMessageBox::ActionRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(useBackup ? useBackup : readOnly);
    box.exec();
    if (box.clickedButton() == readOnly)
        return ArticleStore::open(library, ArticleStore::OpenMode::Salvage);
    if (useBackup && box.clickedButton() == useBackup) {
        QString lastError;
        for (const backups::Backup& backup : found) { // the newest one that is sound
            auto restored = backups::restore(library, backup.path);
            if (restored)
                return ArticleStore::open(library, ArticleStore::OpenMode::OpenExisting);
            lastError = restored.error().message;
        }
        return broadsheet::core::Error{lastError};
    }
    return broadsheet::core::Error{QString(), true};
}

} // namespace

int main(int argc, char* argv[])
{
    std::signal(SIGXFSZ, SIG_IGN); // a file size limit fails a write with a message instead

    QApplication app(argc, argv);
    broadsheet::ui::setApplicationIdentity();
    QApplication::setApplicationVersion(QStringLiteral(BROADSHEET_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/broadsheet.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Broadsheet, a desktop news reader."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption libraryOption(QStringLiteral("library"),
                                           QStringLiteral("The library file to open."),
                                           QStringLiteral("FILE"));
    parser.addOption(libraryOption);
    parser.addPositionalArgument(QStringLiteral("paths"),
                                 QStringLiteral("Article files or folders to import."),
                                 QStringLiteral("[PATH...]"));
    parser.process(app);

    const QString library = broadsheet::core::resolveLibraryPath(parser.value(libraryOption));
    // One window per library: a second start hands its files to the first, which comes up.
    broadsheet::ui::SingleInstance instance(library);
    if (instance.handOver(parser.positionalArguments()))
        return 0;

    QDir().mkpath(QFileInfo(library).absolutePath());
    auto store = ArticleStore::open(library, ArticleStore::OpenMode::CreateIfMissing);
    if (store && !(*store)->readOnly()) {
        // The start-up check (bounded on a large file), or damage found before.
        namespace health = broadsheet::core::library_health;
        QString damage = health::damageMark(library);
        if (damage.isEmpty()) {
            auto check = health::quickCheck((*store)->database(), std::chrono::seconds(2));
            if (check && !check->problems.isEmpty()) {
                damage = check->problems.first();
                health::markDamaged(library, damage);
            }
        }
        if (!damage.isEmpty()) {
            store->reset(); // closed before a backup may take its place
            store = broadsheet::core::Error{
                broadsheet::core::ErrorCode::Damaged,
                QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(library), damage)};
        }
    }
    if (!store && store.error().code == broadsheet::core::ErrorCode::Damaged) {
        // Never written to: put the newest good backup in its place, or read what it holds.
        store = openDamaged(library, store.error());
        if (!store && store.error().cancelled)
            return 1;
    }
    if (!store) {
        QMessageBox::critical(nullptr, QStringLiteral("Broadsheet"), store.error().message);
        return 1;
    }

    QString restore;
    int exitCode = 0;
    {
        broadsheet::ui::MainWindow window(std::move(*store));
        window.show();
        instance.listen();
        QObject::connect(&instance, &broadsheet::ui::SingleInstance::activated, &window,
                         [&window](const QStringList& more) {
                             window.showNormal();
                             window.raise();
                             window.activateWindow();
                             if (!more.isEmpty())
                                 window.importPaths(more);
                         });

        // A first run shows the welcome page (with Open the Sample Library): the sample
        // stories are a library of their own, never put into the user's.
        const QStringList paths = parser.positionalArguments();
        if (!paths.isEmpty())
            window.importPaths(paths);
        exitCode = QApplication::exec();
        restore = window.pendingRestore();
    } // every connection to the library is closed here
    if (!restore.isEmpty()) {
        // File → Restore from Backup…: with the library closed, the backup takes its place
        // (the current file moved aside), and Broadsheet starts again on it.
        auto restored = broadsheet::core::backups::restore(library, restore);
        if (!restored) {
            QMessageBox::critical(nullptr, QStringLiteral("Broadsheet"), restored.error().message);
            return 1;
        }
        QProcess::startDetached(QApplication::applicationFilePath(),
                                {QStringLiteral("--library"), library});
    }
    return exitCode;
}
