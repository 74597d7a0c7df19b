# Shared helpers for the test service scripts (postgres.sh, redis.sh, mariadb.sh, sshd.sh).
# Sourced, not run. Services run on 127.0.0.1 on a free port, with all state in one directory
# that the matching `stop` removes again.

set -euo pipefail

svc_die() {
    echo "$(basename "$0"): $*" >&2
    exit 1
}

# Prints a TCP port on 127.0.0.1 that nothing listens on right now. The kernel picks it,
# so parallel starts of different services do not collide.
svc_free_port() {
    python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()'
}

# svc_wait <seconds> <command...>: runs the command until it succeeds or the time is up.
# Readiness is polled, never assumed after a fixed delay.
svc_wait() {
    local limit=$1
    shift
    local deadline=$((SECONDS + limit))
    until "$@" >/dev/null 2>&1; do
        if ((SECONDS >= deadline)); then
            return 1
        fi
        sleep 0.1
    done
}

# svc_make_certs <dir>: a test CA (ca.crt) and a server certificate signed by it
# (server.crt, server.key) valid for localhost and 127.0.0.1, plus a second, unrelated CA
# (other-ca.crt) for "untrusted certificate" tests, and a certificate from the same CA for
# another name (wrongname.crt, wrongname.key: wrong.invalid) for host name checks.
svc_make_certs() {
    local dir=$1
    (
        cd "$dir"
        umask 077
        openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=Conclave Test CA" \
            -keyout ca.key -out ca.crt >/dev/null 2>&1
        openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=Conclave Other CA" \
            -keyout other-ca.key -out other-ca.crt >/dev/null 2>&1
        openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" \
            -keyout server.key -out server.csr >/dev/null 2>&1
        printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\n' >server.ext
        openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 30 \
            -extfile server.ext -out server.crt >/dev/null 2>&1
        openssl req -newkey rsa:2048 -nodes -subj "/CN=wrong.invalid" \
            -keyout wrongname.key -out wrongname.csr >/dev/null 2>&1
        printf 'subjectAltName=DNS:wrong.invalid\nbasicConstraints=CA:FALSE\n' >wrongname.ext
        openssl x509 -req -in wrongname.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 30 \
            -extfile wrongname.ext -out wrongname.crt >/dev/null 2>&1
        rm -f server.csr server.ext wrongname.csr wrongname.ext ca.srl other-ca.key
        chmod 644 ca.crt other-ca.crt server.crt wrongname.crt
    ) || svc_die "could not create test certificates in $dir"
}

# Services refuse to run as root; in CI we are root, so they run as a system account.
svc_run_as() {
    local user=$1
    shift
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u "$user" -- "$@"
    else
        "$@"
    fi
}

svc_chown() {
    local user=$1
    shift
    if [[ $(id -u) -eq 0 ]]; then
        chown -R "$user:" "$@"
    fi
}

svc_usage() {
    echo "usage: $(basename "$0") start|stop <statedir>" >&2
    exit 2
}
