// SPDX-License-Identifier: GPL-3.0-or-later
#include "story_list_delegate.h"

#include "article_list_model.h"

#include <QApplication>
#include <QPainter>

#include <algorithm>

namespace broadsheet::ui {

void StoryTitleDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                               const QModelIndex& index) const
{
    const QString snippet = index.data(ArticleListModel::SnippetRole).toString();
    QString versions = index.data(ArticleListModel::VersionsRole).toString();
    const int line = option.fontMetrics.height();
    const bool twoLines = !snippet.isEmpty() && option.rect.height() >= 2 * line + 2;
    if (!twoLines && versions.isEmpty()) {
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
    const int gap = twoLines ? (text.height() - 2 * line) / 3 : (text.height() - line) / 2;
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group =
        option.state & QStyle::State_Active ? QPalette::Active : QPalette::Inactive;
    painter->save();
    painter->setFont(item.font);
    painter->setPen(
        item.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
    const QRect titleLine(text.left() + 2, text.top() + gap, text.width() - 4, line);
    // The title, and after it, quieter, the versions the row stands for: the title gives
    // them room up to two fifths of the line.
    const QFontMetrics titleMetrics(item.font);
    const QFont quiet = option.font; // never bold
    const QFontMetrics quietMetrics(quiet);
    const int spacing = 2 * quietMetrics.horizontalAdvance(u' ');
    // Where the line has no room to name them, the count alone: "+2".
    if (!versions.isEmpty() &&
        quietMetrics.horizontalAdvance(versions) + spacing > titleLine.width() * 2 / 5)
        versions =
            QStringLiteral("+%1").arg(index.data(ArticleListModel::VersionCountRole).toInt());
    const int versionsRoom = versions.isEmpty()
                                 ? 0
                                 : std::min(quietMetrics.horizontalAdvance(versions) + spacing + 2,
                                            titleLine.width() * 2 / 5);
    const int titleWidth =
        std::min(titleMetrics.horizontalAdvance(title), titleLine.width() - versionsRoom);
    painter->drawText(QRect(titleLine.left(), titleLine.top(), titleWidth, line),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      titleMetrics.elidedText(title, Qt::ElideRight, titleWidth));
    painter->setFont(quiet);
    painter->setPen(item.palette.color(group, selected ? QPalette::HighlightedText
                                                       : QPalette::PlaceholderText));
    if (!versions.isEmpty()) {
        const QRect versionsLine(titleLine.left() + titleWidth + spacing, titleLine.top(),
                                 titleLine.right() - titleLine.left() - titleWidth - spacing, line);
        painter->drawText(versionsLine, Qt::AlignLeft | Qt::AlignVCenter,
                          quietMetrics.elidedText(versions, Qt::ElideRight, versionsLine.width()));
    }
    if (twoLines) {
        const QRect snippetLine(titleLine.left(), titleLine.bottom() + 1 + gap, titleLine.width(),
                                line);
        painter->drawText(snippetLine, Qt::AlignLeft | Qt::AlignVCenter,
                          quietMetrics.elidedText(snippet, Qt::ElideRight, snippetLine.width()));
    }
    painter->restore();
}

} // namespace broadsheet::ui
