// SPDX-License-Identifier: GPL-3.0-or-later
// A text article file: encodings (BOMs, UTF-16, Windows-1252), then the text parser.
#include "fuzz_support.h"
#include "parse/text_article_parser.h"
#include "parse/text_decoding.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace broadsheet;
    const QByteArray bytes = fuzz::bytesOf(data, size);
    (void)core::looksBinary(bytes);
    const core::DecodedText decoded = core::decodeText(bytes);
    if (!bytes.isEmpty() && decoded.encoding.isEmpty())
        fuzz::broken("text decoded without naming its encoding");
    auto article = core::TextArticleParser::parse(decoded.text);
    if (article && article->title.isEmpty() && article->body.isEmpty())
        fuzz::broken("an article with neither title nor body");
    (void)core::TextArticleParser::stripLinkMarkup(decoded.text);
    return 0;
}
