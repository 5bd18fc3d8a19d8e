// SPDX-License-Identifier: GPL-3.0-or-later
#include "article/article_json.h"
#include "cli_output.h"
#include "command_line.h"
#include "commands.h"

#include <QDir>

namespace broadsheet::app {

int showCommand(const QStringList& arguments, const QString& globalLibrary)
{
    CommandLine cli(QStringLiteral("show"), QStringLiteral("Shows one article."));
    QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print a JSON object."));
    cli.parser().addOption(json);
    cli.parser().addPositionalArgument(QStringLiteral("id"), QStringLiteral("The article's id."),
                                       QStringLiteral("ID"));
    if (auto exit = cli.parse(arguments, globalLibrary))
        return *exit;
    if (cli.arguments().size() != 1)
        return *cli.usageError(QStringLiteral("show needs exactly one ID"));
    bool ok = false;
    const qint64 id = cli.arguments().front().toLongLong(&ok);
    if (!ok || id <= 0)
        return *cli.usageError(QStringLiteral("'%1' is not an article id (a positive number)")
                                   .arg(cli.arguments().front()));

    auto store = openStore(cli.libraryPath(), ArticleStore::OpenMode::OpenExisting);
    if (!store)
        return ExitFailure;
    auto article = store->article(id);
    if (!article)
        return fail(article.error());
    if (!*article) {
        printErr(QStringLiteral("broadsheet-cli: no article with id %1 in %2\n")
                     .arg(id)
                     .arg(QDir::toNativeSeparators(cli.libraryPath())));
        return ExitFailure;
    }
    const core::Article& a = **article;
    if (cli.parser().isSet(json)) {
        printJson(QJsonDocument(core::articleToJson(a)));
        return ExitOk;
    }
    QString text = a.title + QLatin1Char('\n');
    auto field = [&text](const QString& name, const QString& value) {
        if (!value.isEmpty())
            text += QStringLiteral("%1: %2\n").arg(name, value);
    };
    field(QStringLiteral("Date"), a.published.toIso());
    field(QStringLiteral("Section"), a.section);
    field(QStringLiteral("Author"), a.author);
    field(QStringLiteral("Source"), a.source);
    field(QStringLiteral("URL"), a.url);
    field(QStringLiteral("File"), a.path);
    QStringList tags;
    for (const auto& tag : a.tags)
        tags.append(QStringLiteral("%1 (%2)").arg(tag.name, tag.kind));
    field(QStringLiteral("Tags"), tags.join(QStringLiteral(", ")));
    text += QLatin1Char('\n') + a.body + QLatin1Char('\n');
    printOut(text);
    return ExitOk;
}

} // namespace broadsheet::app
