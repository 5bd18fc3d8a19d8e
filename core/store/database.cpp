// SPDX-License-Identifier: GPL-3.0-or-later
#include "database.h"

#include "write_failure.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLoggingCategory>

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <mutex>
#include <thread>

Q_LOGGING_CATEGORY(lcStore, "broadsheet.store", QtInfoMsg)

namespace broadsheet::core {

struct Database::BusyState {
    QString path;
    WaitingCallback waiting;
    QElapsedTimer since; ///< started at a wait's first retry
    bool told = false;
};

namespace {

// SQLite calls this while another connection holds the lock this one needs: wait a little
// longer each time (1 ms doubling up to 100 ms, so a short commit costs little and a long
// one is not polled hard), say what it waits for after a few seconds, and give up only
// after kBusyLimitMs, with SQLITE_BUSY and a message that names the library.
int waitForLock(void* data, int attempt)
{
    auto* state = static_cast<Database::BusyState*>(data);
    if (attempt == 0) {
        state->since.start();
        state->told = false;
    }
    const qint64 waited = state->since.elapsed();
    if (waited >= Database::kBusyLimitMs)
        return 0;
    if (!state->told && waited >= Database::kBusyNoticeMs) {
        state->told = true;
        const QString message =
            QStringLiteral("%1: waiting for another program that is writing to this library")
                .arg(QDir::toNativeSeparators(state->path));
        if (state->waiting)
            state->waiting(message);
        else
            qCInfo(lcStore).noquote() << message;
    }
    const int delayMs = std::min(100, 1 << std::min(attempt, 7));
    std::this_thread::sleep_for(std::chrono::milliseconds(delayMs));
    return 1;
}

} // namespace

// ---- Statement ----

Statement::Statement(Statement&& other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr))
{
}

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(other.m_stmt, nullptr);
    }
    return *this;
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement& Statement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

Statement& Statement::bind(int index, double value)
{
    sqlite3_bind_double(m_stmt, index, value);
    return *this;
}

Statement& Statement::bind(int index, const QString& value)
{
    if (value.isNull())
        return bindNull(index);
    const QByteArray utf8 = value.toUtf8();
    sqlite3_bind_text64(m_stmt, index, utf8.constData(), static_cast<sqlite3_uint64>(utf8.size()),
                        SQLITE_TRANSIENT, SQLITE_UTF8);
    return *this;
}

Statement& Statement::bindText(int index, const QString& value)
{
    return value.isNull() ? bind(index, QStringLiteral("")) : bind(index, value);
}

Statement& Statement::bind(int index, const QByteArray& value)
{
    if (value.isNull())
        return bindNull(index);
    sqlite3_bind_blob64(m_stmt, index, value.constData(), static_cast<sqlite3_uint64>(value.size()),
                        SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bindUtf8(int index, const QByteArray& utf8)
{
    sqlite3_bind_text64(m_stmt, index, utf8.constData(), static_cast<sqlite3_uint64>(utf8.size()),
                        SQLITE_TRANSIENT, SQLITE_UTF8);
    return *this;
}

Statement& Statement::bind(int index, std::optional<qint64> value)
{
    return value ? bind(index, *value) : bindNull(index);
}

Statement& Statement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

Result<bool> Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    Error error = Database::errorOf(sqlite3_db_handle(m_stmt), QStringLiteral("running a query"));
    sqlite3_reset(m_stmt);
    return error;
}

Result<void> Statement::run()
{
    auto result = forEachRow([](const Statement&) {});
    reset();
    return result;
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

qint64 Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

QString Statement::text(int column) const
{
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    const int size = sqlite3_column_bytes(m_stmt, column);
    return data ? QString::fromUtf8(data, size) : QString();
}

QByteArray Statement::blob(int column) const
{
    const auto* data = static_cast<const char*>(sqlite3_column_blob(m_stmt, column));
    const int size = sqlite3_column_bytes(m_stmt, column);
    return data ? QByteArray(data, size) : QByteArray();
}

std::optional<qint64> Statement::optionalInt64(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return int64(column);
}

// ---- Database ----

namespace {

// Each connection lives on one thread, so SQLite's own locking only costs. Its memory
// statistics take one process-wide mutex on every allocation: with a worker scanning a
// million rows, the GUI thread's page fetch waited on that mutex for a quarter of a
// second. Both must be set before SQLite initialises; a later call is harmlessly refused.
void configureSqliteOnce()
{
    static std::once_flag once;
    std::call_once(once, [] {
        sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    });
}

} // namespace

Result<Database> Database::open(const QString& path, Mode mode)
{
    configureSqliteOnce();
    int flags = SQLITE_OPEN_NOMUTEX;
    switch (mode) {
    case Mode::ReadOnly:
    case Mode::Immutable:
        flags |= SQLITE_OPEN_READONLY;
        break;
    case Mode::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case Mode::ReadWriteCreate:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    }
    if (mode != Mode::ReadWriteCreate && !QFileInfo::exists(path))
        return Error{ErrorCode::NotFound,
                     QStringLiteral("%1: no library there").arg(QDir::toNativeSeparators(path))};

    sqlite3* handle = nullptr;
    QByteArray name = QFile::encodeName(path);
    if (mode == Mode::Immutable) {
        // As a URI: its path is percent-encoded, so any file name survives.
        flags |= SQLITE_OPEN_URI;
        name = "file:" + name.toPercentEncoding("/") + "?immutable=1";
    }
    const int rc = sqlite3_open_v2(name.constData(), &handle, flags, nullptr);
    if (rc != SQLITE_OK) {
        QString message = handle ? QString::fromUtf8(sqlite3_errmsg(handle))
                                 : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_close(handle);
        return Error{QStringLiteral("%1: cannot open the library: %2")
                         .arg(QDir::toNativeSeparators(path), message)};
    }
    sqlite3_extended_result_codes(handle, 1);
    return Database(handle, path);
}

namespace {

// The libraries this process has connections to. POSIX locks belong to the process, and
// closing any descriptor of a file drops them all: nothing may open a file of a library
// (its header, its -shm) with plain I/O while SQLite holds locks on it here.
struct OpenFiles {
    std::mutex mutex;
    QHash<QString, int> counts;
};

OpenFiles& openFiles()
{
    static OpenFiles files;
    return files;
}

QString keyOf(const QString& path)
{
    return QFileInfo(path).absoluteFilePath();
}

void noteOpened(const QString& path, int change)
{
    OpenFiles& files = openFiles();
    const std::lock_guard lock(files.mutex);
    const QString key = keyOf(path);
    const int count = files.counts.value(key) + change;
    if (count > 0)
        files.counts.insert(key, count);
    else
        files.counts.remove(key);
}

} // namespace

bool Database::isOpenHere(const QString& path)
{
    OpenFiles& files = openFiles();
    const std::lock_guard lock(files.mutex);
    return files.counts.contains(keyOf(path));
}

Database::Database() = default;

Database::Database(sqlite3* db, QString path)
    : m_db(db)
    , m_path(std::move(path))
    , m_busy(std::make_unique<BusyState>())
{
    m_busy->path = m_path;
    sqlite3_busy_handler(m_db, waitForLock, m_busy.get());
    noteOpened(m_path, 1);
}

Database::Database(Database&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_path(std::move(other.m_path))
    , m_busy(std::move(other.m_busy))
    , m_onRollback(std::move(other.m_onRollback))
    , m_stop(std::move(other.m_stop))
{
}

Database& Database::operator=(Database&& other) noexcept
{
    if (this != &other) {
        if (m_db)
            noteOpened(m_path, -1);
        sqlite3_close_v2(m_db);
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
        m_busy = std::move(other.m_busy);
        m_onRollback = std::move(other.m_onRollback);
        m_stop = std::move(other.m_stop);
    }
    return *this;
}

Database::~Database()
{
    if (m_db) {
        sqlite3_close_v2(m_db);
        noteOpened(m_path, -1);
    }
}

Result<void> Database::exec(const char* sql)
{
    char* message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        sqlite3_free(message);
        return lastError(QStringLiteral("updating the library"));
    }
    return {};
}

Result<Statement> Database::prepare(const char* sql)
{
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK)
        return lastError(QStringLiteral("preparing a query"));
    return Statement(stmt);
}

Result<qint64> Database::queryInt(const char* sql)
{
    auto stmt = prepare(sql);
    if (!stmt)
        return stmt.error();
    auto row = stmt->step();
    if (!row)
        return row.error();
    return *row ? stmt->int64(0) : qint64{0};
}

Result<void> Database::backupTo(const QString& target)
{
    sqlite3* destination = nullptr;
    const int opened =
        sqlite3_open_v2(QFile::encodeName(target).constData(), &destination,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    auto fail = [&](const QString& what) {
        Error error{QStringLiteral("%1: cannot make a backup: %2")
                        .arg(QDir::toNativeSeparators(target), what)};
        if (destination && (sqlite3_errcode(destination) & 0xff) == SQLITE_FULL)
            error.code = ErrorCode::DiskFull;
        sqlite3_close(destination);
        return error;
    };
    if (opened != SQLITE_OK)
        return fail(
            QString::fromUtf8(destination ? sqlite3_errmsg(destination) : sqlite3_errstr(opened)));
    sqlite3_backup* backup = sqlite3_backup_init(destination, "main", m_db, "main");
    if (!backup)
        return fail(QString::fromUtf8(sqlite3_errmsg(destination)));
    // All pages in one step: a snapshot no other writer can disturb halfway.
    const int stepped = sqlite3_backup_step(backup, -1);
    const int finished = sqlite3_backup_finish(backup);
    if (stepped != SQLITE_DONE || finished != SQLITE_OK) {
        const int code = stepped != SQLITE_DONE ? stepped : finished;
        if ((code & 0xff) == SQLITE_FULL)
            return fail(QStringLiteral("the disk is full"));
        return fail(QString::fromUtf8(sqlite3_errstr(code)));
    }
    // A backup is one file, complete without a -wal beside it.
    char* message = nullptr;
    if (sqlite3_exec(destination, "PRAGMA journal_mode = DELETE", nullptr, nullptr, &message) !=
        SQLITE_OK) {
        const QString what = QString::fromUtf8(message ? message : "journal mode");
        sqlite3_free(message);
        return fail(what);
    }
    if (sqlite3_close(destination) != SQLITE_OK)
        return fail(QStringLiteral("closing it failed"));
    return {};
}

qint64 Database::totalChanges() const
{
    return sqlite3_total_changes64(m_db);
}

bool Database::inTransaction() const
{
    return sqlite3_get_autocommit(m_db) == 0;
}

qint64 Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

void Database::interrupt()
{
    if (m_db)
        sqlite3_interrupt(m_db);
}

void Database::setStopToken(const std::stop_token* token)
{
    setStopToken(token, std::chrono::steady_clock::time_point::max());
}

void Database::setStopToken(const std::stop_token* token,
                            std::chrono::steady_clock::time_point deadline)
{
    const bool timed = deadline != std::chrono::steady_clock::time_point::max();
    if ((!token || !token->stop_possible()) && !timed) {
        sqlite3_progress_handler(m_db, 0, nullptr, nullptr);
        return;
    }
    m_stop->token = token && token->stop_possible() ? token : nullptr;
    m_stop->deadline = deadline;
    // Every few thousand virtual-machine steps: often enough to stop within a millisecond.
    constexpr int kSteps = 4096;
    sqlite3_progress_handler(
        m_db, kSteps,
        [](void* data) -> int {
            const auto* stop = static_cast<const StopState*>(data);
            if (stop->token && stop->token->stop_requested())
                return 1;
            return std::chrono::steady_clock::now() >= stop->deadline ? 1 : 0;
        },
        m_stop.get());
}

void Database::setWaitingCallback(WaitingCallback callback)
{
    if (m_busy)
        m_busy->waiting = std::move(callback);
}

void Database::setRollbackCallback(std::function<void()> callback)
{
    m_onRollback =
        callback ? std::make_unique<std::function<void()>>(std::move(callback)) : nullptr;
    sqlite3_rollback_hook(
        m_db,
        m_onRollback ? +[](void* called) { (*static_cast<std::function<void()>*>(called))(); }
                     : nullptr,
        m_onRollback.get());
}

Result<qint64> Database::dataVersion()
{
    return queryInt("PRAGMA data_version");
}

Error Database::lastError(const QString& doing) const
{
    return errorOf(m_db, doing);
}

Error Database::errorOf(sqlite3* db, const QString& doing)
{
    const int code = sqlite3_extended_errcode(db);
    QString what = QString::fromUtf8(sqlite3_errmsg(db));
    const char* file = sqlite3_db_filename(db, "main");
    const QString path = file && *file ? QString::fromUtf8(file) : QStringLiteral("library");
    if ((code & 0xff) == SQLITE_INTERRUPT)
        return Error{
            QStringLiteral("%1: %2 was cancelled").arg(QDir::toNativeSeparators(path), doing),
            true};
    ErrorCode kind = ErrorCode::Failed;
    const bool writeFailed = code == SQLITE_IOERR_WRITE || code == SQLITE_IOERR_FSYNC ||
                             code == SQLITE_IOERR_TRUNCATE || code == SQLITE_IOERR_SHMSIZE ||
                             code == SQLITE_IOERR_SHMMAP || code == SQLITE_IOERR_DIR_FSYNC;
    if ((code & 0xff) == SQLITE_FULL || writeFailed) {
        // SQLite says "disk I/O error" for a size limit and a read-only drive, and only
        // ENOSPC is SQLITE_FULL: the drive is asked what it was.
        const QString cause = writeFailureCause(path);
        if (!cause.isEmpty() || (code & 0xff) == SQLITE_FULL) {
            kind = ErrorCode::DiskFull;
            what = cause.isEmpty() ? QStringLiteral("the disk is full; free some space and "
                                                    "try again")
                                   : cause;
        }
    } else if ((code & 0xff) == SQLITE_READONLY) {
        kind = ErrorCode::ReadOnly;
        what = QStringLiteral("the library is read-only (%1)").arg(what);
    } else if ((code & 0xff) == SQLITE_BUSY) {
        kind = ErrorCode::Busy;
        what = QStringLiteral("another program kept the library locked for over %1 s; "
                              "close it or wait for it to finish, then try again")
                   .arg(kBusyLimitMs / 1000);
    } else if ((code & 0xff) == SQLITE_CORRUPT) {
        kind = ErrorCode::Damaged;
        what = QStringLiteral("the library is damaged (%1); Broadsheet will not write to it "
                              "(broadsheet-cli backups lists the backups to restore)")
                   .arg(what);
    } else if ((code & 0xff) == SQLITE_NOTADB) {
        kind = ErrorCode::NotALibrary;
        what = QStringLiteral("this file is not a Broadsheet library (not a SQLite database)");
    }
    return Error{
        kind, QStringLiteral("%1: %2 failed: %3").arg(QDir::toNativeSeparators(path), doing, what)};
}

// ---- Transaction ----

Result<Transaction> Transaction::begin(Database& db)
{
    if (auto r = db.exec("BEGIN IMMEDIATE"); !r)
        return r.error();
    return Transaction(&db);
}

Result<Transaction> Transaction::beginOrJoin(Database& db)
{
    if (db.inTransaction())
        return Transaction(nullptr); // the caller's transaction commits or rolls back
    return begin(db);
}

Transaction::Transaction(Transaction&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
{
}

Transaction::~Transaction()
{
    if (m_db)
        (void)m_db->exec("ROLLBACK");
}

Result<void> Transaction::commit()
{
    if (!m_db)
        return {}; // joined the caller's, or already committed
    auto r = m_db->exec("COMMIT");
    if (r)
        m_db = nullptr;
    return r;
}

// ---- ReadTransaction ----

Result<ReadTransaction> ReadTransaction::begin(Database& db)
{
    if (db.inTransaction())
        return ReadTransaction(nullptr); // the snapshot (or write) the caller holds
    if (auto r = db.exec("BEGIN DEFERRED"); !r)
        return r.error();
    return ReadTransaction(&db);
}

ReadTransaction::ReadTransaction(ReadTransaction&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
{
}

ReadTransaction::~ReadTransaction()
{
    // A read has nothing to keep: COMMIT and ROLLBACK both just end the snapshot.
    if (m_db && m_db->inTransaction())
        (void)m_db->exec("COMMIT");
}

} // namespace broadsheet::core
