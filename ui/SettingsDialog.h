// SettingsDialog: the terminal and the client program per kind that "Open" uses, kept in
// QSettings (group "Launcher") through LauncherSettings, and the UI language (LanguageSetting).
// Nothing secret is set here.
#pragma once

#include "core/connect/LauncherSettings.h"
#include "core/policy/EffectiveSettings.h"

#include <QDialog>
#include <QHash>
#include <QUrl>

class QLabel;
class QLineEdit;
class QScrollArea;
class QSpinBox;
class QVBoxLayout;

namespace Conclave::Gui {

class EnforcedPolicyWidget;
class LanguageComboBox;

class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    explicit SettingsDialog(const Core::LauncherSettings& settings, QWidget* parent = nullptr);

    // The edited settings; meaningful after accept().
    Core::LauncherSettings settings() const { return m_settings; }
    // Shows what the machine policy enforces (nothing when there is no policy).
    void showEnforcedPolicy(const Core::EffectiveSettings& settings);

    // Team Sharing's section: the server (editable, or read-only with the policy's reason
    // when the machine policy fixes it) and the sign-out time without input (1 minute up to
    // the policy's ceiling, 15 without one). The caller shows it only when Team Sharing is
    // allowed.
    void showSharingServer(const Core::EffectiveSettings& settings);
    // The server entered (meaningful after accept()); empty when the section is not shown.
    QUrl sharingServer() const;
    // The sign-out time chosen, in minutes; 0 when the section is not shown.
    int inactivityTimeoutMinutes() const;

public slots:
    void accept() override;

private:
    void fitHeight(); // the height the wrapped notes need at the dialog's width

    Core::LauncherSettings m_settings;
    QLineEdit* m_terminal;
    QHash<Core::ConnectionKind, QLineEdit*> m_clients;
    QLabel* m_error;
    EnforcedPolicyWidget* m_policy;
    LanguageComboBox* m_language;
    QLineEdit* m_sharingServer = nullptr;
    QSpinBox* m_inactivity = nullptr;
    QScrollArea* m_scroll = nullptr;
    QVBoxLayout* m_content = nullptr; // the sections inside m_scroll
};

} // namespace Conclave::Gui
