#!/usr/bin/env bash
# Starts or stops a throw-away Redis 7 for tests.
#   redis.sh start <statedir>   plain port and TLS port on 127.0.0.1, password required
#   redis.sh stop <statedir>    stops it and removes <statedir>
# After start, <statedir>/redis.env holds (KEY=value lines, sourceable by sh):
#   REDIS_HOST REDIS_PORT REDIS_TLS_PORT REDIS_PASSWORD (for the default user)
#   REDIS_ACL_USER REDIS_ACL_PASSWORD (a named ACL user, for AUTH <user> <password>)
#   REDIS_CA (signed the server certificate) REDIS_OTHER_CA (did not)
#   REDIS_WRONGNAME_CERT/_KEY (signed by REDIS_CA for wrong.invalid, for host name tests)
# Both commands are idempotent.
source "$(dirname "$0")/common.sh"

[[ $# -eq 2 ]] || svc_usage
action=$1
statedir=$2
svcuser=redis
password=${CONCLAVE_TEST_REDIS_PASSWORD:-redis-test-password}
acluser=conclave_acl
aclpw=acl-test-password
command -v redis-server >/dev/null || svc_die "redis-server not found (scripts/install-deps.sh --test)"
id "$svcuser" >/dev/null 2>&1 || svcuser=nobody

redis_ping() {
    REDISCLI_AUTH=$password redis-cli --no-auth-warning -h 127.0.0.1 -p "$1" ping | grep -q PONG
}

stop() {
    if [[ -f $statedir/redis.pid ]]; then
        local pid
        pid=$(cat "$statedir/redis.pid")
        if kill -0 "$pid" 2>/dev/null; then
            kill -TERM "$pid" 2>/dev/null || true
            svc_wait 30 bash -c "! kill -0 $pid" || kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
    rm -rf "$statedir"
}

start() {
    if [[ -f $statedir/redis.env ]] && (source "$statedir/redis.env" && redis_ping "$REDIS_PORT"); then
        echo "redis already running in $statedir"
        return 0
    fi
    stop
    mkdir -p "$statedir"
    statedir=$(cd "$statedir" && pwd)
    chmod 700 "$statedir"
    svc_make_certs "$statedir"

    local port tlsport attempt pid
    for attempt in 1 2 3; do
        port=$(svc_free_port)
        tlsport=$(svc_free_port)
        (
            umask 077
            cat >"$statedir/redis.conf" <<CONF
bind 127.0.0.1
protected-mode yes
port $port
tls-port $tlsport
tls-cert-file $statedir/server.crt
tls-key-file $statedir/server.key
tls-ca-cert-file $statedir/ca.crt
tls-auth-clients no
requirepass $password
user $acluser on >$aclpw ~* &* +@all
daemonize yes
pidfile $statedir/redis.pid
logfile $statedir/redis.log
dir $statedir
save ""
appendonly no
CONF
        )
        svc_chown "$svcuser" "$statedir"
        svc_run_as "$svcuser" redis-server "$statedir/redis.conf" >/dev/null 2>&1 || true
        if svc_wait 30 redis_ping "$port"; then
            break
        fi
        [[ -f $statedir/redis.pid ]] && kill -TERM "$(cat "$statedir/redis.pid")" 2>/dev/null || true
        port=
    done
    [[ -n $port ]] || { tail -20 "$statedir/redis.log" >&2; svc_die "Redis did not start"; }

    cat >"$statedir/redis.env.tmp" <<ENV
REDIS_HOST=127.0.0.1
REDIS_PORT=$port
REDIS_TLS_PORT=$tlsport
REDIS_PASSWORD=$password
REDIS_ACL_USER=$acluser
REDIS_ACL_PASSWORD=$aclpw
REDIS_CA=$statedir/ca.crt
REDIS_OTHER_CA=$statedir/other-ca.crt
REDIS_WRONGNAME_CERT=$statedir/wrongname.crt
REDIS_WRONGNAME_KEY=$statedir/wrongname.key
ENV
    mv "$statedir/redis.env.tmp" "$statedir/redis.env"
    echo "redis running on 127.0.0.1:$port, TLS on $tlsport (state in $statedir)"
}

case $action in
start) start ;;
stop) stop ;;
*) svc_usage ;;
esac
