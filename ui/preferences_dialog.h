// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "article/library_values.h"
#include "preferences.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QFontComboBox;
class QKeySequenceEdit;
class QLabel;
class QSpinBox;
class QTreeWidget;

namespace broadsheet::ui {

/// Edit → Preferences (Ctrl+,): reading, appearance, feeds and keyboard shortcuts. Every
/// change applies at once (changed(), retentionChanged()); there is nothing to confirm.
class PreferencesDialog final : public QDialog {
    Q_OBJECT
public:
    /// One of the window's commands, for the Shortcuts page.
    struct Command {
        QString id;   ///< stable: the key Preferences::shortcuts uses
        QString text; ///< as the menu shows it
        QList<QKeySequence> defaults;
    };

    PreferencesDialog(const Preferences& preferences, QList<Command> commands,
                      const std::optional<core::Retention>& retention, QWidget* parent = nullptr);

    const Preferences& preferences() const { return m_preferences; }
    /// The keys a command has now (its own or its defaults).
    QList<QKeySequence> keysOf(const QString& id) const;
    /// Gives a command this key (empty: none). Refused, with the reason shown in the
    /// dialog and returned, when another command has it.
    QString assignKey(const QString& id, const QKeySequence& key);
    void resetKeys(const QString& id);
    void resetAllKeys();

Q_SIGNALS:
    void changed(const broadsheet::ui::Preferences& preferences);
    /// The library's default retention for feeds that have none of their own.
    void retentionChanged(const broadsheet::core::Retention& retention);

private:
    QWidget* readingPage();
    QWidget* feedsPage(const std::optional<core::Retention>& retention);
    QWidget* shortcutsPage();
    void update(const std::function<void(Preferences&)>& change);
    /// A check box for one of the on/off preferences, named `name` (tests find it so).
    QCheckBox* checkBox(const QString& text, const QString& name, bool Preferences::*field);
    void fillShortcuts();
    void emitRetention();
    QString currentCommand() const;

    Preferences m_preferences;
    QList<Command> m_commands;
    QComboBox* m_typeface = nullptr;
    QFontComboBox* m_family = nullptr;
    QSpinBox* m_size = nullptr;
    QComboBox* m_keep = nullptr;
    QSpinBox* m_keepValue = nullptr;
    QTreeWidget* m_keys = nullptr;
    QKeySequenceEdit* m_keyEdit = nullptr;
    QLabel* m_keyMessage = nullptr;
};

} // namespace broadsheet::ui
