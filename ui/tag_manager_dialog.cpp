// SPDX-License-Identifier: GPL-3.0-or-later
#include "tag_manager_dialog.h"

#include "library_worker.h"
#include "store/article_store.h"
#include "store/library_writer.h"

#include <QColorDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace broadsheet::ui {

TagManagerDialog::TagManagerDialog(core::LibraryWriter& writer, QWidget* parent)
    : QDialog(parent)
    , m_writer(writer)
    , m_worker(new LibraryWorker(writer.path(), LibraryWorker::Policy::LatestOnly, this))
    , m_model(new QStandardItemModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setWindowTitle(tr("Manage Tags"));
    resize(560, 480);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(NameColumn);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);

    m_filter = new QLineEdit;
    m_filter->setPlaceholderText(tr("Filter tags"));
    m_filter->setAccessibleName(tr("Filter tags"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);

    m_table = new QTableView;
    m_table->setModel(m_proxy);
    m_table->setAccessibleName(tr("Tags"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->verticalHeader()->hide();

    auto* rename = new QPushButton(tr("&Rename…"));
    auto* merge = new QPushButton(tr("&Merge Into…"));
    auto* color = new QPushButton(tr("&Colour…"));
    auto* remove = new QPushButton(tr("&Delete"));
    connect(rename, &QPushButton::clicked, this, &TagManagerDialog::askRename);
    connect(merge, &QPushButton::clicked, this, &TagManagerDialog::askMerge);
    connect(color, &QPushButton::clicked, this, &TagManagerDialog::askColor);
    connect(remove, &QPushButton::clicked, this, &TagManagerDialog::askDelete);
    auto* buttons = new QVBoxLayout;
    for (QPushButton* button : {rename, merge, color, remove})
        buttons->addWidget(button);
    buttons->addStretch();

    auto* close = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* body = new QHBoxLayout;
    body->addWidget(m_table, 1);
    body->addLayout(buttons);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addLayout(body, 1);
    layout->addWidget(close);
    connect(this, &TagManagerDialog::failed, this, [this](const QString& message) {
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Manage Tags"), message,
                                    QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    reload();
}

void TagManagerDialog::reload()
{
    // Counting every tag reads every tagging: on the worker, not the GUI thread.
    m_worker->start([this](core::ArticleStore& reader, std::stop_token) -> LibraryWorker::Delivery {
        auto tags = reader.tags();
        return [this, tags = std::move(tags)] {
            showTags(tags);
        };
    });
}

void TagManagerDialog::showTags(const core::Result<QList<core::TagSummary>>& tags)
{
    m_model->clear();
    m_model->setHorizontalHeaderLabels({tr("Name"), tr("Kind"), tr("Stories")});
    if (!tags) {
        m_lastError = tags.error().message;
        Q_EMIT reloaded();
        return;
    }
    for (const core::TagSummary& tag : *tags) {
        auto* name = new QStandardItem(tag.name);
        if (!tag.color.isEmpty())
            name->setData(QColor(tag.color), Qt::DecorationRole);
        auto* count = new QStandardItem;
        count->setData(tag.count, Qt::DisplayRole); // sorts as a number
        m_model->appendRow({name, new QStandardItem(tag.kind), count});
    }
    m_table->sortByColumn(CountColumn, Qt::DescendingOrder);
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    Q_EMIT reloaded();
}

QString TagManagerDialog::selectedName() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.siblingAtColumn(NameColumn).data().toString() : QString();
}

bool TagManagerDialog::knows(const QString& name) const
{
    const QString wanted = name.trimmed();
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->item(row, NameColumn)->text().compare(wanted, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// The change goes to the writer and the dialog carries on; it counts again once the change
// is stored. A name the table does not hold is refused at once, with the reason.
bool TagManagerDialog::change(const QString& name,
                              std::function<core::Result<void>(core::ArticleStore&)> command)
{
    if (!knows(name)) {
        m_lastError = tr("No tag is called '%1'.").arg(name.trimmed());
        return false;
    }
    m_lastError.clear();
    m_writer.post(std::move(command), this, [this](const core::Result<void>& outcome) {
        if (!outcome) {
            m_lastError = outcome.error().message;
            Q_EMIT failed(m_lastError);
        }
        reload();
        Q_EMIT tagsChanged();
    });
    return true;
}

bool TagManagerDialog::renameTag(const QString& from, const QString& to)
{
    return change(from,
                  [from, to](core::ArticleStore& store) { return store.renameTag(from, to); });
}

bool TagManagerDialog::mergeTags(const QString& from, const QString& into)
{
    if (!knows(into)) {
        m_lastError = tr("No tag is called '%1'.").arg(into.trimmed());
        return false;
    }
    return change(from,
                  [from, into](core::ArticleStore& store) { return store.mergeTags(from, into); });
}

bool TagManagerDialog::deleteTag(const QString& name)
{
    return change(name, [name](core::ArticleStore& store) { return store.deleteTag(name); });
}

bool TagManagerDialog::setTagColor(const QString& name, const QString& color)
{
    return change(
        name, [name, color](core::ArticleStore& store) { return store.setTagColor(name, color); });
}

// The ask… slots are the buttons: they ask, then call the methods above.
void TagManagerDialog::askRename()
{
    const QString name = selectedName();
    if (name.isEmpty())
        return;
    bool ok = false;
    const QString to = QInputDialog::getText(
        this, tr("Rename Tag"), tr("New name for %1:").arg(name), QLineEdit::Normal, name, &ok);
    if (ok && !to.trimmed().isEmpty() && to != name && !renameTag(name, to))
        QMessageBox::warning(this, tr("Rename Tag"), m_lastError);
}

void TagManagerDialog::askMerge()
{
    const QString name = selectedName();
    if (name.isEmpty())
        return;
    QStringList others;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QString other = m_model->item(row, NameColumn)->text();
        if (other.compare(name, Qt::CaseInsensitive) != 0 && !others.contains(other))
            others.append(other);
    }
    bool ok = false;
    const QString into = QInputDialog::getItem(
        this, tr("Merge Tag"), tr("Merge %1 into:").arg(name), others, 0, true, &ok);
    if (ok && !into.isEmpty() && !mergeTags(name, into))
        QMessageBox::warning(this, tr("Merge Tag"), m_lastError);
}

void TagManagerDialog::askColor()
{
    const QString name = selectedName();
    if (name.isEmpty())
        return;
    const QColor color = QColorDialog::getColor(Qt::yellow, this, tr("Colour of %1").arg(name));
    if (color.isValid() && !setTagColor(name, color.name()))
        QMessageBox::warning(this, tr("Tag Colour"), m_lastError);
}

void TagManagerDialog::askDelete()
{
    const QString name = selectedName();
    if (name.isEmpty())
        return;
    const auto answer = QMessageBox::question(
        this, tr("Delete Tag"),
        tr("Delete the tag %1 from every story? The stories stay.").arg(name));
    if (answer == QMessageBox::Yes && !deleteTag(name))
        QMessageBox::warning(this, tr("Delete Tag"), m_lastError);
}

} // namespace broadsheet::ui
