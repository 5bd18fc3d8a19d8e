// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "article/article.h"
#include "article_formats.h"
#include "result.h"

#include <QList>
#include <QString>

#include <functional>
#include <stop_token>

class QSaveFile;

namespace broadsheet::core {

class ArticleStore;

struct ExportRequest {
    QList<ArticleId> ids; ///< in the order they are written
    ExportFormat format = ExportFormat::Markdown;
    QString destination;  ///< a file, or a folder for Markdown and plain text
    bool replace = false; ///< replace an existing file or non-empty folder, whole
    QString heading = {}; ///< the HTML document's title; a default when empty
};

struct ExportProgress {
    qint64 done = 0;
    qint64 total = 0;
};

struct ExportReport {
    qint64 articles = 0;
    QString destination; ///< absolute
    friend bool operator==(const ExportReport&, const ExportReport&) = default;
};

/// Writes articles of a library to a file or folder in one of the text formats, for the CLI
/// and the window's Export dialog. Streams one article at a time (memory stays flat at any
/// size) and is atomic: the result appears whole under its name or not at all — a single file
/// through QSaveFile, a folder built beside its destination and renamed into place. Cancelled
/// or failed, it leaves nothing behind and the destination as it was.
class ExportJob {
public:
    explicit ExportJob(ArticleStore& store);

    void setProgressCallback(std::function<void(const ExportProgress&)> callback)
    {
        m_progress = std::move(callback);
    }

    /// Fails with a message naming the path and the reason; a stop request ends it with an
    /// Error whose `cancelled` is set. Either way nothing was written.
    Result<ExportReport> run(const ExportRequest& request, const std::stop_token& stop = {});

    /// True when writing to `path` would replace something: a file, or a folder that is not
    /// empty. The CLI refuses such a path without --force; the window asks.
    static bool destinationTaken(const QString& path);
    /// Where an export of `formatName` may go: refuses a taken path unless `replace`, and a
    /// folder where one file goes; makes missing parent folders. Returns the absolute path.
    /// Shared with the PDF export.
    static Result<QString> prepareDestination(const QString& path, bool replace, bool folder,
                                              const QString& formatName);
    /// Commits the file only when it holds every byte written: QSaveFile alone can report
    /// success for a write a full disk cut short (QTBUG-75077). Otherwise discards it.
    static Result<void> commitWhole(QSaveFile& file);

private:
    ArticleStore& m_store;
    std::function<void(const ExportProgress&)> m_progress;
};

} // namespace broadsheet::core
