// KnownAccounts: which accounts have signed in on this computer, so that before a sign-in the
// client finds the account's security-state store (SecurityStateStore, keyed by user id) and
// with it the KDF parameters it last accepted: a server that hands out weaker ones later is
// refused (DESIGN §6). One owner-only JSON file in the app's data folder maps a BLAKE2b
// hash of server and address (not the address itself) to the user id and the store's last
// generation, which SecurityStateStore needs from outside its own file to refuse an older copy.
#pragma once

#include "core/util/Result.h"

#include <QString>
#include <QUrl>
#include <QUuid>

#include <optional>

namespace Conclave::Core {

class KnownAccounts final
{
public:
    struct Entry
    {
        QUuid userId;
        quint64 generation = 0;
    };

    // `directory` is created when the first account is remembered.
    explicit KnownAccounts(QString directory);

    // A malformed index file is an error: it is never taken for "no account seen yet".
    Result<std::optional<Entry>> find(const QUrl& server, const QString& email) const;
    Status remember(const QUrl& server, const QString& email, const Entry& entry);
    // Where the account's security state is kept.
    QString statePath(const QUuid& userId) const;
    QString indexPath() const;
    // Creates the folder (owner-only) before a state file is written into it.
    Status prepare() const;

    // Lower case, no surrounding space: the form the server compares too.
    static QString normaliseEmail(const QString& email);

private:
    static QString key(const QUrl& server, const QString& email);

    QString m_directory;
};

} // namespace Conclave::Core
