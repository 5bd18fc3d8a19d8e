// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync_backend.h"

#include "sync/greader_backend.h"
#include "sync/ttrss_backend.h"

namespace broadsheet::core {

std::unique_ptr<SyncBackend> SyncBackend::create(const AccountSettings& settings, HttpClient& http)
{
    if (settings.kind == u"greader")
        return std::make_unique<GReaderBackend>(settings, http);
    if (settings.kind == u"ttrss")
        return std::make_unique<TtRssBackend>(settings, http);
    return nullptr;
}

QStringList SyncBackend::kinds()
{
    return {QStringLiteral("greader"), QStringLiteral("ttrss")};
}

} // namespace broadsheet::core
