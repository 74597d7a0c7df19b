// SecurityState: what a client must remember across restarts so a server cannot undo what
// the client already accepted (DESIGN §6 "Persistent security state"): the key pins, per
// folder the membership log checkpoint and the latest accepted folder state, per item the
// highest accepted revision and hash, and the account's last accepted KDF parameters.
// SecurityStateStore persists it; the sync layer loads it before it believes any server
// answer and passes checkpoint()/seen() to MembershipLog::replay and ItemReader.
#pragma once

#include "core/crypto/ItemReader.h"
#include "core/crypto/KdfParams.h"
#include "core/crypto/KeyPinStore.h"
#include "core/crypto/LogCheckpoint.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QUuid>

#include <map>
#include <optional>
#include <set>
#include <utility>

namespace Conclave::Core {

class FolderState;
class MembershipState;

struct SecurityState
{
    struct FolderRecord
    {
        LogCheckpoint log; // length 0: no log accepted yet
        // The folder state chain: write sequence and hash (32 bytes) of the latest accepted
        // state; empty hash: none accepted yet.
        quint64 writeSequence = 0;
        QByteArray stateHash;
    };

    KeyPinStore pins;
    std::map<QUuid, FolderRecord> folders;
    std::map<std::pair<QUuid, QUuid>, ItemReader::Seen> items; // (folder id, item id)
    std::optional<KdfParams> lastKdf;

    std::optional<LogCheckpoint> checkpoint(const QUuid& folderId) const;
    std::optional<ItemReader::Seen> seen(const QUuid& folderId, const QUuid& itemId) const;

    // Record what was accepted. None of them ever moves backwards: an older value than the
    // one held is ignored (the caller's replay or reader has refused it already).
    void acceptLog(const MembershipState& state);
    void acceptFolderState(const QUuid& folderId, quint64 writeSequence, const QByteArray& stateHash);
    // The same for a state FolderStateChain accepted: its folder, sequence and hash().
    void acceptFolderState(const FolderState& state);
    // Before a chain rebuilt after a restart (FolderStateChain::acceptSnapshot) is believed:
    // refuses a state older than the recorded one (rollback) or one with the recorded
    // sequence and another hash (fork). A folder without a record passes.
    [[nodiscard]] Status checkFolderState(const FolderState& state) const;
    void acceptItem(const QUuid& folderId, const QUuid& itemId, const ItemReader::Seen& seen);

    // Which records the accept*() calls changed since a store last saved this object, so that
    // SecurityStateStore::save() writes only those (and clears this). A state not saved yet
    // counts as changed throughout; a change made to the maps directly must be followed by
    // markAllChanged(), or the next save of this object leaves it out.
    struct Touched
    {
        Touched() = default;
        // A copy, or a state assigned or moved over another, is not the object that was saved.
        // The object a state was moved out of is not either.
        Touched(const Touched&) {}
        Touched(Touched&& other) noexcept { other.markAll(); }
        Touched& operator=(const Touched&)
        {
            markAll();
            return *this;
        }
        Touched& operator=(Touched&& other) noexcept
        {
            markAll();
            other.markAll();
            return *this;
        }
        ~Touched() = default;
        void markAll()
        {
            folders.clear();
            items.clear();
            all = true;
        }

        std::set<QUuid> folders;
        std::set<std::pair<QUuid, QUuid>> items;
        bool all = true;
        // The store and its save this counts from (SecurityStateStore).
        quint64 store = 0;
        quint64 save = 0;
    };
    void markAllChanged() const { touched.markAll(); }
    mutable Touched touched;

private:
    void touchFolder(const QUuid& folderId);
};

} // namespace Conclave::Core
