// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli.h"

#include <QCoreApplication>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("broadsheet"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BROADSHEET_VERSION));
    return broadsheet::app::runCli(QCoreApplication::arguments());
}
