// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QByteArray>
#include <QString>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <stop_token>
#include <type_traits>

struct sqlite3;
struct sqlite3_stmt;

namespace broadsheet::core {

class Database;

/// A prepared statement: bind() values by 1-based index, step() through rows,
/// read typed columns. Finalised on destruction. Every SQL text is a literal
/// in the code; every value from outside is bound.
class Statement {
public:
    Statement() = default;
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    Statement& bind(int index, qint64 value);
    Statement& bind(int index, int value) { return bind(index, static_cast<qint64>(value)); }
    Statement& bind(int index, bool value) { return bind(index, static_cast<qint64>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, const QString& value);
    /// Text for a NOT NULL column: a null QString is bound as '' (bind() binds it as NULL).
    Statement& bindText(int index, const QString& value); ///< a null QString binds NULL
    Statement& bind(int index, const QByteArray& value);  ///< a blob
    /// Text already in UTF-8: saves a conversion when the same text is bound twice.
    Statement& bindUtf8(int index, const QByteArray& utf8);
    Statement& bind(int index, std::optional<qint64> value);
    Statement& bindNull(int index);

    /// Runs one step: true when a row is ready, false when done.
    Result<bool> step();
    /// Runs to completion, ignoring rows.
    Result<void> run();
    /// Steps through every row, calling `onRow(*this)` for each; stops at the first error,
    /// or when an `onRow` that returns bool returns false.
    template <typename OnRow>
    Result<void> forEachRow(OnRow&& onRow)
    {
        for (;;) {
            auto row = step();
            if (!row)
                return row.error();
            if (!*row)
                return {};
            if constexpr (std::is_same_v<std::invoke_result_t<OnRow&, Statement&>, bool>) {
                if (!onRow(*this))
                    return {};
            } else {
                onRow(*this);
            }
        }
    }
    /// Makes the statement ready to run again with new bindings.
    void reset();

    bool isNull(int column) const;
    qint64 int64(int column) const;
    double real(int column) const;
    QString text(int column) const;
    QByteArray blob(int column) const;
    std::optional<qint64> optionalInt64(int column) const;

private:
    friend class Database;
    explicit Statement(sqlite3_stmt* stmt)
        : m_stmt(stmt)
    {
    }

    sqlite3_stmt* m_stmt = nullptr;
};

/// One connection to a SQLite file. Owns the handle; not shared between threads
/// (each worker opens its own). When another connection (often another process) holds the
/// write lock, a write waits for it with a bounded back-off instead of failing at once, and
/// says what it waits for once the wait grows long.
class Database {
public:
    /// Immutable: read-only, and SQLite may assume nobody changes the file (no -wal or -shm
    /// is made: a library in a folder that cannot be written).
    enum class Mode { ReadWrite, ReadWriteCreate, ReadOnly, Immutable };

    /// How long a write waits for another writer before it gives up: an import in another
    /// process commits far more often than this.
    static constexpr int kBusyLimitMs = 120000;
    /// After this long, the waiting callback is told (once per wait).
    static constexpr int kBusyNoticeMs = 3000;
    /// Told, on the waiting thread, that a write has waited kBusyNoticeMs for the lock.
    using WaitingCallback = std::function<void(const QString& message)>;

    static Result<Database> open(const QString& path, Mode mode);

    Database();
    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    bool isOpen() const { return m_db != nullptr; }
    const QString& path() const { return m_path; }

    /// Whether this process has a connection to the library at `path` open: then its files
    /// must not be opened with plain I/O (closing one would drop SQLite's POSIX locks).
    static bool isOpenHere(const QString& path);

    /// Runs one or more statements without parameters (schema, pragmas).
    Result<void> exec(const char* sql);
    Result<Statement> prepare(const char* sql);
    Result<qint64> queryInt(const char* sql);
    /// Copies the database into the file `target` (replacing what it holds) with SQLite's
    /// online backup API: one consistent snapshot, while others go on reading and writing.
    Result<void> backupTo(const QString& target);
    /// Rows changed by this connection since it opened (sqlite3_total_changes).
    qint64 totalChanges() const;

    /// True inside BEGIN … COMMIT.
    bool inTransaction() const;
    qint64 lastInsertRowId() const;
    int changes() const;
    /// Aborts whatever this connection runs now; safe to call from another thread.
    void interrupt();
    /// While set, statements on this connection stop (with a cancelled Error) soon after
    /// `token` is asked to stop. Pass nullptr to clear; the token must outlive the setting.
    void setStopToken(const std::stop_token* token);
    /// The same, and also once `deadline` has passed (a search's time budget).
    void setStopToken(const std::stop_token* token, std::chrono::steady_clock::time_point deadline);
    /// Who hears that a write waits for another writer (a log line when none is set).
    void setWaitingCallback(WaitingCallback callback);
    /// Called whenever a transaction on this connection rolls back, asked or not (a failed
    /// COMMIT on a full disk): whoever keeps ids it wrote forgets them. It must not use the
    /// connection.
    void setRollbackCallback(std::function<void()> callback);
    /// SQLite's data_version: changes when another connection commits to the file. A
    /// reader polls it to notice another process's writes.
    Result<qint64> dataVersion();

    /// An Error whose message names the library file and what SQLite said.
    Error lastError(const QString& doing) const;
    static Error errorOf(sqlite3* db, const QString& doing);

    struct BusyState; ///< the busy handler's state; on the heap, so moves keep it in place

private:
    Database(sqlite3* db, QString path);

    sqlite3* m_db = nullptr;
    QString m_path;
    std::unique_ptr<BusyState> m_busy;
    std::unique_ptr<std::function<void()>> m_onRollback; ///< on the heap, as m_busy
    struct StopState {
        const std::stop_token* token = nullptr;
        std::chrono::steady_clock::time_point deadline;
    };
    std::unique_ptr<StopState> m_stop = std::make_unique<StopState>();
};

/// BEGIN IMMEDIATE … COMMIT, for writes; rolls back when destroyed without commit(). In a
/// process, only the LibraryWriter's connection begins one (the CLI's single thread too).
class Transaction {
public:
    static Result<Transaction> begin(Database& db);
    /// Begins one, or joins the caller's when one is open: then commit() leaves the
    /// commit (and a failure the rollback) to the caller's transaction.
    static Result<Transaction> beginOrJoin(Database& db);
    Transaction(Transaction&& other) noexcept;
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    Transaction& operator=(Transaction&&) = delete;
    ~Transaction();

    Result<void> commit();

private:
    explicit Transaction(Database* db)
        : m_db(db)
    {
    }
    Database* m_db = nullptr;
};

/// BEGIN DEFERRED … COMMIT, for reads: every statement inside sees one snapshot of the
/// library, and no lock is taken that a writer would wait for. Joins a transaction the
/// connection has open already. Ends when destroyed.
class ReadTransaction {
public:
    static Result<ReadTransaction> begin(Database& db);
    ReadTransaction(ReadTransaction&& other) noexcept;
    ReadTransaction(const ReadTransaction&) = delete;
    ReadTransaction& operator=(const ReadTransaction&) = delete;
    ReadTransaction& operator=(ReadTransaction&&) = delete;
    ~ReadTransaction();

private:
    explicit ReadTransaction(Database* db)
        : m_db(db)
    {
    }
    Database* m_db = nullptr;
};

} // namespace broadsheet::core
