// SharingTeam: the real conclave-server (tests/server/ServerHarness) with one organisation
// whose domain admits the team's addresses, and helpers to sign people up (verified by the
// outbox code), sign a SharingDevice in and start its engine, and admit a member to a folder
// the way a manager does today (key looked up, safety number compared, add entry, grant).
#pragma once

#include "ServerHarness.h"
#include "SharingDevice.h"

#include "core/crypto/FolderRole.h"

#include <QString>
#include <QUrl>
#include <QUuid>

class SharingTeam final
{
    Q_DISABLE_COPY_MOVE(SharingTeam)

public:
    SharingTeam() = default;

    // Starts the server (logs under `name`) and makes the organisation.
    bool start(const QString& name);
    void stop() { m_server.stop(); }

    ServerHarness& server() { return m_server; }
    QUrl url() const { return m_url; }
    QUuid orgId() const { return m_orgId; }
    // A new address in the organisation's domain.
    QString email(const char* prefix) const;

    bool signUp(const QString& email, const char* password);
    static bool signIn(SharingDevice& device, const QString& email, const char* password);
    // `manager` adds `member` (whose own device proves the safety number) with `role`.
    static bool addMember(SharingDevice& manager, const QUuid& folderId, SharingDevice& member,
                          const QString& memberEmail, Conclave::Core::FolderRole role);

private:
    ServerHarness m_server;
    QUrl m_url;
    QUuid m_orgId;
    QString m_domain;
};
