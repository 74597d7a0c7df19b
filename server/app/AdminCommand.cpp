// Operator commands for organisations and Team Sharing blocks.
#include "server/app/AdminCommand.h"

#include <QCoreApplication>
#include <QDateTime>

namespace Conclave::Server {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("AdminCommand", text);
}

int report(const Core::Error& error, QTextStream& err)
{
    err << error.message << Qt::endl;
    return 1;
}

bool need(const QCommandLineParser& parser, const QString& option, QTextStream& err)
{
    if (parser.isSet(option) && !parser.value(option).trimmed().isEmpty())
        return true;
    err << tr("This action needs --%1.").arg(option) << Qt::endl;
    return false;
}
} // namespace

void AdminCommand::addOptions(QCommandLineParser& parser)
{
    parser.addOptions({
        {QStringLiteral("name"), tr("admin: organisation name."), tr("name")},
        {QStringLiteral("owner"), tr("admin: owner's email address."), tr("email")},
        {QStringLiteral("org"), tr("admin: organisation id."), tr("id")},
        {QStringLiteral("email"), tr("admin: a member's email address."), tr("email")},
        {QStringLiteral("domain"), tr("admin: an email domain."), tr("domain")},
        {QStringLiteral("role"), tr("admin: owner, admin or member (default member)."), tr("role")},
        {QStringLiteral("reason"), tr("admin: reason shown to blocked users."), tr("text")},
        {QStringLiteral("block"), tr("admin: block id."), tr("id")},
        {QStringLiteral("allow"), tr("admin: yes or no (allow-guests)."), tr("yes|no")},
    });
}

QString AdminCommand::usage()
{
    return tr("admin actions:\n"
              "  create-org --name <name> --owner <email>\n"
              "  add-member --org <id> --email <email> [--role owner|admin|member]\n"
              "  add-domain --org <id> --domain <domain>\n"
              "  block-sharing --org <id> [--email <email> | --domain <domain>] [--reason <text>]\n"
              "  unblock-sharing --org <id> --block <id>\n"
              "  list-orgs\n"
              "  list-blocks --org <id>\n"
              "  allow-guests --org <id> --allow yes|no\n"
              "  show-guests --org <id>\n");
}

int AdminCommand::run(const QString& action, const QCommandLineParser& parser,
                      OrganisationStore& organisations, OrganisationService& orgs,
                      InvitationService& invitations, QTextStream& out, QTextStream& err)
{
    const auto opt = [&parser](const char* name) {
        return parser.value(QString::fromLatin1(name));
    };
    if (action == QLatin1String("create-org")) {
        if (!need(parser, QStringLiteral("name"), err) || !need(parser, QStringLiteral("owner"), err))
            return 2;
        auto org = orgs.create(opt("name"), opt("owner"));
        if (!org)
            return report(org.error(), err);
        out << org->id << Qt::endl;
        return 0;
    }
    if (action == QLatin1String("add-member")) {
        if (!need(parser, QStringLiteral("org"), err) || !need(parser, QStringLiteral("email"), err))
            return 2;
        const QString role = parser.isSet(QStringLiteral("role")) ? opt("role") : QStringLiteral("member");
        if (auto done = orgs.addMember(opt("org"), opt("email"), role); !done)
            return report(done.error(), err);
        return 0;
    }
    if (action == QLatin1String("add-domain")) {
        if (!need(parser, QStringLiteral("org"), err) || !need(parser, QStringLiteral("domain"), err))
            return 2;
        if (auto done = orgs.addDomain(opt("org"), opt("domain")); !done)
            return report(done.error(), err);
        return 0;
    }
    if (action == QLatin1String("block-sharing")) {
        if (!need(parser, QStringLiteral("org"), err))
            return 2;
        QString scope = QStringLiteral("organisation");
        QString value;
        if (parser.isSet(QStringLiteral("email"))) {
            scope = QStringLiteral("email");
            value = opt("email");
        } else if (parser.isSet(QStringLiteral("domain"))) {
            scope = QStringLiteral("domain");
            value = opt("domain");
        }
        auto block = orgs.block(opt("org"), scope, value, opt("reason"), {});
        if (!block)
            return report(block.error(), err);
        out << block->id << Qt::endl;
        return 0;
    }
    if (action == QLatin1String("unblock-sharing")) {
        if (!need(parser, QStringLiteral("org"), err) || !need(parser, QStringLiteral("block"), err))
            return 2;
        auto removed = orgs.unblock(opt("org"), opt("block"), {});
        if (!removed)
            return report(removed.error(), err);
        if (!removed.value()) {
            err << tr("The organisation has no block with this id.") << Qt::endl;
            return 1;
        }
        return 0;
    }
    if (action == QLatin1String("list-orgs")) {
        auto list = organisations.organisations();
        if (!list)
            return report(list.error(), err);
        for (const OrganisationRecord& org : list.value())
            out << org.id << '\t' << org.name << Qt::endl;
        return 0;
    }
    if (action == QLatin1String("list-blocks")) {
        if (!need(parser, QStringLiteral("org"), err))
            return 2;
        auto list = orgs.blocks(opt("org"));
        if (!list)
            return report(list.error(), err);
        for (const SharingBlockRecord& b : list.value())
            out << b.id << '\t' << b.scope << '\t' << b.value << '\t' << b.reason << Qt::endl;
        return 0;
    }
    if (action == QLatin1String("allow-guests")) {
        if (!need(parser, QStringLiteral("org"), err) || !need(parser, QStringLiteral("allow"), err))
            return 2;
        const QString allow = opt("allow").trimmed().toLower();
        if (allow != QLatin1String("yes") && allow != QLatin1String("no")) {
            err << tr("--allow takes yes or no.") << Qt::endl;
            return 2;
        }
        if (auto done = invitations.setAllowsGuests(opt("org"), allow == QLatin1String("yes")); !done)
            return report(done.error(), err);
        return 0;
    }
    if (action == QLatin1String("show-guests")) {
        if (!need(parser, QStringLiteral("org"), err))
            return 2;
        auto allowed = invitations.allowsGuests(opt("org"));
        if (!allowed)
            return report(allowed.error(), err);
        out << (allowed.value() ? "yes" : "no") << Qt::endl;
        return 0;
    }
    err << tr("Unknown admin action.") << Qt::endl << usage();
    return 2;
}

} // namespace Conclave::Server
