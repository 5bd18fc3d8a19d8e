// SPDX-License-Identifier: GPL-3.0-or-later
#include "job_indicator.h"

#include <QProgressBar>
#include <QStatusBar>
#include <QToolButton>

#include <algorithm>
#include <climits>

namespace broadsheet::ui {

JobIndicator::JobIndicator(QStatusBar* statusBar, const QString& name, const QString& button,
                           const QString& buttonTip, int width)
    : m_bar(new QProgressBar)
    , m_button(new QToolButton)
{
    m_bar->setMaximumWidth(width);
    m_bar->setAccessibleName(name);
    m_bar->hide();
    m_button->setText(button);
    m_button->setToolTip(buttonTip);
    m_button->hide();
    statusBar->addPermanentWidget(m_bar); // the status bar owns both
    statusBar->addPermanentWidget(m_button);
}

void JobIndicator::started()
{
    m_bar->setRange(0, 0);
    m_bar->resetFormat();
    m_bar->show();
    m_button->show();
}

void JobIndicator::progress(qint64 done, qint64 total, const QString& text)
{
    m_bar->setRange(0, static_cast<int>(std::clamp<qint64>(total, 1, INT_MAX)));
    m_bar->setValue(static_cast<int>(std::clamp<qint64>(done, 0, INT_MAX)));
    if (!text.isEmpty()) {
        m_bar->setFormat(text);
        m_bar->setToolTip(text);
    }
    m_bar->show();
    m_button->show();
}

void JobIndicator::ended()
{
    m_bar->hide();
    m_button->hide();
}

bool JobIndicator::isShown() const
{
    return m_bar->isVisible();
}

} // namespace broadsheet::ui
