// Keychain probe and memory fallback; see SecretStoreFactory.h.
#include "core/keychain/SecretStoreFactory.h"

#include "core/keychain/MemorySecretStore.h"
#include "core/util/LogCategories.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QObject>
#include <QPointer>

#if defined(CONCLAVE_HAVE_QTDBUS)
#include <QDBusConnection>
#endif

#include <utility>

namespace Conclave::Core {

namespace {

// Translation context of this file's messages, visible to lupdate.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SecretStoreFactory)
};

QString memoryConsequence()
{
    return Tr::tr("Passwords and keys are kept in memory until Conclave quits and "
                  "will be asked for again next time.");
}

void deliver(QObject* context, SecretStoreFactory::Callback done, std::unique_ptr<SecretStore> store,
             const QString& reason)
{
    if (!reason.isEmpty())
        qCInfo(lcCoreKeychain) << "using the memory secret store:" << reason;
    else
        qCInfo(lcCoreKeychain) << "using the system keychain";
    // Shared holders keep the queued lambda copyable; the store is handed over exactly once.
    auto holder = std::make_shared<std::unique_ptr<SecretStore>>(std::move(store));
    auto callback = std::make_shared<SecretStoreFactory::Callback>(std::move(done));
    QMetaObject::invokeMethod(
        context,
        [holder, callback, reason] {
            if (*callback)
                (*callback)(std::move(*holder), reason);
        },
        Qt::QueuedConnection);
}

void fallBack(QObject* context, SecretStoreFactory::Callback done, const QString& why)
{
    deliver(context, std::move(done), std::make_unique<MemorySecretStore>(),
            why + QLatin1Char(' ') + memoryConsequence());
}

} // namespace

void SecretStoreFactory::create(QObject* context, Callback done)
{
    create(context, Options(), std::move(done));
}

void SecretStoreFactory::create(QObject* context, const Options& options, Callback done)
{
    if (!context)
        return;

    const QString mode = qEnvironmentVariable(kModeVariable).trimmed().toLower();
    if (mode == QLatin1String("memory")) {
        fallBack(context, std::move(done),
                 Tr::tr("The system keychain is not used because %1 is set to \u201cmemory\u201d.")
                     .arg(QLatin1String(kModeVariable)));
        return;
    }
    if (!mode.isEmpty() && mode != QLatin1String("system"))
        qCWarning(lcCoreKeychain) << "ignoring unknown" << kModeVariable << "value" << mode;

#if !defined(CONCLAVE_HAVE_QTKEYCHAIN)
    Q_UNUSED(options);
    fallBack(context, std::move(done), Tr::tr("This build of Conclave has no keychain support."));
    return;
#else
#if defined(CONCLAVE_HAVE_QTDBUS)
    // Without a session bus the Secret Service cannot be reached; saying so is clearer than the
    // library error a probe would produce.
    if (!QDBusConnection::sessionBus().isConnected()) {
        fallBack(context, std::move(done),
                 Tr::tr("No D-Bus session is running, so Conclave cannot reach the "
                        "system keychain (Secret Service)."));
        return;
    }
#endif
    auto store = std::make_shared<std::unique_ptr<KeychainSecretStore>>(
        std::make_unique<KeychainSecretStore>(options.service));
    (*store)->setTimeout(options.timeout);
    KeychainSecretStore* probing = store->get();
    QPointer<QObject> guard(context);
    probing->probe(context, [store, guard, done = std::move(done)](Status status) mutable {
        if (!guard)
            return;
        if (status) {
            deliver(guard, std::move(done), std::move(*store), QString());
            return;
        }
        fallBack(guard, std::move(done),
                 Tr::tr("Conclave cannot use the system keychain.") + QLatin1Char(' ') +
                     status.error().message);
    });
#endif
}

} // namespace Conclave::Core
