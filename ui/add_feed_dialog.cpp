// SPDX-License-Identifier: GPL-3.0-or-later
#include "add_feed_dialog.h"

#include "parse/feed_articles.h"
#include "parse/feed_discovery.h"
#include "parse/feed_parser.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>

namespace broadsheet::ui {

namespace {
constexpr int kPreviewStories = 6;

/// What the worker made of an answer: a feed's name and newest titles, or the feeds a page
/// names, or why neither.
struct Look {
    bool isFeed = false;
    QString title;
    QString siteUrl;
    QStringList newest;
    QList<core::FeedLink> links;
    QString error;
};

Look lookAt(const core::FetchResult& result)
{
    Look look;
    auto feed = core::parseFeed(result.body, result.source());
    if (feed) {
        look.isFeed = true;
        look.title = core::feedName(*feed);
        look.siteUrl = feed->link;
        const core::FeedStories stories = core::storiesOf(*feed);
        for (const core::Article& a : stories.articles) {
            if (look.newest.size() >= kPreviewStories)
                break;
            look.newest.append(a.published.isKnown()
                                   ? QStringLiteral("%1  —  %2").arg(a.title, a.published.toIso())
                                   : a.title);
        }
        return look;
    }
    if (core::looksLikeWebPage(result.body)) {
        look.links = core::discoverFeeds(result.body, result.finalUrl);
        if (look.links.isEmpty())
            look.error = QObject::tr("%1 is a web page that names no feed.")
                             .arg(core::FeedFetcher::shown(result.finalUrl));
        return look;
    }
    look.error = QStringLiteral("%1: %2").arg(core::FeedFetcher::shown(result.finalUrl),
                                              feed.error().message);
    return look;
}
} // namespace

AddFeedDialog::AddFeedDialog(const QStringList& folders, QWidget* parent)
    : QDialog(parent)
    , m_fetcher(std::make_unique<core::FeedFetcher>())
{
    setWindowTitle(tr("Add Feed"));
    resize(560, 460);
    m_url = new QLineEdit;
    m_url->setPlaceholderText(tr("https://example.org/feed.xml, or a site's address"));
    m_url->setAccessibleName(tr("Feed or site address"));
    auto* findButton = new QPushButton(tr("&Find"));
    connect(findButton, &QPushButton::clicked, this, &AddFeedDialog::find);
    connect(m_url, &QLineEdit::returnPressed, this, &AddFeedDialog::find);
    auto* addressRow = new QHBoxLayout;
    addressRow->addWidget(m_url, 1);
    addressRow->addWidget(findButton);

    m_status = new QLabel;
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_found = new QListWidget;
    m_found->setAccessibleName(tr("Feeds the site offers"));
    m_found->hide();
    connect(m_found, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        fetch(QUrl(item->data(Qt::UserRole).toString()), true);
    });
    connect(m_found, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        if (item)
            fetch(QUrl(item->data(Qt::UserRole).toString()), true);
    });
    m_feedTitle = new QLabel;
    QFont bold = m_feedTitle->font();
    bold.setBold(true);
    m_feedTitle->setFont(bold);
    m_preview = new QListWidget;
    m_preview->setAccessibleName(tr("Newest stories"));
    m_preview->setSelectionMode(QAbstractItemView::NoSelection);
    m_preview->setFocusPolicy(Qt::NoFocus);

    m_name = new QLineEdit;
    m_name->setAccessibleName(tr("Name"));
    m_folder = new QComboBox;
    m_folder->setEditable(true);
    m_folder->setAccessibleName(tr("Folder"));
    m_folder->addItem(QString());
    m_folder->addItems(folders);
    m_folder->setToolTip(tr("A folder, or folders within folders as News/World; empty: at the "
                            "top"));
    m_place = new QComboBox;
    m_place->setAccessibleName(tr("Keep in"));
    m_place->setToolTip(tr("This library, whose feeds Broadsheet fetches, or a sync account, "
                           "whose server fetches the feed and sends its stories here"));
    m_places.append(Place{0, tr("This library"), folders});
    m_place->addItem(m_places.front().name, qint64(0));
    connect(m_place, &QComboBox::currentIndexChanged, this, [this](int at) {
        if (at < 0 || at >= m_places.size())
            return;
        const QString typed = m_folder->currentText();
        m_folder->clear();
        m_folder->addItem(QString());
        m_folder->addItems(m_places[at].folders);
        m_folder->setCurrentText(typed);
        nameFor(m_places[at].account);
    });
    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Keep in:"), m_place);
    form->addRow(tr("F&older:"), m_folder);
    m_placeLabel = qobject_cast<QLabel*>(form->labelForField(m_place));
    m_place->hide();
    if (m_placeLabel)
        m_placeLabel->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    subscribeButton()->setText(tr("&Subscribe"));
    subscribeButton()->setEnabled(false);
    subscribeButton()->setAutoDefault(false);
    findButton->setAutoDefault(false);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Address of a feed, or of a site that offers one:")));
    layout->addLayout(addressRow);
    layout->addWidget(m_status);
    layout->addWidget(m_found);
    layout->addWidget(m_feedTitle);
    layout->addWidget(m_preview, 1);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
}

AddFeedDialog::~AddFeedDialog() = default;

QPushButton* AddFeedDialog::subscribeButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void AddFeedDialog::setPlaces(const QList<Place>& accounts, qint64 chosen, const QString& folder)
{
    m_places.resize(1);
    m_places.append(accounts);
    const QSignalBlocker quiet(m_place);
    while (m_place->count() > 1)
        m_place->removeItem(1);
    for (const Place& place : accounts)
        m_place->addItem(place.name, place.account);
    m_place->setVisible(!accounts.isEmpty());
    if (m_placeLabel)
        m_placeLabel->setVisible(!accounts.isEmpty());
    const int at = std::max(0, m_place->findData(chosen));
    m_place->setCurrentIndex(at);
    m_folder->clear();
    m_folder->addItem(QString());
    m_folder->addItems(m_places[at].folders);
    m_folder->setCurrentText(folder);
    nameFor(chosen);
}

void AddFeedDialog::nameFor(qint64 account)
{
    // A server names what it subscribes to; the name can be changed after, in Properties.
    m_name->setEnabled(account == 0);
    m_name->setToolTip(account == 0 ? QString()
                                    : tr("The server names the feed it subscribes to; rename it "
                                         "afterwards in its Properties, where the server allows "
                                         "it"));
}

qint64 AddFeedDialog::account() const
{
    return m_place->currentData().toLongLong();
}

core::Subscription AddFeedDialog::subscription() const
{
    core::Subscription s;
    s.url = m_feedUrl;
    s.title = m_name->text().simplified();
    s.siteUrl = m_siteUrl;
    for (const QString& name : m_folder->currentText().split(u'/', Qt::SkipEmptyParts)) {
        if (!name.simplified().isEmpty())
            s.folders.append(name.simplified());
    }
    return s;
}

void AddFeedDialog::find()
{
    const QString text = m_url->text().trimmed();
    const QUrl url = QUrl::fromUserInput(text);
    m_found->clear();
    m_found->hide();
    if (text.isEmpty() || !url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https")) {
        m_status->setText(tr("“%1” is not a web address.").arg(text));
        Q_EMIT looked();
        return;
    }
    fetch(url, false);
}

void AddFeedDialog::fetch(const QUrl& url, bool discovered)
{
    const int generation = ++m_generation;
    m_fetcher->cancelAll();
    subscribeButton()->setEnabled(false);
    m_feedTitle->clear();
    m_preview->clear();
    m_status->setText(tr("Fetching %1…").arg(core::FeedFetcher::shown(url)));
    core::FetchRequest request;
    request.url = url;
    m_fetcher->fetch(request, [this, generation, discovered](const core::FetchResult& result) {
        if (generation == m_generation && !result.cancelled)
            onFetched(result, discovered);
    });
}

void AddFeedDialog::onFetched(const core::FetchResult& result, bool discovered)
{
    if (result.outcome != core::FetchResult::Outcome::Fetched) {
        m_status->setText(result.error);
        Q_EMIT looked();
        return;
    }
    const int generation = m_generation;
    auto* watcher = new QFutureWatcher<Look>(this);
    connect(watcher, &QFutureWatcher<Look>::finished, this,
            [this, watcher, generation, discovered, result] {
                watcher->deleteLater();
                if (generation != m_generation)
                    return;
                const Look look = watcher->result();
                if (look.isFeed) {
                    m_answer = result;
                    // A permanent move is the feed's address; a temporary one is not.
                    m_feedUrl =
                        result.movedTo
                            ? result.movedTo->toString()
                            : (discovered
                                   ? result.finalUrl.toString()
                                   : QUrl::fromUserInput(m_url->text().trimmed()).toString());
                    if (discovered && !result.movedTo) {
                        if (const QListWidgetItem* item = m_found->currentItem())
                            m_feedUrl = item->data(Qt::UserRole).toString();
                    }
                    m_siteUrl = look.siteUrl;
                    m_feedTitle->setText(look.title);
                    if (m_name->text().isEmpty() || !m_name->isModified())
                        m_name->setText(look.title);
                    m_preview->addItems(look.newest);
                    m_status->setText(look.newest.isEmpty() ? tr("A feed, with no stories yet.")
                                                            : tr("A feed: its newest stories."));
                    subscribeButton()->setEnabled(true);
                    subscribeButton()->setDefault(true);
                } else if (!look.links.isEmpty() && !discovered) {
                    if (look.links.size() == 1) {
                        fetch(look.links.front().url, true);
                        m_found->addItem(look.links.front().title.isEmpty()
                                             ? look.links.front().url.toString()
                                             : look.links.front().title);
                        m_found->item(0)->setData(Qt::UserRole, look.links.front().url.toString());
                        return;
                    }
                    m_status->setText(tr("The site offers %n feeds: choose one.", nullptr,
                                         static_cast<int>(look.links.size())));
                    m_found->blockSignals(true);
                    for (const core::FeedLink& link : look.links) {
                        auto* item = new QListWidgetItem(
                            link.title.isEmpty()
                                ? link.url.toString()
                                : QStringLiteral("%1  (%2)").arg(link.title, link.url.toString()));
                        item->setData(Qt::UserRole, link.url.toString());
                        m_found->addItem(item);
                    }
                    m_found->blockSignals(false);
                    m_found->show();
                    m_found->setFocus();
                } else {
                    m_status->setText(
                        look.error.isEmpty()
                            ? tr("%1 is not a feed.").arg(core::FeedFetcher::shown(result.finalUrl))
                            : look.error);
                }
                Q_EMIT looked();
            });
    watcher->setFuture(QtConcurrent::run([result] { return lookAt(result); }));
}

} // namespace broadsheet::ui
