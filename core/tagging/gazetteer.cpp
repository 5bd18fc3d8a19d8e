// SPDX-License-Identifier: GPL-3.0-or-later
#include "gazetteer.h"

#include <QFile>
#include <QRegularExpression>

namespace broadsheet::core {

QString entityKindName(EntityKind kind)
{
    switch (kind) {
    case EntityKind::Person:
        return QStringLiteral("person");
    case EntityKind::Organization:
        return QStringLiteral("organization");
    case EntityKind::Place:
        return QStringLiteral("place");
    }
    return {};
}

namespace {

QString readResource(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("the built-in gazetteer %s is missing", qPrintable(path));
    return QString::fromUtf8(file.readAll());
}

} // namespace

const Gazetteer& Gazetteer::builtIn()
{
    static const Gazetteer gazetteer =
        fromText(readResource(QStringLiteral(":/gazetteer/places.tsv")),
                 readResource(QStringLiteral(":/gazetteer/organizations.tsv")),
                 readResource(QStringLiteral(":/gazetteer/given_names.txt")));
    return gazetteer;
}

QString Gazetteer::normalise(QStringView phrase)
{
    QString text = phrase.toString();
    text.replace(QChar(0x2019), QLatin1Char('\'')).replace(QChar(0x2018), QLatin1Char('\''));
    text = text.simplified();
    if (text.startsWith(QLatin1String("the "), Qt::CaseInsensitive) && text.size() > 4)
        text.remove(0, 4);
    return text;
}

void Gazetteer::addLines(const QString& text, EntityKind kind)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (const QString& line : lines) {
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList columns = line.split(QLatin1Char('\t'));
        const QString canonical = normalise(columns.value(0));
        if (canonical.isEmpty())
            continue;
        const Entry entry{canonical, kind};
        // An organisation's name wins over a place's ("Amazon"); the first line wins otherwise.
        auto insert = [&](const QString& name) {
            Entry& stored = m_names.insert(name, entry); // the one there already, if any
            if (kind == EntityKind::Organization && stored.kind != kind)
                stored = entry;
        };
        insert(canonical);
        for (const QString& other : columns.value(1).split(QLatin1Char('|'), Qt::SkipEmptyParts))
            insert(normalise(other));
        for (const QString& demonym : columns.value(2).split(QLatin1Char('|'), Qt::SkipEmptyParts))
            m_demonyms.insert(normalise(demonym));
    }
}

Gazetteer Gazetteer::fromText(const QString& places, const QString& organizations,
                              const QString& givenNames)
{
    Gazetteer gazetteer;
    gazetteer.addLines(places, EntityKind::Place);
    gazetteer.addLines(organizations, EntityKind::Organization);
    static const QRegularExpression space(QStringLiteral("\\s+"));
    for (const QString& line : givenNames.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1Char('#')))
            continue;
        for (const QString& name : line.split(space, Qt::SkipEmptyParts))
            gazetteer.m_givenNames.insert(name);
    }
    return gazetteer;
}

namespace {

/// Whether normalise() would change the phrase; most phrases it would not.
bool needsNormalising(QStringView phrase)
{
    if (phrase.isEmpty() || phrase.front().isSpace() || phrase.back().isSpace())
        return true;
    if (phrase.size() > 4 && (phrase[0] == u't' || phrase[0] == u'T') &&
        phrase.first(4).compare(u"the ", Qt::CaseInsensitive) == 0)
        return true;
    char16_t previous = 0;
    for (QChar c : phrase) {
        const char16_t u = c.unicode();
        if (u < 0x80) { // ASCII first: isSpace() asks the Unicode tables
            if ((u == ' ' && previous == ' ') ||
                (u != ' ' && (u == '\t' || u == '\n' || u == '\r' || u == '\v' || u == '\f')))
                return true;
        } else if (u == 0x2019 || u == 0x2018 || c.isSpace()) {
            return true;
        }
        previous = u;
    }
    return false;
}

} // namespace

const Gazetteer::Entry* Gazetteer::find(QStringView phrase) const
{
    // Looked up many times an article: a phrase that needs no normalising is not copied,
    // nor one that only starts with "the ".
    if (phrase.size() > 4 && phrase.first(4).compare(u"the ", Qt::CaseInsensitive) == 0 &&
        !needsNormalising(phrase.sliced(4)))
        phrase = phrase.sliced(4);
    return needsNormalising(phrase) ? m_names.find(normalise(phrase)) : m_names.find(phrase);
}

bool Gazetteer::isDemonym(QStringView phrase) const
{
    return needsNormalising(phrase) ? m_demonyms.contains(normalise(phrase))
                                    : m_demonyms.contains(phrase);
}

bool Gazetteer::isGivenName(QStringView word) const
{
    return m_givenNames.contains(word);
}

} // namespace broadsheet::core
