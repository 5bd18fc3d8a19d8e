// SPDX-License-Identifier: GPL-3.0-or-later
#include "story_list_delegate.h"

#include "article_list_model.h"

#include <QApplication>
#include <QPainter>

namespace broadsheet::ui {

void StoryTitleDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                               const QModelIndex& index) const
{
    const QString snippet = index.data(ArticleListModel::SnippetRole).toString();
    const int line = option.fontMetrics.height();
    if (snippet.isEmpty() || option.rect.height() < 2 * line + 2) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem item = option;
    initStyleOption(&item, index);
    const QString title = item.text;
    item.text.clear(); // the style draws the background and selection; the text is ours
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &item, painter, widget);

    const QRect text = style->subElementRect(QStyle::SE_ItemViewItemText, &item, widget);
    const int gap = (text.height() - 2 * line) / 3;
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group =
        option.state & QStyle::State_Active ? QPalette::Active : QPalette::Inactive;
    painter->save();
    painter->setFont(item.font);
    painter->setPen(
        item.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
    const QRect titleLine(text.left() + 2, text.top() + gap, text.width() - 4, line);
    painter->drawText(titleLine, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(item.font).elidedText(title, Qt::ElideRight, titleLine.width()));
    QFont quiet = option.font; // the snippet is never bold
    painter->setFont(quiet);
    QColor colour =
        item.palette.color(group, selected ? QPalette::HighlightedText : QPalette::PlaceholderText);
    painter->setPen(colour);
    const QRect snippetLine(titleLine.left(), titleLine.bottom() + 1 + gap, titleLine.width(),
                            line);
    painter->drawText(snippetLine, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(quiet).elidedText(snippet, Qt::ElideRight, snippetLine.width()));
    painter->restore();
}

} // namespace broadsheet::ui
