// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

class QLocalServer;

namespace broadsheet::ui {

/// One window per library: the first Broadsheet on a library listens on a local socket named
/// after the user and the library's path; a second start on the same library hands it its
/// arguments (files to import) and ends, and the first raises its window.
class SingleInstance final : public QObject {
    Q_OBJECT
public:
    explicit SingleInstance(const QString& libraryPath, QObject* parent = nullptr);
    ~SingleInstance() override;

    /// The socket's name for `libraryPath` (per user, per library).
    static QString serverName(const QString& libraryPath);

    /// When another Broadsheet runs on this library: hands it `arguments` (made absolute)
    /// and returns true once it has them. False when none answers within `timeoutMs`.
    bool handOver(const QStringList& arguments, int timeoutMs = 2000) const;
    /// Becomes the one that others hand over to. False when the name cannot be had.
    bool listen();

Q_SIGNALS:
    /// Another start on this library: raise the window, import `paths` (absolute).
    void activated(const QStringList& paths);

private:
    QString m_name;
    QLocalServer* m_server = nullptr;
};

} // namespace broadsheet::ui
