// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace broadsheet::ui {

/// Desktop notifications through org.freedesktop.Notifications on the session bus. Where
/// there is no session bus (or no notification service), nothing happens and nothing fails.
namespace desktop_notifier {

/// Whether a session bus is there to carry a notification.
bool available();
/// Shows `summary` and `body`; returns false when it could not be sent.
bool notify(const QString& summary, const QString& body);

} // namespace desktop_notifier
} // namespace broadsheet::ui
