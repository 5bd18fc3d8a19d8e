// SPDX-License-Identifier: GPL-3.0-or-later
#include "query_parser.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSet>

#include <limits>

namespace broadsheet::core {

namespace {

struct Token {
    enum class Kind { Word, Phrase, LParen, RParen, Or, And, Not, Minus, End };
    Kind kind = Kind::End;
    QString text;  ///< the word or phrase
    QString field; ///< lower-case field name for field:value, else empty
    bool prefix = false;
};

bool isBreak(QChar c)
{
    return c.isSpace() || c.category() == QChar::Other_Control || c == u'(' || c == u')' ||
           c == u'"';
}

bool hasWordCharacters(const QString& text)
{
    for (const QChar c : text) {
        if (c.isLetterOrNumber())
            return true;
    }
    return false;
}

bool isKnownField(const QString& name)
{
    static const QStringList kFields = {
        QStringLiteral("title"),   QStringLiteral("author"), QStringLiteral("source"),
        QStringLiteral("section"), QStringLiteral("tag"),    QStringLiteral("after"),
        QStringLiteral("before"),  QStringLiteral("date"),   QStringLiteral("is"),
        QStringLiteral("feed"),    QStringLiteral("folder")};
    return kFields.contains(name);
}

class Lexer {
public:
    Lexer(const QString& text, QStringList& hints)
        : m_text(text)
        , m_hints(hints)
    {
    }

    std::vector<Token> tokens()
    {
        std::vector<Token> result;
        for (;;) {
            Token token = next();
            if (token.kind == Token::Kind::End)
                break;
            result.push_back(std::move(token));
        }
        return result;
    }

private:
    QChar peek(qsizetype ahead = 0) const
    {
        return m_pos + ahead < m_text.size() ? m_text[m_pos + ahead] : QChar();
    }

    // Inside quotes, \" is a quote and \\ a backslash (query_text::quoted() writes
    // them), so any name can be searched for; any other backslash is itself.
    QString readPhrase()
    {
        ++m_pos; // opening quote
        QString phrase;
        while (m_pos < m_text.size()) {
            const QChar c = m_text[m_pos];
            if (c == u'\\' && (peek(1) == u'"' || peek(1) == u'\\')) {
                phrase += peek(1);
                m_pos += 2;
                continue;
            }
            ++m_pos;
            if (c == u'"')
                return phrase;
            // A control character (a NUL pasted into the field) separates words, as outside
            // quotes; FTS5 would read a NUL as the end of the expression.
            phrase += c.category() == QChar::Other_Control ? QChar(u' ') : c;
        }
        m_hints.append(QStringLiteral("added the missing closing quote"));
        return phrase;
    }

    bool readStar()
    {
        bool star = false;
        while (peek() == u'*') {
            star = true;
            ++m_pos;
        }
        return star;
    }

    // One token per call; a field with no value is skipped in this loop (not by calling
    // itself: thousands of "is: " in a row must not exhaust the stack).
    Token next()
    {
        for (;;) {
            while (m_pos < m_text.size() &&
                   (peek().isSpace() || peek().category() == QChar::Other_Control))
                ++m_pos;
            if (m_pos >= m_text.size())
                return {};
            const QChar c = peek();
            if (c == u'(') {
                ++m_pos;
                return {Token::Kind::LParen, {}, {}, false};
            }
            if (c == u')') {
                ++m_pos;
                return {Token::Kind::RParen, {}, {}, false};
            }
            if (c == u'"') {
                Token token{Token::Kind::Phrase, readPhrase(), {}, false};
                token.prefix = readStar();
                return token;
            }
            if (c == u'-' && m_pos + 1 < m_text.size() && !isBreak(peek(1)) && peek(1) != u'-') {
                ++m_pos;
                return {Token::Kind::Minus, {}, {}, false};
            }
            if (c == u'-' && peek(1) == u'(') {
                ++m_pos;
                return {Token::Kind::Minus, {}, {}, false};
            }
            if (c == u'-' && peek(1) == u'"') {
                ++m_pos;
                return {Token::Kind::Minus, {}, {}, false};
            }

            const qsizetype start = m_pos;
            while (m_pos < m_text.size() && !isBreak(peek()))
                ++m_pos;
            QString word = m_text.mid(start, m_pos - start);
            if (word == u"OR" || word == u"|")
                return {Token::Kind::Or, word, {}, false};
            if (word == u"AND" || word == u"&")
                return {Token::Kind::And, word, {}, false};
            if (word == u"NOT")
                return {Token::Kind::Not, word, {}, false};

            const qsizetype colon = word.indexOf(u':');
            if (colon > 0) {
                const QString name = word.left(colon).toLower();
                if (isKnownField(name)) {
                    QString value = word.mid(colon + 1);
                    Token token{Token::Kind::Word, {}, name, false};
                    if (value.isEmpty() && peek() == u'"') {
                        token.kind = Token::Kind::Phrase;
                        token.text = readPhrase();
                        token.prefix = readStar();
                        return token;
                    }
                    if (value.isEmpty()) {
                        m_hints.append(QStringLiteral("'%1:' needs a value; ignored").arg(name));
                        continue;
                    }
                    token.prefix = value.endsWith(u'*');
                    while (value.endsWith(u'*'))
                        value.chop(1);
                    token.text = value;
                    return token;
                }
                bool fieldLike = true;
                for (const QChar ch : word.left(colon))
                    fieldLike = fieldLike && ch.isLetter();
                if (fieldLike && !word.mid(colon + 1).startsWith(QStringLiteral("//"))) {
                    m_hints.append(
                        QStringLiteral("there is no field '%1:'; searched for it as text")
                            .arg(word.left(colon)));
                }
            }
            Token token{Token::Kind::Word, word, {}, false};
            token.prefix = word.endsWith(u'*');
            while (token.text.endsWith(u'*'))
                token.text.chop(1);
            return token;
        }
    }

    const QString& m_text;
    QStringList& m_hints;
    qsizetype m_pos = 0;
};

// The start of a YYYY, YYYY-MM or YYYY-MM-DD period and the start of the next one, as
// storage keys (seconds at 00:00 UTC, the way calendar days are stored).
bool periodOf(const QString& text, qint64& from, qint64& to)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?$"));
    const auto m = pattern.match(text);
    if (!m.hasMatch())
        return false;
    const int year = m.capturedView(1).toInt();
    const bool hasMonth = m.hasCaptured(2);
    const bool hasDay = m.hasCaptured(3);
    const QDate start(year, hasMonth ? m.capturedView(2).toInt() : 1,
                      hasDay ? m.capturedView(3).toInt() : 1);
    if (!start.isValid())
        return false;
    const QDate end = hasDay ? start.addDays(1) : hasMonth ? start.addMonths(1) : start.addYears(1);
    from = QDateTime(start, QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
    to = QDateTime(end, QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
    return true;
}

class Parser {
public:
    Parser(std::vector<Token> tokens, QStringList& hints)
        : m_tokens(std::move(tokens))
        , m_hints(hints)
    {
    }

    std::vector<QueryNode> parseAll()
    {
        std::vector<QueryNode> parts;
        while (!atEnd()) {
            if (peek().kind == Token::Kind::RParen) {
                ++m_pos;
                hintOnce(QStringLiteral("ignored a ')' that closes nothing"));
                continue;
            }
            if (auto node = parseAnd(0))
                parts.push_back(std::move(*node));
        }
        if (!m_asWords.isEmpty()) {
            QStringList named;
            for (qsizetype i = 0; i < std::min<qsizetype>(m_asWords.size(), 5); ++i)
                named.append(QLatin1Char('\'') + m_asWords[i] + QStringLiteral("*'"));
            if (m_asWords.size() > 5)
                named.append(QStringLiteral("%1 more").arg(m_asWords.size() - 5));
            m_hints.append(QStringLiteral("searched for %1 as words, not prefixes: the query's "
                                          "prefixes would cover too much of the index (short "
                                          "ones cover the most)")
                               .arg(named.join(QStringLiteral(", "))));
        }
        return combine(QueryNode::Type::And, std::move(parts));
    }

private:
    bool atEnd() const { return m_pos >= m_tokens.size(); }
    const Token& peek() const
    {
        static const Token end;
        return atEnd() ? end : m_tokens[m_pos];
    }
    bool peekIs(Token::Kind kind) const { return !atEnd() && peek().kind == kind; }

    void hintOnce(const QString& hint)
    {
        if (!m_hints.contains(hint))
            m_hints.append(hint);
    }

    static std::vector<QueryNode> combine(QueryNode::Type type, std::vector<QueryNode> parts)
    {
        if (parts.size() <= 1)
            return parts;
        QueryNode node;
        node.type = type;
        QSet<QString> seen; // a a is a, and a OR a is a: 64 × a* took 39 s, as one 0.6 s
        auto add = [&](QueryNode&& child) {
            if (!seen.contains(describe(child))) {
                seen.insert(describe(child));
                node.children.push_back(std::move(child));
            }
        };
        for (QueryNode& part : parts) {
            if (part.type == type) { // a AND (b AND c) is a AND b AND c
                for (QueryNode& child : part.children)
                    add(std::move(child));
            } else {
                add(std::move(part));
            }
        }
        if (node.children.size() == 1)
            return {std::move(node.children.front())};
        return {std::move(node)};
    }

    static std::optional<QueryNode> single(std::vector<QueryNode> parts)
    {
        if (parts.empty())
            return std::nullopt;
        return std::move(parts.front());
    }

    // Precedence, loosest first: side by side (AND), OR, NOT, as in mail clients and web
    // search: "sony OR microsoft hack" is (sony OR microsoft) AND hack.
    std::optional<QueryNode> parseAnd(int depth)
    {
        std::vector<QueryNode> parts;
        while (!atEnd() && !peekIs(Token::Kind::RParen)) {
            if (peekIs(Token::Kind::And)) {
                ++m_pos;
                if (parts.empty() || atEnd() || peekIs(Token::Kind::RParen))
                    hintOnce(QStringLiteral("ignored an AND with nothing on one side"));
                continue;
            }
            if (peekIs(Token::Kind::Or)) {
                ++m_pos;
                hintOnce(parts.empty() ? QStringLiteral("ignored an OR with nothing before it")
                                       : QStringLiteral("ignored an OR with nothing after it"));
                continue;
            }
            if (auto node = parseOr(depth))
                parts.push_back(std::move(*node));
        }
        return single(combine(QueryNode::Type::And, std::move(parts)));
    }

    std::optional<QueryNode> parseOr(int depth)
    {
        std::vector<QueryNode> alternatives;
        if (auto first = parseUnary(depth))
            alternatives.push_back(std::move(*first));
        while (peekIs(Token::Kind::Or)) {
            ++m_pos;
            if (atEnd() || peekIs(Token::Kind::Or) || peekIs(Token::Kind::RParen) ||
                peekIs(Token::Kind::And)) {
                hintOnce(QStringLiteral("ignored an OR with nothing after it"));
                break;
            }
            if (auto next = parseUnary(depth))
                alternatives.push_back(std::move(*next));
        }
        return single(combine(QueryNode::Type::Or, std::move(alternatives)));
    }

    std::optional<QueryNode> parseUnary(int depth)
    {
        // NOT NOT … x is read in a loop, not by recursion: hostile input cannot exhaust the stack.
        bool negate = false;
        while (peekIs(Token::Kind::Not) || peekIs(Token::Kind::Minus)) {
            ++m_pos;
            negate = !negate;
            if (atEnd() || peekIs(Token::Kind::Or) || peekIs(Token::Kind::RParen) ||
                peekIs(Token::Kind::And)) {
                hintOnce(QStringLiteral("ignored a NOT with nothing after it"));
                return std::nullopt;
            }
        }
        auto inner = parsePrimary(depth);
        if (!inner || !negate)
            return inner;
        if (inner->type == QueryNode::Type::Not) // NOT (NOT x) is x
            return std::move(inner->children.front());
        QueryNode node;
        node.type = QueryNode::Type::Not;
        node.children.push_back(std::move(*inner));
        return node;
    }

    std::optional<QueryNode> parsePrimary(int depth)
    {
        const Token& token = m_tokens[m_pos];
        ++m_pos;
        switch (token.kind) {
        case Token::Kind::LParen: {
            if (depth >= QueryParser::kMaxDepth) {
                // Deeper groups are read flat: the '(' is dropped and what follows joins the
                // current level. No recursion, so no input can exhaust the stack.
                hintOnce(QStringLiteral("read parentheses nested deeper than %1 levels as one "
                                        "level")
                             .arg(QueryParser::kMaxDepth));
                return std::nullopt;
            }
            auto inner = parseAnd(depth + 1);
            if (peekIs(Token::Kind::RParen))
                ++m_pos;
            else
                hintOnce(QStringLiteral("added the missing ')'"));
            return inner;
        }
        case Token::Kind::Word:
        case Token::Kind::Phrase:
            return leaf(token);
        default:
            return std::nullopt;
        }
    }

    std::optional<QueryNode> leaf(const Token& token)
    {
        if (m_leaves >= QueryParser::kMaxTerms) {
            hintOnce(QStringLiteral("used only the first %1 terms").arg(QueryParser::kMaxTerms));
            return std::nullopt;
        }
        QueryNode node;
        node.text = token.text;
        const QString& field = token.field;
        if (field.isEmpty() || field == u"title" || field == u"author") {
            if (!hasWordCharacters(token.text)) {
                ++m_dropped; // punctuation alone matches nothing in the index
                return std::nullopt;
            }
            node.column = field;
            node.type = token.prefix                        ? QueryNode::Type::Prefix
                        : token.kind == Token::Kind::Phrase ? QueryNode::Type::Phrase
                                                            : QueryNode::Type::Term;
            if (node.type == QueryNode::Type::Prefix && !affordPrefix(node.text)) {
                node.type = QueryNode::Type::Term;
                m_asWords.append(node.text);
            }
            ++m_leaves;
            return node;
        }

        node.type = QueryNode::Type::Filter;
        const QString value = token.text.trimmed();
        if (value.isEmpty()) {
            hintOnce(QStringLiteral("'%1:' needs a value; ignored").arg(field));
            return std::nullopt;
        }
        if (field == u"source" || field == u"section" || field == u"tag" || field == u"feed" ||
            field == u"folder") {
            node.filter = field == u"source"    ? QueryNode::Filter::Source
                          : field == u"section" ? QueryNode::Filter::Section
                          : field == u"feed"    ? QueryNode::Filter::Feed
                          : field == u"folder"  ? QueryNode::Filter::Folder
                                                : QueryNode::Filter::Tag;
            node.text = value;
        } else if (field == u"is") {
            const QString flag = value.toLower();
            if (flag == u"read")
                node.filter = QueryNode::Filter::IsRead;
            else if (flag == u"unread")
                node.filter = QueryNode::Filter::IsUnread;
            else if (flag == u"starred")
                node.filter = QueryNode::Filter::IsStarred;
            else {
                hintOnce(QStringLiteral("'is:%1' is not a flag (is:read, is:unread, is:starred); "
                                        "ignored")
                             .arg(value));
                return std::nullopt;
            }
        } else {
            qint64 from = 0;
            qint64 to = 0;
            if (!periodOf(value, from, to)) {
                hintOnce(QStringLiteral("'%1:%2' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD); "
                                        "ignored")
                             .arg(field, value));
                return std::nullopt;
            }
            if (field == u"after") {
                node.filter = QueryNode::Filter::After; // on or after the period's start
                node.from = from;
                node.to = std::numeric_limits<qint64>::max();
            } else if (field == u"before") {
                node.filter = QueryNode::Filter::Before; // strictly before the period's start
                node.from = std::numeric_limits<qint64>::min();
                node.to = from;
            } else {
                node.filter = QueryNode::Filter::Date;
                node.from = from;
                node.to = to;
            }
        }
        ++m_leaves;
        return node;
    }

    // What a prefix may expand to is capped by its length: FTS5 merges the postings of
    // every word it covers, and a one-letter prefix covers a tenth of the index. Each
    // prefix costs this much of kPrefixBudget; one that would overspend is read as a word.
    bool affordPrefix(const QString& stem)
    {
        if (m_prefixes.contains(stem))
            return true; // a repeat is searched once
        const qsizetype letters = stem.size();
        const int cost = letters <= 1 ? 16 : letters == 2 ? 4 : letters == 3 ? 2 : 1;
        if (m_prefixCost + cost > QueryParser::kPrefixBudget)
            return false;
        m_prefixCost += cost;
        m_prefixes.insert(stem);
        return true;
    }

    std::vector<Token> m_tokens;
    QStringList& m_hints;
    int m_prefixCost = 0;
    QSet<QString> m_prefixes;
    QStringList m_asWords; ///< prefixes past the budget, searched for as words
    size_t m_pos = 0;
    int m_leaves = 0;

public:
    int m_dropped = 0;
};

QString filterName(QueryNode::Filter filter)
{
    switch (filter) {
    case QueryNode::Filter::Source:
        return QStringLiteral("SOURCE");
    case QueryNode::Filter::Section:
        return QStringLiteral("SECTION");
    case QueryNode::Filter::Feed:
        return QStringLiteral("FEED");
    case QueryNode::Filter::Folder:
        return QStringLiteral("FOLDER");
    case QueryNode::Filter::Tag:
        return QStringLiteral("TAG");
    case QueryNode::Filter::After:
        return QStringLiteral("AFTER");
    case QueryNode::Filter::Before:
        return QStringLiteral("BEFORE");
    case QueryNode::Filter::Date:
        return QStringLiteral("DATE");
    case QueryNode::Filter::IsRead:
        return QStringLiteral("IS read");
    case QueryNode::Filter::IsUnread:
        return QStringLiteral("IS unread");
    case QueryNode::Filter::IsStarred:
        return QStringLiteral("IS starred");
    case QueryNode::Filter::None:
        break;
    }
    return QStringLiteral("?");
}

} // namespace

ParsedQuery QueryParser::parse(const QString& text)
{
    ParsedQuery parsed;
    Lexer lexer(text, parsed.hints);
    Parser parser(lexer.tokens(), parsed.hints);
    parsed.root = parser.parseAll();
    if (parsed.root.empty() && parser.m_dropped > 0) {
        // Something was typed, but nothing in it can be searched for: find nothing, not all.
        parsed.matchesNothing = true;
        parsed.hints.append(QStringLiteral("nothing to search for: the index holds words and "
                                           "numbers, not punctuation or symbols"));
    }
    return parsed;
}

QString describe(const QueryNode& node)
{
    const QString column = node.column.isEmpty() ? QString() : node.column + QLatin1Char(':');
    switch (node.type) {
    case QueryNode::Type::Term:
        return QStringLiteral("(TERM %1%2)").arg(column, node.text);
    case QueryNode::Type::Phrase:
        return QStringLiteral("(PHRASE %1\"%2\")").arg(column, node.text);
    case QueryNode::Type::Prefix:
        return QStringLiteral("(PREFIX %1%2*)").arg(column, node.text);
    case QueryNode::Type::Filter: {
        if (node.filter == QueryNode::Filter::IsRead ||
            node.filter == QueryNode::Filter::IsUnread ||
            node.filter == QueryNode::Filter::IsStarred)
            return QStringLiteral("(%1)").arg(filterName(node.filter));
        return QStringLiteral("(%1 %2)").arg(filterName(node.filter), node.text);
    }
    case QueryNode::Type::And:
    case QueryNode::Type::Or:
    case QueryNode::Type::Not: {
        QString text = node.type == QueryNode::Type::And  ? QStringLiteral("(AND")
                       : node.type == QueryNode::Type::Or ? QStringLiteral("(OR")
                                                          : QStringLiteral("(NOT");
        for (const QueryNode& child : node.children)
            text += QLatin1Char(' ') + describe(child);
        return text + QLatin1Char(')');
    }
    }
    return {};
}

} // namespace broadsheet::core
