// SPDX-License-Identifier: GPL-3.0-or-later
#include "article/article_json.h"
#include "cli_output.h"
#include "command_line.h"
#include "commands.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>

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
    int exit = ExitOk;
    const auto id = singleArticleId(cli, exit);
    if (!id)
        return exit;

    auto store = openStore(cli.libraryPath(), ArticleStore::OpenMode::OpenExisting);
    if (!store)
        return ExitFailure;
    auto article = store->article(*id);
    if (!article)
        return fail(article.error());
    if (!*article) {
        printErr(QStringLiteral("broadsheet-cli: no article with id %1 in %2\n")
                     .arg(*id)
                     .arg(QDir::toNativeSeparators(cli.libraryPath())));
        return ExitFailure;
    }
    const core::Article& a = **article;
    // The other versions of the story (its near-duplicates), newest first.
    auto versions = store->versions(*id);
    if (!versions)
        return fail(versions.error());
    if (cli.parser().isSet(json)) {
        QJsonObject object = core::articleToJson(a);
        QJsonArray others;
        for (const core::ArticleId other : *versions)
            others.append(other);
        object.insert(QStringLiteral("versions"), others);
        printJson(QJsonDocument(object));
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
    auto others = store->summaries(*versions);
    if (!others)
        return fail(others.error());
    QStringList listed;
    for (const core::ArticleSummary& other : *others)
        listed.append(QStringLiteral("%1 (%2)").arg(other.id).arg(other.title));
    field(QStringLiteral("Versions"), listed.join(QStringLiteral(", ")));
    text += QLatin1Char('\n') + a.body + QLatin1Char('\n');
    printOut(text);
    return ExitOk;
}

} // namespace broadsheet::app
