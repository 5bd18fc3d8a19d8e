// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli.h"
#include "result.h"
#include "store/article_store.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QStringList>

#include <memory>
#include <optional>
#include <stop_token>

namespace broadsheet::core {
class LibraryWriter;
}

namespace broadsheet::app {

using core::ArticleStore;

QString versionText();

/// The parts every command shares: --library, --help, --version, and the error path.
class CommandLine {
public:
    CommandLine(const QString& command, const QString& description);

    QCommandLineParser& parser() { return m_parser; }

    /// Parses; returns an exit code when the command should not run (help, version, error).
    std::optional<int> parse(const QStringList& arguments, const QString& globalLibrary);

    /// The positional arguments after the command name.
    QStringList arguments() const { return m_parser.positionalArguments().mid(1); }
    const QString& libraryPath() const { return m_libraryPath; }

    /// Prints the message with a pointer to the command's help; returns ExitUsage.
    std::optional<int> usageError(const QString& message) const;

private:
    QCommandLineParser m_parser;
    QCommandLineOption m_library;
    QCommandLineOption m_helpOption;
    QCommandLineOption m_versionOption;
    QString m_libraryPath;
};

/// While alive, Ctrl+C (SIGINT) asks `stop` to stop instead of killing the program: a
/// job then ends cleanly after the work in hand. A second Ctrl+C kills as usual.
class StopOnInterrupt {
public:
    explicit StopOnInterrupt(std::stop_source& stop);
    StopOnInterrupt(const StopOnInterrupt&) = delete;
    StopOnInterrupt& operator=(const StopOnInterrupt&) = delete;
    ~StopOnInterrupt();
};

/// The library opened for reading (and, with CreateIfMissing, made when missing), or
/// nullptr after printing why.
std::unique_ptr<ArticleStore> openStore(const QString& path, ArticleStore::OpenMode mode);
/// The library's writer (this process's one writer), or nullptr after printing why. It
/// says on stderr when it waits for another program that is writing.
std::unique_ptr<core::LibraryWriter> openWriter(const QString& path, ArticleStore::OpenMode mode);
/// Prints the error; returns ExitFailure.
int fail(const core::Error& error);
/// People, organisations, places and keywords for the stories a refresh, a subscribe or a
/// sync brought in, as an import tags what it stored: `store` is closed first (the writer
/// takes the library) and the tagging pass runs until done or `stop`. How many it tagged,
/// or nullopt after printing why.
std::optional<qint64> tagWhatCameIn(const QString& path, std::unique_ptr<ArticleStore>& store,
                                    std::stop_token stop);
/// The stories a command names: the ids given (each checked to be there in the library) or,
/// with the `query` option set, every story it matches; one of the two, or a usage error.
/// Nothing after printing why; `exit` then says how to end. `noun` names them in messages
/// ("article", "story").
std::optional<QList<core::ArticleId>> namedStories(CommandLine& cli, const QStringList& idTexts,
                                                   const QCommandLineOption& query,
                                                   const QString& noun, int& exit);
/// The one article id a command takes (`show ID`, `related ID`), or nothing after printing
/// a usage error; `exit` then says how to end.
std::optional<core::ArticleId> singleArticleId(CommandLine& cli, int& exit);
/// One story as a table row: id, date (or "-"), source, then `extra` columns, then title.
QString summaryRow(const core::ArticleSummary& summary, const QString& extra = {});
/// `text`, cut with an ellipsis or padded with spaces to `width` characters.
QString padded(const QString& text, int width);

} // namespace broadsheet::app
