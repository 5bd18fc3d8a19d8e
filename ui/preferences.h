// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFont>
#include <QKeySequence>
#include <QList>
#include <QMap>
#include <QPalette>
#include <QString>

namespace broadsheet::ui {

/// What the user chose in Edit → Preferences, kept per user (QSettings). Every field has
/// the default a new user gets; load() and save() go through QSettings().
struct Preferences {
    enum class Typeface { Desktop, Serif, Chosen };
    enum class Theme { System, Light, Dark };
    enum class Density { Compact, Comfortable, Roomy };
    /// The order the story list opens with (a header click changes it for the moment).
    enum class Sort { Relevance, Newest, Oldest };

    Typeface typeface = Typeface::Desktop;
    QString family;    ///< Typeface::Chosen's family
    int pointSize = 0; ///< the reader's text size; 0: the desktop's
    Theme theme = Theme::System;
    Density density = Density::Comfortable;
    Sort sort = Sort::Relevance;
    bool snippets = false;   ///< a line of each story under its title in the list
    bool loadImages = false; ///< every story's images load as it shows
    bool refreshAutomatically = true;
    int newFeedInterval = 0;   ///< minutes a new subscription waits; 0: the feed's hints or an hour
    bool notifications = true; ///< desktop notifications, for the feeds that ask for them
    /// Keyboard shortcuts the user changed, by action id; an empty list: no key at all.
    QMap<QString, QList<QKeySequence>> shortcuts;

    static Preferences load();
    void save() const;

    /// The reader's font: the desktop's, a serif face, or the chosen family, at pointSize.
    QFont readerFont(const QFont& desktop) const;
    /// A story row's height in the list, for this density (two lines with snippets).
    int rowHeight(int lineHeight) const;
    /// The application palette the theme asks for; `system` is the desktop's own.
    static QPalette palette(Theme theme, const QPalette& system);

    friend bool operator==(const Preferences&, const Preferences&) = default;
};

} // namespace broadsheet::ui
