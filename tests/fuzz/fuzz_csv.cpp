// SPDX-License-Identifier: GPL-3.0-or-later
// A news CSV file: decoding, RFC 4180 records, the header's columns, each row an article.
#include "fuzz_support.h"
#include "parse/csv_article_parser.h"
#include "parse/text_decoding.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace broadsheet;
    const QString text = core::decodeText(fuzz::bytesOf(data, size)).text;
    auto parsed = core::CsvArticleParser::parse(text);
    if (parsed) {
        for (const core::Article& article : parsed->articles) {
            if (article.title.isEmpty() && article.body.isEmpty())
                fuzz::broken("a CSV row kept with neither title nor text");
        }
    }
    return 0;
}
