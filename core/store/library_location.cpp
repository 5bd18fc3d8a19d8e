// SPDX-License-Identifier: GPL-3.0-or-later
#include "library_location.h"

#include <QDir>
#include <QStandardPaths>

namespace broadsheet::core {

QString defaultLibraryPath()
{
    QString fromEnvironment = qEnvironmentVariable("BROADSHEET_LIBRARY");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(folder).filePath(QStringLiteral("library.sqlite"));
}

QString resolveLibraryPath(const QString& explicitPath)
{
    return explicitPath.isEmpty() ? defaultLibraryPath() : explicitPath;
}

} // namespace broadsheet::core
