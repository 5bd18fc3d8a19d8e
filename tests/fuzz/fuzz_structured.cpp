// SPDX-License-Identifier: GPL-3.0-or-later
// JSON, NDJSON and Markdown with YAML front matter; what parses round-trips through the
// JSON export: exported and read again, the same titles in the same order.
#include "export/article_formats.h"
#include "fuzz_support.h"
#include "parse/structured_article_parser.h"
#include "parse/text_decoding.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace broadsheet;
    using core::StructuredArticleParser;
    const QByteArray bytes = fuzz::bytesOf(data, size);
    auto json = StructuredArticleParser::parseJson(bytes);
    auto ndjson = StructuredArticleParser::parseNdjson(bytes);
    (void)StructuredArticleParser::parseMarkdown(core::decodeText(bytes).text);
    for (auto* parsed : {&json, &ndjson}) {
        if (!*parsed)
            continue;
        QByteArray exported;
        QStringList titles;
        for (const core::Article& article : (*parsed)->articles) {
            exported += core::article_format::toJson(article) + '\n';
            titles.append(article.title);
        }
        auto again = StructuredArticleParser::parseNdjson(exported);
        if (!again)
            fuzz::broken("an export that does not read back", again.error().message);
        QStringList titlesAgain;
        for (const core::Article& article : again->articles)
            titlesAgain.append(article.title);
        if (titles != titlesAgain)
            fuzz::broken("titles changed through the JSON export", titles.join(u'|'));
    }
    return 0;
}
