// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktop_notifier.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QStringList>
#include <QVariantMap>

namespace broadsheet::ui::desktop_notifier {

namespace {
const QString kService = QStringLiteral("org.freedesktop.Notifications");
}

bool available()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    return bus.isConnected() && bus.interface() &&
           bus.interface()->isServiceRegistered(kService).value();
}

bool notify(const QString& summary, const QString& body)
{
    if (!available())
        return false;
    QDBusMessage call =
        QDBusMessage::createMethodCall(kService, QStringLiteral("/org/freedesktop/Notifications"),
                                       kService, QStringLiteral("Notify"));
    call << QStringLiteral("Broadsheet") << uint{0} << QStringLiteral("broadsheet") << summary
         << body << QStringList() << QVariantMap() << int{-1};
    // Asynchronous: the window never waits for the notification service.
    return QDBusConnection::sessionBus().send(call);
}

} // namespace broadsheet::ui::desktop_notifier
