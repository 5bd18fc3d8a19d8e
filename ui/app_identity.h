// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace broadsheet::ui {

/// Names the program to Qt (organisation and application "broadsheet", its display name and
/// desktop file), so its settings land in ~/.config/broadsheet/broadsheet.conf rather than
/// under "Unknown Organization", and takes over the settings an earlier version kept there.
void setApplicationIdentity();

/// Installs the window's English plural forms (":/i18n/broadsheet_en.qm"), or the user's
/// language when Broadsheet has it. True when one was installed.
bool installTranslations();

/// Copies the settings kept under `organization` (the application's name, the native
/// format) into the current ones, when the current ones are still empty. True when some
/// were copied.
bool adoptSettingsFrom(const QString& organization);

} // namespace broadsheet::ui
