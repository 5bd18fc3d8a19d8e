// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/article_store.h"

#include <QCoreApplication>
#include <QImage>
#include <QPalette>
#include <QString>
#include <QUrl>

namespace broadsheet::ui {

/// The page of a person, organisation or place, as the reader shows it when the name is
/// picked in the sidebar or on another name's page: how many stories, a timeline of its
/// mentions (an image the page names as timelineUrl()), and the names found with it most,
/// each a chip that opens its own page.
class EntityPage {
    Q_DECLARE_TR_FUNCTIONS(EntityPage)
public:
    using Overview = core::ArticleStore::EntityOverview;

    /// The page's HTML, with the timeline as the image at `timeline`; every name is escaped.
    static QString html(const Overview& overview, const QPalette& palette = {},
                        const QUrl& timeline = timelineUrl(0));
    /// A name for the timeline image (one per page shown: a document keeps what it loaded).
    static QUrl timelineUrl(int page);
    static bool isTimelineUrl(const QUrl& url);
    /// Stories per month from the first month to the last, gaps shown as empty months (per
    /// year once the span is over ten years), `width` pixels wide, in the palette's colours.
    static QImage timeline(const Overview& overview, const QPalette& palette, const QFont& font,
                           int width);
    /// "Person", "Organisation", "Place" (the kind as stored: person, organization, place).
    static QString kindName(const QString& kind);
};

} // namespace broadsheet::ui
