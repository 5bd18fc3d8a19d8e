// SPDX-License-Identifier: GPL-3.0-or-later
// feed, unsubscribe, retention, export-opml and delete: managing subscriptions and stories.
#include "cli_output.h"
#include "command_line.h"
#include "commands.h"
#include "parse/opml.h"
#include "search/searcher.h"
#include "store/library_writer.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>
#include <QTextStream>

#include <cstdio>

namespace broadsheet::app {

namespace {

/// The subscription named by id or URL, or nothing after printing why.
std::optional<core::SubscriptionState> findSubscription(ArticleStore& store, const QString& name,
                                                        const CommandLine& cli)
{
    auto states = store.subscriptionStates();
    if (!states) {
        fail(states.error());
        return std::nullopt;
    }
    for (const core::SubscriptionState& s : *states) {
        if (QString::number(s.id) == name || s.url == name)
            return s;
    }
    cli.usageError(QStringLiteral("no subscription %1 (see 'feeds')").arg(name));
    return std::nullopt;
}

std::optional<bool> yesNo(const QString& text)
{
    if (text == u"yes" || text == u"on" || text == u"true" || text == u"1")
        return true;
    if (text == u"no" || text == u"off" || text == u"false" || text == u"0")
        return false;
    return std::nullopt;
}

QString describedRetention(const core::Retention& retention)
{
    switch (retention.mode) {
    case core::Retention::Mode::Default:
        return QStringLiteral("the library's default");
    case core::Retention::Mode::All:
        return QStringLiteral("everything");
    case core::Retention::Mode::Days:
        return QStringLiteral("stories newer than %1 days").arg(retention.value);
    case core::Retention::Mode::Newest:
        return QStringLiteral("the newest %1 stories").arg(retention.value);
    }
    return {};
}

QJsonObject feedJson(const core::SubscriptionState& s)
{
    const auto iso = [](const QDateTime& when) {
        return when.isValid() ? when.toString(Qt::ISODate) : QString();
    };
    return QJsonObject{
        {QStringLiteral("id"), s.id},
        {QStringLiteral("url"), s.url},
        {QStringLiteral("title"), s.title},
        {QStringLiteral("folders"), QJsonArray::fromStringList(s.folders)},
        {QStringLiteral("intervalMinutes"), s.intervalMinutes},
        {QStringLiteral("keep"),
         s.retention.toString().isEmpty() ? QStringLiteral("default") : s.retention.toString()},
        {QStringLiteral("loadImages"), s.loadImages},
        {QStringLiteral("notify"), s.notify},
        {QStringLiteral("user"), s.user},
        {QStringLiteral("hasPassword"), !s.password.isEmpty()}, // never the password itself
        {QStringLiteral("stories"), s.stories},
        {QStringLiteral("unread"), s.unread},
        {QStringLiteral("lastSuccess"), iso(s.lastSuccess)},
        {QStringLiteral("lastError"), s.lastError},
        {QStringLiteral("nextRefresh"), iso(s.nextRefresh)},
    };
}

} // namespace

int feedCommand(const QStringList& arguments, const QString& globalLibrary)
{
    CommandLine cli(QStringLiteral("feed"),
                    QStringLiteral("Shows one subscription's settings, or changes them.\n"
                                   "  broadsheet-cli feed 3 --folder News/World --keep days:30\n"
                                   "  printf '%s' \"$PASS\" | broadsheet-cli feed 3 --user me "
                                   "--password-stdin"));
    QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print a JSON object."));
    QCommandLineOption title(QStringLiteral("title"), QStringLiteral("Call it TITLE."),
                             QStringLiteral("TITLE"));
    QCommandLineOption folder(QStringLiteral("folder"),
                              QStringLiteral("Move it to FOLDER (a/b; '' for the top)."),
                              QStringLiteral("FOLDER"));
    QCommandLineOption interval(
        QStringLiteral("interval"),
        QStringLiteral("Refresh every MINUTES (0: as the feed asks, else hourly)."),
        QStringLiteral("MINUTES"));
    QCommandLineOption keep(QStringLiteral("keep"),
                            QStringLiteral("Keep all, days:N, newest:N, or default (the "
                                           "library's; see 'retention')."),
                            QStringLiteral("WHAT"));
    QCommandLineOption images(QStringLiteral("images"),
                              QStringLiteral("Load its stories' images without asking: yes|no."),
                              QStringLiteral("yes|no"));
    QCommandLineOption notify(QStringLiteral("notify"),
                              QStringLiteral("Tell the desktop of new stories: yes|no."),
                              QStringLiteral("yes|no"));
    QCommandLineOption user(QStringLiteral("user"),
                            QStringLiteral("Log in to the feed's server as USER (HTTP Basic)."),
                            QStringLiteral("USER"));
    QCommandLineOption passwordStdin(QStringLiteral("password-stdin"),
                                     QStringLiteral("Read the password from standard input."));
    QCommandLineOption noCredentials(QStringLiteral("no-credentials"),
                                     QStringLiteral("Forget the user and password."));
    cli.parser().addOptions(
        {json, title, folder, interval, keep, images, notify, user, passwordStdin, noCredentials});
    cli.parser().addPositionalArgument(QStringLiteral("feed"), QStringLiteral("An id or URL."),
                                       QStringLiteral("ID|URL"));
    if (auto exit = cli.parse(arguments, globalLibrary))
        return *exit;
    if (cli.arguments().size() != 1)
        return *cli.usageError(QStringLiteral("feed takes one id or URL"));
    auto store = openStore(cli.libraryPath(), ArticleStore::OpenMode::OpenExisting);
    if (!store)
        return ExitFailure;
    auto found = findSubscription(*store, cli.arguments().front(), cli);
    if (!found)
        return ExitUsage;
    core::SubscriptionState s = *found;
    const QCommandLineParser& p = cli.parser();
    bool changing = false;
    if (p.isSet(title)) {
        s.title = p.value(title).simplified();
        changing = true;
    }
    if (p.isSet(folder)) {
        s.folders = p.value(folder).split(u'/', Qt::SkipEmptyParts);
        for (QString& name : s.folders)
            name = name.simplified();
        changing = true;
    }
    if (p.isSet(interval)) {
        bool ok = false;
        const int minutes = p.value(interval).toInt(&ok);
        if (!ok || minutes < 0 || minutes > 7 * 24 * 60)
            return *cli.usageError(
                QStringLiteral("--interval takes minutes, from 0 to 10080 (a week)"));
        s.intervalMinutes = minutes;
        changing = true;
    }
    if (p.isSet(keep)) {
        const auto retention = core::Retention::fromString(p.value(keep));
        if (!retention)
            return *cli.usageError(QStringLiteral("--keep takes all, days:N, newest:N or default"));
        s.retention = *retention;
        changing = true;
    }
    for (const auto& [option, flag] : {std::pair{&images, &s.loadImages}, {&notify, &s.notify}}) {
        if (!p.isSet(*option))
            continue;
        const auto value = yesNo(p.value(*option));
        if (!value)
            return *cli.usageError(QStringLiteral("--%1 takes yes or no").arg(option->names()[0]));
        *flag = *value;
        changing = true;
    }
    if (p.isSet(noCredentials) && (p.isSet(user) || p.isSet(passwordStdin)))
        return *cli.usageError(QStringLiteral("--no-credentials forgets them: give no --user"));
    if (p.isSet(noCredentials)) {
        s.user.clear();
        s.password.clear();
        changing = true;
    }
    if (p.isSet(user)) {
        s.user = p.value(user);
        changing = true;
    }
    if (p.isSet(passwordStdin)) {
        QTextStream in(stdin);
        s.password = in.readLine(); // one line; the newline a shell adds is not part of it
        changing = true;
    }
    if (changing) {
        auto writer = openWriter(cli.libraryPath(), ArticleStore::OpenMode::OpenExisting);
        if (!writer)
            return ExitFailure;
        auto r = writer->run([&s](ArticleStore& library) { return library.updateSubscription(s); });
        if (!r)
            return fail(r.error());
        writer.reset();
        auto stored = store->subscriptionState(s.id);
        if (!stored)
            return fail(stored.error());
        if (*stored)
            s = **stored;
    }
    if (p.isSet(json)) {
        printJson(QJsonDocument(feedJson(s)));
        return ExitOk;
    }
    printOut(QStringLiteral("%1  %2\n  url       %3\n  folder    %4\n  refresh   %5\n"
                            "  keep      %6\n  images    %7\n  notify    %8\n  login     %9\n"
                            "  stories   %10 (%11 unread)\n")
                 .arg(s.id)
                 .arg(s.title, s.url,
                      s.folders.isEmpty() ? QStringLiteral("(top)")
                                          : s.folders.join(QStringLiteral(" / ")),
                      s.intervalMinutes > 0
                          ? QStringLiteral("every %1 minutes").arg(s.intervalMinutes)
                          : QStringLiteral("as the feed asks, else hourly"),
                      describedRetention(s.retention),
                      s.loadImages ? QStringLiteral("load") : QStringLiteral("ask"),
                      s.notify ? QStringLiteral("yes") : QStringLiteral("no"),
                      s.user.isEmpty()
                          ? QStringLiteral("none")
                          : QStringLiteral("%1 (password %2)")
                                .arg(s.user, s.password.isEmpty() ? QStringLiteral("not set")
                                                                  : QStringLiteral("set")))
                 .arg(s.stories)
                 .arg(s.unread));
    return ExitOk;
}

int unsubscribeCommand(const QStringList& arguments, const QString& globalLibrary)
{
    CommandLine cli(QStringLiteral("unsubscribe"),
                    QStringLiteral("Stops following a feed. Its stories stay in the library "
                                   "unless you pass --delete-stories."));
    QCommandLineOption deleteStories(QStringLiteral("delete-stories"),
                                     QStringLiteral("Delete its stories too (starred ones "
                                                    "included)."));
    cli.parser().addOption(deleteStories);
    cli.parser().addPositionalArgument(QStringLiteral("feed"), QStringLiteral("An id or URL."),
                                       QStringLiteral("ID|URL"));
    if (auto exit = cli.parse(arguments, globalLibrary))
        return *exit;
    if (cli.arguments().size() != 1)
        return *cli.usageError(QStringLiteral("unsubscribe takes one id or URL"));
    auto store = openStore(cli.libraryPath(), ArticleStore::OpenMode::OpenExisting);
    if (!store)
        return ExitFailure;
    auto found = findSubscription(*store, cli.arguments().front(), cli);
    if (!found)
        return ExitUsage;
    auto writer = openWriter(cli.libraryPath(), ArticleStore::OpenMode::OpenExisting);
    if (!writer)
        return ExitFailure;
    const bool withStories = cli.parser().isSet(deleteStories);
    auto deleted = writer->call<qint64>(
        [&](ArticleStore& library) { return library.removeSubscription(found->id, withStories); });
    if (!deleted)
        return fail(deleted.error());
    const QString name = found->title.isEmpty() ? found->url : found->title;
    printOut(withStories ? QStringLiteral("Unsubscribed from %1 and deleted %2.\n")
                               .arg(name, counted(*deleted, "story", "stories"))
                         : QStringLiteral("Unsubscribed from %1; %2 stay.\n")
                               .arg(name, counted(found->stories, "story", "stories")));
    return ExitOk;
}

int retentionCommand(const QStringList& arguments, const QString& globalLibrary)
{
    CommandLine cli(QStringLiteral("retention"),
                    QStringLiteral("Shows or sets how long feeds' stories are kept when their "
                                   "subscription does not say (all, days:N or newest:N). "
                                   "Starred stories and stories with a tag of yours are always "
                                   "kept. Applied at each refresh."));
    cli.parser().addPositionalArgument(QStringLiteral("keep"),
                                       QStringLiteral("all, days:N or newest:N."),
                                       QStringLiteral("[WHAT]"));
    if (auto exit = cli.parse(arguments, globalLibrary))
        return *exit;
    if (cli.arguments().size() > 1)
        return *cli.usageError(QStringLiteral("retention takes at most one value"));
    if (cli.arguments().isEmpty()) {
        auto store = openStore(cli.libraryPath(), ArticleStore::OpenMode::OpenExisting);
        if (!store)
            return ExitFailure;
        auto retention = store->defaultRetention();
        if (!retention)
            return fail(retention.error());
        printOut(QStringLiteral("Feeds keep %1 unless they say otherwise.\n")
                     .arg(describedRetention(*retention)));
        return ExitOk;
    }
    const auto retention = core::Retention::fromString(cli.arguments().front());
    if (!retention || retention->mode == core::Retention::Mode::Default)
        return *cli.usageError(QStringLiteral("retention takes all, days:N or newest:N"));
    auto writer = openWriter(cli.libraryPath(), ArticleStore::OpenMode::OpenExisting);
    if (!writer)
        return ExitFailure;
    auto r =
        writer->run([&](ArticleStore& library) { return library.setDefaultRetention(*retention); });
    if (!r)
        return fail(r.error());
    printOut(QStringLiteral("Feeds now keep %1 unless they say otherwise (from their next "
                            "refresh).\n")
                 .arg(describedRetention(*retention)));
    return ExitOk;
}

int exportOpmlCommand(const QStringList& arguments, const QString& globalLibrary)
{
    CommandLine cli(QStringLiteral("export-opml"),
                    QStringLiteral("Writes your subscriptions, in their folders, to an OPML 2.0 "
                                   "file that other readers import. Passwords are never "
                                   "written."));
    QCommandLineOption force(QStringLiteral("force"), QStringLiteral("Replace FILE if it exists."));
    cli.parser().addOption(force);
    cli.parser().addPositionalArgument(QStringLiteral("file"), QStringLiteral("Where to write."),
                                       QStringLiteral("FILE"));
    if (auto exit = cli.parse(arguments, globalLibrary))
        return *exit;
    if (cli.arguments().size() != 1)
        return *cli.usageError(QStringLiteral("export-opml takes one file"));
    const QString path = cli.arguments().front();
    if (QFileInfo::exists(path) && !cli.parser().isSet(force)) {
        printErr(
            QStringLiteral("broadsheet-cli: %1 exists; pass --force to replace it\n").arg(path));
        return ExitExists;
    }
    auto store = openStore(cli.libraryPath(), ArticleStore::OpenMode::OpenExisting);
    if (!store)
        return ExitFailure;
    auto subscriptions = store->subscriptions();
    if (!subscriptions)
        return fail(subscriptions.error());
    QSaveFile file(path);
    const QByteArray opml =
        core::writeOpml(*subscriptions, QStringLiteral("Broadsheet subscriptions"));
    if (!file.open(QIODevice::WriteOnly) || file.write(opml) != opml.size() || !file.commit()) {
        return fail(core::Error{QStringLiteral("%1: could not be written (%2); nothing was "
                                               "replaced")
                                    .arg(path, file.errorString())});
    }
    printOut(QStringLiteral("Wrote %1 to %2.\n")
                 .arg(counted(subscriptions->size(), "subscription", "subscriptions"), path));
    return ExitOk;
}

int deleteCommand(const QStringList& arguments, const QString& globalLibrary)
{
    CommandLine cli(QStringLiteral("delete"),
                    QStringLiteral("Deletes stories, by id or every story a query matches. A "
                                   "feed's story you deleted does not come back at its next "
                                   "refresh.\n"
                                   "  broadsheet-cli delete 12 40\n"
                                   "  broadsheet-cli delete --query 'source:\"Daily Blurb\"'"));
    QCommandLineOption query(QStringLiteral("query"),
                             QStringLiteral("Every story this query matches."),
                             QStringLiteral("QUERY"));
    QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print a JSON object."));
    cli.parser().addOptions({query, json});
    cli.parser().addPositionalArgument(QStringLiteral("id"), QStringLiteral("A story's id."),
                                       QStringLiteral("[ID...]"));
    if (auto exit = cli.parse(arguments, globalLibrary))
        return *exit;
    const QStringList idTexts = cli.arguments();
    int exit = ExitOk;
    const auto named = namedStories(cli, idTexts, query, QStringLiteral("story"), exit);
    if (!named)
        return exit;
    const QList<core::ArticleId> ids = *named;
    auto writer = openWriter(cli.libraryPath(), ArticleStore::OpenMode::OpenExisting);
    if (!writer)
        return ExitFailure;
    auto deleted =
        writer->call<qint64>([&ids](ArticleStore& library) { return library.deleteArticles(ids); });
    if (!deleted)
        return fail(deleted.error());
    if (cli.parser().isSet(json)) {
        printJson(QJsonDocument(QJsonObject{{QStringLiteral("deleted"), *deleted}}));
        return ExitOk;
    }
    printOut(QStringLiteral("Deleted %1.\n").arg(counted(*deleted, "story", "stories")));
    return ExitOk;
}

} // namespace broadsheet::app
