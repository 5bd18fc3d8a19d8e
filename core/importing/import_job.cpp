// SPDX-License-Identifier: GPL-3.0-or-later
#include "import_job.h"

#include "background.h"
#include "parse/csv_article_parser.h"
#include "parse/feed_articles.h"
#include "parse/feed_parser.h"
#include "parse/opml.h"
#include "parse/structured_article_parser.h"
#include "parse/text_article_parser.h"
#include "parse/text_decoding.h"
#include "store/article_store.h"
#include "store/library_writer.h"
#include "tagging/rule_tagging.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QFuture>
#include <QLoggingCategory>
#include <QtConcurrent>

#include <algorithm>

#ifdef Q_OS_UNIX
#include <dirent.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#endif

Q_LOGGING_CATEGORY(lcImport, "broadsheet.import", QtInfoMsg)

namespace broadsheet::core {

namespace {

// Files parsed per batch; one batch is written while the next parses.
constexpr qsizetype kBatchFiles = 128;
// ... or fewer, when they hold this many bytes: a batch of large files stays in memory.
constexpr qint64 kMiB = qint64{1024} * 1024;
constexpr qint64 kBatchBytes = qint64{32} * 1024 * 1024;

struct FileTask {
    QString path;
    QString source;
    qint64 size = 0;      ///< bytes, as listed (or of the part)
    qint64 begin = 0;     ///< a part of a large NDJSON file: the lines that start in [begin, end)
    qint64 end = -1;      ///< -1: the whole file
    bool lastPart = true; ///< the whole file, or its last part: the file is done with it
    /// The folder it is in, below the one imported (bbc/news/sport/1.txt: "sport"): the
    /// section of its stories that name none.
    QString section = {};
};

enum class FileKind { Text, Csv, Markdown, Json, Ndjson, Feed, Opml, Unsupported };

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
    // Named like a feed; any other file that holds one is found by its content (parseFile).
    if (suffix == u"xml" || suffix == u"rss" || suffix == u"atom" || suffix == u"rdf" ||
        suffix == u"feed")
        return FileKind::Feed;
    if (suffix == u"opml")
        return FileKind::Opml;
    return FileKind::Unsupported;
}

QString sourceNameFor(const QFileInfo& root)
{
    QString name = root.isDir() ? root.fileName() : root.dir().dirName();
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

QString unsupportedReason(const QFileInfo& info)
{
    return QStringLiteral("not an article file (.%1); Broadsheet imports .txt, .md, .json, "
                          ".ndjson and .csv files, feeds (.xml, .rss, .atom, .rdf) and "
                          "subscription lists (.opml)")
        .arg(info.suffix());
}

#ifdef Q_OS_UNIX
/// Why a file of this mode cannot be read to its end (a FIFO would block the import for
/// ever, a device could never end), or nothing for a regular file or a folder.
std::optional<QString> notRegularReason(mode_t mode)
{
    if (S_ISREG(mode) || S_ISDIR(mode))
        return std::nullopt;
    if (S_ISFIFO(mode))
        return QStringLiteral("a named pipe (FIFO), not a file");
    if (S_ISSOCK(mode))
        return QStringLiteral("a socket, not a file");
    return QStringLiteral("a device, not a file");
}

/// stat(): fills `st`, or says why the path cannot be read.
std::optional<QString> statFailure(const QByteArray& encoded, struct stat& st)
{
    if (::stat(encoded.constData(), &st) == 0)
        return std::nullopt;
    return QStringLiteral("cannot be read: %1").arg(QString::fromLocal8Bit(strerror(errno)));
}

std::optional<QString> notRegularReason(const QByteArray& encoded)
{
    struct stat st {};
    if (auto failure = statFailure(encoded, st))
        return failure;
    return notRegularReason(st.st_mode);
}

/// Every entry of a folder tree, walked by hand rather than with QDirIterator: a name that
/// is not valid UTF-8 cannot be opened through QString, and is reported, not dropped; only
/// regular files are listed (a FIFO never ends).
void walkFolder(const QString& rootPath, const QString& source, QList<FileTask>& found,
                QList<SkippedFile>& skipped)
{
    QList<QByteArray> pending{QFile::encodeName(rootPath)};
    while (!pending.isEmpty()) {
        const QByteArray folder = pending.takeLast();
        DIR* dir = ::opendir(folder.constData());
        if (!dir) {
            skipped.append({displayPath(QFile::decodeName(folder)),
                            QStringLiteral("the folder cannot be read: %1")
                                .arg(QString::fromLocal8Bit(strerror(errno)))});
            continue;
        }
        while (const dirent* entry = ::readdir(dir)) {
            const QByteArray name(entry->d_name);
            if (name.startsWith('.'))
                continue; // ., .. and hidden files and folders (.git, .DS_Store): not articles
            const QByteArray encoded = folder + '/' + name;
            const QString path = QFile::decodeName(encoded);
            if (QFile::encodeName(path) != encoded) {
                skipped.append({displayPath(path),
                                QStringLiteral("the file name is not valid UTF-8 (the "
                                               "replacement characters stand for its bytes); "
                                               "rename it to import it")});
                continue;
            }
            struct stat st {};
            if (auto failure = statFailure(encoded, st)) {
                skipped.append({displayPath(path), *failure});
                continue;
            }
            if (S_ISDIR(st.st_mode)) {
                struct stat link {};
                if (::lstat(encoded.constData(), &link) == 0 && !S_ISLNK(link.st_mode))
                    pending.append(encoded); // a linked folder could loop: not followed
                continue;
            }
            const QFileInfo info(path);
            if (kindOf(info) == FileKind::Unsupported) {
                skipped.append({displayPath(path), unsupportedReason(info)});
                continue;
            }
            if (auto reason = notRegularReason(st.st_mode)) { // from the stat above
                skipped.append({displayPath(path), *reason});
                continue;
            }
            found.append({path, source, static_cast<qint64>(st.st_size)});
        }
        ::closedir(dir);
    }
}
#else
std::optional<QString> notRegularReason(const QByteArray&)
{
    return std::nullopt;
}

void walkFolder(const QString& rootPath, const QString& source, QList<FileTask>& found,
                QList<SkippedFile>& skipped)
{
    QDirIterator it(rootPath, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QFileInfo info = it.fileInfo();
        const QString relative = QDir(rootPath).relativeFilePath(file);
        if (relative.startsWith(u'.') || relative.contains(QStringLiteral("/.")))
            continue;
        if (kindOf(info) == FileKind::Unsupported) {
            skipped.append({displayPath(file), unsupportedReason(info)});
            continue;
        }
        found.append({file, source, info.size()});
    }
}
#endif

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
            if (auto reason = notRegularReason(QFile::encodeName(root.absoluteFilePath()))) {
                skipped.append({displayPath(path), *reason});
                continue;
            }
            tasks.append({root.absoluteFilePath(), source, root.size()});
            continue;
        }
        QList<FileTask> found;
        walkFolder(root.absoluteFilePath(), source, found, skipped);
        const QString rootPath = QDir::cleanPath(root.absoluteFilePath());
        for (FileTask& task : found) {
            const QFileInfo file(task.path);
            if (QDir::cleanPath(file.absolutePath()) != rootPath)
                task.section = file.dir().dirName();
        }
        std::sort(found.begin(), found.end(),
                  [](const FileTask& a, const FileTask& b) { return a.path < b.path; });
        tasks.append(found);
    }
    // A large NDJSON file (a library's export) is read in parts, in parallel, a part's
    // lines at a time: memory stays flat however many stories the file holds.
    QList<FileTask> split;
    for (const FileTask& task : tasks) {
        if (task.size <= ImportJob::kNdjsonPartBytes ||
            kindOf(QFileInfo(task.path)) != FileKind::Ndjson) {
            split.append(task);
            continue;
        }
        for (qint64 begin = 0; begin < task.size; begin += ImportJob::kNdjsonPartBytes) {
            const qint64 end = begin + ImportJob::kNdjsonPartBytes;
            split.append({task.path, task.source, ImportJob::kNdjsonPartBytes, begin, end,
                          end >= task.size, task.section});
        }
    }
    tasks = std::move(split);
}

/// A file's bytes, refused (with the reason) when it is larger than its kind allows, empty
/// or only whitespace.
Result<QByteArray> readWholeFile(const QString& path, FileKind kind)
{
    const QFileInfo info(path);
    const bool collection =
        kind == FileKind::Csv || kind == FileKind::Json || kind == FileKind::Ndjson;
    const qint64 limit = collection ? ImportJob::kMaxCollectionBytes
                         : kind == FileKind::Feed || kind == FileKind::Opml
                             ? kMaxFeedBytes
                             : ImportJob::kMaxFileBytes;
    if (info.size() > limit) {
        return Error{QStringLiteral("too large (%1 MiB; the limit is %2 MiB)")
                         .arg(info.size() / kMiB)
                         .arg(limit / kMiB)};
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("cannot be read: %1").arg(file.errorString())};
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
        return Error{QStringLiteral("too large (over %1 MiB)").arg(limit / kMiB)};
    if (bytes.isEmpty())
        return Error{QStringLiteral("empty file")};
    if (isOnlyWhitespace(bytes))
        return Error{QStringLiteral("contains only whitespace")};
    return bytes;
}

/// The lines of an NDJSON file that start at or after `begin` and before `end`; each line
/// belongs to the part its first byte is in. A line too long to be a story is left out and
/// said in `leftOut`; the lines around it are kept.
Result<QByteArray> readNdjsonPart(const QString& path, qint64 begin, qint64 end,
                                  QStringList& leftOut)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("cannot be read: %1").arg(file.errorString())};
    auto skipRestOfLine = [&file] {
        QByteArray rest;
        do {
            rest = file.readLine(1 << 20);
        } while (!rest.isEmpty() && !rest.endsWith('\n'));
    };
    if (begin > 0) {
        // The rest of the line that holds byte begin - 1 belongs to the part before.
        if (!file.seek(begin - 1))
            return Error{QStringLiteral("cannot be read: %1").arg(file.errorString())};
        skipRestOfLine();
    }
    QByteArray bytes;
    while (!file.atEnd() && file.pos() < end) {
        const qint64 start = file.pos();
        const QByteArray line = file.readLine(ImportJob::kMaxFileBytes + 1);
        if (!line.endsWith('\n') && !file.atEnd()) {
            skipRestOfLine();
            leftOut.append(QStringLiteral("the line at byte %1 is longer than %2 MiB; left it "
                                          "out and read the rest")
                               .arg(start)
                               .arg(ImportJob::kMaxFileBytes / kMiB));
            bytes += '\n'; // keeps the line numbers of what follows
            continue;
        }
        bytes += line;
    }
    if (file.error() != QFileDevice::NoError)
        return Error{QStringLiteral("cannot be read: %1").arg(file.errorString())};
    return bytes;
}

} // namespace

ImportJob::ImportJob(LibraryWriter& writer)
    : m_writer(writer)
{
}

namespace {

/// What a README, licence or notes file beside the stories is ("a readme"), or empty: the
/// files a folder of news carries about itself, which read as untitled stories of raw text.
QString aboutTheFiles(const QFileInfo& info)
{
    const QString name = info.completeBaseName().toLower();
    if (name == u"readme" || name.startsWith(u"readme."))
        return QStringLiteral("a readme");
    if (name == u"license" || name == u"licence" || name == u"copying" || name == u"notice" ||
        name.startsWith(u"license.") || name.startsWith(u"licence."))
        return QStringLiteral("a licence");
    for (const char* notes : {"changelog", "changes", "authors", "contributing", "source",
                              "sources", "credits", "install", "todo", "manifest"}) {
        if (name == QLatin1String(notes))
            return QStringLiteral("notes about the files (%1)").arg(info.fileName());
    }
    return {};
}

} // namespace

ImportJob::FileResult ImportJob::parseFile(const QString& path, const QString& source, qint64 begin,
                                           qint64 end)
{
    FileResult result;
    result.path = path;
    const QString part =
        end < 0 ? QString() : QStringLiteral("the lines from byte %1 to %2: ").arg(begin).arg(end);
    auto skip = [&](const QString& reason) {
        result.skipReason = part + reason;
        return result;
    };

    const QFileInfo info(path);
    if (info.isDir())
        return skip(QStringLiteral("is a folder"));
    const FileKind kind = kindOf(info);
    QByteArray bytes;
    if (end >= 0) {
        auto lines = readNdjsonPart(path, begin, end, result.leftOut);
        if (!lines)
            return skip(lines.error().message);
        if (isOnlyWhitespace(*lines))
            return result; // a part with no line of its own: its neighbour holds it
        bytes = std::move(*lines);
    } else {
        auto whole = readWholeFile(path, kind);
        if (!whole)
            return skip(whole.error().message);
        bytes = std::move(*whole);
    }
    // A subscription list and a feed are known by their content, whatever their name
    // (UTF-16 ones hold NUL bytes).
    const bool maybeXml =
        kind == FileKind::Feed || kind == FileKind::Opml || kind == FileKind::Text;
    if (kind == FileKind::Opml || (maybeXml && looksLikeOpml(bytes))) {
        auto list = parseOpml(bytes);
        if (!list)
            return skip(list.error().message);
        if (list->subscriptions.isEmpty())
            return skip(QStringLiteral("the subscription list has no feed in it"));
        result.subscriptions = std::move(list->subscriptions);
        return result;
    }
    if (kind == FileKind::Feed ||
        ((kind == FileKind::Text || kind == FileKind::Json) && looksLikeFeed(bytes))) {
        auto feed = parseFeed(bytes);
        if (!feed)
            return skip(feed.error().message);
        FeedStories stories = storiesOf(*feed);
        if (stories.articles.isEmpty())
            return skip(QStringLiteral("the feed has no items"));
        result.articles = std::move(stories.articles);
        result.hashes = std::move(stories.identities);
        for (Article& article : result.articles)
            article.path = path;
        return result;
    }
    if (looksBinary(bytes))
        return skip(QStringLiteral("binary file (contains NUL bytes), not text"));
    if (kind == FileKind::Text || kind == FileKind::Markdown) {
        if (const QString what = aboutTheFiles(info); !what.isEmpty())
            return skip(QStringLiteral("%1, not an article").arg(what));
    }

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
        if (std::all_of(parsed->articles.cbegin(), parsed->articles.cend(),
                        [](const Article& a) { return a.title.trimmed().isEmpty(); }))
            return skip(QStringLiteral("no title found (no '# heading' and no title: in front "
                                       "matter)"));
        result.articles = std::move(parsed->articles);
        ownTags = parsed->carriesTags;
    } else if (kind == FileKind::Csv) {
        const DecodedText decoded = decodeText(bytes);
        auto parsed = CsvArticleParser::parse(decoded.text);
        if (!parsed)
            return skip(QStringLiteral("not a news CSV file: %1").arg(parsed.error().message));
        result.leftOut = std::move(parsed->rowsLeftOut);
        if (parsed->articles.isEmpty())
            return skip(QStringLiteral("the CSV file has no rows with a title or text"));
        result.articles = std::move(parsed->articles);
    } else {
        auto parsed = TextArticleParser::parse(decodeText(bytes).text);
        if (!parsed)
            return skip(parsed.error().message);
        if (parsed->title.trimmed().isEmpty())
            return skip(QStringLiteral("no title found (a story's first line is its title)"));
        result.articles.append(std::move(*parsed));
    }
    result.ownTags = ownTags;
    result.hashes.reserve(result.articles.size());
    for (Article& article : result.articles) {
        article.path = path;
        article.title = boundedTitle(std::move(article.title));
        if (article.source.isEmpty())
            article.source = source;
        result.hashes.append(ArticleStore::contentHash(article));
    }
    return result;
}

Result<ImportReport> ImportJob::run(const QStringList& paths, const std::stop_token& stop)
{
    ImportReport report;
    QList<FileTask> tasks;
    collectFiles(paths, tasks, report.skipped);
    // Files, not parts: a large NDJSON file is one file read in several parts.
    report.files = static_cast<int>(
        std::count_if(tasks.begin(), tasks.end(), [](const FileTask& t) { return t.lastPart; }));

    ImportProgress progress;
    progress.filesTotal = report.files;
    progress.skipped = static_cast<int>(report.skipped.size());
    if (m_progress)
        m_progress(progress);

    // Where each batch starts (and, last, where the last one ends).
    QList<qsizetype> batchStarts{0};
    qint64 batchBytes = 0;
    for (qsizetype i = 0; i < tasks.size(); ++i) {
        const qint64 size = tasks[i].size;
        if (i > batchStarts.last() &&
            (i - batchStarts.last() >= kBatchFiles || batchBytes + size > kBatchBytes)) {
            batchStarts.append(i);
            batchBytes = 0;
        }
        batchBytes += size;
    }
    batchStarts.append(tasks.size());
    auto parseBatch = [&tasks, &batchStarts](qsizetype b) {
        const QList<FileTask> batch =
            tasks.mid(batchStarts[b], batchStarts[b + 1] - batchStarts[b]);
        return QtConcurrent::mapped(&backgroundPool(), batch, [](const FileTask& task) {
            runThisThreadInBackground();
            FileResult result = parseFile(task.path, task.source, task.begin, task.end);
            if (!task.section.isEmpty()) {
                for (Article& article : result.articles) {
                    if (article.section.isEmpty())
                        article.section = task.section;
                }
            }
            return result;
        });
    };
    auto abandon = [](QFuture<FileResult>& pending) {
        pending.cancel();
        pending.waitForFinished();
    };

    QFuture<FileResult> pending;
    if (!tasks.isEmpty())
        pending = parseBatch(0);
    int filesDone = 0; // files whose last part is in: a file, not a part, counts once
    for (qsizetype b = 0; batchStarts[b] < tasks.size(); ++b) {
        const qsizetype next = batchStarts[b + 1];
        pending.waitForFinished();
        const QList<FileResult> results = pending.results();
        if (next < tasks.size() && !stop.stop_requested())
            pending = parseBatch(b + 1); // parse ahead while this batch is written

        QList<Article> articles;
        QList<QByteArray> hashes;
        QList<bool> ownTags;
        QList<Subscription> subscriptions;
        for (const FileResult& file : results) {
            for (const QString& reason : file.leftOut)
                report.skipped.append({displayPath(file.path), reason});
            if (file.skipReason) {
                report.skipped.append({displayPath(file.path), *file.skipReason});
            } else {
                articles.append(file.articles);
                hashes.append(file.hashes);
                ownTags.append(QList<bool>(file.articles.size(), file.ownTags));
                subscriptions.append(file.subscriptions);
            }
        }
        if (!subscriptions.isEmpty()) {
            auto added = m_writer.call<int>(
                [&subscriptions](ArticleStore& store) {
                    return store.addSubscriptions(subscriptions);
                },
                LibraryWriter::Kind::Bulk);
            if (!added) {
                abandon(pending);
                return added.error();
            }
            report.subscriptionsAdded += *added;
            report.subscriptionsKnown += static_cast<int>(subscriptions.size()) - *added;
        }
        if (!articles.isEmpty()) {
            // One command for the writer: store and index the batch, then give what it
            // added its rules' tags, in the same transaction: a story committed is a story
            // with every rule's tag, whenever the import is killed.
            QList<AddOutcome> outcomes;
            auto written = m_writer.run(
                [&](ArticleStore& store) -> Result<void> {
                    auto added = store.addArticles(articles, hashes, ownTags);
                    if (!added)
                        return added.error();
                    outcomes = std::move(*added);
                    ArticleId first = 0;
                    for (qsizetype i = 0; i < outcomes.size(); ++i) {
                        if (outcomes[i] == AddOutcome::Added && first == 0)
                            first = articles[i].id;
                    }
                    if (first == 0)
                        return {};
                    if (auto tagged = rule_tagging::applyAll(store, first); !tagged)
                        return tagged.error();
                    return {};
                },
                LibraryWriter::Kind::Bulk);
            if (!written) {
                abandon(pending);
                return written.error(); // the open transaction rolled back; earlier commits stay
            }
            for (qsizetype i = 0; i < outcomes.size(); ++i) {
                const bool added = outcomes[i] == AddOutcome::Added;
                ++(added ? report.added : report.duplicates);
                if (added)
                    report.addedIds.append(articles[i].id);
            }
        }
        filesDone +=
            static_cast<int>(std::count_if(tasks.begin() + batchStarts[b], tasks.begin() + next,
                                           [](const FileTask& t) { return t.lastPart; }));
        progress.filesDone = filesDone;
        progress.added = report.added;
        progress.duplicates = report.duplicates;
        progress.skipped = static_cast<int>(report.skipped.size());
        if (m_progress)
            m_progress(progress);
        if (stop.stop_requested()) {
            report.cancelled = next < tasks.size();
            abandon(pending);
            break;
        }
    }
    // What was written since the last commit, also when the import was cancelled.
    if (auto r = m_writer.flush(); !r)
        return r.error();
    qCDebug(lcImport) << "imported" << report.added << "added," << report.duplicates
                      << "duplicates," << report.skipped.size() << "skipped";
    return report;
}

} // namespace broadsheet::core
