// SPDX-License-Identifier: GPL-3.0-or-later
#include "app_identity.h"

#include <QGuiApplication>
#include <QSettings>

namespace broadsheet::ui {

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("broadsheet"));
    QCoreApplication::setApplicationName(QStringLiteral("broadsheet"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Broadsheet"));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.broadsheet.Broadsheet"));
    // Versions before 0.2 named no organisation: Qt kept their settings here.
    adoptSettingsFrom(QStringLiteral("Unknown Organization"));
}

bool adoptSettingsFrom(const QString& organization)
{
    QSettings current;
    if (!current.allKeys().isEmpty())
        return false;
    const QSettings earlier(QSettings::NativeFormat, QSettings::UserScope, organization,
                            QCoreApplication::applicationName());
    const QStringList keys = earlier.allKeys();
    for (const QString& key : keys)
        current.setValue(key, earlier.value(key));
    return !keys.isEmpty();
}

} // namespace broadsheet::ui
