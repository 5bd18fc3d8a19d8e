// SPDX-License-Identifier: GPL-3.0-or-later
// Catch2's runner inside a Qt application object, so tests can use event loops, signals
// and (for the GUI suite) real widgets on the offscreen platform.
#define CATCH_CONFIG_RUNNER
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#ifdef BROADSHEET_TEST_GUI
#include "app_identity.h"

#include <QApplication>
using TestApplication = QApplication;
#else
#include <QCoreApplication>
using TestApplication = QCoreApplication;
#endif

int main(int argc, char* argv[])
{
#ifdef BROADSHEET_TEST_GUI
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
#endif
    // Tests never touch the user's real settings or library.
    QStandardPaths::setTestModeEnabled(true);
    TestApplication app(argc, argv);
    TestApplication::setApplicationName(QStringLiteral("broadsheet-tests"));
#ifdef BROADSHEET_TEST_GUI
    broadsheet::ui::installTranslations(); // the window's plural forms, as the program has
#endif
    // Settings live in a folder of this process's own, so parallel test runs never share them.
    QTemporaryDir settingsDir;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    return Catch::Session().run(argc, argv);
}
