// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

namespace broadsheet::core {
class LibraryWriter;
}

namespace broadsheet::ui {

class LibraryWorker;

/// Runs the tagging pass (core::TaggingPass) in the window's background: after each import
/// and at start, while the user reads; pause() stops it after the chunk in hand and
/// resume() carries on where it stopped. Used by MainWindow's status bar.
class TaggingController final : public QObject {
    Q_OBJECT
public:
    explicit TaggingController(core::LibraryWriter& writer, QObject* parent = nullptr);
    ~TaggingController() override;

    /// Tags what is stale, unless paused or already tagging (then it tags what arrived too).
    void start();
    void pause();
    void resume();
    bool isPaused() const { return m_paused; }
    bool isRunning() const;
    /// Blocks until the pass in hand has stopped (shutdown, tests).
    void wait();

Q_SIGNALS:
    void progress(qint64 done, qint64 total);
    /// A pass ended: it tagged `tagged` stories (stopped early when `paused`).
    void finished(qint64 tagged, bool paused);
    void failed(const QString& message);

private:
    core::LibraryWriter& m_writer;
    LibraryWorker* m_worker = nullptr;
    bool m_paused = false;
    bool m_again = false; ///< asked to start while running: run once more after
};

} // namespace broadsheet::ui
