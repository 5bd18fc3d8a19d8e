// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "article/article.h"
#include "article/library_values.h"
#include "import_report.h"
#include "result.h"

#include <QStringList>

#include <functional>
#include <optional>
#include <stop_token>

namespace broadsheet::core {

class LibraryWriter;

/// Imports files and folders into a library: walks folders recursively, parses files on
/// worker threads, hands each batch to the library's writer (which indexes it and applies
/// the tagging rules in the same transaction), reports progress and stops when cancelled.
/// One bad file never stops the rest: it is skipped with a reason. People, organisations,
/// places and keywords come afterwards, from the TaggingPass. Used by the CLI's `import`,
/// the window's import and the benchmark.
class ImportJob final {
public:
    using ProgressCallback = std::function<void(const ImportProgress&)>;

    /// Files larger than this are refused: no article is 16 MiB of text.
    static constexpr qint64 kMaxFileBytes = qint64{16} * 1024 * 1024;
    /// The limit for files that hold many articles (CSV, JSON, NDJSON): a JSON export of
    /// about 150,000 stories. Such a file is read and parsed whole.
    static constexpr qint64 kMaxCollectionBytes = qint64{512} * 1024 * 1024;
    /// An NDJSON file larger than this is read in parts of this size, in parallel, so any
    /// number of stories imports in flat memory (and past kMaxCollectionBytes).
    static constexpr qint64 kNdjsonPartBytes = qint64{4} * 1024 * 1024;

    explicit ImportJob(LibraryWriter& writer);
    ImportJob(const ImportJob&) = delete;
    ImportJob& operator=(const ImportJob&) = delete;

    void setProgressCallback(ProgressCallback callback) { m_progress = std::move(callback); }

    /// Runs the import on the calling thread (parsing fans out to the thread pool; writing
    /// is the writer's). Fails only when the library itself cannot be written; what was
    /// committed stays. A stop request ends it after the batch in hand, with `cancelled`
    /// set in the report. Returns once everything it added is durable.
    Result<ImportReport> run(const QStringList& paths, const std::stop_token& stop = {});

    /// What one file holds: its articles, or why it was left out.
    struct FileResult {
        QString path;
        QList<Article> articles;
        QList<QByteArray> hashes;          ///< ArticleStore::contentHash of each, computed here
        QList<Subscription> subscriptions; ///< an OPML list's (it has no articles)
        /// A Broadsheet export: its articles bring their own tags, which stay as they are.
        bool ownTags = false;
        std::optional<QString> skipReason;
        /// Parts of the file left out, each with why (the rest of the file was read).
        QStringList leftOut;
    };
    /// Reads and parses one file; `source` names the library source its articles go to.
    /// `begin` and `end` (>= 0) choose a part of an NDJSON file: the lines that start there.
    static FileResult parseFile(const QString& path, const QString& source, qint64 begin = 0,
                                qint64 end = -1);

private:
    LibraryWriter& m_writer;
    ProgressCallback m_progress;
};

} // namespace broadsheet::core
