// SPDX-License-Identifier: GPL-3.0-or-later
#include "export_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace broadsheet::ui {

namespace {

bool isFolderFormat(const QString& format)
{
    return format == u"md" || format == u"txt";
}

} // namespace

ExportDialog::ExportDialog(qint64 selected, qint64 results, qint64 library, QWidget* parent)
    : QDialog(parent)
    , m_counts{selected, results, library}
{
    setWindowTitle(tr("Export Stories"));
    m_selection = new QRadioButton(tr("The &selected stories (%1)").arg(selected));
    m_results = new QRadioButton(tr("Every &result of the search (%1)").arg(results));
    m_library = new QRadioButton(tr("The &whole library (%1)").arg(library));
    m_selection->setEnabled(selected > 0);
    m_results->setEnabled(results > 0);
    (selected > 0 ? m_selection : results > 0 ? m_results : m_library)->setChecked(true);

    m_format = new QComboBox;
    m_format->setAccessibleName(tr("Format"));
    m_format->addItem(tr("Markdown — a folder, one file a story"), QStringLiteral("md"));
    m_format->addItem(tr("HTML — one page"), QStringLiteral("html"));
    m_format->addItem(tr("PDF — one document"), QStringLiteral("pdf"));
    m_format->addItem(tr("JSON"), QStringLiteral("json"));
    m_format->addItem(tr("NDJSON — one story a line"), QStringLiteral("ndjson"));
    m_format->addItem(tr("CSV — for spreadsheets"), QStringLiteral("csv"));
    m_format->addItem(tr("Plain text — a folder, one file a story"), QStringLiteral("txt"));

    m_destination = new QLineEdit;
    m_destination->setAccessibleName(tr("Destination"));
    auto* browse = new QPushButton(tr("Browse…"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString chosen = QFileDialog::getSaveFileName(
            this, isFolderFormat(format()) ? tr("Export to a New Folder") : tr("Export to"),
            destination());
        if (!chosen.isEmpty())
            m_destination->setText(QDir::toNativeSeparators(chosen));
    });
    auto* where = new QHBoxLayout;
    where->addWidget(m_destination, 1);
    where->addWidget(browse);

    m_summary = new QLabel;
    m_summary->setWordWrap(true);

    auto* scope = new QVBoxLayout;
    scope->addWidget(m_selection);
    scope->addWidget(m_results);
    scope->addWidget(m_library);
    auto* form = new QFormLayout;
    form->addRow(tr("Export:"), scope);
    form->addRow(tr("&Format:"), m_format);
    auto* whereLabel = new QLabel(tr("&To:"));
    whereLabel->setBuddy(m_destination);
    form->addRow(whereLabel, where);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(m_buttons);

    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::formatChanged);
    connect(m_destination, &QLineEdit::textChanged, this, &ExportDialog::updateSummary);
    for (QRadioButton* button : {m_selection, m_results, m_library})
        connect(button, &QRadioButton::toggled, this, &ExportDialog::updateSummary);
    formatChanged();
    resize(560, sizeHint().height());
}

ExportDialog::Scope ExportDialog::scope() const
{
    if (m_selection->isChecked())
        return Scope::Selection;
    return m_results->isChecked() ? Scope::Results : Scope::Library;
}

QString ExportDialog::format() const
{
    return m_format->currentData().toString();
}

QString ExportDialog::destination() const
{
    return QDir::fromNativeSeparators(m_destination->text().trimmed());
}

QRadioButton* ExportDialog::scopeButton(Scope scope) const
{
    switch (scope) {
    case Scope::Selection:
        return m_selection;
    case Scope::Results:
        return m_results;
    case Scope::Library:
        break;
    }
    return m_library;
}

// A suggested name follows the format until the user types their own.
void ExportDialog::formatChanged()
{
    if (m_destination->text().isEmpty() || m_destination->text() == m_lastSuggested) {
        QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        if (folder.isEmpty())
            folder = QDir::homePath();
        const QString name = isFolderFormat(format())
                                 ? QStringLiteral("Broadsheet export (%1)").arg(format())
                                 : QStringLiteral("Broadsheet export.%1").arg(format());
        m_lastSuggested = QDir::toNativeSeparators(folder + u'/' + name);
        m_destination->setText(m_lastSuggested);
    }
    updateSummary();
}

void ExportDialog::updateSummary()
{
    const qint64 count = m_counts[static_cast<int>(scope())];
    const QString target = QDir::toNativeSeparators(destination());
    const QString stories = count == 1 ? tr("1 story") : tr("%1 stories").arg(count);
    m_summary->setText(
        isFolderFormat(format())
            ? tr("%1 will be written into the new folder %2, a file each.").arg(stories, target)
            : tr("%1 will be written to %2.").arg(stories, target));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(count > 0 && !destination().isEmpty());
}

} // namespace broadsheet::ui
