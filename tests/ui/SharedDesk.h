// SharedDesk: for the GUI suites of the shared tree (TestSharedTree, TestSharedEdit) against
// the real conclave-server: one person's computer as the app builds it, and the lookups in
// the tree and in files those suites make.
#pragma once

#include "SyncFixture.h"

#include "core/keychain/MemorySecretStore.h"
#include "core/storage/ConnectionRepository.h"
#include "core/sync/SyncEngine.h"
#include "ui/ConnectionTreeModel.h"
#include "ui/MainWindow.h"

#include <QAbstractItemModelTester>
#include <QDirIterator>
#include <QFile>

#include <cstring>
#include <memory>

namespace {

using namespace Conclave::Core;
using namespace Conclave::Gui;

SecureBytes pw(const char* text)
{
    return SecureBytes(text, std::strlen(text));
}

// One person's computer: the app's network stack, account client, sync engine, local store
// and main window.
struct Desk
{
    Desk(const QUrl& server, const QString& directory)
        : settings(EffectiveSettings::merge(SyncFixture::userSettings(server), MachinePolicy()))
        , gate(settings)
        , network(gate)
        , api(network, server, Clock::system())
        , client(api, directory)
        , engine(client, directory)
        , repository(ConnectionRepository::open(directory + QStringLiteral("/connections.db")))
    {
        client.setNewPasswordCost(KdfParams::kMinOpsLimit, KdfParams::kMinMemLimit);
        MainWindow::Services services;
        services.repository = repository.get();
        services.secrets = &secrets;
        window = std::make_unique<MainWindow>(services);
        tester = std::make_unique<QAbstractItemModelTester>(
            window->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }
    ~Desk()
    {
        tester.reset();
        window.reset();
    }

    EffectiveSettings settings;
    SharingGate gate;
    GatedNetworkAccessManager network;
    ApiConnection api;
    AccountClient client;
    SyncEngine engine;
    std::unique_ptr<ConnectionRepository> repository;
    MemorySecretStore secrets;
    std::unique_ptr<MainWindow> window;
    std::unique_ptr<QAbstractItemModelTester> tester;
};

bool fileTreeContains(const QString& directory, const QByteArray& needle)
{
    QDirIterator it(directory, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            return true;
    }
    return false;
}

QModelIndex findByName(const QAbstractItemModel* model, const QString& name, const QModelIndex& parent = {})
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        if (index.data().toString() == name)
            return index;
        if (const QModelIndex below = findByName(model, name, index); below.isValid())
            return below;
    }
    return {};
}

} // namespace
