// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QString>

#include <functional>
#include <stop_token>

namespace broadsheet::core {

class ArticleStore;
class LibraryWriter;

/// How far a tagging pass has come; sent after every chunk.
struct TaggingProgress {
    qint64 done = 0;
    qint64 total = 0;
};

/// The tagging pass: people, organisations, places and keywords for the stories that need
/// them (never tagged, or tagged by an older tagger), after they are stored. Stories are
/// read a chunk at a time from a read connection, analysed on a low-priority thread pool,
/// and each chunk's tags are stored through the writer in one transaction, with the
/// tagger's generation: a story is tagged whole or not at all, and a pass that is stopped
/// or killed resumes where it stopped. Manual, rule and file tags are never touched. Run by
/// the CLI's `import` and `retag`, and by the window after each import and at start.
class TaggingPass final {
public:
    using ProgressCallback = std::function<void(const TaggingProgress&)>;

    /// Stories per chunk (and per transaction).
    static constexpr int kChunk = 512;
    /// Bump when the tagger's code changes what it finds; the word lists' checksums join it.
    static constexpr int kCodeVersion = 3;
    /// What identifies this tagger: its code version and its word lists' checksums.
    static QString signature();

    /// `reader` is a connection of the calling thread's own; writes go through `writer`.
    TaggingPass(LibraryWriter& writer, ArticleStore& reader);
    TaggingPass(const TaggingPass&) = delete;
    TaggingPass& operator=(const TaggingPass&) = delete;

    void setProgressCallback(ProgressCallback callback) { m_progress = std::move(callback); }
    /// Whether the pass also finds each story's near-duplicates (on unless turned off: the
    /// benchmark measures what finding them costs).
    void setFindVersions(bool find) { m_findVersions = find; }

    /// Tags every stale story (with `all`, every story the tagger tags: `retag --all`);
    /// returns how many were tagged. A stop request ends it after the chunk in hand.
    Result<qint64> run(const std::stop_token& stop = {}, bool all = false);

    /// How many stories wait for this tagger.
    static Result<qint64> pending(LibraryWriter& writer);

private:
    LibraryWriter& m_writer;
    ArticleStore& m_reader;
    ProgressCallback m_progress;
    bool m_findVersions = true;
};

} // namespace broadsheet::core
