// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "article/library_values.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace broadsheet::ui {

/// A subscription's Properties…: its name, folder, refresh interval, how long its stories
/// are kept, images, notifications and its login, with where it stands (last refresh, its
/// error, next refresh). The password is shown as dots and only ever written back.
class FeedPropertiesDialog final : public QDialog {
    Q_OBJECT
public:
    FeedPropertiesDialog(const core::SubscriptionState& state, const QStringList& folders,
                         QWidget* parent = nullptr);

    /// The subscription as the user left it.
    core::SubscriptionState state() const;

    QLineEdit* nameField() const { return m_name; }
    QComboBox* folderField() const { return m_folder; }
    QComboBox* keepField() const { return m_keep; }
    QSpinBox* keepValueField() const { return m_keepValue; }
    QLineEdit* passwordField() const { return m_password; }

private:
    core::SubscriptionState m_state;
    QLineEdit* m_name = nullptr;
    QComboBox* m_folder = nullptr;
    QSpinBox* m_interval = nullptr;
    QComboBox* m_keep = nullptr;
    QSpinBox* m_keepValue = nullptr;
    QCheckBox* m_images = nullptr;
    QCheckBox* m_notify = nullptr;
    QLineEdit* m_user = nullptr;
    QLineEdit* m_password = nullptr;
};

} // namespace broadsheet::ui
