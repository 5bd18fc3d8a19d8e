// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "article/library_values.h"
#include "result.h"

#include <QByteArray>
#include <QList>
#include <QString>

// OPML 1.0 and 2.0 subscription lists, read as leniently as feeds (the same XML reading:
// an unescaped & in a URL, a missing end tag) and written so that they read back the same.
namespace broadsheet::core {

struct SubscriptionList {
    QString title;
    QList<Subscription> subscriptions; ///< in the list's order, each URL once
    bool malformed = false;            ///< read leniently; the first problem and its line
    QString firstError;
    int errorLine = 0;
};

/// The subscriptions of an OPML document: every outline with an xmlUrl (any case of the
/// name), in the folders (outlines without one) that hold it, with the categories its
/// category attribute names. Refused with the reason when the document is not OPML (no
/// <opml>, no <body>); a list of no feed is a list, empty.
Result<SubscriptionList> parseOpml(const QByteArray& bytes);

/// Whether `bytes` are an OPML document (its root element is <opml>).
bool looksLikeOpml(const QByteArray& bytes);

/// An OPML 2.0 document of `subscriptions`, folders as nested outlines.
QByteArray writeOpml(const QList<Subscription>& subscriptions, const QString& title);

} // namespace broadsheet::core
