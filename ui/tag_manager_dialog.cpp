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
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->verticalHeader()->hide();

    auto* rename = new QPushButton(tr("&Rename…"));
    auto* merge = new QPushButton(tr("&Merge Into…"));
    auto* color = new QPushButton(tr("&Colour…"));
    auto* remove = new QPushButton(tr("&Delete"));
    m_undoButton = new QPushButton(tr("&Undo"));
    m_undoButton->setEnabled(false);
    m_undoButton->setToolTip(tr("Put back what the last change took"));
    connect(m_undoButton, &QPushButton::clicked, this, &TagManagerDialog::undo);
    connect(rename, &QPushButton::clicked, this, &TagManagerDialog::askRename);
    connect(merge, &QPushButton::clicked, this, &TagManagerDialog::askMerge);
    connect(color, &QPushButton::clicked, this, &TagManagerDialog::askColor);
    connect(remove, &QPushButton::clicked, this, &TagManagerDialog::askDelete);
    auto* buttons = new QVBoxLayout;
    for (QPushButton* button : {rename, merge, color, remove})
        buttons->addWidget(button);
    buttons->addSpacing(12);
    buttons->addWidget(m_undoButton);
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

QStringList TagManagerDialog::selectedNames() const
{
    QStringList names;
    for (const QModelIndex& row : m_table->selectionModel()->selectedRows(NameColumn)) {
        const QString name = row.data().toString();
        if (!names.contains(name, Qt::CaseInsensitive))
            names.append(name);
    }
    if (names.isEmpty() && !selectedName().isEmpty())
        names.append(selectedName());
    return names;
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
bool TagManagerDialog::change(const QStringList& names, const QStringList& touched,
                              std::function<core::Result<void>(core::ArticleStore&)> command)
{
    for (const QString& name : names) {
        if (!knows(name)) {
            m_lastError = tr("No tag is called '%1'.").arg(name.trimmed());
            return false;
        }
    }
    m_lastError.clear();
    auto before = std::make_shared<core::TagSnapshot>();
    m_writer.post(
        [touched, before,
         command = std::move(command)](core::ArticleStore& store) -> core::Result<void> {
            auto snapshot = store.snapshotTags(touched);
            if (!snapshot)
                return snapshot.error();
            *before = std::move(*snapshot);
            return command(store);
        },
        this,
        [this, before](const core::Result<void>& outcome) {
            if (!outcome) {
                m_lastError = outcome.error().message;
                Q_EMIT failed(m_lastError);
            } else {
                m_undo.append(*before);
                m_undoButton->setEnabled(true);
            }
            reload();
            Q_EMIT tagsChanged();
        });
    return true;
}

bool TagManagerDialog::undo()
{
    if (m_undo.isEmpty())
        return false;
    const core::TagSnapshot snapshot = m_undo.takeLast();
    m_undoButton->setEnabled(!m_undo.isEmpty());
    m_writer.post([snapshot](core::ArticleStore& store) { return store.restoreTags(snapshot); },
                  this,
                  [this](const core::Result<void>& outcome) {
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
    return change({from}, {from, to},
                  [from, to](core::ArticleStore& store) { return store.renameTag(from, to); });
}

bool TagManagerDialog::mergeTags(const QString& from, const QString& into)
{
    return mergeTags(QStringList{from}, into);
}

bool TagManagerDialog::mergeTags(const QStringList& from, const QString& into)
{
    if (!knows(into)) {
        m_lastError = tr("No tag is called '%1'.").arg(into.trimmed());
        return false;
    }
    QStringList sources;
    for (const QString& name : from) {
        if (name.compare(into.trimmed(), Qt::CaseInsensitive) != 0)
            sources.append(name);
    }
    if (sources.isEmpty()) {
        m_lastError = tr("A tag cannot be merged into itself.");
        return false;
    }
    return change(sources, sources + QStringList{into},
                  [sources, into](core::ArticleStore& store) -> core::Result<void> {
                      for (const QString& name : sources) {
                          if (auto r = store.mergeTags(name, into); !r)
                              return r;
                      }
                      return {};
                  });
}

bool TagManagerDialog::deleteTag(const QString& name)
{
    return deleteTags({name});
}

bool TagManagerDialog::deleteTags(const QStringList& names)
{
    return change(names, names, [names](core::ArticleStore& store) -> core::Result<void> {
        for (const QString& name : names) {
            if (auto r = store.deleteTag(name); !r)
                return r;
        }
        return {};
    });
}

bool TagManagerDialog::setTagColor(const QString& name, const QString& color)
{
    return change({name}, {name}, [name, color](core::ArticleStore& store) {
        return store.setTagColor(name, color);
    });
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
    const QStringList names = selectedNames();
    if (names.isEmpty())
        return;
    // Several selected: the first is offered as the one to keep, the others go into it.
    QStringList others;
    if (names.size() > 1)
        others.append(names);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QString other = m_model->item(row, NameColumn)->text();
        if (!names.contains(other, Qt::CaseInsensitive) && !others.contains(other))
            others.append(other);
    }
    bool ok = false;
    const QString into = QInputDialog::getItem(
        this, tr("Merge Tags"), tr("Merge %1 into:").arg(names.join(QStringLiteral(", "))), others,
        0, true, &ok);
    if (!ok || into.isEmpty())
        return;
    QStringList going;
    for (const QString& name : names) {
        if (name.compare(into, Qt::CaseInsensitive) != 0)
            going.append(name);
    }
    const auto answer = QMessageBox::question(
        this, tr("Merge Tags"),
        tr("Merge %n tags into %1? Their stories get %1 and the merged names go. Undo puts "
           "them back.",
           nullptr, static_cast<int>(going.size()))
                .arg(into) +
            QStringLiteral("\n\n") + going.join(QStringLiteral(", ")));
    if (answer == QMessageBox::Yes && !mergeTags(going, into))
        QMessageBox::warning(this, tr("Merge Tags"), m_lastError);
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
    const QStringList names = selectedNames();
    if (names.isEmpty())
        return;
    const auto answer = QMessageBox::question(
        this, tr("Delete Tags"),
        tr("Delete %n tags from every story? The stories stay, and Undo puts the tags back.",
           nullptr, static_cast<int>(names.size())) +
            QStringLiteral("\n\n") + names.join(QStringLiteral(", ")));
    if (answer == QMessageBox::Yes && !deleteTags(names))
        QMessageBox::warning(this, tr("Delete Tags"), m_lastError);
}

} // namespace broadsheet::ui
