// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QThreadPool;

// Work the user did not just ask for (an import's parsing and storing, later a feed refresh)
// runs below the window: on two busy cores, the window's thread is served first.
namespace broadsheet::core {

/// Whether background work yields in this process: the window turns it on (its thread is
/// the one to serve first); a command-line import the user waits for runs at full speed.
void setBackgroundWorkYields(bool yields);

/// Lowers the calling thread's scheduling priority when background work yields (Linux: nice 10 for
/// this thread alone; elsewhere nothing). A thread cannot raise it again: call it on threads that
/// only ever do background work. Returns whether the priority was lowered.
bool runThisThreadInBackground();

/// A pool for background work; each task lowers its thread once (runThisThreadInBackground)
/// before it runs.
QThreadPool& backgroundPool();

} // namespace broadsheet::core
