// SPDX-License-Identifier: GPL-3.0-or-later
#include "write_failure.h"

#include <QDir>
#include <QFileInfo>
#include <QStorageInfo>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

namespace broadsheet::core {

QString writeFailureCause(const QString& path)
{
    const QString folder = QFileInfo(path).absolutePath();
    QStorageInfo drive(folder);
    drive.refresh();
    if (drive.isValid() && drive.bytesAvailable() < qint64{1024} * 1024) {
        return QStringLiteral("the disk is full (%1 KiB free on %2); free some space and try "
                              "again")
            .arg(drive.bytesAvailable() / 1024)
            .arg(QDir::toNativeSeparators(drive.rootPath()));
    }
#ifdef Q_OS_UNIX
    rlimit limit{};
    if (::getrlimit(RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY) {
        return QStringLiteral("a file reached the size limit set for this program (%1 "
                              "bytes, ulimit -f)")
            .arg(static_cast<qint64>(limit.rlim_cur));
    }
#endif
    if (drive.isValid() && drive.isReadOnly())
        return QStringLiteral("the drive is read-only");
    return {};
}

} // namespace broadsheet::core
