// SPDX-License-Identifier: GPL-3.0-or-later
#include "import_job.h"

#include "parse/csv_article_parser.h"
#include "parse/structured_article_parser.h"
#include "parse/text_article_parser.h"
#include "parse/text_decoding.h"
#include "store/article_store.h"
#include "store/database.h"
#include "tagging/entity_extractor.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QFuture>
#include <QLoggingCategory>
#include <QtConcurrent>

#include <algorithm>

Q_LOGGING_CATEGORY(lcImport, "broadsheet.import", QtInfoMsg)

namespace broadsheet::core {

namespace {

// Files parsed per batch; one batch is written while the next parses.
constexpr qsizetype kBatchFiles = 128;
// Batches share a transaction until this many articles or this much time: every commit
// makes FTS5 flush and merge index segments and SQLite checkpoint, so few large commits
// import a fifth faster than one every few seconds (measured at 100,000 articles). A cancel
// commits what it has; a crash loses at most this much work, which importing the same files
// again redoes.
constexpr int kCommitArticles = 50000;
constexpr qint64 kCommitMs = 15000;

struct FileTask {
    QString path;
    QString source;
};

enum class FileKind { Text, Csv, Markdown, Json, Ndjson, Unsupported };

FileKind kindOf(const QFileInfo& info)
{
    const QString suffix = info.suffix().toLower();
    if (suffix == u"csv")
        return FileKind::Csv;
    if (suffix == u"md" || suffix == u"markdown")
        return FileKind::Markdown;
    if (suffix == u"json")
        return FileKind::Json;
    if (suffix == u"ndjson" || suffix == u"jsonl")
        return FileKind::Ndjson;
    if (suffix.isEmpty() || suffix == u"txt" || suffix == u"text")
        return FileKind::Text;
    return FileKind::Unsupported;
}

QString sourceNameFor(const QFileInfo& root)
{
    const QString name = root.isDir() ? root.fileName() : root.dir().dirName();
    if (name.isEmpty() || name == u".")
        return QFileInfo(root.absoluteFilePath()).fileName();
    return name;
}

bool isOnlyWhitespace(const QByteArray& bytes)
{
    return std::all_of(bytes.begin(), bytes.end(), [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    });
}

QString displayPath(const QString& path)
{
    return QDir::toNativeSeparators(path);
}

// The files under the given paths, in a stable order, plus the paths that do not exist.
void collectFiles(const QStringList& paths, QList<FileTask>& tasks, QList<SkippedFile>& skipped)
{
    for (const QString& path : paths) {
        const QFileInfo root(path);
        if (!root.exists()) {
            skipped.append({displayPath(path), QStringLiteral("no such file or folder")});
            continue;
        }
        const QString source = sourceNameFor(root);
        if (!root.isDir()) {
            tasks.append({root.absoluteFilePath(), source});
            continue;
        }
        QList<FileTask> found;
        QDirIterator it(root.absoluteFilePath(), QDir::Files | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            const QFileInfo info = it.fileInfo();
            // Hidden files and folders (.git, .DS_Store) are not articles.
            const QString relative = QDir(root.absoluteFilePath()).relativeFilePath(file);
            if (relative.startsWith(u'.') || relative.contains(QStringLiteral("/.")))
                continue;
            if (kindOf(info) == FileKind::Unsupported) {
                skipped.append({displayPath(file),
                                QStringLiteral("not an article file (.%1); Broadsheet imports "
                                               ".txt, .md, .json, .ndjson and .csv files")
                                    .arg(info.suffix())});
                continue;
            }
            found.append({file, source});
        }
        std::sort(found.begin(), found.end(),
                  [](const FileTask& a, const FileTask& b) { return a.path < b.path; });
        tasks.append(found);
    }
}

} // namespace

ImportJob::ImportJob(ArticleStore& store)
    : m_store(store)
{
}

ImportJob::FileResult ImportJob::parseFile(const QString& path, const QString& source, bool tag)
{
    FileResult result;
    result.path = path;
    auto skip = [&](QString reason) {
        result.skipReason = std::move(reason);
        return result;
    };

    const QFileInfo info(path);
    if (info.isDir())
        return skip(QStringLiteral("is a folder"));
    const FileKind kind = kindOf(info);
    const bool collection =
        kind == FileKind::Csv || kind == FileKind::Json || kind == FileKind::Ndjson;
    const qint64 limit = collection ? kMaxCollectionBytes : kMaxFileBytes;
    if (info.size() > limit) {
        return skip(QStringLiteral("too large (%1 MiB; the limit is %2 MiB)")
                        .arg(info.size() / (1024 * 1024))
                        .arg(limit / (1024 * 1024)));
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return skip(QStringLiteral("cannot be read: %1").arg(file.errorString()));
    // Read what the file holds (a read of the whole limit would allocate it per file),
    // and one byte past the limit at most: a file that grew since it was listed is still
    // refused.
    QByteArray bytes = file.read(std::min(file.size(), limit) + 1);
    while (bytes.size() <= limit) {
        const QByteArray more = file.read(std::min<qint64>(1 << 20, limit + 1 - bytes.size()));
        if (more.isEmpty())
            break;
        bytes += more;
    }
    if (bytes.size() > limit)
        return skip(QStringLiteral("too large (over %1 MiB)").arg(limit / (1024 * 1024)));
    if (bytes.isEmpty())
        return skip(QStringLiteral("empty file"));
    if (looksBinary(bytes))
        return skip(QStringLiteral("binary file (contains NUL bytes), not text"));
    if (isOnlyWhitespace(bytes))
        return skip(QStringLiteral("contains only whitespace"));

    // Files Broadsheet exported bring their own tags: the taggers leave them as they are.
    bool ownTags = false;
    if (kind == FileKind::Json || kind == FileKind::Ndjson) {
        auto parsed = kind == FileKind::Json ? StructuredArticleParser::parseJson(bytes)
                                             : StructuredArticleParser::parseNdjson(bytes);
        if (!parsed)
            return skip(parsed.error().message);
        result.articles = std::move(parsed->articles);
        ownTags = parsed->carriesTags;
    } else if (kind == FileKind::Markdown) {
        auto parsed = StructuredArticleParser::parseMarkdown(decodeText(bytes).text);
        if (!parsed)
            return skip(parsed.error().message);
        result.articles = std::move(parsed->articles);
        ownTags = parsed->carriesTags;
    } else if (kind == FileKind::Csv) {
        const DecodedText decoded = decodeText(bytes);
        auto parsed = CsvArticleParser::parse(decoded.text);
        if (!parsed)
            return skip(QStringLiteral("not a news CSV file: %1").arg(parsed.error().message));
        if (parsed->articles.isEmpty())
            return skip(QStringLiteral("the CSV file has no rows with a title or text"));
        result.articles = std::move(parsed->articles);
    } else {
        auto parsed = TextArticleParser::parse(decodeText(bytes).text);
        if (!parsed)
            return skip(parsed.error().message);
        result.articles.append(std::move(*parsed));
    }
    result.hashes.reserve(result.articles.size());
    static const EntityExtractor extractor; // immutable: shared by the parsing threads
    for (Article& article : result.articles) {
        article.path = path;
        if (article.source.isEmpty())
            article.source = source;
        result.hashes.append(ArticleStore::contentHash(article));
        if (tag && ownTags) {
            result.keywordTerms.append(KeywordExtractor::Analysis{}); // none to choose from
        } else if (tag) {
            QStringList names;
            for (const Entity& entity : extractor.extract(article.title, article.body)) {
                article.tags.append(Tag{entity.name, entityKindName(entity.kind)});
                names.append(entity.name);
            }
            // Keywords need the library's frequencies: the terms wait for the commit.
            result.keywordTerms.append(
                KeywordExtractor::analyse(article.title, article.body, names));
        }
    }
    return result;
}

Result<ImportReport> ImportJob::run(const QStringList& paths, std::stop_token stop)
{
    ImportReport report;
    QList<FileTask> tasks;
    collectFiles(paths, tasks, report.skipped);
    report.files = static_cast<int>(tasks.size());

    ImportProgress progress;
    progress.filesTotal = report.files;
    progress.skipped = static_cast<int>(report.skipped.size());
    if (m_progress)
        m_progress(progress);

    auto parseBatch = [&tasks, tag = m_automaticTagging](qsizetype start) {
        const QList<FileTask> batch = tasks.mid(start, kBatchFiles);
        return QtConcurrent::mapped(
            batch, [tag](const FileTask& task) { return parseFile(task.path, task.source, tag); });
    };
    // Rules tag what this import adds: the ids above the library's highest now.
    auto highest = m_store.database().queryInt("SELECT coalesce(max(id), 0) FROM articles");
    if (!highest)
        return highest.error();
    const ArticleId firstNew = *highest + 1;

    QFuture<FileResult> pending;
    if (!tasks.isEmpty())
        pending = parseBatch(0);
    std::optional<Transaction> transaction;
    int uncommitted = 0;
    QElapsedTimer sinceCommit;
    sinceCommit.start();
    // What was added, waiting for its keywords until its terms are in the index. Into an
    // empty library, the import counts every article's stems itself.
    KeywordQueue keywordQueue;
    keywordQueue.setCountsWholeLibrary(firstNew == 1);
    auto commit = [&]() -> Result<void> {
        uncommitted = 0;
        sinceCommit.restart();
        if (!transaction)
            return {};
        auto r = transaction->commit();
        transaction.reset();
        if (!r)
            return r;
        if (auto stored = m_store.storeKeywords(keywordQueue); !stored)
            return stored.error();
        return {};
    };
    for (qsizetype start = 0; start < tasks.size(); start += kBatchFiles) {
        pending.waitForFinished();
        const QList<FileResult> results = pending.results();
        if (start + kBatchFiles < tasks.size() && !stop.stop_requested())
            pending = parseBatch(start + kBatchFiles); // parse ahead while this batch is written

        QList<Article> articles;
        QList<QByteArray> hashes;
        QList<KeywordExtractor::Analysis> keywordTerms;
        for (const FileResult& file : results) {
            if (file.skipReason) {
                report.skipped.append({displayPath(file.path), *file.skipReason});
            } else {
                articles.append(file.articles);
                hashes.append(file.hashes);
                keywordTerms.append(file.keywordTerms);
            }
        }
        if (!articles.isEmpty()) {
            if (!transaction) {
                auto begun = Transaction::begin(m_store.database());
                if (!begun) {
                    pending.cancel();
                    pending.waitForFinished();
                    return begun.error();
                }
                transaction.emplace(std::move(*begun));
            }
            auto outcomes = m_store.addArticles(articles, hashes);
            if (!outcomes) {
                pending.cancel();
                pending.waitForFinished();
                return outcomes.error(); // the open transaction rolls back; earlier commits stay
            }
            for (qsizetype i = 0; i < outcomes->size(); ++i) {
                const bool added = (*outcomes)[i] == AddOutcome::Added;
                ++(added ? report.added : report.duplicates);
                if (added && i < keywordTerms.size()) {
                    keywordQueue.add(articles[i].id, keywordTerms[i].candidates);
                    keywordQueue.countStems(keywordTerms[i].stems);
                }
            }
            uncommitted += static_cast<int>(articles.size());
        }
        const bool last = start + kBatchFiles >= tasks.size() || stop.stop_requested();
        if (last || uncommitted >= kCommitArticles || sinceCommit.elapsed() >= kCommitMs) {
            if (auto r = commit(); !r) {
                pending.cancel();
                pending.waitForFinished();
                return r.error();
            }
        }
        progress.filesDone = static_cast<int>(std::min(start + kBatchFiles, tasks.size()));
        progress.added = report.added;
        progress.duplicates = report.duplicates;
        progress.skipped = static_cast<int>(report.skipped.size());
        if (m_progress)
            m_progress(progress);
        if (stop.stop_requested()) {
            report.cancelled = progress.filesDone < progress.filesTotal;
            pending.cancel();
            pending.waitForFinished();
            break;
        }
    }
    // What was written since the last commit, also when the import was cancelled.
    if (auto r = commit(); !r)
        return r.error();
    if (report.added > 0) {
        if (auto r = m_store.applyRules(firstNew); !r)
            return r.error();
    }
    qCDebug(lcImport) << "imported" << report.added << "added," << report.duplicates
                      << "duplicates," << report.skipped.size() << "skipped";
    return report;
}

} // namespace broadsheet::core
