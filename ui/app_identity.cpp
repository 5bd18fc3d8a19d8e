// SPDX-License-Identifier: GPL-3.0-or-later
#include "app_identity.h"

#include <QGuiApplication>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace broadsheet::ui {

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("broadsheet"));
    QCoreApplication::setApplicationName(QStringLiteral("broadsheet"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Broadsheet"));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.broadsheet.Broadsheet"));
    // Versions before 0.2 named no organisation: Qt kept their settings here.
    adoptSettingsFrom(QStringLiteral("Unknown Organization"));
    installTranslations();
}

bool installTranslations()
{
    auto* translator = new QTranslator(QCoreApplication::instance());
    if (translator->load(QLocale(), QStringLiteral("broadsheet"), QStringLiteral("_"),
                         QStringLiteral(":/i18n")) ||
        translator->load(QStringLiteral(":/i18n/broadsheet_en.qm")))
        return QCoreApplication::installTranslator(translator);
    delete translator;
    return false;
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
