// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli_output.h"
#include "command_line.h"
#include "commands.h"

#include <QJsonArray>
#include <QJsonObject>

namespace broadsheet::app {

int rulesCommand(const QStringList& arguments, const QString& globalLibrary)
{
    CommandLine cli(QStringLiteral("rules"), QStringLiteral("Lists the tagging rules."));
    QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print a JSON array."));
    cli.parser().addOption(json);
    if (auto exit = cli.parse(arguments, globalLibrary))
        return *exit;
    if (!cli.arguments().isEmpty())
        return *cli.usageError(QStringLiteral("rules takes no arguments"));
    auto store = openStore(cli.libraryPath(), ArticleStore::OpenMode::OpenExisting);
    if (!store)
        return ExitFailure;
    auto rules = store->rules();
    if (!rules)
        return fail(rules.error());
    if (cli.parser().isSet(json)) {
        QJsonArray array;
        for (const core::TaggingRule& rule : *rules)
            array.append(QJsonObject{{QStringLiteral("tag"), rule.tag},
                                     {QStringLiteral("query"), rule.query}});
        printJson(QJsonDocument(array));
        return ExitOk;
    }
    for (const core::TaggingRule& rule : *rules)
        printOut(QStringLiteral("%1  %2\n").arg(padded(rule.tag, 24), rule.query));
    return ExitOk;
}

} // namespace broadsheet::app
