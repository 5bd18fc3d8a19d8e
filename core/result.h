// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace broadsheet::core {

/// What kind of failure an Error is, for a front end to act on and word for its user (the
/// CLI's exit codes and flags, the window's questions); `message` is the core's own words.
enum class ErrorCode {
    Failed,    ///< anything else: the message says what and where
    Cancelled, ///< stopped on request
    Invalid,   ///< bad input from the user: a name, a query, a value
    NotFound,  ///< no such article, tag, rule or library
    Exists,    ///< the destination is there already and replacing it was not allowed
    Busy,      ///< another program kept the library locked too long
    DiskFull,
    ReadOnly,     ///< the library or destination cannot be written
    NotALibrary,  ///< the file is not a SQLite database
    NewerLibrary, ///< written by a newer Broadsheet: refused untouched
    Damaged,      ///< fails its check, is truncated or lost its WAL: never written to
    Unauthorized, ///< a server refused the account's user name or password
    Unreachable,  ///< a server did not answer (down, no network, timed out): try later
    Unsupported,  ///< the server (its API) cannot do what was asked: asking again will not help
};

/// A failure the user can cause or fix: a message that names what and where, and its code.
struct Error {
    QString message;
    bool cancelled = false; ///< the operation was stopped on request, not failed
    ErrorCode code = ErrorCode::Failed;

    Error() = default;
    Error(QString text, bool wasCancelled = false)
        : message(std::move(text))
        , cancelled(wasCancelled)
        , code(wasCancelled ? ErrorCode::Cancelled : ErrorCode::Failed)
    {
    }
    Error(ErrorCode kind, QString text)
        : message(std::move(text))
        , cancelled(kind == ErrorCode::Cancelled)
        , code(kind)
    {
    }

    friend bool operator==(const Error&, const Error&) = default;
};

/// A value or an Error: ordinary failures are values, never exceptions
/// (GCC 12 has no std::expected yet).
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    {
    }
    Result(Error error)
        : m_data(std::in_place_index<1>, std::move(error))
    {
    }

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<0>(m_data); }
    const T& value() const& { return std::get<0>(m_data); }
    T&& value() && { return std::get<0>(std::move(m_data)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

/// Result for operations that return nothing on success.
template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
        , m_failed(true)
    {
    }

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

} // namespace broadsheet::core
