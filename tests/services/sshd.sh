#!/usr/bin/env bash
# Starts or stops a throw-away OpenSSH server for tests.
#   sshd.sh start <statedir>   sshd on 127.0.0.1:<free port>, host key made in <statedir>
#   sshd.sh stop <statedir>    stops it and removes <statedir>
# It accepts public-key logins only, and only for the account `conclavetest` when that
# account exists (the script never creates accounts); tests use it for the banner and for
# refused authentication. After start, <statedir>/sshd.env holds:
#   SSHD_HOST SSHD_PORT SSHD_HOST_KEY_FINGERPRINT
# Both commands are idempotent.
source "$(dirname "$0")/common.sh"

[[ $# -eq 2 ]] || svc_usage
action=$1
statedir=$2
sshd=${CONCLAVE_SSHD:-/usr/sbin/sshd}
[[ -x $sshd ]] || svc_die "$sshd not found (scripts/install-deps.sh --test)"

sshd_banner() {
    python3 - "$1" <<'PY'
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=2)
sys.exit(0 if s.recv(256).startswith(b"SSH-2.0-") else 1)
PY
}

stop() {
    if [[ -f $statedir/sshd.pid ]]; then
        local pid
        pid=$(cat "$statedir/sshd.pid")
        if kill -0 "$pid" 2>/dev/null; then
            kill -TERM "$pid" 2>/dev/null || true
            svc_wait 30 bash -c "! kill -0 $pid" || kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
    rm -rf "$statedir"
}

start() {
    if [[ -f $statedir/sshd.env ]] &&
        (source "$statedir/sshd.env" && sshd_banner "$SSHD_PORT") 2>/dev/null; then
        echo "sshd already running in $statedir"
        return 0
    fi
    stop
    mkdir -p "$statedir"
    statedir=$(cd "$statedir" && pwd)
    chmod 700 "$statedir"
    ssh-keygen -q -t ed25519 -N '' -C conclave-test-host -f "$statedir/host_ed25519" ||
        svc_die "could not create the host key"
    # sshd's privilege separation needs this directory when it runs as root.
    if [[ $(id -u) -eq 0 ]]; then
        mkdir -p /run/sshd
        chmod 755 /run/sshd
    fi

    local port attempt
    for attempt in 1 2 3; do
        port=$(svc_free_port)
        cat >"$statedir/sshd_config" <<CONF
ListenAddress 127.0.0.1
Port $port
HostKey $statedir/host_ed25519
PidFile $statedir/sshd.pid
AuthorizedKeysFile $statedir/authorized_keys
AllowUsers conclavetest
PermitRootLogin no
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
UsePAM no
StrictModes no
LogLevel VERBOSE
CONF
        "$sshd" -t -f "$statedir/sshd_config" || svc_die "sshd rejected its configuration"
        setsid "$sshd" -D -f "$statedir/sshd_config" -E "$statedir/sshd.log" </dev/null >/dev/null 2>&1 &
        if svc_wait 30 sshd_banner "$port"; then
            break
        fi
        kill -TERM $! 2>/dev/null || true
        port=
    done
    [[ -n $port ]] || { tail -20 "$statedir/sshd.log" >&2; svc_die "sshd did not start"; }
    svc_wait 10 test -s "$statedir/sshd.pid" || svc_die "sshd wrote no pid file"

    cat >"$statedir/sshd.env.tmp" <<ENV
SSHD_HOST=127.0.0.1
SSHD_PORT=$port
SSHD_HOST_KEY_FINGERPRINT=$(ssh-keygen -l -f "$statedir/host_ed25519.pub" | awk '{print $2}')
ENV
    mv "$statedir/sshd.env.tmp" "$statedir/sshd.env"
    echo "sshd running on 127.0.0.1:$port (state in $statedir)"
}

case $action in
start) start ;;
stop) stop ;;
*) svc_usage ;;
esac
