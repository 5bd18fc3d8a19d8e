// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace broadsheet::ui {

/// Copies the sample stories that ship in the resources into the application data folder,
/// so that the sample library (the welcome page's button, File → Open Sample Library) has
/// stories with a real file behind each. Returns the folder, or an empty string when it
/// could not be written.
QString installSampleLibrary();

/// The sample library's own file: sample-library.sqlite in the data folder, never the
/// user's library.
QString sampleLibraryPath();

} // namespace broadsheet::ui
