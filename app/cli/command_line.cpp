// SPDX-License-Identifier: GPL-3.0-or-later
#include "command_line.h"

#include "cli_output.h"
#include "search/searcher.h"
#include "store/library_location.h"
#include "store/library_writer.h"
#include "tagging/tagging_pass.h"

#include <QDir>
#include <QFileInfo>

#include <signal.h>

namespace broadsheet::app {

QString versionText()
{
    return QStringLiteral("broadsheet-cli %1\n").arg(QStringLiteral(BROADSHEET_VERSION));
}

/// The parts every command shares: --library, --help, --version, and the error path.
CommandLine::CommandLine(const QString& command, const QString& description)
    : m_library(QStringLiteral("library"), QStringLiteral("The library file to use."),
                QStringLiteral("FILE"))
    , m_helpOption(m_parser.addHelpOption())
    , m_versionOption(m_parser.addVersionOption())
{
    m_parser.setApplicationDescription(description);
    m_parser.addOption(m_library);
    m_parser.addPositionalArgument(command, QString(), command);
}

std::optional<int> CommandLine::parse(const QStringList& arguments, const QString& globalLibrary)
{
    if (!m_parser.parse(arguments)) {
        printErr(QStringLiteral("broadsheet-cli: %1\nTry '%2 --help'.\n")
                     .arg(m_parser.errorText(), arguments.value(1)));
        return ExitUsage;
    }
    if (m_parser.isSet(m_helpOption)) {
        printOut(m_parser.helpText());
        return ExitOk;
    }
    if (m_parser.isSet(m_versionOption)) {
        printOut(versionText());
        return ExitOk;
    }
    m_libraryPath = core::resolveLibraryPath(m_parser.isSet(m_library) ? m_parser.value(m_library)
                                                                       : globalLibrary);
    return std::nullopt;
}

std::optional<int> CommandLine::usageError(const QString& message) const
{
    printErr(QStringLiteral("broadsheet-cli: %1\nTry 'broadsheet-cli %2 --help'.\n")
                 .arg(message, m_parser.positionalArguments().value(0)));
    return ExitUsage;
}

namespace {

/// The folder a new library goes in, made when missing; false after saying why.
bool makeLibraryFolder(const QString& path, ArticleStore::OpenMode mode)
{
    if (mode != ArticleStore::OpenMode::CreateIfMissing)
        return true;
    const QString folder = QFileInfo(path).absolutePath();
    if (QDir().mkpath(folder))
        return true;
    printErr(QStringLiteral("broadsheet-cli: cannot create the folder %1\n")
                 .arg(QDir::toNativeSeparators(folder)));
    return false;
}

} // namespace

std::unique_ptr<ArticleStore> openStore(const QString& path, ArticleStore::OpenMode mode)
{
    if (!makeLibraryFolder(path, mode))
        return nullptr;
    auto store = ArticleStore::open(path, mode);
    if (!store && store.error().code == core::ErrorCode::Damaged &&
        mode == ArticleStore::OpenMode::OpenExisting) {
        // A damaged library is still read, read-only, as far as it can be: what it holds
        // can be searched and exported. Writes are refused by the writer.
        auto salvaged = ArticleStore::open(path, ArticleStore::OpenMode::Salvage);
        if (salvaged) {
            printErr(QStringLiteral("broadsheet-cli: warning: %1\nbroadsheet-cli: reading "
                                    "what the library file still holds, read-only\n")
                         .arg(store.error().message));
            return std::move(*salvaged);
        }
    }
    if (!store) {
        printErr(QStringLiteral("broadsheet-cli: %1\n").arg(store.error().message));
        return nullptr;
    }
    return std::move(*store);
}

int fail(const core::Error& error)
{
    printErr(QStringLiteral("broadsheet-cli: %1\n").arg(error.message));
    return ExitFailure;
}

/// Every article the query matches, newest first (for `tag --query` and `export --query`).
std::optional<core::ArticleId> singleArticleId(CommandLine& cli, int& exit)
{
    const QString command = cli.parser().positionalArguments().value(0);
    if (cli.arguments().size() != 1) {
        exit = *cli.usageError(QStringLiteral("%1 needs exactly one ID").arg(command));
        return std::nullopt;
    }
    bool ok = false;
    const qint64 id = cli.arguments().front().toLongLong(&ok);
    if (!ok || id <= 0) {
        exit = *cli.usageError(QStringLiteral("'%1' is not an article id (a positive number)")
                                   .arg(cli.arguments().front()));
        return std::nullopt;
    }
    return id;
}

QString summaryRow(const core::ArticleSummary& summary, const QString& extra)
{
    return QStringLiteral("%1  %2%3  %4  %5\n")
        .arg(summary.id, 7)
        .arg(extra.isEmpty() ? QString() : extra + QStringLiteral("  "),
             padded(summary.published.isKnown() ? summary.published.date().toString(Qt::ISODate)
                                                : QStringLiteral("-"),
                    10),
             padded(summary.source, 16), summary.title);
}

QString padded(const QString& text, int width)
{
    if (text.size() > width)
        return text.left(width - 1) + QChar(0x2026);
    return text.leftJustified(width);
}

namespace {

std::stop_source* g_stop = nullptr;
struct sigaction g_previous {};

void onInterrupt(int)
{
    if (g_stop)
        g_stop->request_stop();              // the job stops after the work in hand and cleans up
    sigaction(SIGINT, &g_previous, nullptr); // a second Ctrl+C is the usual one
}

} // namespace

StopOnInterrupt::StopOnInterrupt(std::stop_source& stop)
{
    g_stop = &stop;
    struct sigaction action {};
    action.sa_handler = onInterrupt;
    sigaction(SIGINT, &action, &g_previous);
}

StopOnInterrupt::~StopOnInterrupt()
{
    sigaction(SIGINT, &g_previous, nullptr);
    g_stop = nullptr;
}

std::unique_ptr<core::LibraryWriter> openWriter(const QString& path, ArticleStore::OpenMode mode)
{
    if (!makeLibraryFolder(path, mode))
        return nullptr;
    auto writer = core::LibraryWriter::open(path, mode);
    if (!writer) {
        printErr(QStringLiteral("broadsheet-cli: %1\n").arg(writer.error().message));
        return nullptr;
    }
    (*writer)->setWaitingCallback([](const QString& message) {
        printErr(QStringLiteral("broadsheet-cli: %1\n").arg(message));
    });
    return std::move(*writer);
}

std::optional<qint64> tagWhatCameIn(const QString& path, std::unique_ptr<ArticleStore>& store,
                                    std::stop_token stop)
{
    store.reset();
    auto writer = openWriter(path, ArticleStore::OpenMode::OpenExisting);
    auto reader = writer ? openStore(path, ArticleStore::OpenMode::OpenExisting) : nullptr;
    if (!writer || !reader)
        return std::nullopt;
    core::TaggingPass pass(*writer, *reader);
    auto tagged = pass.run(stop);
    if (!tagged) {
        fail(tagged.error());
        return std::nullopt;
    }
    return *tagged;
}

std::optional<QList<core::ArticleId>> namedStories(CommandLine& cli, const QStringList& idTexts,
                                                   const QCommandLineOption& query,
                                                   const QString& noun, int& exit)
{
    if (idTexts.isEmpty() == !cli.parser().isSet(query)) {
        exit = *cli.usageError(QStringLiteral("give either %1 ids or --query QUERY").arg(noun));
        return std::nullopt;
    }
    auto opened = openStore(cli.libraryPath(), ArticleStore::OpenMode::OpenExisting);
    if (!opened) {
        exit = ExitFailure;
        return std::nullopt;
    }
    ArticleStore& store = *opened;
    if (cli.parser().isSet(query)) {
        auto found = core::Searcher(store.database()).matchingIds(cli.parser().value(query));
        if (!found) {
            exit = fail(found.error());
            return std::nullopt;
        }
        return *found;
    }
    QList<core::ArticleId> ids;
    for (const QString& text : idTexts) {
        bool ok = false;
        const core::ArticleId id = text.toLongLong(&ok);
        if (!ok || id <= 0) {
            exit = *cli.usageError(
                QStringLiteral("'%1' is not %2 %3 id")
                    .arg(text, noun.startsWith(u'a') ? QStringLiteral("an") : QStringLiteral("a"),
                         noun));
            return std::nullopt;
        }
        auto article = store.article(id);
        if (!article) {
            exit = fail(article.error());
            return std::nullopt;
        }
        if (!*article) {
            exit = fail(core::Error{QStringLiteral("there is no %1 %2").arg(noun).arg(id)});
            return std::nullopt;
        }
        ids.append(id);
    }
    return ids;
}

} // namespace broadsheet::app
