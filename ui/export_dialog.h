// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace broadsheet::ui {

/// File → Export Selected…: what to export (the selection, every result of the search, or
/// the whole library, each with its count), the format, and where. MainWindow runs it.
class ExportDialog final : public QDialog {
    Q_OBJECT
public:
    enum class Scope { Selection, Results, Library };

    ExportDialog(qint64 selected, qint64 results, qint64 library, QWidget* parent = nullptr);

    Scope scope() const;
    /// An export_format name, or "pdf".
    QString format() const;
    QString destination() const;

    QComboBox* formatBox() const { return m_format; }
    QLineEdit* destinationField() const { return m_destination; }
    QRadioButton* scopeButton(Scope scope) const;

private:
    void formatChanged();
    void updateSummary();

    QRadioButton* m_selection;
    QRadioButton* m_results;
    QRadioButton* m_library;
    QComboBox* m_format;
    QLineEdit* m_destination;
    QLabel* m_summary;
    QDialogButtonBox* m_buttons;
    qint64 m_counts[3];
    QString m_lastSuggested;
};

} // namespace broadsheet::ui
