// SPDX-License-Identifier: GPL-3.0-or-later
#include "preferences_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequenceEdit>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace broadsheet::ui {

namespace {

QString keysText(const QList<QKeySequence>& keys)
{
    QStringList texts;
    for (const QKeySequence& key : keys)
        texts.append(key.toString(QKeySequence::NativeText));
    return texts.join(QStringLiteral(", "));
}

QComboBox* choices(const QStringList& items, int current, const QString& name)
{
    auto* box = new QComboBox;
    box->addItems(items);
    box->setCurrentIndex(current);
    box->setObjectName(name);
    return box;
}

} // namespace

PreferencesDialog::PreferencesDialog(const Preferences& preferences, QList<Command> commands,
                                     const std::optional<core::Retention>& retention,
                                     QWidget* parent)
    : QDialog(parent)
    , m_preferences(preferences)
    , m_commands(std::move(commands))
{
    setWindowTitle(tr("Preferences"));
    auto* tabs = new QTabWidget;
    tabs->addTab(readingPage(), tr("&Reading"));
    tabs->addTab(feedsPage(retention), tr("&Feeds"));
    tabs->addTab(shortcutsPage(), tr("&Shortcuts"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(
        new QLabel(tr("<small>Changes apply at once and are kept for next time.</small>")));
    layout->addWidget(buttons);
    resize(560, 520);
}

void PreferencesDialog::update(const std::function<void(Preferences&)>& change)
{
    Preferences next = m_preferences;
    change(next);
    if (next == m_preferences)
        return;
    m_preferences = next;
    m_preferences.save();
    Q_EMIT changed(m_preferences);
}

QCheckBox* PreferencesDialog::checkBox(const QString& text, const QString& name,
                                       bool Preferences::*field)
{
    auto* box = new QCheckBox(text);
    box->setObjectName(name);
    box->setChecked(m_preferences.*field);
    connect(box, &QCheckBox::toggled, this,
            [this, field](bool on) { update([on, field](Preferences& p) { p.*field = on; }); });
    return box;
}

QWidget* PreferencesDialog::readingPage()
{
    auto* page = new QWidget;
    auto* form = new QFormLayout(page);

    m_typeface = choices({tr("The desktop's"), tr("Serif"), tr("Another font:")},
                         static_cast<int>(m_preferences.typeface), QStringLiteral("typeface"));
    m_family = new QFontComboBox;
    m_family->setObjectName(QStringLiteral("family"));
    if (!m_preferences.family.isEmpty())
        m_family->setCurrentFont(QFont(m_preferences.family));
    m_family->setEnabled(m_preferences.typeface == Preferences::Typeface::Chosen);
    auto* fontRow = new QHBoxLayout;
    fontRow->addWidget(m_typeface);
    fontRow->addWidget(m_family, 1);
    form->addRow(tr("Reader font:"), fontRow);
    connect(m_typeface, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_family->setEnabled(index == static_cast<int>(Preferences::Typeface::Chosen));
        update([this, index](Preferences& p) {
            p.typeface = static_cast<Preferences::Typeface>(index);
            p.family = p.typeface == Preferences::Typeface::Chosen
                           ? m_family->currentFont().family()
                           : QString();
        });
    });
    connect(m_family, &QFontComboBox::currentFontChanged, this, [this](const QFont& font) {
        if (m_preferences.typeface == Preferences::Typeface::Chosen)
            update([&font](Preferences& p) { p.family = font.family(); });
    });

    m_size = new QSpinBox;
    m_size->setObjectName(QStringLiteral("pointSize"));
    m_size->setRange(5, 40);
    m_size->setMinimum(4); // 4 stands for "the desktop's"
    m_size->setSpecialValueText(tr("The desktop's"));
    m_size->setSuffix(tr(" pt"));
    m_size->setValue(m_preferences.pointSize > 0 ? m_preferences.pointSize : 4);
    connect(m_size, &QSpinBox::valueChanged, this, [this](int value) {
        update([value](Preferences& p) { p.pointSize = value <= 4 ? 0 : value; });
    });
    form->addRow(tr("Text size:"), m_size);

    form->addRow(QString(),
                 checkBox(tr("Load images in stories (from the sites that publish them)"),
                          QStringLiteral("loadImages"), &Preferences::loadImages));

    auto* theme = choices({tr("Follow the system"), tr("Light"), tr("Dark")},
                          static_cast<int>(m_preferences.theme), QStringLiteral("theme"));
    connect(theme, &QComboBox::currentIndexChanged, this, [this](int index) {
        update([index](Preferences& p) { p.theme = static_cast<Preferences::Theme>(index); });
    });
    form->addRow(tr("Colours:"), theme);

    auto* density = choices({tr("Compact"), tr("Comfortable"), tr("Roomy")},
                            static_cast<int>(m_preferences.density), QStringLiteral("density"));
    connect(density, &QComboBox::currentIndexChanged, this, [this](int index) {
        update([index](Preferences& p) { p.density = static_cast<Preferences::Density>(index); });
    });
    form->addRow(tr("Story list:"), density);

    form->addRow(QString(), checkBox(tr("Show a line of each story under its title"),
                                     QStringLiteral("snippets"), &Preferences::snippets));

    auto* sort = choices({tr("Best match first (newest first without words)"), tr("Newest first"),
                          tr("Oldest first")},
                         static_cast<int>(m_preferences.sort), QStringLiteral("sort"));
    connect(sort, &QComboBox::currentIndexChanged, this, [this](int index) {
        update([index](Preferences& p) { p.sort = static_cast<Preferences::Sort>(index); });
    });
    form->addRow(tr("Order:"), sort);
    return page;
}

QWidget* PreferencesDialog::feedsPage(const std::optional<core::Retention>& retention)
{
    auto* page = new QWidget;
    auto* form = new QFormLayout(page);

    form->addRow(QString(), checkBox(tr("Refresh feeds automatically, as each one is due"),
                                     QStringLiteral("refreshAutomatically"),
                                     &Preferences::refreshAutomatically));

    auto* interval = new QSpinBox;
    interval->setObjectName(QStringLiteral("newFeedInterval"));
    interval->setRange(0, 10080);
    interval->setSingleStep(15);
    interval->setSpecialValueText(tr("As the feed suggests (else hourly)"));
    interval->setSuffix(tr(" min"));
    interval->setValue(m_preferences.newFeedInterval);
    connect(interval, &QSpinBox::valueChanged, this,
            [this](int value) { update([value](Preferences& p) { p.newFeedInterval = value; }); });
    form->addRow(tr("New feeds refresh every:"), interval);

    m_keep = choices({tr("Keep every story"), tr("Keep stories for"), tr("Keep the newest")}, 0,
                     QStringLiteral("retention"));
    m_keepValue = new QSpinBox;
    m_keepValue->setObjectName(QStringLiteral("retentionValue"));
    m_keepValue->setRange(1, 1000000);
    m_keepValue->setValue(30);
    if (retention) {
        if (retention->mode == core::Retention::Mode::Days)
            m_keep->setCurrentIndex(1);
        else if (retention->mode == core::Retention::Mode::Newest)
            m_keep->setCurrentIndex(2);
        if (retention->value > 0)
            m_keepValue->setValue(retention->value);
    } else {
        m_keep->setEnabled(false); // a read-only library
        m_keep->setToolTip(tr("This library cannot be changed"));
    }
    auto showValue = [this] {
        m_keepValue->setVisible(m_keep->currentIndex() > 0);
        m_keepValue->setSuffix(m_keep->currentIndex() == 1 ? tr(" days") : tr(" stories"));
    };
    showValue();
    connect(m_keep, &QComboBox::currentIndexChanged, this, [this, showValue] {
        showValue();
        emitRetention();
    });
    connect(m_keepValue, &QSpinBox::editingFinished, this, &PreferencesDialog::emitRetention);
    auto* keepRow = new QHBoxLayout;
    keepRow->addWidget(m_keep);
    keepRow->addWidget(m_keepValue, 1);
    form->addRow(tr("Feeds without their own setting:"), keepRow);
    form->addRow(QString(), new QLabel(tr("<small>Starred stories and stories you tagged are "
                                          "always kept.</small>")));

    form->addRow(QString(), checkBox(tr("Desktop notifications for the feeds that ask for them"),
                                     QStringLiteral("notifications"), &Preferences::notifications));
    return page;
}

void PreferencesDialog::emitRetention()
{
    if (!m_keep->isEnabled())
        return;
    core::Retention retention;
    switch (m_keep->currentIndex()) {
    case 1:
        retention = {core::Retention::Mode::Days, m_keepValue->value()};
        break;
    case 2:
        retention = {core::Retention::Mode::Newest, m_keepValue->value()};
        break;
    default:
        retention = {core::Retention::Mode::All, 0};
        break;
    }
    Q_EMIT retentionChanged(retention);
}

QWidget* PreferencesDialog::shortcutsPage()
{
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    m_keys = new QTreeWidget;
    m_keys->setObjectName(QStringLiteral("shortcuts"));
    m_keys->setColumnCount(2);
    m_keys->setHeaderLabels({tr("Command"), tr("Keys")});
    m_keys->setRootIsDecorated(false);
    m_keys->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    layout->addWidget(m_keys, 1);

    m_keyEdit = new QKeySequenceEdit;
    m_keyEdit->setObjectName(QStringLiteral("keyEdit"));
    auto* clear = new QPushButton(tr("&No Key"));
    auto* reset = new QPushButton(tr("&Default"));
    auto* resetAll = new QPushButton(tr("Reset &All"));
    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Press the new key:")));
    row->addWidget(m_keyEdit, 1);
    row->addWidget(clear);
    row->addWidget(reset);
    row->addWidget(resetAll);
    layout->addLayout(row);
    m_keyMessage = new QLabel;
    m_keyMessage->setObjectName(QStringLiteral("keyMessage"));
    m_keyMessage->setWordWrap(true);
    layout->addWidget(m_keyMessage);

    fillShortcuts();
    connect(m_keys, &QTreeWidget::currentItemChanged, this, [this] {
        const QList<QKeySequence> keys = keysOf(currentCommand());
        const QSignalBlocker blocker(m_keyEdit);
        m_keyEdit->setKeySequence(keys.value(0));
        m_keyMessage->clear();
    });
    connect(m_keyEdit, &QKeySequenceEdit::editingFinished, this, [this] {
        const QString id = currentCommand();
        if (id.isEmpty())
            return;
        // One chord: the first key pressed.
        const QKeySequence typed = m_keyEdit->keySequence();
        const QKeySequence key = typed.isEmpty() ? QKeySequence() : QKeySequence(typed[0]);
        if (!key.isEmpty() && keysOf(id).contains(key))
            return;
        if (!assignKey(id, key).isEmpty()) {
            const QSignalBlocker blocker(m_keyEdit);
            m_keyEdit->setKeySequence(keysOf(id).value(0));
        }
    });
    connect(clear, &QPushButton::clicked, this, [this] {
        if (const QString id = currentCommand(); !id.isEmpty())
            assignKey(id, QKeySequence());
    });
    connect(reset, &QPushButton::clicked, this, [this] {
        if (const QString id = currentCommand(); !id.isEmpty())
            resetKeys(id);
    });
    connect(resetAll, &QPushButton::clicked, this, &PreferencesDialog::resetAllKeys);
    return page;
}

void PreferencesDialog::fillShortcuts()
{
    const QString current = currentCommand();
    const QSignalBlocker blocker(m_keys);
    m_keys->clear();
    for (const Command& command : std::as_const(m_commands)) {
        auto* item = new QTreeWidgetItem(m_keys, {command.text, keysText(keysOf(command.id))});
        item->setData(0, Qt::UserRole, command.id);
        if (m_preferences.shortcuts.contains(command.id)) {
            QFont font = item->font(1);
            font.setBold(true); // changed from its default
            item->setFont(1, font);
        }
        if (command.id == current)
            m_keys->setCurrentItem(item);
    }
}

QString PreferencesDialog::currentCommand() const
{
    const QTreeWidgetItem* item = m_keys ? m_keys->currentItem() : nullptr;
    return item ? item->data(0, Qt::UserRole).toString() : QString();
}

QList<QKeySequence> PreferencesDialog::keysOf(const QString& id) const
{
    if (auto it = m_preferences.shortcuts.constFind(id); it != m_preferences.shortcuts.constEnd())
        return *it;
    for (const Command& command : m_commands) {
        if (command.id == id)
            return command.defaults;
    }
    return {};
}

QString PreferencesDialog::assignKey(const QString& id, const QKeySequence& key)
{
    if (!key.isEmpty()) {
        for (const Command& other : std::as_const(m_commands)) {
            if (other.id != id && keysOf(other.id).contains(key)) {
                const QString refused =
                    tr("%1 is already the key of \"%2\": give that command another key first.")
                        .arg(key.toString(QKeySequence::NativeText), other.text);
                m_keyMessage->setText(refused);
                return refused;
            }
        }
    }
    QList<QKeySequence> defaults;
    for (const Command& command : std::as_const(m_commands)) {
        if (command.id == id)
            defaults = command.defaults;
    }
    m_keyMessage->clear();
    update([&](Preferences& p) {
        if (key.isEmpty() ? defaults.isEmpty() : defaults == QList<QKeySequence>{key})
            p.shortcuts.remove(id);
        else
            p.shortcuts.insert(id, key.isEmpty() ? QList<QKeySequence>() : QList{key});
    });
    fillShortcuts();
    return {};
}

void PreferencesDialog::resetKeys(const QString& id)
{
    // The default may have been given to another command meanwhile: that one keeps it.
    for (const QKeySequence& key : [&] {
             for (const Command& command : std::as_const(m_commands)) {
                 if (command.id == id)
                     return command.defaults;
             }
             return QList<QKeySequence>();
         }()) {
        for (const Command& other : std::as_const(m_commands)) {
            if (other.id != id && keysOf(other.id).contains(key)) {
                m_keyMessage->setText(
                    tr("%1 is now the key of \"%2\": give that command another key first.")
                        .arg(key.toString(QKeySequence::NativeText), other.text));
                return;
            }
        }
    }
    m_keyMessage->clear();
    update([&id](Preferences& p) { p.shortcuts.remove(id); });
    fillShortcuts();
}

void PreferencesDialog::resetAllKeys()
{
    m_keyMessage->clear();
    update([](Preferences& p) { p.shortcuts.clear(); });
    fillShortcuts();
}

} // namespace broadsheet::ui
