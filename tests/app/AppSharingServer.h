// AppSharingServer: for suites that run Gui::Application as main() builds it against the real
// conclave-server. It starts the server (with an organisation owning a mail domain of its own,
// when asked), points the app's user settings at it with a fresh data folder per test function
// and no machine policy, and signs accounts up and in through the app's own AccountClient.
#pragma once

#include "ServerAccounts.h"
#include "ServerHarness.h"

#include "app/Application.h"
#include "core/crypto/KdfParams.h"
#include "core/crypto/SecureBytes.h"
#include "core/policy/UserSharingSettings.h"
#include "core/sync/AccountClient.h"

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUuid>

#include <optional>

class AppSharingServer final
{
    Q_DISABLE_COPY_MOVE(AppSharingServer)

public:
    AppSharingServer() = default;

    // Before any Gui::Application: test paths, the memory keychain, and the names Application
    // sets, so that the settings written here are the ones it reads.
    static void prepareProcess()
    {
        QStandardPaths::setTestModeEnabled(true);
        qputenv("CONCLAVE_KEYCHAIN", "memory");
        QCoreApplication::setOrganizationName(QStringLiteral("Conclave"));
        QCoreApplication::setApplicationName(QStringLiteral("Conclave"));
    }

    // Starts the server with generous sign-up and sign-in limits (`extraLimits` are more
    // [limits] lines); with `domainLabel`, an organisation owns "<random>.<domainLabel>".
    bool start(const QString& name, const QString& domainLabel = {}, const QStringList& extraLimits = {})
    {
        prepareProcess();
        QStringList config = {QStringLiteral("[limits]"), QStringLiteral("loginPerAddress=10000"),
                              QStringLiteral("signupPerAddress=10000"),
                              QStringLiteral("verifyPerAddress=10000")};
        config += extraLimits;
        m_server.setConfig(config);
        if (!m_server.start(name))
            return false;
        if (domainLabel.isEmpty())
            return true;
        m_domain = QUuid::createUuid().toString(QUuid::Id128).left(10) + u'.' + domainLabel;
        QString orgId;
        if (m_server.admin({QStringLiteral("create-org"), QStringLiteral("--name"), QStringLiteral("Org"),
                            QStringLiteral("--owner"), ServerAccounts::uniqueEmail("owner", m_domain)},
                           &orgId) != 0)
            return false;
        m_orgId = orgId.trimmed();
        return m_server.admin({QStringLiteral("add-domain"), QStringLiteral("--org"), m_orgId,
                               QStringLiteral("--domain"), m_domain}) == 0;
    }

    void stop() { m_server.stop(); }

    // For init(): a data folder of its own, no machine policy, the user's settings naming the
    // server.
    void newRun()
    {
        const QString run = m_dirs.filePath(QString::number(++m_runs));
        QSettings::setPath(QSettings::NativeFormat, QSettings::SystemScope, run + QStringLiteral("/system"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, run + QStringLiteral("/user"));
        QSettings settings;
        Conclave::Core::UserSharingSettings user;
        user.serverUrl = QUrl(m_server.baseUrl());
        user.save(settings);
    }

    // Signs up and verifies `email` through the app's client (the cheapest KDF allowed).
    bool signUp(Conclave::Gui::Application& root, const QString& email, const QString& name,
                const Conclave::Core::SecureBytes& password, QObject* context)
    {
        using namespace Conclave::Core;
        AccountClient* client = root.accountClient();
        client->setNewPasswordCost(KdfParams::kMinOpsLimit, KdfParams::kMinMemLimit);
        std::optional<Status> done;
        client->signUp(email, name, password.clone(), context, [&](Status s) { done = s; });
        if (!QTest::qWaitFor([&] { return done.has_value(); }, 60000) || !done->ok())
            return false;
        done.reset();
        client->verifyEmail(email, m_server.latestCode(email), context, [&](Status s) { done = s; });
        return QTest::qWaitFor([&] { return done.has_value(); }, 60000) && done->ok();
    }

    bool signIn(Conclave::Gui::Application& root, const QString& email,
                const Conclave::Core::SecureBytes& password, QObject* context)
    {
        std::optional<Conclave::Core::Status> done;
        root.accountClient()->signIn(email, password.clone(), context,
                                     [&](Conclave::Core::Status s) { done = s; });
        return QTest::qWaitFor([&] { return done.has_value(); }, 60000) && done->ok();
    }

    ServerHarness& server() { return m_server; }
    QString orgId() const { return m_orgId; }
    QString domain() const { return m_domain; }

private:
    ServerHarness m_server;
    QTemporaryDir m_dirs;
    QString m_orgId;
    QString m_domain;
    int m_runs = 0;
};
