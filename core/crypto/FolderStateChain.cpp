// Checking and extending a folder's signed state chain.
#include "core/crypto/FolderStateChain.h"

#include "core/crypto/CryptoErrors.h"
#include "core/crypto/ItemEnvelope.h"
#include "core/crypto/MembershipState.h"
#include "core/crypto/UserKeys.h"

namespace Conclave::Core {

namespace {
const QString kField = QStringLiteral("folderState");

Error stateError(ErrorCode code, const char* text)
{
    return CryptoErrors::make(code, text, kField);
}
} // namespace

FolderStateChain::FolderStateChain(const QUuid& folderId)
    : m_folderId(folderId)
    , m_head(FolderState::kHashSize, '\0')
{}

QByteArray FolderStateChain::headHash() const
{
    return m_head;
}

bool FolderStateChain::follows(const FolderState& state) const
{
    return state.fields().sequence == m_sequence + 1 && state.fields().previousHash == m_head;
}

QList<FolderStateChain::Undo> FolderStateChain::applyAll(const QList<ItemEnvelope>& envelopes)
{
    QList<Undo> undo;
    undo.reserve(envelopes.size());
    for (const ItemEnvelope& envelope : envelopes) {
        const QUuid& id = envelope.header().itemId;
        undo.append({id, m_items.hashOf(id)});
        if (envelope.header().kind == ItemKind::DeleteMarker)
            m_items.erase(id);
        else
            m_items.set(id, envelope.hash());
    }
    return undo;
}

void FolderStateChain::revert(const QList<Undo>& undo)
{
    for (auto it = undo.crbegin(); it != undo.crend(); ++it) {
        if (it->previousHash.isEmpty())
            m_items.erase(it->itemId);
        else
            m_items.set(it->itemId, it->previousHash);
    }
}

FolderState::Fields FolderStateChain::baseFields(const MembershipState& members, const QUuid& writerId,
                                                 quint64 timeMs) const
{
    FolderState::Fields f;
    f.folderId = m_folderId;
    f.sequence = m_sequence + 1;
    f.previousHash = m_head;
    f.logLength = members.length();
    f.logHead = members.headHash();
    f.writerId = writerId;
    f.timeMs = timeMs;
    return f;
}

FolderState FolderStateChain::makeWrite(const ItemEnvelope& envelope, const MembershipState& members,
                                        const QUuid& writerId, const UserKeys& writer, quint64 timeMs)
{
    FolderState::Fields f = baseFields(members, writerId, timeMs);
    f.change = FolderState::Change::Write;
    f.itemId = envelope.header().itemId;
    f.envelopeHash = envelope.hash();
    const QList<Undo> undo = applyAll({envelope});
    f.itemCount = m_items.count();
    f.itemsDigest = m_items.digest();
    revert(undo);
    return FolderState::sign(f, writer);
}

FolderState FolderStateChain::makeRotation(const QList<ItemEnvelope>& reencrypted,
                                           const MembershipState& members, const QUuid& writerId,
                                           const UserKeys& writer, quint64 timeMs)
{
    FolderState::Fields f = baseFields(members, writerId, timeMs);
    f.change = FolderState::Change::Rotation;
    const QList<Undo> undo = applyAll(reencrypted);
    f.itemCount = m_items.count();
    f.itemsDigest = m_items.digest();
    revert(undo);
    return FolderState::sign(f, writer);
}

Status FolderStateChain::checkSigned(const FolderState& state, const MembershipState& members,
                                     LogView view) const
{
    const FolderState::Fields& f = state.fields();
    if (f.folderId != m_folderId || members.folderId() != m_folderId)
        return stateError(
            ErrorCode::Protocol,
            QT_TRANSLATE_NOOP("Conclave::Core::Crypto", "A folder state belongs to a different folder."));
    // The membership log the write was made against must be the one this party holds: not
    // a position it has not seen, not a fork of it, and for the server not an old one.
    const bool known =
        f.logLength >= 1 && f.logLength <= members.length() && members.hashAt(f.logLength - 1) == f.logHead;
    if (!known || (view == LogView::Current && f.logLength != members.length()))
        return stateError(ErrorCode::Protocol,
                          QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                            "A change to the folder was made against a membership list that "
                                            "is outdated or differs from the one this computer accepted."));
    const FolderRole needed =
        f.change == FolderState::Change::Rotation ? FolderRole::Manage : FolderRole::Edit;
    if (!roleAtLeast(members.roleAt(f.writerId, f.logLength), needed))
        return stateError(ErrorCode::Denied,
                          QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                            "A change to the folder was made by a member without the right "
                                            "to make it."));
    if (!UserKeys::verify(members.identityKeyAt(f.writerId, f.logLength), state.signedPart(),
                          state.signature()))
        return stateError(ErrorCode::Crypto, QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                                               "A folder state has an invalid signature."));
    return {};
}

Status FolderStateChain::checkItems(const FolderState& state) const
{
    if (state.fields().itemCount != m_items.count() || state.fields().itemsDigest != m_items.digest())
        return stateError(ErrorCode::Protocol,
                          QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                            "The folder's items do not match its signed state: an item, a "
                                            "deletion or a newer revision is missing."));
    return {};
}

Status FolderStateChain::acceptWrite(const FolderState& state, const ItemEnvelope& envelope,
                                     const MembershipState& members, LogView view)
{
    const FolderState::Fields& f = state.fields();
    if (!follows(state))
        return stateError(ErrorCode::Protocol,
                          QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                            "A change to the folder does not follow the last one this "
                                            "computer accepted: a change is missing or the history was "
                                            "altered."));
    if (const Status signedOk = checkSigned(state, members, view); !signedOk)
        return signedOk;
    if (f.change != FolderState::Change::Write || f.itemId != envelope.header().itemId ||
        f.envelopeHash != envelope.hash() || f.writerId != envelope.header().authorId ||
        envelope.header().folderId != m_folderId)
        return stateError(ErrorCode::Protocol,
                          QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                            "A folder state does not describe the item written with it."));
    const QList<Undo> undo = applyAll({envelope});
    if (const Status matched = checkItems(state); !matched) {
        revert(undo);
        return matched;
    }
    m_sequence = f.sequence;
    m_head = state.hash();
    return {};
}

Status FolderStateChain::acceptRotation(const FolderState& state, const QList<ItemEnvelope>& reencrypted,
                                        const MembershipState& members, LogView view)
{
    const FolderState::Fields& f = state.fields();
    if (!follows(state))
        return stateError(ErrorCode::Protocol,
                          QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                            "A change to the folder does not follow the last one this "
                                            "computer accepted: a change is missing or the history was "
                                            "altered."));
    if (const Status signedOk = checkSigned(state, members, view); !signedOk)
        return signedOk;
    for (const ItemEnvelope& envelope : reencrypted) {
        if (f.change != FolderState::Change::Rotation || envelope.header().authorId != f.writerId ||
            envelope.header().folderId != m_folderId)
            return stateError(
                ErrorCode::Protocol,
                QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                  "A folder state does not describe the item written with it."));
    }
    const QList<Undo> undo = applyAll(reencrypted);
    if (const Status matched = checkItems(state); !matched) {
        revert(undo);
        return matched;
    }
    m_sequence = f.sequence;
    m_head = state.hash();
    return {};
}

Status FolderStateChain::acceptSnapshot(const FolderState& state, const QList<ItemEnvelope>& latest,
                                        const MembershipState& members)
{
    std::vector<Listed> listed;
    listed.reserve(std::size_t(latest.size()));
    for (const ItemEnvelope& envelope : latest)
        listed.push_back(
            {envelope.header().folderId, envelope.header().itemId, envelope.header().kind, envelope.hash()});
    return acceptSnapshot(state, listed, members);
}

Status FolderStateChain::acceptSnapshot(const FolderState& state, const std::vector<Listed>& latest,
                                        const MembershipState& members)
{
    if (!isEmpty())
        return stateError(ErrorCode::Protocol,
                          QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                            "A change to the folder does not follow the last one this "
                                            "computer accepted: a change is missing or the history was "
                                            "altered."));
    if (const Status signedOk = checkSigned(state, members, LogView::Known); !signedOk)
        return signedOk;
    for (const Listed& item : latest) {
        if (item.folderId != m_folderId || m_items.contains(item.itemId)) {
            m_items = FolderItemSet();
            return stateError(
                ErrorCode::Protocol,
                QT_TRANSLATE_NOOP("Conclave::Core::Crypto",
                                  "The server listed an item twice or one from another folder."));
        }
        if (item.kind != ItemKind::DeleteMarker)
            m_items.set(item.itemId, item.hash);
    }
    if (const Status matched = checkItems(state); !matched) {
        m_items = FolderItemSet();
        return matched;
    }
    m_sequence = state.fields().sequence;
    m_head = state.hash();
    return {};
}

} // namespace Conclave::Core
