// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace broadsheet::app {

/// Exit codes of broadsheet-cli: a contract that scripts rely on.
enum ExitCode : int {
    ExitOk = 0,
    ExitFailure = 1,       ///< a fatal error: the reason is on stderr
    ExitUsage = 2,         ///< bad command line
    ExitSkipped = 3,       ///< import: some files were skipped
    ExitExists = 4,        ///< export: the destination exists and --force was not given
    ExitInterrupted = 130, ///< stopped by Ctrl+C (128 + SIGINT, as shells report it)
};

/// Runs `broadsheet-cli` with the given arguments (the program name first) and returns the
/// exit code. Writes results to stdout and diagnostics to stderr.
int runCli(const QStringList& arguments);

} // namespace broadsheet::app
