// SPDX-License-Identifier: GPL-3.0-or-later
// Dates as articles write them and as feeds write them (RFC 822, W3C, ISO 8601, asctime).
#include "fuzz_support.h"
#include "parse/date_parser.h"
#include "parse/feed_date.h"
#include "parse/text_decoding.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace broadsheet;
    const QString text = core::decodeText(fuzz::bytesOf(data, size)).text;
    const core::PublishedDate written = core::parseWrittenDate(text);
    const core::PublishedDate feed = core::parseFeedDate(text);
    for (const core::PublishedDate& date : {written, feed}) {
        // A date it reads is one it can write and read back the same.
        if (date.isKnown() && core::PublishedDate::fromIso(date.toIso()) != date)
            fuzz::broken("a date that does not read back from its ISO form", date.toIso());
    }
    return 0;
}
