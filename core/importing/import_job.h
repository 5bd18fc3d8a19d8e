// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "article/article.h"
#include "import_report.h"
#include "result.h"
#include "tagging/keyword_extractor.h"

#include <QStringList>

#include <functional>
#include <optional>
#include <stop_token>

namespace broadsheet::core {

class ArticleStore;

/// Imports files and folders into a library: walks folders recursively, parses files on
/// worker threads, writes batches in transactions from the calling thread, reports
/// progress and stops when cancelled. One bad file never stops the rest: it is skipped
/// with a reason. Used by the CLI's `import`, the window's import and the benchmark.
class ImportJob final {
public:
    using ProgressCallback = std::function<void(const ImportProgress&)>;

    /// Files larger than this are refused: no article is 16 MiB of text.
    static constexpr qint64 kMaxFileBytes = 16 * 1024 * 1024;
    /// The limit for files that hold many articles (CSV, JSON, NDJSON): a JSON export of
    /// about 150,000 stories. Such a file is read and parsed whole.
    static constexpr qint64 kMaxCollectionBytes = 512 * 1024 * 1024;
    /// An NDJSON file larger than this is read in parts of this size, in parallel, so any
    /// number of stories imports in flat memory (and past kMaxCollectionBytes).
    static constexpr qint64 kNdjsonPartBytes = 4 * 1024 * 1024;

    explicit ImportJob(ArticleStore& store);
    ImportJob(const ImportJob&) = delete;
    ImportJob& operator=(const ImportJob&) = delete;

    void setProgressCallback(ProgressCallback callback) { m_progress = std::move(callback); }
    /// The tagger's own tags (on by default): people, organisations and places found while
    /// parsing, and keywords for what the import added. Tagging rules apply either way.
    void setAutomaticTagging(bool on) { m_automaticTagging = on; }

    /// Runs the import on the calling thread (parsing fans out to the thread pool). Fails
    /// only when the library itself cannot be written; what was committed stays. A stop
    /// request ends it after the batch in hand, with `cancelled` set in the report.
    Result<ImportReport> run(const QStringList& paths, std::stop_token stop = {});

    /// What one file holds: its articles, or why it was left out.
    struct FileResult {
        QString path;
        QList<Article> articles;
        QList<QByteArray> hashes; ///< ArticleStore::contentHash of each, computed here
        /// With tagging, each article's KeywordExtractor::analyse.
        QList<KeywordExtractor::Analysis> keywordTerms;
        std::optional<QString> skipReason;
    };
    /// Reads and parses one file; `source` names the library source its articles go to.
    /// With `tag`, each article's people, organisations and places join its tags, and its
    /// keyword candidates are found.
    /// `begin` and `end` (>= 0) choose a part of an NDJSON file: the lines that start there.
    static FileResult parseFile(const QString& path, const QString& source, bool tag = false,
                                qint64 begin = 0, qint64 end = -1);

private:
    ArticleStore& m_store;
    ProgressCallback m_progress;
    bool m_automaticTagging = true;
};

} // namespace broadsheet::core
