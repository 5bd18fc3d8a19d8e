// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench_window.h"

#include "article_list_model.h"
#include "bench_corpus.h"
#include "feed_refresh_controller.h"
#include "main_window.h"
#include "search/searcher.h"
#include "store/article_store.h"
#include "sync_controller.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTableView>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

namespace broadsheet::bench {

namespace {

/// Counts paint events on a widget.
class PaintCounter final : public QObject {
public:
    int paints = 0;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return QObject::eventFilter(watched, event);
    }
};

double residentMegabytes()
{
    return static_cast<double>(residentBytes()) / 1048576.0;
}

bool waitForPaint(const PaintCounter& counter, int before, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (counter.paints == before && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    return counter.paints > before;
}

} // namespace

QJsonObject measureWindow(const QString& libraryPath)
{
    QElapsedTimer timer;
    timer.start();
    auto store = core::ArticleStore::open(libraryPath, core::ArticleStore::OpenMode::OpenExisting);
    if (!store)
        return {{QStringLiteral("error"), store.error().message}};
    ui::MainWindow window(std::move(*store));
    PaintCounter counter;
    window.storyList()->viewport()->installEventFilter(&counter);
    window.resize(1280, 800);
    window.show();
    waitForPaint(counter, 0, 60000);
    const double firstPaint = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    const double rss = residentMegabytes();
    // Scrolling to the end needs every row: wait for the ids still loading.
    while (window.storyModel()->isLoading() && timer.elapsed() < 120000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    const double allRows = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    const double rssAllRows = residentMegabytes();

    timer.restart();
    const int before = counter.paints;
    window.storyList()->scrollToBottom();
    waitForPaint(counter, before, 60000);
    const double scrollEnd = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    const bool atEnd = window.storyList()->rowAt(window.storyList()->viewport()->height() - 2) ==
                           window.storyModel()->rowCount() - 1 ||
                       window.storyList()
                               ->indexAt(QPoint(5, window.storyList()->viewport()->height() - 2))
                               .row() == window.storyModel()->rowCount() - 1;
    // Counted after the timing: a count of a million rows is itself a scan.
    const auto articles =
        core::ArticleStore::open(libraryPath, core::ArticleStore::OpenMode::OpenExisting)
            .value()
            ->count();
    return {{QStringLiteral("articles"), articles ? *articles : qint64{-1}},
            {QStringLiteral("first_paint_ms"), firstPaint},
            {QStringLiteral("rss_mb"), rss},
            {QStringLiteral("all_rows_ms"), allRows},
            {QStringLiteral("rss_all_rows_mb"), rssAllRows},
            {QStringLiteral("scroll_end_ms"), scrollEnd},
            {QStringLiteral("last_row_shown"), atEnd}};
}

} // namespace broadsheet::bench

#include "importing/import_report.h"

#include <QAction>
#include <QMenuBar>
#include <QStatusBar>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <mutex>
#include <thread>

namespace broadsheet::bench {

QJsonObject measureWritesDuringImport(const QString& libraryPath, const QString& folder,
                                      int toggles, int everyMs)
{
    auto store = core::ArticleStore::open(libraryPath, core::ArticleStore::OpenMode::OpenExisting);
    if (!store)
        return {{QStringLiteral("error"), store.error().message}};
    ui::MainWindow window(std::move(*store));
    window.resize(1280, 800);
    window.show();
    QElapsedTimer clock;
    clock.start();
    // A reader's steady state: the list painted, the counts made, the first pass done.
    PaintCounter painted;
    window.storyList()->viewport()->installEventFilter(&painted);
    waitForPaint(painted, 0, 60000);
    while ((window.storyModel()->rowCount() < toggles || !window.sidebarIsCurrent() ||
            window.storyModel()->isLoading()) &&
           clock.elapsed() < 120000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    const qint64 calm = clock.elapsed() + 1000;
    while (clock.elapsed() < calm)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    QList<core::ArticleId> ids;
    for (int row = 0; row < toggles && row < window.storyModel()->rowCount(); ++row)
        ids.append(window.storyModel()->idAt(row));
    QAction* star = nullptr;
    for (QAction* menu : window.menuBar()->actions()) {
        for (QAction* action : menu->menu()->actions()) {
            if (action->text().remove(u'&') == u"Toggle Star")
                star = action;
        }
    }
    if (!star || ids.size() < toggles)
        return {{QStringLiteral("error"), QStringLiteral("no stories or no Toggle Star action")}};

    // Another connection watches for each star: then it is durable.
    std::mutex mutex;
    QHash<core::ArticleId, qint64> postedAt; ///< ms on `clock`
    QHash<core::ArticleId, qint64> durableAt;
    std::atomic<bool> watching{true};
    std::thread watcher([&] {
        auto reader =
            core::ArticleStore::open(libraryPath, core::ArticleStore::OpenMode::OpenExisting);
        if (!reader)
            return;
        while (watching) {
            QList<core::ArticleId> waiting;
            {
                const std::lock_guard lock(mutex);
                for (auto it = postedAt.cbegin(); it != postedAt.cend(); ++it) {
                    if (!durableAt.contains(it.key()))
                        waiting.append(it.key());
                }
            }
            if (!waiting.isEmpty()) {
                auto summaries = (*reader)->summaries(waiting);
                const qint64 now = clock.elapsed();
                if (summaries) {
                    const std::lock_guard lock(mutex);
                    for (const core::ArticleSummary& summary : *summaries) {
                        if (summary.starred)
                            durableAt.insert(summary.id, now);
                    }
                }
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    });

    int lockErrors = 0;
    QObject::connect(window.statusBar(), &QStatusBar::messageChanged, &window,
                     [&lockErrors](const QString& message) {
                         if (message.contains(u"locked"))
                             ++lockErrors;
                     });
    // The GUI thread's longest stall: the largest gap between two ticks of a 5 ms timer.
    qint64 lastTick = clock.elapsed();
    qint64 longestStall = 0;
    int stallsOver50 = 0; // how often: on a shared machine one slow slice is noise, many are not
    QTimer ticker;
    ticker.setInterval(5);
    QObject::connect(&ticker, &QTimer::timeout, &window, [&] {
        const qint64 now = clock.elapsed();
        longestStall = std::max(longestStall, now - lastTick - 5);
        stallsOver50 += now - lastTick - 5 > 50;
        if (qEnvironmentVariableIsSet("BENCH_STALLS") && now - lastTick > 50)
            std::fprintf(stderr, "stall %lld ms ending at %lld ms\n",
                         static_cast<long long>(now - lastTick), static_cast<long long>(now));
        lastTick = now;
    });

    bool importDone = false;
    qint64 importStarted = 0;
    qint64 importEnded = 0;
    QObject::connect(&window, &ui::MainWindow::importFinished, &window,
                     [&](const core::ImportReport&) {
                         if (qEnvironmentVariableIsSet("BENCH_STALLS"))
                             std::fprintf(stderr, "import shown at %lld ms\n",
                                          static_cast<long long>(clock.elapsed()));
                         importDone = true;
                         importEnded = clock.elapsed();
                     });
    importStarted = clock.elapsed();
    window.importPaths({folder});
    ticker.start();
    lastTick = clock.elapsed();

    int shownAtOnce = 0;
    int duringImport = 0;
    for (int i = 0; i < toggles; ++i) {
        const qint64 until = clock.elapsed() + everyMs;
        while (clock.elapsed() < until)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 2);
        window.storyList()->selectRow(static_cast<int>(window.storyModel()->rowOf(ids[i])));
        {
            const std::lock_guard lock(mutex);
            postedAt.insert(ids[i], clock.elapsed());
        }
        star->trigger();
        const auto shown = window.storyModel()->summaryOf(ids[i]);
        shownAtOnce += shown && shown->starred ? 1 : 0;
        duringImport += importDone ? 0 : 1;
    }
    while (!importDone && clock.elapsed() < 30 * 60 * 1000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    ticker.stop();
    window.waitForWrites();
    const qint64 settle = clock.elapsed() + 2000;
    while (clock.elapsed() < settle) {
        {
            const std::lock_guard lock(mutex);
            if (durableAt.size() == postedAt.size())
                break;
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    }
    watching = false;
    watcher.join();

    QList<double> latencies;
    for (auto it = postedAt.cbegin(); it != postedAt.cend(); ++it) {
        if (durableAt.contains(it.key()))
            latencies.append(static_cast<double>(durableAt.value(it.key()) - it.value()));
    }
    std::sort(latencies.begin(), latencies.end());
    const double p50 = latencies.isEmpty() ? -1 : latencies[latencies.size() / 2];
    const double max = latencies.isEmpty() ? -1 : latencies.back();
    return {
        {QStringLiteral("toggles"), toggles},
        {QStringLiteral("shown_at_once"), shownAtOnce},
        {QStringLiteral("durable"), static_cast<int>(latencies.size())},
        {QStringLiteral("durable_p50_ms"), p50},
        {QStringLiteral("durable_max_ms"), max},
        {QStringLiteral("gui_stall_max_ms"), static_cast<double>(longestStall)},
        {QStringLiteral("gui_stalls_over_50_ms"), stallsOver50},
        {QStringLiteral("lock_errors"), lockErrors},
        {QStringLiteral("during_import"), duringImport},
        {QStringLiteral("import_s"), static_cast<double>(importEnded - importStarted) / 1000.0}};
}

} // namespace broadsheet::bench

namespace broadsheet::bench {

QJsonObject measureRefreshInWindow(const QString& libraryPath, bool sync)
{
    auto store = core::ArticleStore::open(libraryPath, core::ArticleStore::OpenMode::OpenExisting);
    if (!store)
        return {{QStringLiteral("error"), store.error().message}};
    ui::MainWindow window(std::move(*store));
    window.feedRefresher()->setSchedule(0);
    if (window.syncer())
        window.syncer()->setSchedule(0);
    window.resize(1280, 800);
    window.show();
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 2000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);

    // Searches on a connection of their own, as the window's search worker runs them.
    const QStringList words = {QStringLiteral("government"), QStringLiteral("election"),
                               QStringLiteral("music"),      QStringLiteral("film"),
                               QStringLiteral("market"),     QStringLiteral("players"),
                               QStringLiteral("technology"), QStringLiteral("\"prime minister\""),
                               QStringLiteral("econom*"),    QStringLiteral("title:world")};
    std::atomic<bool> stop{false};
    std::atomic<bool> measuringDuring{false};
    std::mutex timesMutex;
    QList<double> idle;
    QList<double> during;
    std::thread searcher([&] {
        auto reader =
            core::ArticleStore::open(libraryPath, core::ArticleStore::OpenMode::OpenExisting);
        if (!reader)
            return;
        core::Searcher search((*reader)->database());
        for (int i = 0; !stop.load(); ++i) {
            core::SearchRequest request;
            request.query = words[i % words.size()];
            QElapsedTimer t;
            t.start();
            (void)search.search(request);
            const double ms = static_cast<double>(t.nsecsElapsed()) / 1e6;
            const std::lock_guard lock(timesMutex);
            (measuringDuring.load() ? during : idle).append(ms);
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    });
    QElapsedTimer idleTime;
    idleTime.start();
    while (idleTime.elapsed() < 4000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);

    measuringDuring = true;
    qint64 longestStall = 0;
    int stallsOver50 = 0;
    QElapsedTimer clock;
    clock.start();
    qint64 lastTick = 0;
    QTimer ticks;
    QObject::connect(&ticks, &QTimer::timeout, [&] {
        const qint64 now = clock.elapsed();
        longestStall = std::max(longestStall, now - lastTick - 5);
        stallsOver50 += now - lastTick - 5 > 50;
        if (now - lastTick - 5 > 50 && qEnvironmentVariableIsSet("BROADSHEET_BENCH_STALLS"))
            std::fprintf(stderr, "stall %lld ms ending at %lld ms\n", now - lastTick - 5, now);
        lastTick = now;
    });
    bool done = false;
    int added = 0;
    int failed = 0;
    auto ended = [&](int a, int f) {
        if (qEnvironmentVariableIsSet("BROADSHEET_BENCH_STALLS"))
            std::fprintf(stderr, "refreshed at %lld ms\n", clock.elapsed());
        done = true;
        added = a;
        failed = f;
    };
    if (sync)
        QObject::connect(&window, &ui::MainWindow::synced, ended);
    else
        QObject::connect(&window, &ui::MainWindow::feedsRefreshed, ended);
    ticks.start(5);
    if (sync)
        window.syncer()->sync();
    else
        window.refreshFeeds();
    while (!done && clock.elapsed() < 600000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    const double refreshSeconds = static_cast<double>(clock.elapsed()) / 1000.0;
    ticks.stop();
    stop = true;
    searcher.join();
    auto p50 = [](QList<double> v) {
        if (v.isEmpty())
            return 0.0;
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    return {{QStringLiteral("idle_p50_ms"), p50(idle)},
            {QStringLiteral("during_p50_ms"), p50(during)},
            {QStringLiteral("searches_idle"), static_cast<int>(idle.size())},
            {QStringLiteral("searches_during"), static_cast<int>(during.size())},
            {QStringLiteral("gui_stall_max_ms"), static_cast<double>(longestStall)},
            {QStringLiteral("gui_stalls_over_50_ms"), stallsOver50},
            {QStringLiteral("refresh_s"), refreshSeconds},
            {QStringLiteral("added"), added},
            {QStringLiteral("failed"), failed}};
}

} // namespace broadsheet::bench
