// SPDX-License-Identifier: GPL-3.0-or-later
#include "background.h"

#include <QThreadPool>

#include <catch2/catch.hpp>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <future>
#include <thread>

namespace {

int threadNice()
{
    return ::getpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)));
}

} // namespace

TEST_CASE("background work lowers its own thread and no other, when a window asks it to",
          "[engine]")
{
    const int mine = threadNice();
    std::thread([] { CHECK_FALSE(broadsheet::core::runThisThreadInBackground()); }).join();
    CHECK(threadNice() == mine); // off by default: a command the user waits for runs at speed
    broadsheet::core::setBackgroundWorkYields(true);
    int lowered = -100;
    std::thread worker([&lowered] {
        REQUIRE(broadsheet::core::runThisThreadInBackground());
        REQUIRE(broadsheet::core::runThisThreadInBackground()); // once is enough
        lowered = threadNice();
    });
    worker.join();
    CHECK(lowered >= 10);
    CHECK(threadNice() == mine);

    // The background pool's tasks run lowered; the global pool's do not.
    auto niceIn = [](QThreadPool& pool, bool background) {
        std::promise<int> nice;
        pool.start([&nice, background] {
            if (background)
                broadsheet::core::runThisThreadInBackground();
            nice.set_value(threadNice());
        });
        return nice.get_future().get();
    };
    CHECK(niceIn(broadsheet::core::backgroundPool(), true) >= 10);
    CHECK(niceIn(*QThreadPool::globalInstance(), false) == mine);
    broadsheet::core::setBackgroundWorkYields(false);
}
