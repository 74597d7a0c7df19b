// OrgAuditDialog: see the header.
#include "ui/OrgAuditDialog.h"

#include "core/sync/ApiConnection.h"
#include "core/sync/AuditTrust.h"
#include "ui/AuditEntryModel.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>

namespace Conclave::Gui {

using namespace Conclave::Core;

OrgAuditDialog::OrgAuditDialog(AuditApi* audit, QUuid orgId, QWidget* parent)
    : QDialog(parent)
    , m_audit(audit)
    , m_orgId(orgId)
{
    setObjectName(QStringLiteral("orgAuditDialog"));
    setWindowTitle(tr("Organisation Audit Log"));
    auto* layout = new QVBoxLayout(this);
    m_status = new QLabel(tr("Reading the audit log…"), this);
    m_status->setObjectName(QStringLiteral("logStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    m_model = new AuditEntryModel(this);
    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("logView"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->header()->setStretchLastSection(true);
    m_view->setAccessibleName(tr("Entries of the organisation's audit log"));
    layout->addWidget(m_view, 1);

    auto* verifyRow = new QHBoxLayout;
    m_verify = new QPushButton(tr("&Verify"), this);
    m_verify->setObjectName(QStringLiteral("verifyButton"));
    m_verify->setToolTip(tr("Reads the whole log and checks its hash chain and the server's signed "
                            "checkpoints on this computer."));
    m_verify->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("verifyProgress"));
    m_progress->setVisible(false);
    m_progress->setTextVisible(true);
    verifyRow->addWidget(m_verify);
    verifyRow->addWidget(m_progress, 1);
    verifyRow->addStretch(0);
    layout->addLayout(verifyRow);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("verifyResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setVisible(false);
    layout->addWidget(m_result);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_newer = buttons->addButton(tr("&Newer"), QDialogButtonBox::ActionRole);
    m_newer->setObjectName(QStringLiteral("newerButton"));
    m_older = buttons->addButton(tr("&Older"), QDialogButtonBox::ActionRole);
    m_older->setObjectName(QStringLiteral("olderButton"));
    QPushButton* refresh = buttons->addButton(tr("&Refresh"), QDialogButtonBox::ActionRole);
    refresh->setObjectName(QStringLiteral("refreshButton"));
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(refresh, &QPushButton::clicked, this, &OrgAuditDialog::reload);
    connect(m_older, &QPushButton::clicked, this, &OrgAuditDialog::showOlder);
    connect(m_newer, &QPushButton::clicked, this, &OrgAuditDialog::showNewer);
    connect(m_verify, &QPushButton::clicked, this, &OrgAuditDialog::verify);
    resize(900, 520);
    updateButtons();
    reload();
}

OrgAuditDialog::~OrgAuditDialog() = default;

void OrgAuditDialog::setTrustDirectory(const QString& directory)
{
    m_trustDirectory = directory;
    updateButtons();
}

void OrgAuditDialog::setKnownEmails(const QHash<QString, QString>& emails)
{
    m_model->setKnownEmails(emails);
}

void OrgAuditDialog::reload()
{
    // The newest page: the head is learnt from a one-entry read first.
    delete m_request;
    m_request = new QObject(this);
    m_status->setText(tr("Reading the audit log…"));
    m_audit->orgLog(m_orgId, 0, 1, m_request, [this](Result<AuditApi::OrgPage> page) {
        m_request->deleteLater();
        m_request = nullptr;
        if (!page) {
            m_status->setText(tr("The audit log could not be read: %1").arg(page.error().message));
            emit loaded();
            return;
        }
        m_headSeq = page->headSeq;
        load(std::max<qint64>(0, m_headSeq - kPageEntries));
    });
}

void OrgAuditDialog::showOlder()
{
    load(std::max<qint64>(0, m_after - kPageEntries));
}

void OrgAuditDialog::showNewer()
{
    load(std::min<qint64>(m_after + kPageEntries, std::max<qint64>(0, m_headSeq - kPageEntries)));
}

void OrgAuditDialog::load(qint64 after)
{
    delete m_request;
    m_request = new QObject(this);
    m_audit->orgLog(m_orgId, after, kPageEntries, m_request, [this, after](Result<AuditApi::OrgPage> page) {
        m_request->deleteLater();
        m_request = nullptr;
        if (!page) {
            m_status->setText(tr("The audit log could not be read: %1").arg(page.error().message));
        } else {
            m_after = after;
            m_headSeq = std::max(m_headSeq, page->headSeq);
            QList<AuditApi::Entry> entries = page->entries;
            std::reverse(entries.begin(), entries.end()); // newest first
            const QLocale locale;
            m_status->setText(entries.isEmpty() ? tr("The organisation's audit log has no entries yet.")
                                                : tr("Entries %1 to %2 of %3, newest first.")
                                                      .arg(locale.toString(entries.last().seq),
                                                           locale.toString(entries.first().seq),
                                                           locale.toString(m_headSeq)));
            m_model->setEntries(std::move(entries));
            for (int c = 0; c < AuditEntryModel::Object; ++c)
                m_view->resizeColumnToContents(c);
        }
        updateButtons();
        emit loaded();
    });
}

void OrgAuditDialog::updateButtons()
{
    m_older->setEnabled(m_after > 0);
    m_newer->setEnabled(m_after + kPageEntries < m_headSeq);
    m_verify->setEnabled(!m_verifying && !m_trustDirectory.isEmpty());
}

void OrgAuditDialog::verify()
{
    if (m_verifying || m_trustDirectory.isEmpty())
        return;
    m_verifying = true;
    updateButtons();
    m_result->setVisible(false);
    m_progress->setRange(0, 0); // busy until the first page says how long the log is
    m_progress->setFormat(tr("Verifying…"));
    m_progress->setVisible(true);
    delete m_verifyRun;
    m_verifyRun = new QObject(this);
    auto trust = std::make_shared<AuditTrust>(m_trustDirectory, m_audit->connection().server());
    m_audit->verifyOrgLog(
        m_orgId, *trust, m_verifyRun,
        [this](qint64 done, qint64 total) {
            // Entry numbers fit an int's range for any log a progress bar can show.
            const int scale = total > 1'000'000'000 ? 1000 : 1;
            m_progress->setRange(0, int(total / scale));
            m_progress->setValue(int(done / scale));
            m_progress->setFormat(
                tr("Verified %1 of %2 entries").arg(QLocale().toString(done), QLocale().toString(total)));
        },
        [this, trust](Result<AuditApi::Report> report) {
            m_verifyRun->deleteLater();
            m_verifyRun = nullptr;
            m_verifying = false;
            m_progress->setVisible(false);
            m_result->setVisible(true);
            bool intact = false;
            if (!report) {
                m_report = {};
                m_result->setText(tr("The log could not be verified: %1").arg(report.error().message));
            } else {
                m_report = report.value();
                intact = m_report.intact();
                m_result->setText(m_report.summary);
            }
            // Bold only repeats what the words say.
            m_result->setStyleSheet(intact ? QString() : QStringLiteral("font-weight: bold;"));
            updateButtons();
            emit verified(intact);
        });
}

} // namespace Conclave::Gui
