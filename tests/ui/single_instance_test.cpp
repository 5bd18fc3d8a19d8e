// SPDX-License-Identifier: GPL-3.0-or-later
#include "single_instance.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <catch2/catch.hpp>

#include <optional>
#include <thread>

using namespace broadsheet;

TEST_CASE("a second start on a library hands its files to the first, and on another library it "
          "runs on its own",
          "[ui][instance][regression]")
{
    QTemporaryDir dir;
    const QString library = dir.filePath(QStringLiteral("library.sqlite"));
    ui::SingleInstance first(library);
    CHECK_FALSE(first.handOver({})); // nobody runs on it yet
    REQUIRE(first.listen());
    QSignalSpy activated(&first, &ui::SingleInstance::activated);

    // The second start runs in its own thread here, as it would in its own process: its
    // hand-over waits for the answer the first gives from its event loop.
    std::optional<bool> handed;
    std::thread second([&] {
        const ui::SingleInstance again(library);
        handed = again.handOver({dir.filePath(QStringLiteral("news")), QStringLiteral("rel.txt")});
    });
    REQUIRE(QTest::qWaitFor([&] { return !activated.isEmpty(); }, 10000));
    second.join();
    REQUIRE(handed.has_value());
    CHECK(*handed);
    const QStringList paths = activated.front().front().toStringList();
    REQUIRE(paths.size() == 2);
    CHECK(paths[0] == dir.filePath(QStringLiteral("news")));
    CHECK(QFileInfo(paths[1]).isAbsolute()); // made absolute where it was started

    // Another library is another window: nobody answers for it.
    const ui::SingleInstance other(dir.filePath(QStringLiteral("other.sqlite")));
    CHECK_FALSE(other.handOver({}, 300));
    CHECK(ui::SingleInstance::serverName(library) !=
          ui::SingleInstance::serverName(dir.filePath(QStringLiteral("other.sqlite"))));
}
