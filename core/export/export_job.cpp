// SPDX-License-Identifier: GPL-3.0-or-later
#include "export_job.h"

#include "store/article_store.h"
#include "store/write_failure.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStorageInfo>
#include <QUuid>

#include <algorithm>
#include <memory>

#ifdef Q_OS_UNIX
#include <sys/resource.h>

#include <cerrno>
#include <csignal>
#endif

Q_LOGGING_CATEGORY(lcExport, "broadsheet.export", QtInfoMsg)

namespace broadsheet::core {

namespace {

constexpr qsizetype kChunk = 256; ///< articles (or HTML contents entries) fetched at a time

QString native(const QString& path)
{
    return QDir::toNativeSeparators(path);
}

qint64 pidNow()
{
    return QCoreApplication::applicationPid();
}

bool processRuns(qint64 pid)
{
#ifdef Q_OS_UNIX
    return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
#else
    return true; // unknown: keep it
#endif
}

/// Why a write failed, in words: Qt says "Unknown error" for a full disk more often than
/// not, so the drive and the limits are asked as well.
QString writeFailure(const QFileDevice& file)
{
    if (QString cause = writeFailureCause(file.fileName()); !cause.isEmpty())
        return cause;
    const QString said = file.errorString();
    return said.isEmpty() || said == u"Unknown error"
               ? QStringLiteral("the system refused the write")
               : said;
}

/// Where the articles go while they are written: a QSaveFile for one file, a hidden folder
/// beside the destination for a folder. commit() puts the result in place whole.
class Sink {
public:
    virtual ~Sink() = default;
    /// Appends to the one file, or writes the named file in the folder.
    virtual Result<void> write(const QByteArray& bytes, const QString& fileName = {}) = 0;
    virtual Result<void> commit() = 0;
};

class FileSink final : public Sink {
public:
    explicit FileSink(const QString& path)
        : m_file(path)
    {
    }

    Result<void> open()
    {
        if (!m_file.open(QIODevice::WriteOnly))
            return Error{QStringLiteral("cannot write %1: %2")
                             .arg(native(m_file.fileName()), m_file.errorString())};
        return {};
    }

    Result<void> write(const QByteArray& bytes, const QString&) override
    {
        if (m_file.write(bytes) != bytes.size())
            return Error{QStringLiteral("cannot write %1: %2")
                             .arg(native(m_file.fileName()), writeFailure(m_file))};
        return {};
    }

    Result<void> commit() override { return ExportJob::commitWhole(m_file); }

private:
    QSaveFile m_file; // discards its temporary file unless committed
};

class FolderSink final : public Sink {
public:
    explicit FolderSink(const QString& destination)
        : m_destination(destination)
        , m_parent(QFileInfo(destination).absolutePath())
        , m_building(m_parent + QStringLiteral("/.broadsheet-export-%1-").arg(pidNow()) +
                     QUuid::createUuid().toString(QUuid::Id128))
    {
        removeLeftovers(m_parent);
    }

    /// The folders an export killed midway left (named with its process id, which is
    /// gone now): removed before the next export beside them.
    static void removeLeftovers(const QString& parent)
    {
        static const QRegularExpression name(
            QStringLiteral("^\\.broadsheet-(?:export|replaced)-(\\d+)-"));
        const QDir dir(parent);
        for (const QString& entry :
             dir.entryList({QStringLiteral(".broadsheet-*")},
                           QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot)) {
            const auto match = name.match(entry);
            if (match.hasMatch() && !processRuns(match.captured(1).toLongLong()))
                QDir(dir.filePath(entry)).removeRecursively();
        }
    }

    ~FolderSink() override
    {
        if (m_made && !m_committed)
            QDir(m_building).removeRecursively();
    }

    // mkdir, not QTemporaryDir: the folder gets the user's usual permissions, not 0700.
    Result<void> open()
    {
        m_made = QDir().mkdir(m_building);
        if (!m_made)
            return Error{QStringLiteral("cannot write into %1: the folder is not writable")
                             .arg(native(m_parent))};
        return {};
    }

    Result<void> write(const QByteArray& bytes, const QString& fileName) override
    {
        QFile file(m_building + u'/' + fileName);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() ||
            !file.flush() || file.size() != bytes.size()) {
            return Error{QStringLiteral("cannot write %1: %2")
                             .arg(native(m_destination + u'/' + fileName), writeFailure(file))};
        }
        file.close();
        if (file.error() != QFileDevice::NoError)
            return Error{QStringLiteral("cannot write %1: %2")
                             .arg(native(m_destination + u'/' + fileName), writeFailure(file))};
        return {};
    }

    /// Moves what was there aside, renames the new folder into place, then deletes the old.
    Result<void> commit() override
    {
        QDir dir(m_parent);
        QString aside;
        if (QFileInfo::exists(m_destination)) {
            aside = m_parent + QStringLiteral("/.broadsheet-replaced-%1-").arg(pidNow()) +
                    QUuid::createUuid().toString(QUuid::Id128);
            if (!dir.rename(m_destination, aside))
                return Error{QStringLiteral("cannot replace %1: it could not be moved aside")
                                 .arg(native(m_destination))};
        }
        if (!dir.rename(m_building, m_destination)) {
            if (!aside.isEmpty())
                dir.rename(aside, m_destination);
            return Error{QStringLiteral("cannot move the finished export into %1")
                             .arg(native(m_destination))};
        }
        m_committed = true;
        if (!aside.isEmpty()) {
            const bool removed =
                QFileInfo(aside).isDir() ? QDir(aside).removeRecursively() : QFile::remove(aside);
            if (!removed)
                qCWarning(lcExport) << "could not delete the replaced" << aside;
        }
        return {};
    }

private:
    QString m_destination;
    QString m_parent;
    QString m_building; // deleted with what it holds unless committed
    bool m_made = false;
    bool m_committed = false;
};

Result<void> writeText(Sink& sink, const QString& text, const QString& fileName = {})
{
    return sink.write(text.toUtf8(), fileName);
}

} // namespace

ExportJob::ExportJob(ArticleStore& store)
    : m_store(store)
{
}

bool ExportJob::destinationTaken(const QString& path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return false;
    if (!info.isDir())
        return true;
    return !QDir(path).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden |
                               QDir::System);
}

Result<QString> ExportJob::prepareDestination(const QString& path, bool replace, bool folder,
                                              const QString& formatName)
{
    if (path.trimmed().isEmpty())
        return Error{QStringLiteral("no destination given for the export")};
    const QString destination = QFileInfo(path).absoluteFilePath();
    if (!replace && destinationTaken(destination)) {
        return Error{ErrorCode::Exists,
                     QStringLiteral("%1 already exists; choose another name, or allow replacing it")
                         .arg(native(destination))};
    }
    if (!folder && QFileInfo(destination).isDir()) {
        return Error{QStringLiteral("%1 is a folder; %2 export writes one file")
                         .arg(native(destination), formatName)};
    }
    const QString parent = QFileInfo(destination).absolutePath();
    if (!QDir().mkpath(parent))
        return Error{QStringLiteral("cannot create the folder %1").arg(native(parent))};
    return destination;
}

// QSaveFile can report success for a write the disk cut short (QTBUG-75077): flush, and
// check that the file holds every byte written (its position), before it replaces anything.
Result<void> ExportJob::commitWhole(QSaveFile& file)
{
    if (!file.flush() || file.size() != file.pos()) {
        const QString reason = file.error() != QFileDevice::NoError
                                   ? writeFailure(file)
                                   : QStringLiteral("the disk took only %1 of %2 bytes (%3)")
                                         .arg(file.size())
                                         .arg(file.pos())
                                         .arg(writeFailure(file));
        file.cancelWriting();
        return Error{QStringLiteral("cannot write %1: %2").arg(native(file.fileName()), reason)};
    }
    if (!file.commit())
        return Error{
            QStringLiteral("cannot write %1: %2").arg(native(file.fileName()), writeFailure(file))};
    return {};
}

Result<ExportReport> ExportJob::run(const ExportRequest& request, const std::stop_token& stop)
{
    const bool folder = export_format::writesFolder(request.format);
    auto prepared = prepareDestination(request.destination, request.replace, folder,
                                       export_format::nameOf(request.format));
    if (!prepared)
        return prepared.error();
    const QString destination = *prepared;

    std::unique_ptr<Sink> sink;
    if (folder) {
        auto folderSink = std::make_unique<FolderSink>(destination);
        if (auto r = folderSink->open(); !r)
            return r.error();
        sink = std::move(folderSink);
    } else {
        auto fileSink = std::make_unique<FileSink>(destination);
        if (auto r = fileSink->open(); !r)
            return r.error();
        sink = std::move(fileSink);
    }

    ExportProgress progress{0, request.ids.size()};
    // About a hundred reports over the whole export, at least one every 250 articles.
    const qint64 progressEvery = std::clamp<qint64>(request.ids.size() / 100, 1, 250);
    auto report = [&] {
        if (m_progress)
            m_progress(progress);
    };
    auto cancelled = [&]() -> Error {
        return Error{QStringLiteral("the export was cancelled; nothing was written"), true};
    };
    report();

    // Leading matter.
    switch (request.format) {
    case ExportFormat::Json:
        if (auto r = sink->write(request.ids.isEmpty() ? "[" : "[\n"); !r)
            return r.error();
        break;
    case ExportFormat::Csv:
        if (auto r = writeText(*sink, article_format::csvHeader()); !r)
            return r.error();
        break;
    case ExportFormat::Html: {
        const QString heading =
            request.heading.isEmpty()
                ? QStringLiteral("%1 stories from Broadsheet").arg(request.ids.size())
                : request.heading;
        if (auto r = writeText(*sink, article_format::htmlStart(heading)); !r)
            return r.error();
        for (qsizetype start = 0; start < request.ids.size(); start += kChunk) {
            if (stop.stop_requested())
                return cancelled();
            auto summaries = m_store.summaries(request.ids.mid(start, kChunk));
            if (!summaries)
                return summaries.error();
            QString entries;
            for (const ArticleSummary& summary : *summaries)
                entries += article_format::htmlContentsEntry(summary);
            if (auto r = writeText(*sink, entries); !r)
                return r.error();
        }
        if (auto r = writeText(*sink, article_format::htmlContentsEnd()); !r)
            return r.error();
        break;
    }
    case ExportFormat::Markdown:
    case ExportFormat::Ndjson:
    case ExportFormat::Text:
        break;
    }

    QSet<QString> fileNames;
    const QString extension = export_format::nameOf(request.format);
    qint64 written = 0;
    for (qsizetype start = 0; start < request.ids.size(); start += kChunk) {
        if (stop.stop_requested())
            return cancelled();
        const QList<ArticleId> chunk = request.ids.mid(start, kChunk);
        auto fetched = m_store.articles(chunk); // those deleted since selected are left out
        if (!fetched)
            return fetched.error();
        for (const Article& article : *fetched) {
            if (stop.stop_requested())
                return cancelled();
            Result<void> r;
            switch (request.format) {
            case ExportFormat::Markdown:
            case ExportFormat::Text:
                r = writeText(*sink,
                              request.format == ExportFormat::Markdown
                                  ? article_format::toMarkdown(article)
                                  : article_format::toPlainText(article),
                              article_format::fileNameFor(article, extension, fileNames));
                break;
            case ExportFormat::Json:
                r = sink->write((written > 0 ? QByteArray(",\n") : QByteArray()) +
                                article_format::toJson(article));
                break;
            case ExportFormat::Ndjson:
                r = sink->write(article_format::toJson(article) + '\n');
                break;
            case ExportFormat::Csv:
                r = writeText(*sink, article_format::toCsvRecord(article));
                break;
            case ExportFormat::Html:
                r = writeText(*sink, article_format::htmlArticle(article));
                break;
            }
            if (!r)
                return r.error();
            ++written;
            ++progress.done;
            if (progress.done % progressEvery == 0)
                report();
        }
        progress.done = std::min<qint64>(start + kChunk, request.ids.size());
    }

    // Closing matter.
    Result<void> closed;
    if (request.format == ExportFormat::Json)
        closed = sink->write(request.ids.isEmpty() ? "]\n" : "\n]\n");
    else if (request.format == ExportFormat::Html)
        closed = writeText(*sink, article_format::htmlEnd());
    if (!closed)
        return closed.error();
    if (stop.stop_requested())
        return cancelled();
    if (auto r = sink->commit(); !r)
        return r.error();
    report();
    qCDebug(lcExport) << "exported" << written << "articles to" << destination;
    return ExportReport{written, destination};
}

} // namespace broadsheet::core
