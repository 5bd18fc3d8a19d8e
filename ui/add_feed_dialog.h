// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "article/library_values.h"
#include "feeds/feed_fetcher.h"

#include <QDialog>

#include <memory>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace broadsheet::ui {

/// File → Add Feed… (Ctrl+Shift+N): a feed's or a site's address; the site's feeds found
/// from its page (several: the user picks one); a preview of the feed's title and newest
/// stories; a folder and a name. Fetches on the GUI thread's event loop (never blocking it)
/// and parses on a worker. Accepted, `subscription()` and `answer()` say what to store.
class AddFeedDialog final : public QDialog {
    Q_OBJECT
public:
    AddFeedDialog(const QStringList& folders, QWidget* parent = nullptr);
    ~AddFeedDialog() override;

    /// Where a subscription can be kept besides this library: a sync account.
    struct Place {
        qint64 account = 0; ///< 0: this library, refreshed here
        QString name;
        QStringList folders; ///< the place's folders, offered in the folder box
    };
    /// Offers "Keep in:" this library or one of `accounts` (none: the choice is not shown),
    /// `chosen` first (an account's id, 0 for here) with `folder` in the folder box.
    void setPlaces(const QList<Place>& accounts, qint64 chosen, const QString& folder);
    /// The account chosen to keep the subscription (its server fetches it), 0 for here.
    qint64 account() const;
    QComboBox* placeBox() const { return m_place; }

    /// What to subscribe to: the feed's address, the name, the folder.
    core::Subscription subscription() const;
    /// The feed as fetched for the preview: stored at once, no second fetch.
    const core::FetchResult& answer() const { return m_answer; }

    QLineEdit* addressField() const { return m_url; }
    QListWidget* foundFeeds() const { return m_found; }
    QListWidget* preview() const { return m_preview; }
    QLabel* statusLabel() const { return m_status; }
    QPushButton* subscribeButton() const;
    /// Fetches what the address field holds (the Find button, Enter).
    void find();

Q_SIGNALS:
    /// A fetch and its parse are over: the preview, the choice or the error is shown.
    void looked();

private:
    void fetch(const QUrl& url, bool discovered);
    void onFetched(const core::FetchResult& result, bool discovered);
    void nameFor(qint64 account); ///< the name is the server's when an account keeps the feed

    QLineEdit* m_url = nullptr;
    QListWidget* m_found = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_feedTitle = nullptr;
    QListWidget* m_preview = nullptr;
    QLineEdit* m_name = nullptr;
    QComboBox* m_folder = nullptr;
    QComboBox* m_place = nullptr;
    QLabel* m_placeLabel = nullptr;
    QList<Place> m_places; ///< [0]: this library
    QDialogButtonBox* m_buttons = nullptr;
    std::unique_ptr<core::FeedFetcher> m_fetcher;
    core::FetchResult m_answer;
    QString m_feedUrl;
    QString m_siteUrl;
    int m_generation = 0; ///< a newer find makes an older answer moot
};

} // namespace broadsheet::ui
