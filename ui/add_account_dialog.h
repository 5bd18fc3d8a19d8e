// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QUrl>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace broadsheet::ui {

class SyncController;

/// File → Add Account…: a feed server to sync with: its kind (the Google Reader API of
/// FreshRSS, Miniflux, Inoreader…; or Tiny Tiny RSS), its API's address, a user and a
/// password. Test logs in on a worker thread and says how it went; Add logs in the same way
/// and is accepted only when the server took the password.
class AddAccountDialog final : public QDialog {
    Q_OBJECT
public:
    AddAccountDialog(SyncController& sync, QWidget* parent = nullptr);

    QString kind() const; ///< "greader" or "ttrss"
    QUrl url() const;
    QString user() const;
    QString password() const;

    QComboBox* kindField() const { return m_kind; }
    QLineEdit* urlField() const { return m_url; }
    QLineEdit* userField() const { return m_user; }
    QLineEdit* passwordField() const { return m_password; }
    QPushButton* testButton() const { return m_test; }
    QPushButton* addButton() const;
    QLabel* statusLabel() const { return m_status; }

Q_SIGNALS:
    /// A login asked by Test or Add answered (the status says how).
    void checked(bool worked);

private:
    void check(bool thenAccept);
    void updateButtons();

    SyncController& m_sync;
    QComboBox* m_kind = nullptr;
    QLineEdit* m_url = nullptr;
    QLineEdit* m_user = nullptr;
    QLineEdit* m_password = nullptr;
    QPushButton* m_test = nullptr;
    QLabel* m_status = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    bool m_checking = false;
    bool m_acceptWhenChecked = false;
};

} // namespace broadsheet::ui
