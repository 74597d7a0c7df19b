// OrgAuditDialog: an organisation's hash-chained audit log for its owners and admins
// (DESIGN §4, §7), a page of entries at a time, newest page first, and Verify: the whole log
// is read and checked on this computer (AuditApi::verifyOrgLog, AuditVerifier) with a progress
// bar, and the result is said in words — intact with its counts, or the first entry or
// checkpoint at fault and what is wrong with it. The server's audit key is pinned on the first
// Verify (AuditTrust in the app's data folder).
#pragma once

#include "core/sync/AuditApi.h"

#include <QDialog>
#include <QHash>
#include <QUuid>

class QLabel;
class QProgressBar;
class QPushButton;
class QTreeView;

namespace Conclave::Gui {

class AuditEntryModel;

class OrgAuditDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrgAuditDialog)

public:
    static constexpr int kPageEntries = 100;

    // `audit` must outlive the dialog.
    OrgAuditDialog(Core::AuditApi* audit, QUuid orgId, QWidget* parent = nullptr);
    ~OrgAuditDialog() override;

    // Where AuditTrust keeps the pinned key (the app's data folder); Verify needs it.
    void setTrustDirectory(const QString& directory);
    void setKnownEmails(const QHash<QString, QString>& emails);
    AuditEntryModel* model() const { return m_model; }
    const Core::AuditApi::Report& lastReport() const { return m_report; }

public slots:
    void reload();
    void showOlder();
    void showNewer();
    void verify();

signals:
    void loaded();
    void verified(bool intact);

private:
    void load(qint64 after);
    void updateButtons();

    Core::AuditApi* m_audit;
    QUuid m_orgId;
    QString m_trustDirectory;
    qint64 m_after = 0;
    qint64 m_headSeq = 0;
    bool m_verifying = false;
    Core::AuditApi::Report m_report;
    AuditEntryModel* m_model = nullptr;
    QTreeView* m_view = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_result = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_verify = nullptr;
    QPushButton* m_older = nullptr;
    QPushButton* m_newer = nullptr;
    QObject* m_request = nullptr;
    QObject* m_verifyRun = nullptr;
};

} // namespace Conclave::Gui
