// SPDX-License-Identifier: GPL-3.0-or-later
#include "sample_library.h"

#include "store/library_location.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>

namespace broadsheet::ui {

QString installSampleLibrary()
{
    const QDir target(core::dataFolder() + QStringLiteral("/sample"));
    if (!target.mkpath(QStringLiteral(".")))
        return {};
    QDirIterator it(QStringLiteral(":/sample"), QDir::Files);
    while (it.hasNext()) {
        const QString resource = it.next();
        const QString destination = target.filePath(it.fileName());
        if (!QFile::exists(destination) && !QFile::copy(resource, destination))
            return {};
        QFile::setPermissions(destination, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                               QFile::ReadOther);
    }
    return target.absolutePath();
}

QString sampleLibraryPath()
{
    return core::dataFolder() + QStringLiteral("/sample-library.sqlite");
}

} // namespace broadsheet::ui
