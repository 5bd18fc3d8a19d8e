// SPDX-License-Identifier: GPL-3.0-or-later
// A subscription list: OPML 1.0/2.0 as readers write it; what it reads, it writes back.
#include "fuzz_support.h"
#include "parse/opml.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace broadsheet;
    const QByteArray bytes = fuzz::bytesOf(data, size);
    (void)core::looksLikeOpml(bytes);
    auto list = core::parseOpml(bytes);
    if (!list || list->subscriptions.isEmpty())
        return 0;
    const QByteArray written = core::writeOpml(list->subscriptions, QStringLiteral("fuzz"));
    auto again = core::parseOpml(written);
    if (!again)
        fuzz::broken("a list it wrote does not read back", again.error().message);
    if (again->subscriptions.size() != list->subscriptions.size())
        fuzz::broken("subscriptions lost writing the list back");
    return 0;
}
