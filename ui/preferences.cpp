// SPDX-License-Identifier: GPL-3.0-or-later
#include "preferences.h"

#include <QFontDatabase>
#include <QSettings>

#include <algorithm>

namespace broadsheet::ui {

namespace {

template <typename Enum>
Enum enumValue(const QSettings& settings, const QString& key, Enum fallback, Enum last)
{
    const int value = settings.value(key, static_cast<int>(fallback)).toInt();
    return value < 0 || value > static_cast<int>(last) ? fallback : static_cast<Enum>(value);
}

const QString kShortcuts = QStringLiteral("shortcuts");

} // namespace

Preferences Preferences::load()
{
    const QSettings settings;
    Preferences p;
    p.typeface =
        enumValue(settings, QStringLiteral("reader/typeface"), p.typeface, Typeface::Chosen);
    p.family = settings.value(QStringLiteral("reader/family")).toString();
    p.pointSize = std::clamp(settings.value(QStringLiteral("reader/pointSize"), 0).toInt(), 0, 72);
    p.theme = enumValue(settings, QStringLiteral("appearance/theme"), p.theme, Theme::Dark);
    p.density =
        enumValue(settings, QStringLiteral("appearance/density"), p.density, Density::Roomy);
    p.sort = enumValue(settings, QStringLiteral("list/sort"), p.sort, Sort::Oldest);
    p.snippets = settings.value(QStringLiteral("list/snippets"), false).toBool();
    // The key the View menu's Always Load Images has kept since before the dialog.
    p.loadImages = settings.value(QStringLiteral("reader/alwaysLoadImages"), false).toBool();
    p.refreshAutomatically =
        settings.value(QStringLiteral("feeds/refreshAutomatically"), true).toBool();
    p.newFeedInterval =
        std::clamp(settings.value(QStringLiteral("feeds/newFeedInterval"), 0).toInt(), 0, 10080);
    p.notifications = settings.value(QStringLiteral("feeds/notifications"), true).toBool();
    QSettings keys;
    keys.beginGroup(kShortcuts);
    for (const QString& id : keys.childKeys()) {
        QList<QKeySequence> sequences;
        for (const QString& text : keys.value(id).toStringList()) {
            const QKeySequence key = QKeySequence::fromString(text, QKeySequence::PortableText);
            if (!key.isEmpty())
                sequences.append(key);
        }
        p.shortcuts.insert(id, sequences);
    }
    return p;
}

void Preferences::save() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("reader/typeface"), static_cast<int>(typeface));
    settings.setValue(QStringLiteral("reader/family"), family);
    settings.setValue(QStringLiteral("reader/pointSize"), pointSize);
    settings.setValue(QStringLiteral("appearance/theme"), static_cast<int>(theme));
    settings.setValue(QStringLiteral("appearance/density"), static_cast<int>(density));
    settings.setValue(QStringLiteral("list/sort"), static_cast<int>(sort));
    settings.setValue(QStringLiteral("list/snippets"), snippets);
    settings.setValue(QStringLiteral("reader/alwaysLoadImages"), loadImages);
    settings.setValue(QStringLiteral("feeds/refreshAutomatically"), refreshAutomatically);
    settings.setValue(QStringLiteral("feeds/newFeedInterval"), newFeedInterval);
    settings.setValue(QStringLiteral("feeds/notifications"), notifications);
    settings.remove(kShortcuts);
    settings.beginGroup(kShortcuts);
    for (auto it = shortcuts.cbegin(); it != shortcuts.cend(); ++it) {
        QStringList texts;
        for (const QKeySequence& key : it.value())
            texts.append(key.toString(QKeySequence::PortableText));
        settings.setValue(it.key(), texts);
    }
    settings.endGroup();
}

QFont Preferences::readerFont(const QFont& desktop) const
{
    QFont font = desktop;
    if (typeface == Typeface::Serif) {
        // fontconfig answers "serif" with the desktop's serif face (DejaVu Serif, Noto Serif…).
        font.setFamilies({QStringLiteral("serif")});
        font.setStyleHint(QFont::Serif);
    } else if (typeface == Typeface::Chosen && !family.isEmpty()) {
        font.setFamilies({family});
    }
    if (pointSize > 0)
        font.setPointSize(pointSize);
    return font;
}

int Preferences::rowHeight(int lineHeight) const
{
    const int padding = density == Density::Compact ? 2 : density == Density::Roomy ? 14 : 8;
    return (snippets ? 2 * lineHeight + 2 : lineHeight) + padding;
}

QPalette Preferences::palette(Theme theme, const QPalette& system)
{
    if (theme == Theme::System)
        return system;
    if (theme == Theme::Light) {
        QPalette light(QColor(0xef, 0xef, 0xef), QColor(0xfa, 0xfa, 0xfa));
        light.setColor(QPalette::Base, Qt::white);
        light.setColor(QPalette::AlternateBase, QColor(0xf5, 0xf5, 0xf5));
        light.setColor(QPalette::Text, QColor(0x1e, 0x1e, 0x1e));
        light.setColor(QPalette::WindowText, QColor(0x1e, 0x1e, 0x1e));
        light.setColor(QPalette::ButtonText, QColor(0x1e, 0x1e, 0x1e));
        light.setColor(QPalette::PlaceholderText, QColor(0x6e, 0x6e, 0x6e));
        light.setColor(QPalette::Highlight, QColor(0x30, 0x8c, 0xc6));
        light.setColor(QPalette::HighlightedText, Qt::white);
        light.setColor(QPalette::Link, QColor(0x1d, 0x63, 0xb0));
        light.setColor(QPalette::ToolTipBase, QColor(0xff, 0xff, 0xdc));
        light.setColor(QPalette::ToolTipText, Qt::black);
        return light;
    }
    // Dark: grey surfaces rather than black, text a little off white, a blue that reads on both.
    QPalette dark;
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1f, 0x21, 0x24);
    const QColor text(0xe6, 0xe6, 0xe6);
    dark.setColor(QPalette::Window, window);
    dark.setColor(QPalette::WindowText, text);
    dark.setColor(QPalette::Base, base);
    dark.setColor(QPalette::AlternateBase, QColor(0x27, 0x29, 0x2c));
    dark.setColor(QPalette::Text, text);
    dark.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3b));
    dark.setColor(QPalette::ButtonText, text);
    dark.setColor(QPalette::BrightText, Qt::white);
    dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9d, 0xa1));
    dark.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xc6));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::Link, QColor(0x7c, 0xb4, 0xf0));
    dark.setColor(QPalette::LinkVisited, QColor(0xb4, 0x9c, 0xf0));
    dark.setColor(QPalette::ToolTipBase, QColor(0x35, 0x37, 0x3b));
    dark.setColor(QPalette::ToolTipText, text);
    dark.setColor(QPalette::Light, QColor(0x4a, 0x4d, 0x52));
    dark.setColor(QPalette::Midlight, QColor(0x3e, 0x41, 0x45));
    dark.setColor(QPalette::Mid, QColor(0x33, 0x35, 0x39));
    dark.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    dark.setColor(QPalette::Shadow, Qt::black);
    for (const QPalette::ColorRole role :
         {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
        dark.setColor(QPalette::Disabled, role, QColor(0x7a, 0x7d, 0x81));
    }
    return dark;
}

} // namespace broadsheet::ui
