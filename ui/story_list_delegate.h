// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace broadsheet::ui {

/// The story list's title cell: the title, and under it (when the list shows snippets and
/// the row has room) the first line of the story in the palette's quieter text colour; after
/// the title, in that colour too, the other versions a grouped row stands for.
class StoryTitleDelegate final : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
};

} // namespace broadsheet::ui
