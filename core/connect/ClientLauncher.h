// ClientLauncher: "Open". Starts the kind's client (mongosh, psql, mysql, redis-cli, ssh) in
// the user's terminal. Credentials never go on a command line:
//   psql       PGPASSFILE pointing at a 0600 file
//   mysql      --defaults-extra-file pointing at a 0600 file
//   redis-cli  REDISCLI_AUTH in the client's environment, set from SecureBytes into the
//              started process only (never a QString in the plan's environment)
//   mongosh    no password; mongosh prompts for it (its only file-free safe option)
//   ssh        no password; ssh prompts; `-i <path>` only for a key that is a file already
// Credential files live in a private 0700 directory that is removed when the terminal exits,
// or after a grace time when the terminal detaches (see LauncherSettings).
#pragma once

#include "core/connect/LaunchCredentials.h"
#include "core/connect/LaunchPlan.h"
#include "core/connect/LauncherSettings.h"
#include "core/model/Connection.h"
#include "core/util/Result.h"

#include <QObject>
#include <QUuid>

#include <memory>

namespace Conclave::Core {

class ClientLauncher final : public QObject
{
    Q_OBJECT

public:
    explicit ClientLauncher(LauncherSettings settings = {}, QObject* parent = nullptr);
    ~ClientLauncher() override; // removes every credential file still present
    Q_DISABLE_COPY_MOVE(ClientLauncher)

    const LauncherSettings& settings() const { return m_settings; }
    void setSettings(const LauncherSettings& settings) { m_settings = settings; }
    // Where private directories are made; default: XDG_RUNTIME_DIR, else the temp folder.
    void setTemporaryRoot(const QString& path) { m_temporaryRoot = path; }

    // Builds what launch() would start, writing credential files, but starts nothing.
    Result<LaunchPlan> plan(const Connection& connection, const LaunchCredentials& credentials) const;
    // Starts a plan. Asynchronous: failure to start arrives as launchFailed().
    Status launch(LaunchPlan plan, const QUuid& connectionId = {});
    Status open(const Connection& connection, const LaunchCredentials& credentials);

    int runningCount() const;

Q_SIGNALS:
    void launched(const QUuid& connectionId);
    void launchFailed(const QUuid& connectionId, const QString& message);
    // The credential files of a launch are gone (directory path, for tests and logs).
    void cleanedUp(const QString& directory);

private:
    struct Running;

    Result<QStringList> clientArguments(const Connection& connection, const LaunchCredentials& credentials,
                                        LaunchPlan& plan) const;
    Status writeSecretFile(LaunchPlan& plan, const QString& name, QByteArray& content) const;
    void retire(Running* running, bool detached);

    LauncherSettings m_settings;
    QString m_temporaryRoot;
    std::vector<std::unique_ptr<Running>> m_running;
};

} // namespace Conclave::Core
