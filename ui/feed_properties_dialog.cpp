// SPDX-License-Identifier: GPL-3.0-or-later
#include "feed_properties_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSpinBox>
#include <QVBoxLayout>

namespace broadsheet::ui {

namespace {
// The keep choices, in the combo's order.
constexpr core::Retention::Mode kModes[] = {core::Retention::Mode::Default,
                                            core::Retention::Mode::All, core::Retention::Mode::Days,
                                            core::Retention::Mode::Newest};

QString when(const QDateTime& at)
{
    return at.isValid() ? QLocale().toString(at.toLocalTime(), QLocale::ShortFormat)
                        : QObject::tr("never");
}
} // namespace

FeedPropertiesDialog::FeedPropertiesDialog(const core::SubscriptionState& state,
                                           const QStringList& folders, QWidget* parent)
    : QDialog(parent)
    , m_state(state)
{
    setWindowTitle(tr("Properties of %1").arg(state.title.isEmpty() ? state.url : state.title));
    m_name = new QLineEdit(state.title);
    m_name->setAccessibleName(tr("Name"));
    auto* address = new QLabel(state.url);
    address->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_folder = new QComboBox;
    m_folder->setEditable(true);
    m_folder->addItem(QString());
    m_folder->addItems(folders);
    m_folder->setCurrentText(state.folders.join(u'/'));
    m_folder->setAccessibleName(tr("Folder"));
    m_interval = new QSpinBox;
    m_interval->setRange(0, 7 * 24 * 60);
    m_interval->setSingleStep(15);
    m_interval->setSuffix(tr(" min"));
    m_interval->setSpecialValueText(tr("As the feed asks (else hourly)"));
    m_interval->setValue(state.intervalMinutes);
    m_keep = new QComboBox;
    m_keep->addItems({tr("The library's default"), tr("Everything"), tr("Stories newer than"),
                      tr("The newest")});
    m_keep->setAccessibleName(tr("Keep"));
    m_keepValue = new QSpinBox;
    m_keepValue->setRange(1, 1000000);
    m_keepValue->setValue(state.retention.value > 0 ? state.retention.value : 30);
    for (int i = 0; i < 4; ++i) {
        if (kModes[i] == state.retention.mode)
            m_keep->setCurrentIndex(i);
    }
    auto updateKeep = [this] {
        const auto mode = kModes[m_keep->currentIndex()];
        m_keepValue->setVisible(mode == core::Retention::Mode::Days ||
                                mode == core::Retention::Mode::Newest);
        m_keepValue->setSuffix(mode == core::Retention::Mode::Days ? tr(" days") : tr(" stories"));
    };
    connect(m_keep, &QComboBox::currentIndexChanged, this, updateKeep);
    updateKeep();
    auto* keepRow = new QHBoxLayout;
    keepRow->addWidget(m_keep, 1);
    keepRow->addWidget(m_keepValue);
    auto* keepNote = new QLabel(tr("Starred stories and stories you tagged are always kept."));
    keepNote->setWordWrap(true);
    m_images = new QCheckBox(tr("Load &images without asking"));
    m_images->setChecked(state.loadImages);
    m_notify = new QCheckBox(tr("&Notify me of new stories"));
    m_notify->setChecked(state.notify);
    m_user = new QLineEdit(state.user);
    m_user->setAccessibleName(tr("User name"));
    m_password = new QLineEdit(state.password);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(tr("Password"));

    auto* where = new QLabel(
        tr("Last refreshed: %1\nNext refresh: %2\nStories: %3 (%4 unread)")
            .arg(when(state.lastSuccess), state.nextRefresh.isValid()
                                              ? when(state.nextRefresh)
                                              : tr("none (the feed is gone)"))
            .arg(state.stories)
            .arg(state.unread) +
        (state.lastError.isEmpty() ? QString() : tr("\nLast error: %1").arg(state.lastError)));
    where->setWordWrap(true);
    where->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("Address:"), address);
    form->addRow(tr("F&older:"), m_folder);
    form->addRow(tr("&Refresh every:"), m_interval);
    form->addRow(tr("&Keep:"), keepRow);
    form->addRow(QString(), keepNote);
    form->addRow(QString(), m_images);
    form->addRow(QString(), m_notify);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("&Password:"), m_password);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(where);
    layout->addWidget(buttons);
}

core::SubscriptionState FeedPropertiesDialog::state() const
{
    core::SubscriptionState s = m_state;
    s.title = m_name->text().simplified();
    s.folders.clear();
    for (const QString& name : m_folder->currentText().split(u'/', Qt::SkipEmptyParts)) {
        if (!name.simplified().isEmpty())
            s.folders.append(name.simplified());
    }
    s.intervalMinutes = m_interval->value();
    const auto mode = kModes[m_keep->currentIndex()];
    s.retention = core::Retention{
        mode, (mode == core::Retention::Mode::Days || mode == core::Retention::Mode::Newest)
                  ? m_keepValue->value()
                  : 0};
    s.loadImages = m_images->isChecked();
    s.notify = m_notify->isChecked();
    s.user = m_user->text().trimmed();
    s.password = m_password->text();
    return s;
}

} // namespace broadsheet::ui
