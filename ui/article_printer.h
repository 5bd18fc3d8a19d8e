// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "article/article.h"
#include "export/export_job.h"
#include "result.h"

#include <QString>

#include <functional>
#include <memory>
#include <stop_token>

class QPagedPaintDevice;
class QPainter;

namespace broadsheet::core {
class ArticleStore;
}

namespace broadsheet::ui {

/// Lays articles out on pages: each from a new page, headed by its title, date, source and
/// section, with page numbers at the foot. Draws on any paged device: a QPdfWriter for PDF
/// export, a QPrinter for File → Print. QtGui only, so the CLI can write PDF too.
class ArticlePrinter final {
public:
    explicit ArticlePrinter(QPagedPaintDevice& device);
    ~ArticlePrinter();
    ArticlePrinter(const ArticlePrinter&) = delete;
    ArticlePrinter& operator=(const ArticlePrinter&) = delete;

    /// Starts painting; fails when the device cannot be painted on.
    core::Result<void> begin();
    void print(const core::Article& article);
    /// Ends painting; fails when the device could not finish (a printer error).
    core::Result<void> end();
    int pages() const { return m_page; }

private:
    QPagedPaintDevice& m_device;
    std::unique_ptr<QPainter> m_painter;
    int m_page = 0;
};

/// Writes the articles to one PDF file, atomically (QSaveFile) and streamed: the same
/// contract as core::ExportJob for the text formats (refuses a taken path unless `replace`,
/// cancels on `stop` leaving nothing behind).
core::Result<core::ExportReport>
exportPdf(core::ArticleStore& store, const QList<core::ArticleId>& ids, const QString& path,
          bool replace, std::stop_token stop = {},
          const std::function<void(const core::ExportProgress&)>& progress = {});

} // namespace broadsheet::ui
