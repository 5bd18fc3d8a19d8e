// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QProgressBar;
class QStatusBar;
class QToolButton;

namespace broadsheet::ui {

/// One long job's place in the window's status bar: a progress bar and a button beside it
/// (Cancel, or Pause and Resume), both hidden while the job does not run. The window has one
/// for the import, the export and the tagging pass.
class JobIndicator final {
public:
    JobIndicator(QStatusBar* statusBar, const QString& name, const QString& button,
                 const QString& buttonTip, int width);
    JobIndicator(const JobIndicator&) = delete;
    JobIndicator& operator=(const JobIndicator&) = delete;

    /// Shows a busy bar (the job has not said how far it is yet).
    void started();
    /// `done` of `total`; `text` (when given) is written on the bar.
    void progress(qint64 done, qint64 total, const QString& text = {});
    void ended();
    bool isShown() const;

    QToolButton* button() const { return m_button; }
    QProgressBar* bar() const { return m_bar; }

private:
    QProgressBar* m_bar = nullptr;
    QToolButton* m_button = nullptr;
};

} // namespace broadsheet::ui
