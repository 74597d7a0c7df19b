// Fixed keys and a fixed three-member folder (the first three log entries of the vectors) for
// the fuzz targets. They match the inputs of
// tests/data/crypto/vectors.txt, so the seed corpus (made from those vectors by
// make_corpus.py) reaches signature checks and decryption, not just the first length check.
#pragma once

#include "core/crypto/FolderKeyRing.h"
#include "core/crypto/MembershipLog.h"
#include "core/crypto/MembershipState.h"
#include "core/crypto/UserKeys.h"

#include <QUuid>

namespace Conclave::Core::Fuzz {

inline SecureBytes counting(unsigned char start)
{
    SecureBytes out(32);
    for (std::size_t i = 0; i < 32; ++i)
        out.data()[i] = static_cast<unsigned char>(start + i);
    return out;
}

struct FuzzFixture
{
    QUuid org = QUuid::fromString(QLatin1String("00000000-0000-4000-8000-00000000000a"));
    QUuid folder = QUuid::fromString(QLatin1String("00000000-0000-4000-8000-00000000000f"));
    QUuid item = QUuid::fromString(QLatin1String("00000000-0000-4000-8000-000000000001"));
    QUuid aliceId = QUuid::fromString(QLatin1String("00000000-0000-4000-8000-0000000000a1"));
    QUuid bobId = QUuid::fromString(QLatin1String("00000000-0000-4000-8000-0000000000b0"));
    QUuid carolId = QUuid::fromString(QLatin1String("00000000-0000-4000-8000-0000000000c0"));
    UserKeys alice = UserKeys::fromSecrets(counting(0x00), counting(0x20)).value();
    UserKeys bob = UserKeys::fromSecrets(counting(0x60), counting(0x80)).value();
    UserKeys carol = UserKeys::fromSecrets(counting(0xe0), counting(0x10)).value();
    MembershipState state{folder};
    MembershipState rotatedState{folder}; // state + a rotation to version 2 (key counting(0xc0))
    FolderKeyRing ring{folder};

    FuzzFixture()
    {
        ring.insert(1, counting(0xa0));
        ring.insert(2, counting(0xc0));
        (void)state.apply(MembershipLog::create(folder, aliceId, alice, *ring.key(1), 1700000000000));
        (void)state.apply(MembershipLog::next(state, MembershipAction::Add, aliceId, alice, bobId,
                                              bob.identityPublicKey(), FolderRole::Edit, 1700000000001));
        (void)state.apply(MembershipLog::next(state, MembershipAction::Add, aliceId, alice, carolId,
                                              carol.identityPublicKey(), FolderRole::View, 1700000000002));
        rotatedState = state;
        (void)rotatedState.apply(
            MembershipLog::rotate(rotatedState, aliceId, alice, *ring.key(2), 1700000000005));
    }

    static const FuzzFixture& instance()
    {
        static const FuzzFixture s_fixture;
        return s_fixture;
    }
};

} // namespace Conclave::Core::Fuzz
