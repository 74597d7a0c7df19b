// Drives QtKeychain jobs asynchronously with a timeout and one retry; see KeychainSecretStore.h.
#include "core/keychain/KeychainSecretStore.h"

#include "core/util/LogCategories.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>

#include <qt6keychain/keychain.h>
#include <sodium.h>

#include <memory>
#include <optional>
#include <utility>

namespace Conclave::Core {

namespace {

// Translation context of this file's messages, visible to lupdate.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Conclave::Core::KeychainSecretStore)
};

enum class JobType
{
    Read,
    Write,
    Delete
};

// The state of one operation across its job attempts, shared by the job's finished handler,
// the retry timer and the timeout timer. Whichever settles it first reports; the rest do nothing.
struct JobRun
{
    JobType type = JobType::Read;
    QString service;
    QString key;
    QString what; // translated name of the secret, for messages
    // Write only. Shared with the job, which reads it when it actually starts, possibly after the
    // operation has timed out while queued behind another job.
    std::shared_ptr<const SecureBytes> payload;
    int timeoutMs = 0;
    int retryDelayMs = 0;
    QPointer<QObject> context;
    std::function<void(Result<SecureBytes>)> finish; // value only for reads
    bool settled = false;
    int attempts = 0;
    QElapsedTimer elapsed;
};

// QtKeychain hands data out in implicitly shared QByteArrays; secureWipe() would detach and wipe
// a private copy, so the shared buffer is wiped in place before the job frees it.
void wipeSharedBuffer(const QByteArray& bytes)
{
    if (!bytes.isEmpty())
        sodium_memzero(const_cast<char*>(bytes.constData()), std::size_t(bytes.size()));
}

QString operationFailure(JobType type, const QString& what, const QString& detail)
{
    // The backend's detail (often English only) ends the sentence, so it gets its full stop.
    QString reason = detail.trimmed().isEmpty() ? Tr::tr("unknown error") : detail.trimmed();
    if (!reason.endsWith(QLatin1Char('.')))
        reason += QLatin1Char('.');
    switch (type) {
    case JobType::Read:
        return Tr::tr("The %1 could not be read from the system keychain: %2").arg(what, reason);
    case JobType::Write:
        return Tr::tr("The %1 could not be saved in the system keychain: %2").arg(what, reason);
    case JobType::Delete:
        return Tr::tr("The %1 could not be removed from the system keychain: %2").arg(what, reason);
    }
    return reason;
}

Error keychainError(JobType type, QKeychain::Error code, const QString& detail, const QString& what)
{
    switch (code) {
    case QKeychain::EntryNotFound:
        return Error::make(ErrorCode::NotFound,
                           Tr::tr("No %1 is stored in the system keychain for this connection.").arg(what));
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        // Secret Service reports a locked collection this way too (after a failed unlock prompt).
        return Error::make(ErrorCode::Denied, Tr::tr("The system keychain is locked or refused access. "
                                                     "Unlock it (for example in your desktop's password "
                                                     "manager) and try again."));
    case QKeychain::NoBackendAvailable:
        return Error::make(ErrorCode::Unavailable,
                           Tr::tr("No system keychain is available on this computer."));
    case QKeychain::NotImplemented:
        return Error::make(ErrorCode::Unavailable,
                           Tr::tr("The system keychain on this computer does not support this."));
    case QKeychain::CouldNotDeleteEntry:
        return Error::make(ErrorCode::Io, operationFailure(type, what, detail));
    case QKeychain::NoError:
    case QKeychain::OtherError:
        break;
    }
    return Error::make(ErrorCode::Unavailable, operationFailure(type, what, detail));
}

Error timeoutError()
{
    return Error::make(ErrorCode::Timeout, Tr::tr("The system keychain did not answer in time. "
                                                  "It may be locked or busy."));
}

// Errors that typically mean the Secret Service is still starting (or D-Bus activation of it
// lost a race), worth one more try.
bool isTransient(QKeychain::Error code)
{
    return code == QKeychain::OtherError || code == QKeychain::NoBackendAvailable;
}

const char* typeName(JobType type)
{
    switch (type) {
    case JobType::Read:
        return "read";
    case JobType::Write:
        return "write";
    case JobType::Delete:
        return "delete";
    }
    return "?";
}

// Every job is set up here. No parent: a job must outlive its caller if D-Bus has not
// answered yet (see header). Never QtKeychain's insecure fallback, which would keep the
// secret in a plaintext settings file when the keychain does not answer.
void prepareJob(QKeychain::Job* job, const QString& key)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
}

void startAttempt(const std::shared_ptr<JobRun>& run);

void onJobFinished(const std::shared_ptr<JobRun>& run, QKeychain::Job* job)
{
    const QKeychain::Error code = job->error();
    std::optional<QByteArray> data;
    if (run->type == JobType::Read)
        data = static_cast<QKeychain::ReadPasswordJob*>(job)->binaryData();

    if (run->settled) {
        if (data)
            wipeSharedBuffer(*data);
        qCDebug(lcCoreKeychain) << "ignoring a late keychain answer:" << typeName(run->type) << run->key;
        return;
    }

    if (isTransient(code) && run->attempts == 1 &&
        run->elapsed.elapsed() + run->retryDelayMs < run->timeoutMs) {
        qCInfo(lcCoreKeychain) << "keychain not ready, retrying once:" << typeName(run->type) << run->key
                               << int(code) << job->errorString();
        if (data)
            wipeSharedBuffer(*data);
        QObject* context = run->context;
        if (context) {
            QTimer::singleShot(run->retryDelayMs, context, [run] {
                if (!run->settled)
                    startAttempt(run);
            });
        }
        return;
    }

    run->settled = true;
    if (code == QKeychain::NoError || (run->type == JobType::Delete && code == QKeychain::EntryNotFound)) {
        qCDebug(lcCoreKeychain) << "keychain" << typeName(run->type) << "done:" << run->key;
        SecureBytes value;
        if (data) {
            value = SecureBytes::fromView(*data);
            wipeSharedBuffer(*data);
        }
        run->finish(std::move(value));
        return;
    }
    if (data)
        wipeSharedBuffer(*data);
    if (code == QKeychain::EntryNotFound)
        qCDebug(lcCoreKeychain) << "keychain entry not found:" << run->key;
    else
        qCWarning(lcCoreKeychain) << "keychain" << typeName(run->type) << "failed:" << run->key << int(code)
                                  << job->errorString();
    run->finish(keychainError(run->type, code, job->errorString(), run->what));
}

void startAttempt(const std::shared_ptr<JobRun>& run)
{
    QObject* context = run->context;
    if (!context)
        return;
    ++run->attempts;

    QKeychain::Job* job = nullptr;
    switch (run->type) {
    case JobType::Read:
        job = new QKeychain::ReadPasswordJob(run->service);
        break;
    case JobType::Write: {
        auto* writeJob = new QKeychain::WritePasswordJob(run->service);
        // A raw-data QByteArray points into the locked buffer, so no heap copy of the secret is
        // made here (QtKeychain's backends still make their own while encoding for D-Bus).
        writeJob->setBinaryData(QByteArray::fromRawData(reinterpret_cast<const char*>(run->payload->data()),
                                                        qsizetype(run->payload->size())));
        // Ties the payload's lifetime to the job: the slot object dies with the job.
        QObject::connect(writeJob, &QKeychain::Job::finished, writeJob,
                         [payload = run->payload](QKeychain::Job*) { Q_UNUSED(payload); });
        job = writeJob;
        break;
    }
    case JobType::Delete:
        job = new QKeychain::DeletePasswordJob(run->service);
        break;
    }
    prepareJob(job, run->key);
    QObject::connect(job, &QKeychain::Job::finished, context,
                     [run](QKeychain::Job* finished) { onJobFinished(run, finished); });
    job->start();
}

void runJob(std::shared_ptr<JobRun> run)
{
    QObject* context = run->context;
    run->elapsed.start();
    startAttempt(run);
    QTimer::singleShot(run->timeoutMs, context, [run] {
        if (run->settled)
            return;
        run->settled = true;
        qCWarning(lcCoreKeychain) << "keychain" << typeName(run->type) << "timed out after" << run->timeoutMs
                                  << "ms:" << run->key;
        run->finish(timeoutError());
    });
}

// Removes an entry nobody waits for any more (a probe entry whose write timed out but may still
// land). QtKeychain queues it behind the hung job and deletes it when done.
void discardEntry(const QString& service, const QString& key)
{
    auto* job = new QKeychain::DeletePasswordJob(service);
    prepareJob(job, key);
    job->start();
}

std::function<void(Result<SecureBytes>)> toStatusCallback(SecretStore::StatusCallback done)
{
    return [done = std::move(done)](Result<SecureBytes> result) {
        if (!done)
            return;
        if (result)
            done(Status());
        else
            done(result.error());
    };
}

// A job for `key` with the store's service, time limit and retry delay.
std::shared_ptr<JobRun> newRun(const KeychainSecretStore& store, JobType type, const QString& key,
                               const QString& what, QObject* context)
{
    auto run = std::make_shared<JobRun>();
    run->type = type;
    run->service = store.service();
    run->key = key;
    run->what = what;
    run->timeoutMs = int(store.timeout().count());
    run->retryDelayMs = int(store.retryDelay().count());
    run->context = context;
    return run;
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QObject* parent)
    : KeychainSecretStore(defaultService(), parent)
{}

KeychainSecretStore::KeychainSecretStore(const QString& service, QObject* parent)
    : SecretStore(parent)
    , m_service(service)
{}

KeychainSecretStore::~KeychainSecretStore() = default;

QString KeychainSecretStore::entryKey(const QUuid& connectionId, SecretKind kind)
{
    return QStringLiteral("connection/") + connectionId.toString(QUuid::WithoutBraces) + QLatin1Char('/') +
           secretKindName(kind);
}

QString KeychainSecretStore::backendName() const
{
#if defined(Q_OS_MACOS)
    return tr("macOS Keychain");
#elif defined(Q_OS_WIN)
    return tr("Windows Credential Manager");
#else
    return tr("Secret Service");
#endif
}

void KeychainSecretStore::read(const QUuid& connectionId, SecretKind kind, QObject* context,
                               ReadCallback done)
{
    QObject* target = effectiveContext(context);
    if (!acceptTarget(connectionId, kind, target, done))
        return;
    auto run =
        newRun(*this, JobType::Read, entryKey(connectionId, kind), secretKindDisplayName(kind), target);
    run->finish = [done = std::move(done)](Result<SecureBytes> result) {
        if (done)
            done(std::move(result));
    };
    runJob(std::move(run));
}

void KeychainSecretStore::write(const QUuid& connectionId, SecretKind kind, SecureBytes value,
                                QObject* context, StatusCallback done)
{
    QObject* target = effectiveContext(context);
    if (!acceptWrite(connectionId, kind, value, target, done))
        return;
    auto run =
        newRun(*this, JobType::Write, entryKey(connectionId, kind), secretKindDisplayName(kind), target);
    run->payload = std::make_shared<const SecureBytes>(std::move(value));
    run->finish = toStatusCallback(std::move(done));
    runJob(std::move(run));
}

void KeychainSecretStore::remove(const QUuid& connectionId, SecretKind kind, QObject* context,
                                 StatusCallback done)
{
    QObject* target = effectiveContext(context);
    if (!acceptTarget(connectionId, kind, target, done))
        return;
    auto run =
        newRun(*this, JobType::Delete, entryKey(connectionId, kind), secretKindDisplayName(kind), target);
    run->finish = toStatusCallback(std::move(done));
    runJob(std::move(run));
}

void KeychainSecretStore::readEntry(const QString& key, QObject* context, ReadCallback done)
{
    QObject* target = effectiveContext(context);
    if (!isValidEntryKey(key))
        return post<Result<SecureBytes>>(
            target, std::move(done),
            Result<SecureBytes>(Error::make(ErrorCode::InvalidInput,
                                            tr("The keychain entry name is not valid."),
                                            QStringLiteral("key"))));
    auto run = newRun(*this, JobType::Read, key, tr("your own credential"), target);
    run->finish = [done = std::move(done)](Result<SecureBytes> result) {
        if (done)
            done(std::move(result));
    };
    runJob(std::move(run));
}

void KeychainSecretStore::writeEntry(const QString& key, SecureBytes value, QObject* context,
                                     StatusCallback done)
{
    QObject* target = effectiveContext(context);
    Status valid =
        isValidEntryKey(key)
            ? validateValue(value)
            : Status(Error::make(ErrorCode::InvalidInput, tr("The keychain entry name is not valid."),
                                 QStringLiteral("key")));
    if (!valid) {
        value.clear();
        return post<Status>(target, std::move(done), valid);
    }
    auto run = newRun(*this, JobType::Write, key, tr("your own credential"), target);
    run->payload = std::make_shared<const SecureBytes>(std::move(value));
    run->finish = toStatusCallback(std::move(done));
    runJob(std::move(run));
}

void KeychainSecretStore::removeEntry(const QString& key, QObject* context, StatusCallback done)
{
    QObject* target = effectiveContext(context);
    if (!isValidEntryKey(key))
        return post<Status>(
            target, std::move(done),
            Status(Error::make(ErrorCode::InvalidInput, tr("The keychain entry name is not valid."),
                               QStringLiteral("key"))));
    auto run = newRun(*this, JobType::Delete, key, tr("your own credential"), target);
    run->finish = toStatusCallback(std::move(done));
    runJob(std::move(run));
}

void KeychainSecretStore::removeAll(const QUuid& connectionId, QObject* context, StatusCallback done)
{
    QObject* target = effectiveContext(context);
    if (!acceptTarget(connectionId, std::nullopt, target, done))
        return;
    // One delete per kind; the caller hears once, after all of them, with the first failure.
    struct Tally
    {
        std::size_t pending = kAllSecretKinds.size();
        std::optional<Error> firstError;
        StatusCallback done;
    };
    auto tally = std::make_shared<Tally>();
    tally->done = std::move(done);
    for (SecretKind kind : kAllSecretKinds) {
        remove(connectionId, kind, target, [tally](Status status) {
            if (!status && !tally->firstError)
                tally->firstError = status.error();
            if (--tally->pending > 0 || !tally->done)
                return;
            if (tally->firstError)
                tally->done(*tally->firstError);
            else
                tally->done(Status());
        });
    }
}

void KeychainSecretStore::probe(QObject* context, StatusCallback done)
{
    QObject* target = effectiveContext(context);
    const QString key = QStringLiteral("probe/") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString what = tr("test entry");
    auto expected = std::make_shared<const SecureBytes>(SecureBytes::random(32));

    auto writeRun = newRun(*this, JobType::Write, key, what, target);
    auto readRun = newRun(*this, JobType::Read, key, what, target);
    auto deleteRun = newRun(*this, JobType::Delete, key, what, target);
    writeRun->payload = expected;

    // The first failure is reported; the probe entry is removed even after a failed read, unless
    // the keychain stopped answering (another job would only wait for the same timeout again).
    auto report = std::make_shared<StatusCallback>(std::move(done));
    auto failure = std::make_shared<std::optional<Error>>();
    auto reportOnce = [report](Status status) {
        if (*report)
            std::exchange(*report, nullptr)(std::move(status));
    };
    deleteRun->finish = [reportOnce, failure](Result<SecureBytes> result) {
        if (*failure)
            reportOnce(**failure);
        else
            reportOnce(result ? Status() : Status(result.error()));
    };
    const QString service = m_service;
    readRun->finish = [reportOnce, failure, expected, deleteRun, service, key](Result<SecureBytes> result) {
        if (!result) {
            *failure = result.error();
            if (result.error().code == ErrorCode::Timeout) {
                discardEntry(service, key);
                reportOnce(result.error());
                return;
            }
        } else if (!(result.value() == *expected)) {
            *failure = Error::make(ErrorCode::Corrupt,
                                   Tr::tr("The system keychain returned different data than was stored "
                                          "in it."));
        }
        runJob(deleteRun);
    };
    writeRun->finish = [reportOnce, readRun, service, key](Result<SecureBytes> result) {
        if (!result) {
            if (result.error().code == ErrorCode::Timeout)
                discardEntry(service, key);
            reportOnce(result.error());
            return;
        }
        runJob(readRun);
    };
    qCDebug(lcCoreKeychain) << "probing the keychain with" << key;
    runJob(std::move(writeRun));
}

} // namespace Conclave::Core
