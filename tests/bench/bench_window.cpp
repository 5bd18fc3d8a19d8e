// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench_window.h"

#include "article_list_model.h"
#include "main_window.h"
#include "store/article_store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTableView>

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
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').front().toDouble() / 1024.0;
    }
    return 0;
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
