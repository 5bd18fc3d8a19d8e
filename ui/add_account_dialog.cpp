// SPDX-License-Identifier: GPL-3.0-or-later
#include "add_account_dialog.h"

#include "sync_controller.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace broadsheet::ui {

AddAccountDialog::AddAccountDialog(SyncController& sync, QWidget* parent)
    : QDialog(parent)
    , m_sync(sync)
{
    setWindowTitle(tr("Add Account"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Sync with a feed server: its subscriptions, stories, read and "
                                "starred marks and labels come here, and what you change here "
                                "goes back. The password is kept in the system keyring (or a "
                                "file only you can read), never in the library."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    m_kind = new QComboBox(this);
    m_kind->addItem(tr("Google Reader API (FreshRSS, Miniflux, Inoreader…)"),
                    QStringLiteral("greader"));
    m_kind->addItem(tr("Tiny Tiny RSS"), QStringLiteral("ttrss"));
    form->addRow(tr("&Server:"), m_kind);
    m_url = new QLineEdit(this);
    m_url->setPlaceholderText(QStringLiteral("https://example.com/api/greader.php"));
    form->addRow(tr("API &address:"), m_url);
    m_user = new QLineEdit(this);
    form->addRow(tr("&User:"), m_user);
    m_password = new QLineEdit(this);
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&Password:"), m_password);
    layout->addLayout(form);
    auto* testRow = new QHBoxLayout;
    m_test = new QPushButton(tr("&Test"), this);
    m_test->setToolTip(tr("Log in to the server now"));
    testRow->addWidget(m_test);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    testRow->addWidget(m_status, 1);
    layout->addLayout(testRow);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_buttons->addButton(tr("&Add"), QDialogButtonBox::AcceptRole);
    layout->addWidget(m_buttons);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        m_url->setPlaceholderText(kind() == u"ttrss"
                                      ? QStringLiteral("https://example.com/tt-rss/api/")
                                      : QStringLiteral("https://example.com/api/greader.php"));
        m_status->clear();
    });
    for (QLineEdit* field : {m_url, m_user, m_password})
        connect(field, &QLineEdit::textChanged, this, &AddAccountDialog::updateButtons);
    connect(m_test, &QPushButton::clicked, this, [this] { check(false); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] { check(true); });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&m_sync, &SyncController::tested, this, [this](const QString& error) {
        if (!m_checking)
            return;
        m_checking = false;
        m_status->setText(error.isEmpty() ? tr("Logged in.") : error);
        updateButtons();
        Q_EMIT checked(error.isEmpty());
        if (error.isEmpty() && m_acceptWhenChecked)
            accept();
    });
    updateButtons();
    resize(560, sizeHint().height());
}

QString AddAccountDialog::kind() const
{
    return m_kind->currentData().toString();
}

QUrl AddAccountDialog::url() const
{
    return QUrl::fromUserInput(m_url->text().trimmed());
}

QString AddAccountDialog::user() const
{
    return m_user->text().trimmed();
}

QString AddAccountDialog::password() const
{
    return m_password->text();
}

QPushButton* AddAccountDialog::addButton() const
{
    for (QAbstractButton* button : m_buttons->buttons()) {
        if (m_buttons->buttonRole(button) == QDialogButtonBox::AcceptRole)
            return qobject_cast<QPushButton*>(button);
    }
    return nullptr;
}

void AddAccountDialog::updateButtons()
{
    const QUrl address = url();
    const bool complete = address.isValid() &&
                          (address.scheme() == u"http" || address.scheme() == u"https") &&
                          !user().isEmpty() && !password().isEmpty();
    m_test->setEnabled(complete && !m_checking);
    if (QPushButton* add = addButton())
        add->setEnabled(complete && !m_checking);
}

void AddAccountDialog::check(bool thenAccept)
{
    if (m_checking)
        return;
    m_checking = true;
    m_acceptWhenChecked = thenAccept;
    m_status->setText(tr("Logging in to %1…").arg(url().host()));
    updateButtons();
    m_sync.test(kind(), url(), user(), password());
}

} // namespace broadsheet::ui
