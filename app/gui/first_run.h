// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace broadsheet::app {

/// Copies the sample library that ships in the resources into the application data folder,
/// so that a first run has stories to show and each has a real file behind it. Returns the
/// folder, or an empty string when it could not be written.
QString installSampleLibrary();

} // namespace broadsheet::app
