// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "article/article.h"

#include <QList>
#include <QString>

namespace broadsheet::core {

/// A file an import left out, and why, in words a user can act on.
struct SkippedFile {
    QString path;
    QString reason;

    friend bool operator==(const SkippedFile&, const SkippedFile&) = default;
};

/// How far an import has come; sent after every batch.
struct ImportProgress {
    int filesDone = 0;
    int filesTotal = 0;
    int added = 0;
    int duplicates = 0;
    int skipped = 0;
};

/// What an import did: the summary the CLI prints and the window reports.
struct ImportReport {
    int files = 0;
    int added = 0;
    int duplicates = 0;
    QList<SkippedFile> skipped;
    bool cancelled = false;
    QList<ArticleId> addedIds;  ///< what was added, in the order it was added
    int subscriptionsAdded = 0; ///< from OPML lists: feeds the library did not follow yet
    int subscriptionsKnown = 0; ///< from OPML lists: feeds it already followed
};

} // namespace broadsheet::core
