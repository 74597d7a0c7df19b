#!/usr/bin/env bash
# Starts or stops a throw-away PostgreSQL 15 cluster for tests.
#   postgres.sh start <statedir>   cluster in <statedir>/data on 127.0.0.1:<free port>, TLS on
#   postgres.sh stop <statedir>    stops it and removes <statedir>
# After start, <statedir>/postgres.env holds (KEY=value lines, sourceable by sh):
#   PGHOST PGPORT PGUSER PGPASSWORD PGDATABASE PGSOCKETDIR PGSSLROOTCERT
#   CONCLAVE_PG_SCRAM_USER/_PASSWORD (scram-sha-256), CONCLAVE_PG_MD5_USER/_PASSWORD (md5)
#   CONCLAVE_PG_OTHER_CA (a CA that did not sign the server certificate)
# The superuser is `conclave`, password $CONCLAVE_TEST_PG_PASSWORD or a fixed test password.
# Both commands are idempotent.
source "$(dirname "$0")/common.sh"

[[ $# -eq 2 ]] || svc_usage
action=$1
statedir=$2
bindir=${CONCLAVE_PG_BINDIR:-/usr/lib/postgresql/15/bin}
pguser=postgres
[[ -x $bindir/initdb ]] || svc_die "PostgreSQL 15 not found in $bindir (scripts/install-deps.sh --test)"

superpw=${CONCLAVE_TEST_PG_PASSWORD:-conclave-test-password}
scrampw=scram-test-password
md5pw=md5-test-password

pg_running() {
    [[ -f $statedir/postgres.env ]] || return 1
    # shellcheck disable=SC1091
    (source "$statedir/postgres.env" && "$bindir/pg_isready" -q -h 127.0.0.1 -p "$PGPORT")
}

stop() {
    if [[ -f $statedir/data/postmaster.pid ]]; then
        svc_run_as "$pguser" "$bindir/pg_ctl" -D "$statedir/data" -m fast -w -t 60 stop >/dev/null 2>&1 ||
            svc_run_as "$pguser" "$bindir/pg_ctl" -D "$statedir/data" -m immediate -w -t 30 stop \
                >/dev/null 2>&1 || true
    fi
    rm -rf "$statedir"
}

start() {
    if pg_running; then
        echo "postgres already running in $statedir"
        return 0
    fi
    stop # leftovers of a crashed run
    mkdir -p "$statedir"
    statedir=$(cd "$statedir" && pwd)
    chmod 700 "$statedir"
    svc_make_certs "$statedir"
    local pwfile=$statedir/superuser.pw
    (umask 077 && printf '%s\n' "$superpw" >"$pwfile")
    svc_chown "$pguser" "$statedir"

    svc_run_as "$pguser" "$bindir/initdb" -D "$statedir/data" -U conclave --pwfile="$pwfile" \
        -E UTF8 --locale=C.UTF-8 --auth-local=trust --auth-host=scram-sha-256 \
        >"$statedir/initdb.log" 2>&1 || { cat "$statedir/initdb.log" >&2; svc_die "initdb failed"; }
    rm -f "$pwfile"

    cat >>"$statedir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$statedir'
ssl = on
ssl_cert_file = '$statedir/server.crt'
ssl_key_file = '$statedir/server.key'
password_encryption = 'scram-sha-256'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
CONF
    # Unix socket: trust (the directory is 0700). TCP: md5_user by md5, everyone else by SCRAM.
    cat >"$statedir/data/pg_hba.conf" <<HBA
local all all trust
host all md5_user 127.0.0.1/32 md5
host all all 127.0.0.1/32 scram-sha-256
HBA

    local port attempt
    for attempt in 1 2 3; do
        port=$(svc_free_port)
        if svc_run_as "$pguser" "$bindir/pg_ctl" -D "$statedir/data" -l "$statedir/postgres.log" \
            -o "-p $port" -w -t 60 start >/dev/null 2>&1; then
            break
        fi
        port=
    done
    [[ -n $port ]] || { tail -20 "$statedir/postgres.log" >&2; svc_die "PostgreSQL did not start"; }
    svc_wait 60 "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port" || svc_die "PostgreSQL not ready"

    svc_run_as "$pguser" "$bindir/psql" -h "$statedir" -p "$port" -U conclave -d postgres \
        -v ON_ERROR_STOP=1 -q >/dev/null <<SQL || svc_die "could not create test users"
SET password_encryption = 'scram-sha-256';
CREATE ROLE scram_user LOGIN PASSWORD '$scrampw';
SET password_encryption = 'md5';
CREATE ROLE md5_user LOGIN PASSWORD '$md5pw';
RESET password_encryption;
CREATE DATABASE conclave OWNER conclave;
SQL

    local envfile=$statedir/postgres.env
    cat >"$envfile.tmp" <<ENV
PGHOST=127.0.0.1
PGPORT=$port
PGUSER=conclave
PGPASSWORD=$superpw
PGDATABASE=conclave
PGSOCKETDIR=$statedir
PGSSLROOTCERT=$statedir/ca.crt
CONCLAVE_PG_SCRAM_USER=scram_user
CONCLAVE_PG_SCRAM_PASSWORD=$scrampw
CONCLAVE_PG_MD5_USER=md5_user
CONCLAVE_PG_MD5_PASSWORD=$md5pw
CONCLAVE_PG_OTHER_CA=$statedir/other-ca.crt
ENV
    chmod 644 "$envfile.tmp"
    mv "$envfile.tmp" "$envfile"
    echo "postgres running on 127.0.0.1:$port (state in $statedir)"
}

case $action in
start) start ;;
stop) stop ;;
*) svc_usage ;;
esac
