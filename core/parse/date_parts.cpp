// SPDX-License-Identifier: GPL-3.0-or-later
#include "date_parts.h"

#include <QRegularExpression>
#include <QString>

namespace broadsheet::core::date_parts {

int monthNumber(QStringView name)
{
    static constexpr const char16_t* kMonths[] = {u"jan", u"feb", u"mar", u"apr", u"may", u"jun",
                                                  u"jul", u"aug", u"sep", u"oct", u"nov", u"dec"};
    if (name.size() < 3)
        return 0;
    const QString prefix = name.left(3).toString().toLower();
    for (int i = 0; i < 12; ++i) {
        if (prefix == QStringView(kMonths[i]))
            return i + 1;
    }
    return 0;
}

std::optional<int> numericZoneOffset(QStringView zone)
{
    static const QRegularExpression numeric(QStringLiteral("^([+-])(\\d{2}):?(\\d{2})$"));
    const auto m = numeric.match(zone.toString());
    if (!m.hasMatch())
        return std::nullopt;
    const int hours = m.capturedView(2).toInt();
    const int minutes = m.capturedView(3).toInt();
    if (hours > 23 || minutes > 59)
        return std::nullopt;
    const int seconds = hours * 3600 + minutes * 60;
    return m.capturedView(1) == u"-" ? -seconds : seconds;
}

} // namespace broadsheet::core::date_parts
