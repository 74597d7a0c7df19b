#!/usr/bin/env bash
# Starts or stops a throw-away MariaDB for tests.
#   mariadb.sh start <statedir>   server on 127.0.0.1:<free port> with TLS, socket in <statedir>
#   mariadb.sh stop <statedir>    stops it and removes <statedir>
# After start, <statedir>/mariadb.env holds (KEY=value lines, sourceable by sh):
#   MARIADB_HOST MARIADB_PORT MARIADB_SOCKET MARIADB_USER MARIADB_PASSWORD (mysql_native_password)
#   MARIADB_DATABASE MARIADB_CA (signed the server certificate) MARIADB_OTHER_CA (did not)
# Both commands are idempotent.
source "$(dirname "$0")/common.sh"

[[ $# -eq 2 ]] || svc_usage
action=$1
statedir=$2
svcuser=mysql
user=native_user
password=${CONCLAVE_TEST_MARIADB_PASSWORD:-mariadb-test-password}
command -v mariadbd >/dev/null || PATH=$PATH:/usr/sbin
command -v mariadbd >/dev/null || svc_die "mariadbd not found (scripts/install-deps.sh --test)"
id "$svcuser" >/dev/null 2>&1 || svcuser=$(id -un)

mariadb_ping() {
    mariadb-admin --no-defaults --protocol=socket --socket="$statedir/mariadb.sock" -uroot ping
}

stop() {
    if [[ -f $statedir/mariadb.pid ]]; then
        local pid
        pid=$(cat "$statedir/mariadb.pid")
        if kill -0 "$pid" 2>/dev/null; then
            kill -TERM "$pid" 2>/dev/null || true
            svc_wait 60 bash -c "! kill -0 $pid" || kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
    rm -rf "$statedir"
}

start() {
    if [[ -f $statedir/mariadb.env ]] && mariadb_ping >/dev/null 2>&1; then
        echo "mariadb already running in $statedir"
        return 0
    fi
    stop
    mkdir -p "$statedir"
    statedir=$(cd "$statedir" && pwd)
    chmod 700 "$statedir"
    svc_make_certs "$statedir"
    svc_chown "$svcuser" "$statedir"

    mariadb-install-db --no-defaults --user="$svcuser" --datadir="$statedir/data" \
        --auth-root-authentication-method=socket --skip-test-db \
        >"$statedir/install.log" 2>&1 ||
        { cat "$statedir/install.log" >&2; svc_die "mariadb-install-db failed"; }

    local port attempt
    for attempt in 1 2 3; do
        port=$(svc_free_port)
        setsid mariadbd --no-defaults --user="$svcuser" --datadir="$statedir/data" \
            --bind-address=127.0.0.1 --port="$port" --socket="$statedir/mariadb.sock" \
            --pid-file="$statedir/mariadb.pid" --log-error="$statedir/mariadb.log" \
            --ssl-cert="$statedir/server.crt" --ssl-key="$statedir/server.key" \
            --ssl-ca="$statedir/ca.crt" --skip-name-resolve --innodb-buffer-pool-size=16M \
            --innodb-log-file-size=8M --performance-schema=OFF </dev/null >/dev/null 2>&1 &
        if svc_wait 60 mariadb_ping; then
            break
        fi
        kill -TERM $! 2>/dev/null || true
        port=
    done
    [[ -n $port ]] || { tail -20 "$statedir/mariadb.log" >&2; svc_die "MariaDB did not start"; }

    mariadb --no-defaults --protocol=socket --socket="$statedir/mariadb.sock" -uroot \
        >/dev/null <<SQL || svc_die "could not create the test user"
CREATE USER '$user'@'%' IDENTIFIED VIA mysql_native_password USING PASSWORD('$password');
CREATE DATABASE conclave;
GRANT ALL ON conclave.* TO '$user'@'%';
SQL

    cat >"$statedir/mariadb.env.tmp" <<ENV
MARIADB_HOST=127.0.0.1
MARIADB_PORT=$port
MARIADB_SOCKET=$statedir/mariadb.sock
MARIADB_USER=$user
MARIADB_PASSWORD=$password
MARIADB_DATABASE=conclave
MARIADB_CA=$statedir/ca.crt
MARIADB_OTHER_CA=$statedir/other-ca.crt
ENV
    mv "$statedir/mariadb.env.tmp" "$statedir/mariadb.env"
    echo "mariadb running on 127.0.0.1:$port (state in $statedir)"
}

case $action in
start) start ;;
stop) stop ;;
*) svc_usage ;;
esac
