// ConnectionEditorDialog: see the header.
#include "ui/ConnectionEditorDialog.h"

#include "core/keychain/MemorySecretStore.h"
#include "core/keychain/SecretStore.h"
#include "ui/ConnectionCheckDialog.h"
#include "ui/ConnectionTreeModel.h"
#include "ui/FormTableWidget.h"

#include <QCheckBox>
#include <QCollator>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStyle>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace Conclave::Gui {

using namespace Conclave::Core;

namespace {

enum HostColumn
{
    HostColumnHost,
    HostColumnPort
};
enum OptionColumn
{
    OptionColumnKey,
    OptionColumnValue
};

// Colours offered for a connection: enough to tell production from staging at a glance.
struct NamedColor
{
    const char* name;
    const char* value;
};
constexpr NamedColor kColors[] = {
    {QT_TRANSLATE_NOOP("Conclave::Gui::ConnectionEditorDialog", "Red"), "#d64545"},
    {QT_TRANSLATE_NOOP("Conclave::Gui::ConnectionEditorDialog", "Orange"), "#e08a2e"},
    {QT_TRANSLATE_NOOP("Conclave::Gui::ConnectionEditorDialog", "Yellow"), "#d8b62b"},
    {QT_TRANSLATE_NOOP("Conclave::Gui::ConnectionEditorDialog", "Green"), "#3f9a4d"},
    {QT_TRANSLATE_NOOP("Conclave::Gui::ConnectionEditorDialog", "Blue"), "#2f6fb0"},
    {QT_TRANSLATE_NOOP("Conclave::Gui::ConnectionEditorDialog", "Purple"), "#7d4fb0"},
    {QT_TRANSLATE_NOOP("Conclave::Gui::ConnectionEditorDialog", "Grey"), "#7a7f87"},
};

QIcon colorSwatch(const QString& color)
{
    QPixmap pixmap(14, 14);
    pixmap.fill(QColor(color));
    return QIcon(pixmap);
}

SecureBytes secureFromLineEdit(QLineEdit* edit)
{
    QByteArray utf8 = edit->text().toUtf8();
    SecureBytes result = SecureBytes::fromView(utf8);
    secureWipe(utf8);
    return result;
}

} // namespace

ConnectionEditorDialog::ConnectionEditorDialog(const Connection& connection, bool isNew, QWidget* parent)
    : QDialog(parent)
    , m_original(connection)
    , m_result(connection)
    , m_isNew(isNew)
    , m_shownKind(connection.kind)
{
    setObjectName(QStringLiteral("ConnectionEditorDialog"));
    setWindowTitle(isNew ? tr("New Connection") : tr("Edit Connection"));
    setModal(true);

    auto* layout = new QVBoxLayout(this);
    m_readOnlyNote = new QLabel(tr("You may only view this shared connection. You can still change your own "
                                   "credentials on the Authentication tab."),
                                this);
    m_readOnlyNote->setObjectName(QStringLiteral("readOnlyNote"));
    m_readOnlyNote->setWordWrap(true);
    m_readOnlyNote->hide();
    layout->addWidget(m_readOnlyNote);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("tabs"));
    layout->addWidget(m_tabs);

    buildGeneralTab();
    buildAuthenticationTab();
    buildTlsTab();
    buildSshTab();
    buildAdvancedTab();

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->setAccessibleName(tr("Error"));
    m_error->hide();
    layout->addWidget(m_error);

    // Test sits apart, on the left: it acts on the values without closing the editor.
    auto* buttonRow = new QHBoxLayout;
    m_test = new QPushButton(tr("T&est Connection"), this);
    m_test->setObjectName(QStringLiteral("testConnection"));
    m_test->setAutoDefault(false);
    m_test->setToolTip(tr("Test the connection with the values entered here, before saving them"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("buttons"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectionEditorDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ConnectionEditorDialog::reject);
    connect(m_test, &QPushButton::clicked, this, &ConnectionEditorDialog::runTest);
    buttonRow->addWidget(m_test);
    buttonRow->addStretch();
    buttonRow->addWidget(buttons);
    layout->addLayout(buttonRow);

    load(connection);
    updateForKind();
    setTabOrders();
    watchForChanges();
    m_initial = collect();
    m_loading = false;
    m_name->setFocus();
    resize(580, 500);
}

ConnectionEditorDialog::~ConnectionEditorDialog()
{
    // QDialog's destructor hides the window, which can make an open cell editor commit:
    // nothing may reach this half-destroyed object then.
    m_loading = true;
    disconnect(m_hosts, nullptr, this, nullptr);
    disconnect(m_options, nullptr, this, nullptr);
    wipeSecretFields();
}

void ConnectionEditorDialog::buildGeneralTab()
{
    auto* page = new QWidget(m_tabs);
    auto* form = new QFormLayout(page);

    m_name = new QLineEdit(page);
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setPlaceholderText(tr("e.g. Orders (production)"));
    form->addRow(tr("&Name:"), m_name);

    m_kind = new QComboBox(page);
    m_kind->setObjectName(QStringLiteral("kind"));
    for (ConnectionKind kind : allKinds())
        m_kind->addItem(ConnectionTreeModel::kindIcon(kind), kindDisplayName(kind), int(kind));
    form->addRow(tr("&Kind:"), m_kind);

    m_srv = new QCheckBox(tr("Use a DNS &SRV record (mongodb+srv)"), page);
    m_srv->setObjectName(QStringLiteral("srv"));
    m_srv->setToolTip(tr("The host is a DNS name whose SRV record lists the servers; such "
                         "connections always use TLS unless you turn it off"));
    form->addRow(QString(), m_srv);

    auto* hostsBox = new QWidget(page);
    auto* hostsLayout = new QHBoxLayout(hostsBox);
    hostsLayout->setContentsMargins(0, 0, 0, 0);
    m_hosts = new FormTableWidget(0, 2, hostsBox);
    m_hosts->setObjectName(QStringLiteral("hosts"));
    m_hosts->setHorizontalHeaderLabels({tr("Host"), tr("Port")});
    m_hosts->horizontalHeader()->setSectionResizeMode(HostColumnHost, QHeaderView::Stretch);
    // Wide enough for a five-digit port in the cell editor, whose frame takes room too.
    const QFontMetrics metrics(m_hosts->font());
    const int portWidth =
        std::max(metrics.horizontalAdvance(QStringLiteral("655350")), metrics.horizontalAdvance(tr("Port"))) +
        m_hosts->style()->pixelMetric(QStyle::PM_DefaultFrameWidth) * 4 + 24;
    m_hosts->horizontalHeader()->setSectionResizeMode(HostColumnPort, QHeaderView::Fixed);
    m_hosts->horizontalHeader()->resizeSection(HostColumnPort, portWidth);
    m_hosts->verticalHeader()->hide();
    m_hosts->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Fixed height: the form must not stretch the table (and centre it) in a tall dialog.
    m_hosts->setFixedHeight(112);
    m_hosts->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    auto* hostButtons = new QVBoxLayout;
    m_addHost = new QPushButton(tr("Add"), hostsBox);
    m_addHost->setObjectName(QStringLiteral("addHost"));
    m_addHost->setAccessibleName(tr("Add a host"));
    m_removeHost = new QPushButton(tr("Remove"), hostsBox);
    m_removeHost->setAccessibleName(tr("Remove the selected host"));
    m_removeHost->setObjectName(QStringLiteral("removeHost"));
    hostButtons->addWidget(m_addHost);
    hostButtons->addWidget(m_removeHost);
    hostButtons->addStretch();
    hostsLayout->addWidget(m_hosts);
    hostsLayout->addLayout(hostButtons);
    hostsBox->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    form->addRow(tr("&Hosts:"), hostsBox);
    if (auto* hostsLabel = qobject_cast<QLabel*>(form->labelForField(hostsBox)))
        hostsLabel->setBuddy(m_hosts);
    m_srvNote = new QLabel(page);
    m_srvNote->setObjectName(QStringLiteral("srvNote"));
    m_srvNote->setWordWrap(true);
    m_srvNote->setTextFormat(Qt::PlainText);
    m_srvNote->hide();
    form->addRow(QString(), m_srvNote);
    connect(m_addHost, &QPushButton::clicked, this, [this] {
        addHostRow(QString(), kindDefaultPort(ConnectionKind(m_kind->currentData().toInt())));
        m_hosts->setCurrentCell(m_hosts->rowCount() - 1, HostColumnHost);
        m_hosts->editItem(m_hosts->item(m_hosts->rowCount() - 1, HostColumnHost));
    });
    connect(m_removeHost, &QPushButton::clicked, this, [this] {
        if (m_hosts->rowCount() > 1)
            m_hosts->removeRow(std::max(0, m_hosts->currentRow()));
    });

    m_database = new QLineEdit(page);
    m_database->setObjectName(QStringLiteral("defaultDatabase"));
    form->addRow(tr("&Database:"), m_database);

    m_color = new QComboBox(page);
    m_color->setObjectName(QStringLiteral("color"));
    m_color->addItem(tr("None"), QString());
    for (const NamedColor& c : kColors)
        m_color->addItem(colorSwatch(QLatin1String(c.value)), tr(c.name), QLatin1String(c.value));
    form->addRow(tr("&Colour:"), m_color);

    m_tags = new QLineEdit(page);
    m_tags->setObjectName(QStringLiteral("tags"));
    m_tags->setPlaceholderText(tr("Separate tags with commas"));
    form->addRow(tr("&Tags:"), m_tags);

    m_folder = new QComboBox(page);
    m_folder->setObjectName(QStringLiteral("folder"));
    form->addRow(tr("&Folder:"), m_folder);
    m_generalForm = form;
    form->setRowVisible(m_folder, false); // until setFolders()

    m_tabs->addTab(page, tr("General"));
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] { updateForKind(); });
    connect(m_srv, &QCheckBox::toggled, this, &ConnectionEditorDialog::onSrvToggled);
}

void ConnectionEditorDialog::buildAuthenticationTab()
{
    auto* page = new QWidget(m_tabs);
    auto* form = new QFormLayout(page);
    m_ownTitle = new QLabel(tr("Your own credentials"), page);
    m_ownTitle->setObjectName(QStringLiteral("ownCredentialsTitle"));
    QFont bold = m_ownTitle->font();
    bold.setBold(true);
    m_ownTitle->setFont(bold);
    form->addRow(m_ownTitle);
    form->setRowVisible(m_ownTitle, false); // until setSharedMode()
    m_username = new QLineEdit(page);
    m_username->setObjectName(QStringLiteral("username"));
    form->addRow(tr("&User name:"), m_username);

    m_password = new QLineEdit(page);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(m_isNew ? tr("Stored in your keychain") : tr("Unchanged"));
    form->addRow(tr("&Password:"), m_password);

    m_forgetPassword = new QCheckBox(tr("&Forget the stored password"), page);
    m_forgetPassword->setObjectName(QStringLiteral("forgetPassword"));
    m_forgetPassword->setVisible(!m_isNew);
    form->addRow(QString(), m_forgetPassword);

    m_passwordNote =
        new QLabel(tr("Passwords are kept in your system keychain, never in Conclave's files."), page);
    m_passwordNote->setObjectName(QStringLiteral("passwordNote"));
    m_passwordNote->setWordWrap(true);
    m_passwordNote->setEnabled(false);
    form->addRow(m_passwordNote);
    m_tabs->addTab(page, tr("Authentication"));
}

QLineEdit* ConnectionEditorDialog::addFileRow(QFormLayout* form, const QString& label,
                                              const QString& objectName, const QString& dialogTitle)
{
    auto* row = new QWidget(form->parentWidget());
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* edit = new QLineEdit(row);
    edit->setObjectName(objectName);
    auto* browse = new QToolButton(row);
    browse->setText(tr("Browse…"));
    layout->addWidget(edit);
    layout->addWidget(browse);
    form->addRow(label, row);
    connect(browse, &QToolButton::clicked, this, [this, edit, dialogTitle] {
        auto* dialog = new QFileDialog(this, dialogTitle);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setFileMode(QFileDialog::ExistingFile);
        connect(dialog, &QFileDialog::fileSelected, edit, &QLineEdit::setText);
        dialog->open();
    });
    return edit;
}

void ConnectionEditorDialog::buildTlsTab()
{
    auto* page = new QWidget(m_tabs);
    auto* form = new QFormLayout(page);
    m_tlsEnabled = new QCheckBox(tr("Encrypt the connection with T&LS"), page);
    m_tlsEnabled->setObjectName(QStringLiteral("tls.enabled"));
    form->addRow(m_tlsEnabled);
    m_caFile = addFileRow(form, tr("C&A file:"), QStringLiteral("tls.caFile"), tr("Choose a CA bundle"));
    m_caFile->setPlaceholderText(tr("System certificates"));
    m_clientCert = addFileRow(form, tr("Client &certificate:"), QStringLiteral("tls.clientCertificate"),
                              tr("Choose a client certificate"));
    m_clientKey =
        addFileRow(form, tr("Client &key:"), QStringLiteral("tls.clientKey"), tr("Choose the client key"));
    m_clientCert->setPlaceholderText(m_original.tls.hasClientCertificate ? tr("Stored in your keychain")
                                                                         : tr("None"));
    m_forgetClientCert = new QCheckBox(tr("Forget the stored client certificate"), page);
    m_forgetClientCert->setObjectName(QStringLiteral("forgetClientCertificate"));
    m_forgetClientCert->setVisible(m_original.tls.hasClientCertificate);
    form->addRow(QString(), m_forgetClientCert);
    m_allowInvalidHostnames = new QCheckBox(tr("Allow &invalid host names (insecure)"), page);
    m_allowInvalidHostnames->setObjectName(QStringLiteral("tls.allowInvalidHostnames"));
    form->addRow(m_allowInvalidHostnames);
    m_certificateNote =
        new QLabel(tr("The certificate and key files are read once and kept in your keychain."), page);
    m_certificateNote->setObjectName(QStringLiteral("certificateNote"));
    m_certificateNote->setWordWrap(true);
    m_certificateNote->setEnabled(false);
    form->addRow(m_certificateNote);
    m_tabs->addTab(page, tr("TLS"));
}

void ConnectionEditorDialog::buildSshTab()
{
    auto* page = new QWidget(m_tabs);
    auto* form = new QFormLayout(page);
    m_sshEnabled = new QCheckBox(tr("Connect through an &SSH tunnel"), page);
    m_sshEnabled->setObjectName(QStringLiteral("ssh.enabled"));
    form->addRow(m_sshEnabled);
    m_sshHost = new QLineEdit(page);
    m_sshHost->setObjectName(QStringLiteral("ssh.host"));
    form->addRow(tr("SSH &host:"), m_sshHost);
    m_sshPort = new QSpinBox(page);
    m_sshPort->setObjectName(QStringLiteral("ssh.port"));
    m_sshPort->setRange(0, 65535);
    form->addRow(tr("SSH &port:"), m_sshPort);
    m_sshUser = new QLineEdit(page);
    m_sshUser->setObjectName(QStringLiteral("ssh.user"));
    form->addRow(tr("SSH &user:"), m_sshUser);
    m_sshAuth = new QComboBox(page);
    m_sshAuth->setObjectName(QStringLiteral("ssh.auth"));
    m_sshAuth->addItem(tr("Password"), int(SshAuthMethod::Password));
    m_sshAuth->addItem(tr("Private key"), int(SshAuthMethod::PrivateKey));
    form->addRow(tr("&Authentication:"), m_sshAuth);
    m_sshPassword = new QLineEdit(page);
    m_sshPassword->setObjectName(QStringLiteral("ssh.password"));
    m_sshPassword->setEchoMode(QLineEdit::Password);
    m_sshPassword->setPlaceholderText(m_isNew ? tr("Stored in your keychain") : tr("Unchanged"));
    form->addRow(tr("SSH pass&word:"), m_sshPassword);
    m_sshKeyFile = addFileRow(form, tr("Private &key file:"), QStringLiteral("ssh.privateKeyFile"),
                              tr("Choose a private key"));
    m_sshKeyFile->setPlaceholderText(m_isNew ? tr("None") : tr("Unchanged"));
    m_sshPassphrase = new QLineEdit(page);
    m_sshPassphrase->setObjectName(QStringLiteral("ssh.passphrase"));
    m_sshPassphrase->setEchoMode(QLineEdit::Password);
    m_sshPassphrase->setPlaceholderText(m_isNew ? tr("Stored in your keychain") : tr("Unchanged"));
    form->addRow(tr("Ke&y passphrase:"), m_sshPassphrase);
    m_sshOwnNote = new QLabel(tr("The SSH user, password and passphrase are your own: they stay in this "
                                 "computer's keychain and are not shared."),
                              page);
    m_sshOwnNote->setObjectName(QStringLiteral("sshOwnNote"));
    m_sshOwnNote->setWordWrap(true);
    m_sshOwnNote->setEnabled(false);
    form->addRow(m_sshOwnNote);
    form->setRowVisible(m_sshOwnNote, false); // until setSharedMode()
    m_tabs->addTab(page, tr("SSH tunnel"));

    auto updateSsh = [this] {
        const bool on = m_sshEnabled->isChecked();
        const bool key = m_sshAuth->currentData().toInt() == int(SshAuthMethod::PrivateKey);
        for (QWidget* w : {static_cast<QWidget*>(m_sshHost), static_cast<QWidget*>(m_sshPort),
                           static_cast<QWidget*>(m_sshUser), static_cast<QWidget*>(m_sshAuth)})
            w->setEnabled(on);
        m_sshPassword->setEnabled(on && !key);
        m_sshKeyFile->parentWidget()->setEnabled(on && key);
        m_sshPassphrase->setEnabled(on && key);
    };
    connect(m_sshEnabled, &QCheckBox::toggled, this, updateSsh);
    connect(m_sshAuth, &QComboBox::currentIndexChanged, this, updateSsh);
    updateSsh();
}

void ConnectionEditorDialog::buildAdvancedTab()
{
    auto* page = new QWidget(m_tabs);
    auto* layout = new QVBoxLayout(page);
    auto* label = new QLabel(tr("Connection &options (for example authSource, replicaSet, sslmode):"), page);
    label->setWordWrap(true);
    layout->addWidget(label);
    auto* row = new QHBoxLayout;
    m_options = new FormTableWidget(0, 2, page);
    m_options->setObjectName(QStringLiteral("options"));
    m_options->setHorizontalHeaderLabels({tr("Option"), tr("Value")});
    m_options->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_options->verticalHeader()->hide();
    label->setBuddy(m_options);
    auto* buttons = new QVBoxLayout;
    auto* add = new QPushButton(tr("Add"), page);
    add->setObjectName(QStringLiteral("addOption"));
    auto* remove = new QPushButton(tr("Remove"), page);
    remove->setObjectName(QStringLiteral("removeOption"));
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    row->addWidget(m_options);
    row->addLayout(buttons);
    layout->addLayout(row);
    connect(add, &QPushButton::clicked, this, [this] {
        addOptionRow(QString(), QString());
        m_options->setCurrentCell(m_options->rowCount() - 1, OptionColumnKey);
        m_options->editItem(m_options->item(m_options->rowCount() - 1, OptionColumnKey));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_options->currentRow() >= 0)
            m_options->removeRow(m_options->currentRow());
    });

    auto* notesLabel = new QLabel(tr("No&tes:"), page);
    layout->addWidget(notesLabel);
    m_notes = new QPlainTextEdit(page);
    m_notes->setObjectName(QStringLiteral("notes"));
    m_notes->setTabChangesFocus(true);
    notesLabel->setBuddy(m_notes);
    layout->addWidget(m_notes);
    m_tabs->addTab(page, tr("Advanced"));
}

void ConnectionEditorDialog::addHostRow(const QString& host, quint16 port)
{
    const int row = m_hosts->rowCount();
    m_hosts->insertRow(row);
    m_hosts->setItem(row, HostColumnHost, new QTableWidgetItem(host));
    m_hosts->setItem(row, HostColumnPort, new QTableWidgetItem(port ? QString::number(port) : QString()));
}

void ConnectionEditorDialog::addOptionRow(const QString& key, const QString& value)
{
    const int row = m_options->rowCount();
    m_options->insertRow(row);
    m_options->setItem(row, OptionColumnKey, new QTableWidgetItem(key));
    m_options->setItem(row, OptionColumnValue, new QTableWidgetItem(value));
}

void ConnectionEditorDialog::load(const Connection& c)
{
    m_name->setText(c.name);
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(int(c.kind))));
    m_srv->setChecked(c.srv);
    m_hosts->setRowCount(0);
    for (const HostPort& hp : c.hosts)
        addHostRow(hp.host, hp.port);
    if (c.hosts.isEmpty())
        addHostRow(QString(), c.srv ? 0 : kindDefaultPort(c.kind));
    m_database->setText(c.defaultDatabase);
    int colorIndex = m_color->findData(c.color.toLower());
    if (colorIndex < 0 && !c.color.isEmpty()) {
        m_color->addItem(colorSwatch(c.color), c.color, c.color); // a colour from an import
        colorIndex = m_color->count() - 1;
    }
    m_color->setCurrentIndex(std::max(0, colorIndex));
    m_tags->setText(c.tags.join(QStringLiteral(", ")));
    m_username->setText(c.username);
    m_tlsEnabled->setChecked(c.tls.enabled);
    m_caFile->setText(c.tls.caFile);
    m_allowInvalidHostnames->setChecked(c.tls.allowInvalidHostnames);
    m_sshEnabled->setChecked(c.ssh.enabled);
    m_sshHost->setText(c.ssh.host);
    m_sshPort->setValue(c.ssh.port);
    m_sshUser->setText(c.ssh.user);
    m_sshAuth->setCurrentIndex(std::max(0, m_sshAuth->findData(int(c.ssh.auth))));
    m_options->setRowCount(0);
    for (const ConnectionOption& option : c.options)
        addOptionRow(option.first, option.second);
    m_notes->setPlainText(c.notes);
}

void ConnectionEditorDialog::updateForKind()
{
    const auto kind = ConnectionKind(m_kind->currentData().toInt());
    const bool mongo = kind == ConnectionKind::MongoDB;
    const bool srv = mongo && m_srv->isChecked();
    // Ports still at the old kind's default follow the new kind.
    if (kind != m_shownKind) {
        for (int row = 0; row < m_hosts->rowCount(); ++row) {
            QTableWidgetItem* port = m_hosts->item(row, HostColumnPort);
            if (port &&
                (port->text().isEmpty() || port->text() == QString::number(kindDefaultPort(m_shownKind))))
                port->setText(QString::number(kindDefaultPort(kind)));
        }
        m_shownKind = kind;
    }
    m_srv->setVisible(mongo);
    m_addHost->setVisible(mongo && !srv);
    m_removeHost->setVisible(mongo && !srv);
    m_hosts->setColumnHidden(HostColumnPort, srv);
    m_database->setEnabled(kind != ConnectionKind::SSH);
    m_database->setPlaceholderText(kind == ConnectionKind::Redis ? tr("Database number, e.g. 0") : QString());
    m_tabs->setTabEnabled(TlsTab, kind != ConnectionKind::SSH);
    // An SRV record names one host: extra rows stay visible, greyed, with a note that
    // saving removes them (unticking SRV brings them back unchanged).
    const int extraHosts = srv ? m_hosts->rowCount() - 1 : 0;
    {
        const QSignalBlocker blocker(m_hosts);
        for (int row = 0; row < m_hosts->rowCount(); ++row) {
            for (int column : {int(HostColumnHost), int(HostColumnPort)}) {
                QTableWidgetItem* item = m_hosts->item(row, column);
                if (!item)
                    continue;
                const bool usable = row == 0 || !srv;
                item->setFlags(usable ? item->flags() | Qt::ItemIsEnabled | Qt::ItemIsEditable
                                      : item->flags() & ~(Qt::ItemIsEnabled | Qt::ItemIsEditable));
            }
        }
    }
    m_srvNote->setText(extraHosts > 0 ? tr("An SRV record names a single host: the other %n host(s) "
                                           "will be removed when you save.",
                                           nullptr, extraHosts)
                                      : QString());
    m_srvNote->setVisible(extraHosts > 0);
}

Connection ConnectionEditorDialog::collect() const
{
    Connection c = m_original;
    c.name = m_name->text().trimmed();
    c.kind = ConnectionKind(m_kind->currentData().toInt());
    c.srv = c.kind == ConnectionKind::MongoDB && m_srv->isChecked();
    c.hosts.clear();
    m_hostRows.clear();
    if (m_foldersShown)
        c.folderId = m_folder->currentData().toUuid();
    const int hostRows = (c.kind == ConnectionKind::MongoDB && !c.srv) ? m_hosts->rowCount()
                                                                       : std::min(1, m_hosts->rowCount());
    for (int row = 0; row < hostRows; ++row) {
        const QString host = m_hosts->item(row, HostColumnHost)
                                 ? m_hosts->item(row, HostColumnHost)->text().trimmed()
                                 : QString();
        const QString portText = m_hosts->item(row, HostColumnPort)
                                     ? m_hosts->item(row, HostColumnPort)->text().trimmed()
                                     : QString();
        bool ok = false;
        const uint port = portText.toUInt(&ok);
        // A port that is not a number or out of range becomes 0, which validation names.
        const quint16 value = (ok && port <= 65535) ? quint16(port) : 0;
        if (host.isEmpty() && portText.isEmpty() && hostRows > 1)
            continue; // an empty extra row is not an error
        c.hosts.append(HostPort{host, c.srv ? quint16(0) : value});
        m_hostRows.append(row);
    }
    c.username = m_username->text().trimmed();
    c.defaultDatabase = c.kind == ConnectionKind::SSH ? QString() : m_database->text().trimmed();
    c.color = m_color->currentData().toString();
    c.tags.clear();
    for (const QString& tag : m_tags->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!tag.trimmed().isEmpty())
            c.tags.append(tag.trimmed());
    }
    c.tls.enabled = c.kind != ConnectionKind::SSH && m_tlsEnabled->isChecked();
    c.tls.caFile = m_caFile->text().trimmed();
    c.tls.allowInvalidHostnames = m_allowInvalidHostnames->isChecked();
    if (m_forgetClientCert->isChecked())
        c.tls.hasClientCertificate = false;
    if (!m_clientCert->text().trimmed().isEmpty())
        c.tls.hasClientCertificate = true;
    c.ssh.enabled = m_sshEnabled->isChecked();
    c.ssh.host = m_sshHost->text().trimmed();
    c.ssh.port = quint16(m_sshPort->value());
    c.ssh.user = m_sshUser->text().trimmed();
    c.ssh.auth = SshAuthMethod(m_sshAuth->currentData().toInt());
    c.options.clear();
    m_optionRows.clear();
    for (int row = 0; row < m_options->rowCount(); ++row) {
        const QString key = m_options->item(row, OptionColumnKey)
                                ? m_options->item(row, OptionColumnKey)->text().trimmed()
                                : QString();
        const QString value = m_options->item(row, OptionColumnValue)
                                  ? m_options->item(row, OptionColumnValue)->text()
                                  : QString();
        if (key.isEmpty() && value.trimmed().isEmpty())
            continue; // a row left empty is not an option, and not an error either
        c.options.append({key, value});
        m_optionRows.append(row);
    }
    c.notes = m_notes->toPlainText();
    return c;
}

QWidget* ConnectionEditorDialog::fieldWidget(const QString& field) const
{
    static const QRegularExpression indexed(QStringLiteral("^(\\w+)\\[(\\d+)\\](?:\\.(\\w+))?$"));
    const QRegularExpressionMatch match = indexed.match(field);
    const QString base = match.hasMatch() ? match.captured(1) : field;
    if (base == QLatin1String("hosts"))
        return m_hosts;
    if (base == QLatin1String("options"))
        return m_options;
    if (base == QLatin1String("tags"))
        return m_tags;
    if (base == QLatin1String("kind"))
        return m_kind;
    if (base == QLatin1String("srv"))
        return m_srv;
    if (base == QLatin1String("id"))
        return m_name;
    // Every other field's widget carries the field name as its object name.
    return findChild<QWidget*>(field);
}

int ConnectionEditorDialog::tableRowFor(const QString& field) const
{
    static const QRegularExpression indexed(QStringLiteral("^(hosts|options)\\[(\\d+)\\]"));
    const QRegularExpressionMatch match = indexed.match(field);
    if (!match.hasMatch())
        return -1;
    const QList<int>& rows = match.captured(1) == QLatin1String("hosts") ? m_hostRows : m_optionRows;
    const int index = match.captured(2).toInt();
    return index < rows.size() ? rows.at(index) : index;
}

QString ConnectionEditorDialog::rowMessage(const QString& field, const QString& message) const
{
    const int row = tableRowFor(field);
    if (row < 0)
        return message;
    return field.startsWith(QLatin1String("hosts")) ? tr("Host %1: %2").arg(row + 1).arg(message)
                                                    : tr("Option %1: %2").arg(row + 1).arg(message);
}

void ConnectionEditorDialog::showFieldError(const QString& field, const QString& message)
{
    m_error->setText(message);
    m_error->show();
    QWidget* widget = fieldWidget(field);
    if (!widget)
        return;
    for (int tab = 0; tab < m_tabs->count(); ++tab) {
        if (m_tabs->widget(tab)->isAncestorOf(widget)) {
            m_tabs->setCurrentIndex(tab);
            break;
        }
    }
    // Point at the exact cell of a table ("hosts[1].port").
    static const QRegularExpression indexed(QStringLiteral("^(\\w+)\\[(\\d+)\\](?:\\.(\\w+))?$"));
    const QRegularExpressionMatch match = indexed.match(field);
    auto* table = qobject_cast<QTableWidget*>(widget);
    if (table && match.hasMatch()) {
        const int row = tableRowFor(field);
        const QString member = match.captured(3);
        const int column = (member == QLatin1String("port") || member == QLatin1String("value")) ? 1 : 0;
        if (row < table->rowCount())
            table->setCurrentCell(row, column);
    } else if (table && table->rowCount() > 0 && table->currentRow() < 0) {
        table->setCurrentCell(0, 0);
    }
    widget->setFocus(Qt::OtherFocusReason);
    if (auto* edit = qobject_cast<QLineEdit*>(widget))
        edit->selectAll();
}

void ConnectionEditorDialog::clearError()
{
    m_error->clear();
    m_error->hide();
}

QString ConnectionEditorDialog::errorText() const
{
    return m_error->isVisible() || !m_error->text().isEmpty() ? m_error->text() : QString();
}

bool ConnectionEditorDialog::readSecretFile(const QString& path, SecretKind kind, const QString& field)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showFieldError(field, tr("The file \"%1\" cannot be read: %2").arg(path, file.errorString()));
        return false;
    }
    if (file.size() > qint64(256 * 1024)) {
        showFieldError(field, tr("The file \"%1\" is too large to be a key or certificate.").arg(path));
        return false;
    }
    QByteArray content = file.readAll();
    if (content.isEmpty()) {
        showFieldError(field, tr("The file \"%1\" is empty.").arg(path));
        return false;
    }
    m_secrets.push_back({kind, SecureBytes::fromView(content), false});
    secureWipe(content);
    return true;
}

void ConnectionEditorDialog::accept()
{
    clearError();
    const Connection candidate = collect();
    const Status valid = validateConnection(candidate);
    if (!valid) {
        showFieldError(valid.error().field, rowMessage(valid.error().field, valid.error().message));
        return;
    }
    // Key and certificate files must pair up before anything is taken.
    const QString certPath = m_clientCert->text().trimmed();
    const QString keyPath = m_clientKey->text().trimmed();
    if (certPath.isEmpty() && !keyPath.isEmpty()) {
        showFieldError(QStringLiteral("tls.clientCertificate"),
                       tr("Choose the client certificate that belongs to this key."));
        return;
    }
    m_secrets.clear();
    if (!certPath.isEmpty() &&
        !readSecretFile(certPath, SecretKind::ClientCertificate, QStringLiteral("tls.clientCertificate")))
        return;
    if (!keyPath.isEmpty() &&
        !readSecretFile(keyPath, SecretKind::ClientKey, QStringLiteral("tls.clientKey")))
        return;
    const QString sshKeyPath = m_sshKeyFile->text().trimmed();
    if (candidate.ssh.enabled && candidate.ssh.auth == SshAuthMethod::PrivateKey && !sshKeyPath.isEmpty() &&
        !readSecretFile(sshKeyPath, SecretKind::SshPrivateKey, QStringLiteral("ssh.privateKeyFile")))
        return;

    if (!m_password->text().isEmpty())
        m_secrets.push_back({SecretKind::Password, secureFromLineEdit(m_password), false});
    else if (m_forgetPassword->isChecked())
        m_secrets.push_back({SecretKind::Password, {}, true});
    if (candidate.ssh.enabled && candidate.ssh.auth == SshAuthMethod::Password &&
        !m_sshPassword->text().isEmpty())
        m_secrets.push_back({SecretKind::SshPassword, secureFromLineEdit(m_sshPassword), false});
    if (candidate.ssh.enabled && candidate.ssh.auth == SshAuthMethod::PrivateKey &&
        !m_sshPassphrase->text().isEmpty())
        m_secrets.push_back({SecretKind::SshPassphrase, secureFromLineEdit(m_sshPassphrase), false});
    if (m_forgetClientCert->isChecked() && certPath.isEmpty()) {
        m_secrets.push_back({SecretKind::ClientCertificate, {}, true});
        m_secrets.push_back({SecretKind::ClientKey, {}, true});
    }

    if (m_shared) {
        // The user's own credentials go to their keychain, never into the shared connection.
        m_ownChanges = ownChangesOf(candidate);
        m_secrets.clear(); // no key or certificate file is read for a shared connection
        m_result = m_readOnly ? m_original : candidate;
        m_result.username = m_original.username;
        m_result.ssh.user = m_original.ssh.user;
        wipeSecretFields();
        QDialog::accept();
        return;
    }
    m_result = candidate;
    wipeSecretFields();
    QDialog::accept();
}

void ConnectionEditorDialog::reject()
{
    if (m_discardConfirmed || !hasChanges()) {
        wipeSecretFields();
        QDialog::reject();
        return;
    }
    // Window-modal and asynchronous: no nested event loop, and the editor stays as it was
    // when the user chooses to keep editing.
    auto* question = new QMessageBox(QMessageBox::Question, tr("Discard Changes?"),
                                     tr("This connection has changes that are not saved. Discard them?"),
                                     QMessageBox::Discard | QMessageBox::Cancel, this);
    question->setObjectName(QStringLiteral("discardQuestion"));
    question->setAttribute(Qt::WA_DeleteOnClose);
    question->button(QMessageBox::Discard)->setText(tr("&Discard Changes"));
    question->button(QMessageBox::Cancel)->setText(tr("&Keep Editing"));
    question->setDefaultButton(QMessageBox::Cancel);
    question->setEscapeButton(QMessageBox::Cancel);
    connect(question, &QMessageBox::finished, this, [this](int answer) {
        if (answer != QMessageBox::Discard)
            return;
        m_discardConfirmed = true;
        reject();
    });
    question->open();
}

void ConnectionEditorDialog::discard()
{
    m_discardConfirmed = true;
    reject();
}

bool ConnectionEditorDialog::hasChanges() const
{
    if (!(collect() == m_initial))
        return true;
    for (const QLineEdit* edit :
         {m_password, m_sshPassword, m_sshPassphrase, m_clientCert, m_clientKey, m_sshKeyFile}) {
        if (!edit->text().isEmpty())
            return true;
    }
    return m_forgetPassword->isChecked() || m_forgetClientCert->isChecked();
}

void ConnectionEditorDialog::setFolders(const QList<Folder>& folders)
{
    QHash<QUuid, const Folder*> byId;
    for (const Folder& folder : folders)
        byId.insert(folder.id, &folder);
    QList<QPair<QString, QUuid>> paths;
    for (const Folder& folder : folders) {
        QStringList parts{folder.name};
        QSet<QUuid> seen{folder.id}; // a broken parent chain must not loop
        for (const Folder* up = byId.value(folder.parentId); up && !seen.contains(up->id);
             up = byId.value(up->parentId)) {
            seen.insert(up->id);
            parts.prepend(up->name);
        }
        paths.append({parts.join(QStringLiteral(" / ")), folder.id});
    }
    QCollator collator(QLocale().language() == QLocale::C ? QLocale(QLocale::English) : QLocale());
    collator.setNumericMode(true);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(paths.begin(), paths.end(),
              [&collator](const auto& a, const auto& b) { return collator.compare(a.first, b.first) < 0; });

    const QSignalBlocker blocker(m_folder);
    const QUuid current = m_foldersShown ? m_folder->currentData().toUuid() : m_original.folderId;
    m_folder->clear();
    m_folder->addItem(ConnectionTreeModel::folderIcon(), tr("Top level"), QUuid());
    for (const auto& [path, id] : std::as_const(paths))
        m_folder->addItem(ConnectionTreeModel::folderIcon(), path, id);
    const int index = m_folder->findData(current);
    m_folder->setCurrentIndex(std::max(0, index));
    m_foldersShown = true;
    m_generalForm->setRowVisible(m_folder, true);
    if (index < 0)
        m_initial.folderId = QUuid(); // the folder is gone: saving puts it at the top level
}

void ConnectionEditorDialog::setSecretStore(SecretStore* secrets)
{
    m_secretStore = secrets;
    if (!secrets || secrets->isPersistent())
        return;
    // Without a keychain nothing here may promise one: say how long secrets last.
    const QString forThisRun = tr("Kept until Conclave quits");
    for (QLineEdit* edit : {m_password, m_sshPassword, m_sshPassphrase}) {
        if (m_isNew)
            edit->setPlaceholderText(forThisRun);
    }
    if (m_original.tls.hasClientCertificate)
        m_clientCert->setPlaceholderText(tr("Kept in memory until Conclave quits"));
    m_passwordNote->setText(tr("No keychain is in use: passwords are kept in memory until Conclave quits, "
                               "never in Conclave's files. After a restart Conclave asks for them when you "
                               "test or open the connection."));
    m_certificateNote->setText(tr("No keychain is in use: the certificate and key files are read once and "
                                  "kept in memory until Conclave quits."));
}

void ConnectionEditorDialog::setTabOrders()
{
    // Tab from the hosts table goes on to the next field; the table's buttons come after the
    // page's fields instead of between the table and Database.
    const QList<QWidget*> general{m_name,  m_kind, m_srv,    m_hosts,   m_database,
                                  m_color, m_tags, m_folder, m_addHost, m_removeHost};
    for (qsizetype i = 1; i < general.size(); ++i)
        QWidget::setTabOrder(general.at(i - 1), general.at(i));
}

void ConnectionEditorDialog::watchForChanges()
{
    const auto edited = [this] {
        onEdited();
    };
    for (QLineEdit* edit : findChildren<QLineEdit*>())
        connect(edit, &QLineEdit::textChanged, this, edited);
    for (QCheckBox* box : findChildren<QCheckBox*>())
        connect(box, &QCheckBox::toggled, this, edited);
    for (QComboBox* combo : findChildren<QComboBox*>())
        connect(combo, &QComboBox::currentIndexChanged, this, edited);
    connect(m_sshPort, &QSpinBox::valueChanged, this, edited);
    connect(m_hosts, &QTableWidget::itemChanged, this, edited);
    connect(m_options, &QTableWidget::itemChanged, this, edited);
    connect(m_hosts->model(), &QAbstractItemModel::rowsRemoved, this, edited);
    connect(m_options->model(), &QAbstractItemModel::rowsRemoved, this, edited);
    connect(m_notes, &QPlainTextEdit::textChanged, this, edited);
    connect(m_tlsEnabled, &QCheckBox::clicked, this, [this] {
        m_tlsTouched = true;
        m_tlsTurnedOnBySrv = false;
    });
}

void ConnectionEditorDialog::onEdited()
{
    if (m_loading || m_error->isHidden())
        return;
    // A shown error goes as soon as it is fixed, and a different one takes its place
    // without moving the focus away from what the user is typing.
    const Status valid = validateConnection(collect());
    if (valid)
        clearError();
    else
        m_error->setText(rowMessage(valid.error().field, valid.error().message));
}

void ConnectionEditorDialog::onSrvToggled(bool on)
{
    if (!m_loading) {
        if (on && !m_tlsTouched && !m_tlsEnabled->isChecked()) {
            // mongodb+srv implies TLS (the driver turns it on), so the editor says so too.
            m_tlsEnabled->setChecked(true);
            m_tlsTurnedOnBySrv = true;
        } else if (!on) {
            if (m_tlsTurnedOnBySrv && !m_tlsTouched)
                m_tlsEnabled->setChecked(false);
            m_tlsTurnedOnBySrv = false;
            // SRV connections carry no port; a plain one needs one again.
            const QSignalBlocker blocker(m_hosts);
            for (int row = 0; row < m_hosts->rowCount(); ++row) {
                QTableWidgetItem* port = m_hosts->item(row, HostColumnPort);
                if (port && port->text().trimmed().isEmpty())
                    port->setText(QString::number(kindDefaultPort(ConnectionKind::MongoDB)));
            }
        }
    }
    updateForKind();
    onEdited();
}

void ConnectionEditorDialog::runTest()
{
    clearError();
    const Connection candidate = collect();
    if (const Status valid = validateConnection(candidate); !valid) {
        showFieldError(valid.error().field, rowMessage(valid.error().field, valid.error().message));
        return;
    }
    // A password typed here is tested as typed: it goes, in locked memory, into a store that
    // lives only as long as the test window. Otherwise the stored one is used, unless the
    // user asked to forget it (or the connection is new and has none yet).
    if (m_shared) {
        // The user's own password: as typed, or their own keychain entry for this connection.
        auto* typed = new MemorySecretStore;
        if (!m_password->text().isEmpty() || m_forgetPassword->isChecked() || !m_secretStore) {
            if (!m_password->text().isEmpty())
                typed->write(candidate.id, SecretKind::Password, secureFromLineEdit(m_password), typed,
                             [](const Status&) {});
            return runCheck(candidate, typed, typed);
        }
        m_test->setEnabled(false);
        m_secretStore->readEntry(
            SharedCredentials::entryKey(m_sharedMode.folderId, candidate.id, SharedCredential::Password),
            this, [this, candidate, typed](Result<SecureBytes> own) {
                m_test->setEnabled(true);
                if (own.ok() && !own->isEmpty())
                    typed->write(candidate.id, SecretKind::Password, std::move(own).value(), typed,
                                 [](const Status&) {});
                const bool unreadable = !own.ok() && own.error().code != ErrorCode::NotFound;
                runCheck(candidate, typed, typed, unreadable ? own.error().message : QString());
            });
        return;
    }
    SecretStore* secrets = m_secretStore;
    MemorySecretStore* typed = nullptr;
    if (!m_password->text().isEmpty() || m_forgetPassword->isChecked() || m_isNew) {
        typed = new MemorySecretStore;
        if (!m_password->text().isEmpty())
            typed->write(candidate.id, SecretKind::Password, secureFromLineEdit(m_password), typed,
                         [](const Status&) {});
        secrets = typed;
    }
    runCheck(candidate, secrets, typed);
}

void ConnectionEditorDialog::runCheck(const Connection& candidate, SecretStore* secrets, QObject* owned,
                                      const QString& unreadable)
{
    auto* dialog = new ConnectionCheckDialog(candidate, secrets, this);
    if (owned)
        owned->setParent(dialog);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    if (!unreadable.isEmpty())
        dialog->notePasswordUnreadable(unreadable);
    dialog->start();
}

QLabel* ConnectionEditorDialog::labelFor(QWidget* field) const
{
    for (QFormLayout* form : findChildren<QFormLayout*>()) {
        if (auto* label = qobject_cast<QLabel*>(form->labelForField(field)))
            return label;
    }
    return nullptr;
}

void ConnectionEditorDialog::setSharedMode(const SharedMode& mode)
{
    m_shared = true;
    m_sharedMode = mode;
    m_readOnly = mode.readOnly;
    m_loading = true;
    // The user's own, as their keychain has them; the connection itself carries none.
    m_username->setText(mode.ownUser);
    m_sshUser->setText(mode.ownSshUser);
    m_generalForm->setRowVisible(m_folder, false);
    if (auto* form = qobject_cast<QFormLayout*>(m_ownTitle->parentWidget()->layout()))
        form->setRowVisible(m_ownTitle, true);
    if (auto* form = qobject_cast<QFormLayout*>(m_sshOwnNote->parentWidget()->layout()))
        form->setRowVisible(m_sshOwnNote, true);
    const QList<QPair<QWidget*, QString>> ownLabels{{m_username, tr("Your &user name:")},
                                                    {m_password, tr("Your &password:")},
                                                    {m_sshUser, tr("Your SSH &user:")},
                                                    {m_sshPassword, tr("Your SSH pass&word:")},
                                                    {m_sshPassphrase, tr("Your ke&y passphrase:")}};
    for (const auto& [field, text] : ownLabels) {
        if (QLabel* label = labelFor(field))
            label->setText(text);
    }
    m_forgetPassword->setText(tr("&Forget your stored password"));
    m_passwordNote->setText(tr("Only for you: kept in this computer's keychain, never shared with the other "
                               "members of the folder."));
    // Files are not shared and a shared connection keeps none of its own here.
    for (QWidget* file : {m_clientCert, m_clientKey, m_sshKeyFile, m_caFile}) {
        if (auto* form = qobject_cast<QFormLayout*>(file->parentWidget()->parentWidget()->layout()))
            form->setRowVisible(file->parentWidget(), false);
    }
    m_forgetClientCert->setVisible(false);
    m_certificateNote->setText(tr("Client certificates and keys are not shared and are not used for shared "
                                  "connections."));
    if (m_readOnly) {
        m_readOnlyNote->show();
        for (QLineEdit* edit : {m_name, m_database, m_tags, m_caFile, m_sshHost})
            edit->setReadOnly(true);
        m_notes->setReadOnly(true);
        for (QWidget* w : std::initializer_list<QWidget*>{
                 m_kind, m_srv, m_addHost, m_removeHost, m_color, m_tlsEnabled, m_allowInvalidHostnames,
                 m_sshEnabled, m_sshPort, m_sshAuth, m_caFile->parentWidget()}) // the CA file and its Browse
            w->setEnabled(false);
        for (QTableWidget* table :
             {static_cast<QTableWidget*>(m_hosts), static_cast<QTableWidget*>(m_options)})
            table->setEditTriggers(QAbstractItemView::NoEditTriggers);
        for (const char* name : {"addOption", "removeOption"}) {
            if (auto* button = findChild<QPushButton*>(QString::fromLatin1(name)))
                button->setEnabled(false);
        }
        m_username->setFocus();
        m_tabs->setCurrentIndex(AuthenticationTab);
    }
    m_initial = collect();
    m_loading = false;
}

std::vector<ConnectionEditorDialog::OwnCredentialChange>
ConnectionEditorDialog::ownChangesOf(const Connection& candidate) const
{
    std::vector<OwnCredentialChange> changes;
    auto putText = [&changes](SharedCredential field, const QString& now, const QString& before) {
        if (now == before)
            return;
        const QByteArray bytes = now.toUtf8();
        changes.push_back({field, SecureBytes::fromView(bytes), now.isEmpty()});
    };
    putText(SharedCredential::User, candidate.username, m_sharedMode.ownUser);
    if (!m_password->text().isEmpty())
        changes.push_back({SharedCredential::Password, secureFromLineEdit(m_password), false});
    else if (m_forgetPassword->isChecked())
        changes.push_back({SharedCredential::Password, {}, true});
    if (candidate.ssh.enabled) {
        putText(SharedCredential::SshUser, candidate.ssh.user, m_sharedMode.ownSshUser);
        QLineEdit* secret = candidate.ssh.auth == SshAuthMethod::PrivateKey ? m_sshPassphrase : m_sshPassword;
        if (!secret->text().isEmpty())
            changes.push_back({SharedCredential::SshPassphrase, secureFromLineEdit(secret), false});
    }
    return changes;
}

std::vector<ConnectionEditorDialog::OwnCredentialChange>
ConnectionEditorDialog::unsavedOwnCredentialChanges() const
{
    if (!m_shared)
        return {};
    return ownChangesOf(collect());
}

std::vector<ConnectionEditorDialog::OwnCredentialChange> ConnectionEditorDialog::takeOwnCredentialChanges()
{
    return std::exchange(m_ownChanges, {});
}

std::vector<ConnectionEditorDialog::SecretChange> ConnectionEditorDialog::takeSecretChanges()
{
    return std::exchange(m_secrets, {});
}

void ConnectionEditorDialog::wipeSecretFields()
{
    // QLineEdit keeps its text (and undo history) until cleared; clear them as soon as the
    // values are in SecureBytes.
    for (QLineEdit* edit : {m_password, m_sshPassword, m_sshPassphrase}) {
        if (edit)
            edit->clear();
    }
}

} // namespace Conclave::Gui
