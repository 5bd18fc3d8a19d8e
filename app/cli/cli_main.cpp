// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <strings.h>

#include <csignal>
#include <cstring>
#include <memory>

namespace {

/// PDF export lays text out with fonts, which needs a QGuiApplication; nothing else does,
/// and a terminal may have no display, so that one command draws offscreen.
bool needsFonts(int argc, char* argv[])
{
    bool exporting = false;
    bool pdf = false;
    for (int i = 1; i < argc; ++i) {
        exporting = exporting || std::strcmp(argv[i], "export") == 0;
        // Formats are read whatever their case: "PDF" too ([regression]: it aborted, with
        // no QGuiApplication to lay out its fonts).
        pdf = pdf || strcasecmp(argv[i], "--format=pdf") == 0 ||
              (strcasecmp(argv[i], "pdf") == 0 && std::strcmp(argv[i - 1], "--format") == 0);
    }
    return exporting && pdf;
}

} // namespace

int main(int argc, char* argv[])
{
    // A file size limit (ulimit -f) makes a write fail with a message, not kill the program
    // halfway through a transaction.
    std::signal(SIGXFSZ, SIG_IGN);
    std::unique_ptr<QCoreApplication> app;
    if (needsFonts(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setOrganizationName(QStringLiteral("broadsheet")); // as the window
    QCoreApplication::setApplicationName(QStringLiteral("broadsheet"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BROADSHEET_VERSION));
    return broadsheet::app::runCli(QCoreApplication::arguments());
}
