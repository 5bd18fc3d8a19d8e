// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace broadsheet::ui {

/// Copies the sample library that ships in the resources into the application data folder,
/// so that a first run (or the welcome page's button) has stories to show, each with a real
/// file behind it. Returns the folder, or an empty string when it could not be written.
QString installSampleLibrary();

} // namespace broadsheet::ui
