// SPDX-License-Identifier: GPL-3.0-or-later
// account and sync: feed server accounts, and syncing the library with them (issue 18).
#include "cli_output.h"
#include "command_line.h"
#include "commands.h"
#include "store/library_writer.h"
#include "sync/credentials.h"
#include "sync/http_client.h"
#include "sync/sync_backend.h"
#include "sync/sync_engine.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

#include <sys/resource.h>
#include <termios.h>
#include <unistd.h>

#include <cstdio>

namespace broadsheet::app {

namespace {

/// The password: typed at a prompt without echo, or the first line of standard input when
/// it is not a terminal (a script, a password manager's pipe).
std::optional<QString> readPassword(const QString& prompt)
{
    const bool terminal = isatty(STDIN_FILENO);
    termios saved{};
    if (terminal) {
        printErr(prompt);
        tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    QTextStream in(stdin);
    QString line = in.readLine();
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        printErr(QStringLiteral("\n"));
    }
    if (line.isNull())
        return std::nullopt;
    return line;
}

/// This process's peak resident memory so far.
double peakMegabytes()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0; // kilobytes on Linux
}

/// The account named by id, or by URL when one account has it; nothing after printing why.
std::optional<core::SyncAccount> findAccount(ArticleStore& store, const QString& name,
                                             const CommandLine& cli)
{
    auto accounts = store.accounts();
    if (!accounts) {
        fail(accounts.error());
        return std::nullopt;
    }
    for (const core::SyncAccount& account : *accounts) {
        if (QString::number(account.id) == name || account.url == name)
            return account;
    }
    cli.usageError(QStringLiteral("no account %1 (see 'account list')").arg(name));
    return std::nullopt;
}

QJsonObject accountJson(const core::SyncAccount& account)
{
    return QJsonObject{
        {QStringLiteral("id"), account.id},
        {QStringLiteral("type"), account.kind},
        {QStringLiteral("url"), account.url},
        {QStringLiteral("user"), account.user},
        {QStringLiteral("lastSync"), account.lastSync.isValid()
                                         ? QJsonValue(account.lastSync.toString(Qt::ISODate))
                                         : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("lastError"), account.lastError.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                                  : QJsonValue(account.lastError)},
        {QStringLiteral("queued"), account.queued},
        {QStringLiteral("firstSyncDone"), account.firstSyncDone},
    };
}

int addAccount(CommandLine& cli, const QStringList& args)
{
    if (args.size() != 4)
        return *cli.usageError(QStringLiteral("account add takes TYPE URL USER"));
    const QString kind = args[1];
    if (!core::SyncBackend::kinds().contains(kind))
        return *cli.usageError(
            QStringLiteral("TYPE is one of %1, not '%2'")
                .arg(core::SyncBackend::kinds().join(QStringLiteral(", ")), kind));
    const QUrl url = QUrl::fromUserInput(args[2]);
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https"))
        return *cli.usageError(
            QStringLiteral("URL is the server's API address (http or https), not '%1'")
                .arg(args[2]));
    const QString user = args[3];
    const auto password =
        readPassword(QStringLiteral("Password for %1 at %2: ").arg(user, url.toString()));
    if (!password || password->isEmpty()) {
        printErr(QStringLiteral("broadsheet-cli: no password given; the account was not "
                                "added\n"));
        return ExitFailure;
    }
    // Logged in first: an account that cannot log in is not added.
    core::HttpClient http;
    auto backend =
        core::SyncBackend::create(core::AccountSettings{kind, url, user, *password}, http);
    if (auto login = backend->login(); !login)
        return fail(login.error());
    auto store = openStore(cli.libraryPath(), ArticleStore::OpenMode::CreateIfMissing);
    if (!store)
        return ExitFailure;
    auto id = store->addAccount(kind, url.toString(), user);
    if (!id)
        return fail(id.error());
    auto account = store->account(*id);
    if (!account || !*account)
        return fail(account ? core::Error(QStringLiteral("the account went missing"))
                            : account.error());
    QString where;
    if (auto kept = core::credentials::store(**account, *password, &where); !kept) {
        (void)store->removeAccount(*id);
        return fail(kept.error());
    }
    printOut(QStringLiteral("Added account %1: %2 at %3 (%4); its password is in %5.\n"
                            "Sync with: broadsheet-cli sync %1\n")
                 .arg(*id)
                 .arg(user, url.toString(), kind, where));
    return ExitOk;
}

} // namespace

int accountCommand(const QStringList& arguments, const QString& globalLibrary)
{
    CommandLine cli(QStringLiteral("account"),
                    QStringLiteral("Feed server accounts to sync with.\n"
                                   "  account add TYPE URL USER   TYPE: greader (FreshRSS, "
                                   "Miniflux, Inoreader…) or ttrss;\n"
                                   "                              URL: the API's address, e.g. "
                                   "https://host/api/greader.php\n"
                                   "                              or https://host/tt-rss/api/;\n"
                                   "                              the password from a prompt, "
                                   "or standard input\n"
                                   "  account list [--json]\n"
                                   "  account remove ID"));
    QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    cli.parser().addOption(json);
    cli.parser().addPositionalArgument(QStringLiteral("action"),
                                       QStringLiteral("add, list or remove."));
    if (auto exit = cli.parse(arguments, globalLibrary))
        return *exit;
    const QStringList args = cli.arguments();
    const QString action = args.value(0);
    if (action == u"add")
        return addAccount(cli, args);
    if (action == u"list") {
        auto store = openStore(cli.libraryPath(), ArticleStore::OpenMode::OpenExisting);
        if (!store)
            return ExitFailure;
        auto accounts = store->accounts();
        if (!accounts)
            return fail(accounts.error());
        if (cli.parser().isSet(json)) {
            QJsonArray list;
            for (const core::SyncAccount& account : *accounts)
                list.append(accountJson(account));
            printJson(QJsonDocument(list));
            return ExitOk;
        }
        QString table;
        for (const core::SyncAccount& account : *accounts) {
            table += QStringLiteral("%1  %2  %3 at %4  %5%6\n")
                         .arg(account.id, 4)
                         .arg(account.kind, account.user, account.url,
                              account.lastSync.isValid()
                                  ? QStringLiteral("synced %1")
                                        .arg(account.lastSync.toLocalTime().toString(Qt::ISODate))
                                  : QStringLiteral("never synced"),
                              account.lastError.isEmpty()
                                  ? QString()
                                  : QStringLiteral("; last sync failed: ") + account.lastError);
            if (account.queued > 0)
                table += QStringLiteral("      %1 waiting for the server\n")
                             .arg(counted(account.queued, "change", "changes"));
        }
        if (accounts->isEmpty())
            table = QStringLiteral("No accounts. Add one with: broadsheet-cli account add "
                                   "greader URL USER\n");
        printOut(table);
        return ExitOk;
    }
    if (action == u"remove") {
        if (args.size() != 2)
            return *cli.usageError(QStringLiteral("account remove takes the account's id"));
        auto store = openStore(cli.libraryPath(), ArticleStore::OpenMode::OpenExisting);
        if (!store)
            return ExitFailure;
        const auto account = findAccount(*store, args[1], cli);
        if (!account)
            return ExitUsage;
        auto removed = store->removeAccount(account->id);
        if (!removed)
            return fail(removed.error());
        core::credentials::forget(*account);
        printOut(QStringLiteral("Removed account %1 (%2 at %3); its stories stay.\n")
                     .arg(account->id)
                     .arg(account->user, account->url));
        return ExitOk;
    }
    return *cli.usageError(QStringLiteral("account takes add, list or remove"));
}

int subscribeThroughAccount(CommandLine& cli, const QString& name, const QString& url,
                            const QString& folder)
{
    auto store = openStore(cli.libraryPath(), ArticleStore::OpenMode::OpenExisting);
    if (!store)
        return ExitFailure;
    const auto account = findAccount(*store, name, cli);
    if (!account)
        return ExitUsage;
    auto password = core::credentials::load(*account);
    if (!password)
        return fail(password.error());
    core::HttpClient http;
    auto backend = core::SyncBackend::create(
        core::AccountSettings{account->kind, QUrl(account->url), account->user, *password}, http);
    if (!backend)
        return fail(core::Error(
            QStringLiteral("this Broadsheet cannot sync '%1' accounts").arg(account->kind)));
    // Online only: the server's id of the feed is what every later change names.
    auto added = backend->subscribe(url, folder);
    if (!added)
        return fail(added.error());
    std::stop_source stop;
    const StopOnInterrupt interrupt(stop);
    auto report = core::SyncEngine(*store, *backend).run(*account, stop.get_token());
    if (!report)
        return fail(report.error());
    printOut(QStringLiteral("Subscribed to %1 on account %2 (%3); %4 new.\n")
                 .arg(url)
                 .arg(account->id)
                 .arg(account->url)
                 .arg(counted(report->added, "story", "stories")));
    return ExitOk;
}

int syncCommand(const QStringList& arguments, const QString& globalLibrary)
{
    CommandLine cli(QStringLiteral("sync"),
                    QStringLiteral("Syncs the library with its accounts (or one): the changes "
                                   "made here first,\nthen subscriptions, stories, read and "
                                   "starred from the server."));
    QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    cli.parser().addOption(json);
    cli.parser().addPositionalArgument(QStringLiteral("account"),
                                       QStringLiteral("The account's id (default: every one)."),
                                       QStringLiteral("[ACCOUNT]"));
    if (auto exit = cli.parse(arguments, globalLibrary))
        return *exit;
    auto store = openStore(cli.libraryPath(), ArticleStore::OpenMode::OpenExisting);
    if (!store)
        return ExitFailure;
    QList<core::SyncAccount> accounts;
    if (const QStringList args = cli.arguments(); !args.isEmpty()) {
        const auto account = findAccount(*store, args.front(), cli);
        if (!account)
            return ExitUsage;
        accounts.append(*account);
    } else {
        auto all = store->accounts();
        if (!all)
            return fail(all.error());
        accounts = *all;
        if (accounts.isEmpty()) {
            printErr(QStringLiteral("broadsheet-cli: no accounts to sync; add one with "
                                    "'account add'\n"));
            return ExitFailure;
        }
    }
    std::stop_source stop;
    const StopOnInterrupt interrupt(stop);
    const bool asJson = cli.parser().isSet(json);
    QJsonArray reports;
    int exit = ExitOk;
    qint64 addedInAll = 0;
    for (const core::SyncAccount& account : accounts) {
        auto password = core::credentials::load(account);
        if (!password) {
            printErr(QStringLiteral("broadsheet-cli: %1\n").arg(password.error().message));
            exit = ExitFailure;
            continue;
        }
        core::HttpClient http;
        auto backend = core::SyncBackend::create(
            core::AccountSettings{account.kind, QUrl(account.url), account.user, *password}, http);
        if (!backend) {
            printErr(QStringLiteral("broadsheet-cli: account %1: this Broadsheet cannot sync "
                                    "'%2' accounts\n")
                         .arg(account.id)
                         .arg(account.kind));
            exit = ExitFailure;
            continue;
        }
        QElapsedTimer timer;
        timer.start();
        auto report = core::SyncEngine(*store, *backend).run(account, stop.get_token());
        if (!report && report.error().cancelled) {
            printErr(QStringLiteral("broadsheet-cli: sync stopped (Ctrl+C); it goes on from "
                                    "there next time\n"));
            return ExitInterrupted;
        }
        if (!report) {
            printErr(QStringLiteral("broadsheet-cli: account %1: %2\n")
                         .arg(account.id)
                         .arg(report.error().message));
            exit = ExitFailure;
            if (asJson)
                reports.append(QJsonObject{{QStringLiteral("account"), account.id},
                                           {QStringLiteral("error"), report.error().message}});
            continue;
        }
        const double seconds = static_cast<double>(timer.elapsed()) / 1000.0;
        addedInAll += report->added;
        if (asJson) {
            reports.append(QJsonObject{
                {QStringLiteral("account"), account.id},
                {QStringLiteral("feeds"), report->feeds},
                {QStringLiteral("received"), report->received},
                {QStringLiteral("added"), report->added},
                {QStringLiteral("updated"), report->updated},
                {QStringLiteral("pushed"), report->pushed},
                {QStringLiteral("flagsChanged"), report->flagsChanged},
                {QStringLiteral("requests"), http.sent()},
                {QStringLiteral("complete"), report->complete},
                {QStringLiteral("refused"), QJsonArray::fromStringList(report->refused)},
                {QStringLiteral("seconds"), seconds},
                {QStringLiteral("peakMegabytes"), peakMegabytes()}});
            continue;
        }
        printOut(
            QStringLiteral("Account %1 (%2 at %3): %4, %5 new, %6 changed; sent %7; read "
                           "or starred changed on %8; %9 in %10 s%11\n")
                .arg(account.id)
                .arg(account.user, account.url, counted(report->feeds, "feed", "feeds"))
                .arg(report->added)
                .arg(report->updated)
                .arg(counted(report->pushed, "change", "changes"))
                .arg(counted(report->flagsChanged, "story", "stories"))
                .arg(counted(http.sent(), "request", "requests"))
                .arg(seconds, 0, 'f', 1)
                .arg(report->complete ? QString() : QStringLiteral(" (more to come: sync again)")));
        for (const QString& refused : report->refused)
            printErr(QStringLiteral("broadsheet-cli: account %1: not done on the server: %2\n")
                         .arg(account.id)
                         .arg(refused));
    }
    // People, organisations, places and keywords for what came in, as an import does.
    if (addedInAll > 0 && !stop.get_token().stop_requested()) {
        const auto tagged = tagWhatCameIn(cli.libraryPath(), store, stop.get_token());
        if (!tagged)
            return ExitFailure;
        if (!asJson)
            printOut(QStringLiteral("Tagged %1.\n").arg(counted(*tagged, "story", "stories")));
    }
    if (asJson)
        printJson(QJsonDocument(reports));
    return exit;
}

} // namespace broadsheet::app
