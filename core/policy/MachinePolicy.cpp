// Reading the machine policy: one pass over the keys the source holds, each value checked
// for its type and range; see the header for the rules and docs/admin/policy.md for the
// readings used when a value is faulty.
#include "core/policy/MachinePolicy.h"

#include "core/util/LogCategories.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QHostAddress>
#include <QRegularExpression>
#include <QSettings>

namespace Conclave::Core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Conclave::Core::MachinePolicy)
};

// A value as the administrator wrote it, short and printable, for a message.
QString shown(const QVariant& value)
{
    QString text;
    switch (value.metaType().id()) {
    case QMetaType::QStringList:
        text = value.toStringList().join(QStringLiteral(", "));
        break;
    case QMetaType::QString:
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Double:
        text = value.toString();
        break;
    default:
        return Tr::tr("a value of type %1").arg(QString::fromLatin1(value.metaType().name()));
    }
    for (QChar& c : text) {
        if (c.category() == QChar::Other_Control)
            c = QChar(u'?');
    }
    if (text.size() > 80)
        text = text.left(79) + QChar(u'…');
    return QChar(u'“') + text + QChar(u'”');
}

bool isIntegerType(const QVariant& value)
{
    switch (value.metaType().id()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        return true;
    default:
        return false;
    }
}

// QSettings skips a line that is neither "[section]" nor "key=value" without a word, so a
// policy line like "TeamSharingEnabled false" would vanish: the file is checked line by line.
// Returns the number of the first such line, or 0.
int firstMalformedIniLine(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0; // QSettings reports what it cannot open
    int number = 0;
    while (!file.atEnd()) {
        ++number;
        const QByteArray line = file.readLine(64 * 1024).trimmed();
        if (line.isEmpty() || line.startsWith(';') || line.startsWith('#'))
            continue;
        if (line.startsWith('[')) {
            if (!line.endsWith(']'))
                return number;
            continue;
        }
        if (!line.contains('=') || line.contains('\0'))
            return number;
    }
    return 0;
}

bool isIniSource(const QSettings& settings)
{
    if (settings.format() == QSettings::IniFormat)
        return true;
#if defined(Q_OS_WIN) || defined(Q_OS_MACOS)
    return false;
#else
    return settings.format() == QSettings::NativeFormat;
#endif
}

bool isLoopbackHost(const QString& host)
{
    if (host.compare(QStringLiteral("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace

std::unique_ptr<QSettings> MachinePolicy::openSystemSettings()
{
    std::unique_ptr<QSettings> settings;
#if defined(Q_OS_WIN)
    // The system scope of QSettings would be HKLM\Software\Conclave; group policy lives
    // under Software\Policies, where only administrators may write.
    settings = std::make_unique<QSettings>(QStringLiteral("HKEY_LOCAL_MACHINE\\Software\\Policies\\Conclave"),
                                           QSettings::NativeFormat);
#elif defined(Q_OS_MACOS)
    // A configuration profile (MDM) installs its payload as a managed preferences file;
    // without one, `sudo defaults write /Library/Preferences/com.conclave.policy ...` is
    // read through the system scope.
    const QString managed = QStringLiteral("/Library/Managed Preferences/com.conclave.policy.plist");
    if (QFileInfo::exists(managed)) {
        settings = std::make_unique<QSettings>(managed, QSettings::NativeFormat);
    } else {
        settings = std::make_unique<QSettings>(QSettings::NativeFormat, QSettings::SystemScope,
                                               QStringLiteral("Conclave"), QStringLiteral("policy"));
    }
#else
    settings = std::make_unique<QSettings>(QSettings::NativeFormat, QSettings::SystemScope,
                                           QStringLiteral("Conclave"), QStringLiteral("policy"));
#endif
    // Only the policy file itself: not /etc/xdg/Conclave.conf or any other fallback.
    settings->setFallbacksEnabled(false);
    return settings;
}

QString MachinePolicy::systemLocation()
{
    return openSystemSettings()->fileName();
}

MachinePolicy MachinePolicy::readSystem()
{
    const std::unique_ptr<QSettings> settings = openSystemSettings();
    return read(*settings);
}

MachinePolicy MachinePolicy::read(QSettings& settings)
{
    MachinePolicy policy;
    policy.m_source = settings.fileName();
    switch (settings.status()) {
    case QSettings::NoError:
        break;
    case QSettings::AccessError:
        policy.addProblem({},
                          Tr::tr("The policy file %1 could not be read. Team Sharing is off until it can be.")
                              .arg(policy.m_source));
        policy.turnSharingOffForProblem();
        break;
    case QSettings::FormatError:
        policy.addProblem({}, Tr::tr("The policy file %1 is not a valid settings file. Team Sharing is off "
                                     "until it is fixed.")
                                  .arg(policy.m_source));
        policy.turnSharingOffForProblem();
        break;
    }
    if (settings.status() == QSettings::NoError && isIniSource(settings)) {
        if (const int line = firstMalformedIniLine(policy.m_source)) {
            policy.addProblem({},
                              Tr::tr("Line %1 of the policy file %2 is neither a [section] nor key=value. "
                                     "Team Sharing is off until it is fixed.")
                                  .arg(line)
                                  .arg(policy.m_source));
            policy.turnSharingOffForProblem();
        }
    }

    // Keys match without regard to letter case (as in the registry); the same key written
    // twice in different case is a problem and the most restrictive of the values counts.
    QHash<PolicyKey, QStringList> seen;
    for (const QString& key : settings.allKeys()) {
        if (key.isEmpty() || key.endsWith(QChar(u'/'))) {
            // "=value": the line is broken, and it might have been the one turning sharing off.
            policy.addProblem({},
                              Tr::tr("The policy in %1 has a value without a key name. Team Sharing is off "
                                     "until it is fixed.")
                                  .arg(policy.m_source));
            policy.turnSharingOffForProblem();
            continue;
        }
        // A key inside a [section] still counts (ignoring it could leave sharing on that the
        // administrator meant to turn off), with a problem saying where it belongs.
        const std::optional<PolicyKey> known = policyKeyFromName(key.section(QChar(u'/'), -1));
        if (known && key.contains(QChar(u'/'))) {
            policy.addProblem(key, Tr::tr("%1 belongs outside any [section] (write it as %2); it is used "
                                          "anyway.")
                                       .arg(key, policyKeyName(*known)));
        }
        if (!known) {
            policy.addProblem(key, Tr::tr("%1 is not a Conclave policy key and is ignored. The keys are "
                                          "TeamSharingEnabled, ServerUrl and InactivityTimeoutMinutes, "
                                          "outside any [section].")
                                       .arg(key));
            continue;
        }
        seen[*known].append(key);
        const QVariant value = settings.value(key);
        switch (*known) {
        case PolicyKey::TeamSharingEnabled:
            policy.readTeamSharingEnabled(key, value);
            break;
        case PolicyKey::ServerUrl:
            policy.readServerUrl(key, value);
            break;
        case PolicyKey::InactivityTimeoutMinutes:
            policy.readInactivityTimeout(key, value);
            break;
        }
    }
    for (PolicyKey key : kAllPolicyKeys) {
        const QStringList written = seen.value(key);
        if (written.size() > 1) {
            policy.addProblem(written.first(),
                              Tr::tr("%1 is set more than once (as %2); the most restrictive "
                                     "of the values is used.")
                                  .arg(policyKeyName(key), written.join(QStringLiteral(", "))));
        }
    }
    if (!policy.m_problems.isEmpty())
        qCWarning(lcCorePolicy) << "machine policy has" << policy.m_problems.size() << "problem(s)";
    return policy;
}

bool MachinePolicy::enforces(PolicyKey key) const
{
    switch (key) {
    case PolicyKey::TeamSharingEnabled:
        return m_teamSharingEnabled.has_value();
    case PolicyKey::ServerUrl:
        return m_serverUrl.has_value();
    case PolicyKey::InactivityTimeoutMinutes:
        return m_inactivityTimeoutMinutes.has_value();
    }
    return false;
}

bool MachinePolicy::isEmpty() const
{
    return !m_teamSharingEnabled && !m_serverUrl && !m_inactivityTimeoutMinutes && m_problems.isEmpty();
}

void MachinePolicy::addProblem(const QString& key, const QString& message)
{
    m_problems.append(PolicyProblem{key, message});
}

void MachinePolicy::turnSharingOffForProblem()
{
    if (m_teamSharingEnabled != false)
        m_sharingOffByProblem = true;
    m_teamSharingEnabled = false;
}

void MachinePolicy::readTeamSharingEnabled(const QString& key, const QVariant& value)
{
    // INI files and REG_SZ give text, REG_DWORD and plist integers a number, plist <true/>
    // a bool. Only the spellings documented count; "FALSE", "no" or "0" as text do not.
    std::optional<bool> enabled;
    if (value.metaType().id() == QMetaType::Bool) {
        enabled = value.toBool();
    } else if (isIntegerType(value)) {
        const qlonglong n = value.toLongLong();
        if (n == 0 || n == 1)
            enabled = n == 1;
    } else if (value.metaType().id() == QMetaType::QString) {
        const QString text = value.toString();
        if (text == QStringLiteral("true"))
            enabled = true;
        else if (text == QStringLiteral("false"))
            enabled = false;
    }
    if (!enabled) {
        addProblem(key, Tr::tr("%1 is %2, which is not true or false (written in lower case; 1 or 0 as a "
                               "registry DWORD). Team Sharing is off until this is fixed.")
                            .arg(key, shown(value)));
        turnSharingOffForProblem();
        return;
    }
    if (!*enabled) {
        m_teamSharingEnabled = false;
        m_sharingOffByProblem = false; // off because the administrator said so
    } else if (!m_teamSharingEnabled.has_value()) {
        m_teamSharingEnabled = true; // an earlier "off" (or a problem) wins over "on"
    }
}

void MachinePolicy::readServerUrl(const QString& key, const QVariant& value)
{
    QString why;
    QUrl url;
    if (value.metaType().id() != QMetaType::QString) {
        // An INI value with a comma reads as a list.
        why = Tr::tr("it is not a single URL");
    } else {
        url = QUrl(value.toString().trimmed(), QUrl::StrictMode);
        const QString scheme = url.scheme().toLower();
        if (!url.isValid() || url.isRelative() || url.host().isEmpty())
            why = Tr::tr("it is not a complete URL such as https://sharing.example.com");
        else if (scheme != QStringLiteral("https") && scheme != QStringLiteral("http"))
            why = Tr::tr("only https:// URLs are allowed");
        else if (scheme == QStringLiteral("http") && !isLoopbackHost(url.host()))
            why = Tr::tr("http:// is allowed only for this computer (localhost); use https://");
        else if (!url.userInfo().isEmpty())
            why = Tr::tr("it must not contain a user name or password");
        else if (url.hasQuery() || url.hasFragment())
            why = Tr::tr("it must not contain a query (?) or fragment (#)");
    }
    if (!why.isEmpty()) {
        addProblem(key, Tr::tr("%1 is %2, which cannot be used: %3. Team Sharing is off until this is fixed.")
                            .arg(key, shown(value), why));
        turnSharingOffForProblem();
        return;
    }
    url = url.adjusted(QUrl::StripTrailingSlash | QUrl::NormalizePathSegments);
    url.setScheme(url.scheme().toLower());
    url.setHost(url.host().toLower());
    if (m_serverUrl && *m_serverUrl != url) {
        addProblem(key, Tr::tr("%1 names two different servers. Team Sharing is off until only one is set.")
                            .arg(policyKeyName(PolicyKey::ServerUrl)));
        turnSharingOffForProblem();
        return;
    }
    m_serverUrl = url;
}

void MachinePolicy::readInactivityTimeout(const QString& key, const QVariant& value)
{
    std::optional<qlonglong> minutes;
    if (isIntegerType(value)) {
        minutes = value.toLongLong();
    } else if (value.metaType().id() == QMetaType::QString) {
        static const QRegularExpression s_integer(QStringLiteral("^-?[0-9]{1,18}$"));
        if (s_integer.match(value.toString()).hasMatch())
            minutes = value.toString().toLongLong();
    }
    int used = kMinInactivityMinutes;
    if (!minutes) {
        addProblem(key, Tr::tr("%1 is %2, which is not a whole number of minutes; %3 minute is used until "
                               "this is fixed.")
                            .arg(key, shown(value))
                            .arg(kMinInactivityMinutes));
    } else if (*minutes > kMaxInactivityMinutes) {
        used = kMaxInactivityMinutes;
        addProblem(key, Tr::tr("%1 is %2, but a policy can only shorten the sign-out time; %3 minutes are "
                               "used.")
                            .arg(key, shown(value))
                            .arg(kMaxInactivityMinutes));
    } else if (*minutes < kMinInactivityMinutes) {
        addProblem(key, Tr::tr("%1 is %2, but the sign-out time is at least %3 minute; %3 minute is used.")
                            .arg(key, shown(value))
                            .arg(kMinInactivityMinutes));
    } else {
        used = int(*minutes);
    }
    m_inactivityTimeoutMinutes = std::min(used, m_inactivityTimeoutMinutes.value_or(kMaxInactivityMinutes));
}

} // namespace Conclave::Core
