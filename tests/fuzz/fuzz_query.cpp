// SPDX-License-Identifier: GPL-3.0-or-later
// The query language, parsed, compiled and run by the real searcher against a real library
// (FTS5 included): nothing typed may make a search fail, and every search ends in time.
#include "fuzz_support.h"
#include "search/query_compiler.h"
#include "search/query_parser.h"
#include "search/searcher.h"
#include "store/article_store.h"

#include <QDir>
#include <QTemporaryDir>

namespace {

broadsheet::core::ArticleStore& library()
{
    using namespace broadsheet::core;
    static QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/broadsheet-fuzz-XXXXXX"));
    static std::unique_ptr<ArticleStore> store = [] {
        auto opened = ArticleStore::open(dir.filePath(QStringLiteral("fuzz.sqlite")),
                                         ArticleStore::OpenMode::CreateIfMissing);
        if (!opened)
            broadsheet::fuzz::broken("cannot make the library", opened.error().message);
        QList<Article> articles(3);
        articles[0].title = QStringLiteral("Sony hack blamed on North Korea");
        articles[0].body = QStringLiteral("Investigators said the attack was sophisticated.");
        articles[0].section = QStringLiteral("tech");
        articles[1].title = QStringLiteral("Markets rally");
        articles[1].body = QStringLiteral("Shares rose \"sharply\" in London; the FTSE gained.");
        articles[1].author = QStringLiteral("Ann Author");
        articles[2].title = QStringLiteral("Café ümlaut naïve");
        articles[2].body = QStringLiteral("Diacritics and 数字 and emoji 🔥.");
        if (!(*opened)->addArticles(articles))
            broadsheet::fuzz::broken("cannot add the stories");
        return std::move(*opened);
    }();
    return *store;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace broadsheet;
    if (size == 0)
        return 0;
    const QString query = QString::fromUtf8(fuzz::bytesOf(data + 1, size - 1));
    (void)core::QueryCompiler::compile(core::QueryParser::parse(query));
    core::SearchRequest request;
    request.query = query;
    const QStringList sorts = core::sortNames();
    request.sort = *core::sortFromName(sorts[data[0] % sorts.size()]);
    request.reversed = (data[0] & 0x80) != 0;
    request.allIds = (data[0] & 0x40) != 0;
    request.timeLimitMs = 5000;
    auto results = core::Searcher(library().database()).search(request);
    if (!results)
        fuzz::broken("a search failed", results.error().message + QStringLiteral(" | ") + query);
    if (results->timedOut)
        fuzz::broken("a search of three stories ran out of time", query);
    return 0;
}
