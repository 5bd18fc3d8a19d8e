// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <sys/types.h>

namespace broadsheet::bench {

/// A free TCP port on 127.0.0.1 (free when asked).
quint16 freePort();
/// Whether something listens on the port of 127.0.0.1.
bool answers(quint16 port);

/// `python3 -m http.server` serving `folder` on 127.0.0.1:`port` (Last-Modified, 304 on
/// If-Modified-Since): a feed server that is not ours. Started at once, answering when made;
/// stopped when it goes.
class StaticHttpServer {
public:
    StaticHttpServer(const QString& folder, quint16 port);
    ~StaticHttpServer();
    StaticHttpServer(const StaticHttpServer&) = delete;
    StaticHttpServer& operator=(const StaticHttpServer&) = delete;

private:
    pid_t m_pid = 0;
};

} // namespace broadsheet::bench
