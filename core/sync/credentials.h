// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "article/library_values.h"
#include "result.h"

#include <QString>

// Where a sync account's password is kept: the system keyring (Secret Service, KWallet:
// QtKeychain) when the desktop has one, else a file in the user's configuration folder
// that only the user can read. Never the library, a log, an export or a message.
namespace broadsheet::core::credentials {

/// The fallback file: $BROADSHEET_CREDENTIALS when set (tests), else
/// <config>/broadsheet/sync-passwords.json, mode 0600.
QString fallbackFile();
/// Whether a keyring is to be asked (a session bus, and $BROADSHEET_NO_KEYRING unset).
bool keyringAvailable();

/// Keeps the account's password; says where in `where` ("the system keyring" or the file).
Result<void> store(const SyncAccount& account, const QString& password, QString* where = nullptr);
/// The account's password; `ErrorCode::NotFound` when none is kept.
Result<QString> load(const SyncAccount& account);
/// Forgets it (wherever it is kept); not having one is no error.
void forget(const SyncAccount& account);

} // namespace broadsheet::core::credentials
