// Defaults and QSettings persistence of the launcher configuration.
#include "core/connect/LauncherSettings.h"

#include <QCoreApplication>
#include <QSettings>

namespace Conclave::Core {

namespace {
const QString kGroup = QStringLiteral("Launcher");
const QString kTerminal = QStringLiteral("terminal");
const QString kDetach = QStringLiteral("detachThresholdMs");
const QString kGrace = QStringLiteral("graceAfterDetachMs");

QString clientKey(ConnectionKind kind)
{
    return QStringLiteral("client/") + kindScheme(kind);
}
} // namespace

QHash<ConnectionKind, QString> LauncherSettings::defaultClientCommands()
{
    return {
        {ConnectionKind::MongoDB, QStringLiteral("mongosh")},
        {ConnectionKind::PostgreSQL, QStringLiteral("psql")},
        {ConnectionKind::MySQL, QStringLiteral("mysql")},
        {ConnectionKind::Redis, QStringLiteral("redis-cli")},
        {ConnectionKind::SSH, QStringLiteral("ssh")},
    };
}

QString LauncherSettings::clientCommand(ConnectionKind kind) const
{
    const QString command = clientCommands.value(kind);
    return command.trimmed().isEmpty() ? defaultClientCommands().value(kind) : command;
}

Result<QStringList> LauncherSettings::splitCommand(const QString& command)
{
    QStringList words;
    QString word;
    bool inWord = false;
    enum class Quote
    {
        None,
        Single,
        Double
    } quote = Quote::None;
    for (qsizetype i = 0; i < command.size(); ++i) {
        const QChar c = command.at(i);
        if (quote == Quote::Single) {
            if (c == QLatin1Char('\''))
                quote = Quote::None;
            else
                word += c;
            continue;
        }
        if (quote == Quote::Double) {
            if (c == QLatin1Char('"')) {
                quote = Quote::None;
            } else if (c == QLatin1Char('\\') && i + 1 < command.size() &&
                       QStringLiteral("\"\\$`").contains(command.at(i + 1))) {
                word += command.at(++i);
            } else {
                word += c;
            }
            continue;
        }
        if (c.isSpace()) {
            if (inWord)
                words.append(word);
            word.clear();
            inWord = false;
            continue;
        }
        inWord = true;
        if (c == QLatin1Char('\''))
            quote = Quote::Single;
        else if (c == QLatin1Char('"'))
            quote = Quote::Double;
        else if (c == QLatin1Char('\\') && i + 1 < command.size())
            word += command.at(++i);
        else
            word += c;
    }
    if (quote != Quote::None)
        return Error::make(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("LauncherSettings", "The command %1 has an unmatched quote.")
                .arg(command));
    if (inWord)
        words.append(word);
    return words;
}

LauncherSettings LauncherSettings::load(QSettings& settings)
{
    LauncherSettings result;
    settings.beginGroup(kGroup);
    result.terminalCommand = settings.value(kTerminal, result.terminalCommand).toString();
    for (ConnectionKind kind : allKinds()) {
        const QString value = settings.value(clientKey(kind)).toString();
        if (!value.trimmed().isEmpty())
            result.clientCommands.insert(kind, value);
    }
    const qint64 detach = settings.value(kDetach, qint64(result.detachThreshold.count())).toLongLong();
    const qint64 grace = settings.value(kGrace, qint64(result.graceAfterDetach.count())).toLongLong();
    if (detach >= 0)
        result.detachThreshold = std::chrono::milliseconds(detach);
    if (grace >= 0)
        result.graceAfterDetach = std::chrono::milliseconds(grace);
    settings.endGroup();
    return result;
}

void LauncherSettings::save(QSettings& settings) const
{
    settings.beginGroup(kGroup);
    settings.setValue(kTerminal, terminalCommand);
    for (ConnectionKind kind : allKinds())
        settings.setValue(clientKey(kind), clientCommand(kind));
    settings.setValue(kDetach, qint64(detachThreshold.count()));
    settings.setValue(kGrace, qint64(graceAfterDetach.count()));
    settings.endGroup();
}

} // namespace Conclave::Core
