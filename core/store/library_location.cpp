// SPDX-License-Identifier: GPL-3.0-or-later
#include "library_location.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>

namespace broadsheet::core {

QString dataFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u'/' +
           QCoreApplication::applicationName();
}

QString cacheFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) + u'/' +
           QCoreApplication::applicationName();
}

QString defaultLibraryPath()
{
    QString fromEnvironment = qEnvironmentVariable("BROADSHEET_LIBRARY");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return QDir(dataFolder()).filePath(QStringLiteral("library.sqlite"));
}

QString resolveLibraryPath(const QString& explicitPath)
{
    return explicitPath.isEmpty() ? defaultLibraryPath() : explicitPath;
}

} // namespace broadsheet::core
