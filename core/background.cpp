// SPDX-License-Identifier: GPL-3.0-or-later
#include "background.h"

#include <QThread>
#include <QThreadPool>

#include <algorithm>
#include <atomic>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace broadsheet::core {

namespace {
constexpr int kBackgroundNice = 10; // CFS weight 110 against the window's 1024
std::atomic<bool> g_yields{false};
} // namespace

void setBackgroundWorkYields(bool yields)
{
    g_yields = yields;
}

bool runThisThreadInBackground()
{
    thread_local bool lowered = false;
    if (lowered)
        return true;
    if (!g_yields)
        return false;
#ifdef Q_OS_LINUX
    // On Linux a thread's nice value is its own (a thread id is a process id to setpriority).
    const auto tid = static_cast<id_t>(::syscall(SYS_gettid));
    const int now = ::getpriority(PRIO_PROCESS, tid);
    lowered = ::setpriority(PRIO_PROCESS, tid, std::max(now, kBackgroundNice)) == 0;
#endif
    return lowered;
}

QThreadPool& backgroundPool()
{
    static QThreadPool* pool = [] {
        auto* p = new QThreadPool;
        // One more than the cores: a long job (the tagging pass) leaves a thread per core
        // for an import's parsing.
        p->setMaxThreadCount(std::max(1, QThread::idealThreadCount()) + 1);
        p->setExpiryTimeout(30000);
        return p;
    }();
    return *pool;
}

} // namespace broadsheet::core
