// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <span>

namespace broadsheet::app {

/// A command of broadsheet-cli: its name, how it is used (one line per form, after the
/// name), what it does in a few words, and the function that runs it (one file each in
/// commands/). The table makes both the dispatch and the main help.
struct Command {
    const char* name;
    const char* usage;
    const char* summary;
    int (*run)(const QStringList& arguments, const QString& globalLibrary);
};

/// Every command, in the order the help lists them.
std::span<const Command> commands();
/// The main help, made from the table.
QString mainHelp();

int importCommand(const QStringList& arguments, const QString& globalLibrary);
int retagCommand(const QStringList& arguments, const QString& globalLibrary);
int listCommand(const QStringList& arguments, const QString& globalLibrary);
int showCommand(const QStringList& arguments, const QString& globalLibrary);
int relatedCommand(const QStringList& arguments, const QString& globalLibrary);
int entityCommand(const QStringList& arguments, const QString& globalLibrary);
int searchCommand(const QStringList& arguments, const QString& globalLibrary);
int statsCommand(const QStringList& arguments, const QString& globalLibrary);
int tagCommand(const QStringList& arguments, const QString& globalLibrary);
int tagsCommand(const QStringList& arguments, const QString& globalLibrary);
int ruleCommand(const QStringList& arguments, const QString& globalLibrary);
int rulesCommand(const QStringList& arguments, const QString& globalLibrary);
int feedsCommand(const QStringList& arguments, const QString& globalLibrary);
int subscribeCommand(const QStringList& arguments, const QString& globalLibrary);
int refreshCommand(const QStringList& arguments, const QString& globalLibrary);
int feedCommand(const QStringList& arguments, const QString& globalLibrary);
int unsubscribeCommand(const QStringList& arguments, const QString& globalLibrary);
int retentionCommand(const QStringList& arguments, const QString& globalLibrary);
int exportOpmlCommand(const QStringList& arguments, const QString& globalLibrary);
int deleteCommand(const QStringList& arguments, const QString& globalLibrary);
int markCommand(const QStringList& arguments, const QString& globalLibrary);
int sourceCommand(const QStringList& arguments, const QString& globalLibrary);
int exportCommand(const QStringList& arguments, const QString& globalLibrary);
int checkCommand(const QStringList& arguments, const QString& globalLibrary);
int backupCommand(const QStringList& arguments, const QString& globalLibrary);
int backupsCommand(const QStringList& arguments, const QString& globalLibrary);
int restoreCommand(const QStringList& arguments, const QString& globalLibrary);
int accountCommand(const QStringList& arguments, const QString& globalLibrary);
int syncCommand(const QStringList& arguments, const QString& globalLibrary);
class CommandLine;
/// `subscribe URL --account ID`: the server subscribes (it fetches the feed), then a sync
/// brings the feed's stories in.
int subscribeThroughAccount(CommandLine& cli, const QString& account, const QString& url,
                            const QString& folder);

} // namespace broadsheet::app
