// SPDX-License-Identifier: GPL-3.0-or-later
#include "main_window.h"
#include "sample_library.h"
#include "store/article_store.h"
#include "store/library_location.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QMessageBox>

int main(int argc, char* argv[])
{
    using broadsheet::core::ArticleStore;

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("broadsheet"));
    QApplication::setApplicationDisplayName(QStringLiteral("Broadsheet"));
    QApplication::setApplicationVersion(QStringLiteral(BROADSHEET_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.broadsheet.Broadsheet"));
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

    const bool explicitLibrary = parser.isSet(libraryOption);
    const QString library = broadsheet::core::resolveLibraryPath(parser.value(libraryOption));
    const bool firstRun = !explicitLibrary && !QFileInfo::exists(library);

    QDir().mkpath(QFileInfo(library).absolutePath());
    auto store = ArticleStore::open(library, ArticleStore::OpenMode::CreateIfMissing);
    if (!store) {
        QMessageBox::critical(nullptr, QStringLiteral("Broadsheet"), store.error().message);
        return 1;
    }

    broadsheet::ui::MainWindow window(std::move(*store));
    window.show();

    QStringList paths = parser.positionalArguments();
    if (firstRun) {
        const QString sample = broadsheet::ui::installSampleLibrary();
        if (!sample.isEmpty())
            paths.prepend(sample);
    }
    if (!paths.isEmpty())
        window.importPaths(paths);
    return QApplication::exec();
}
