#!/usr/bin/env bash
# check-packages.sh <source-dir> <version>: the packaging suite (ctest label `packaging`).
# Builds the `conclave` and `conclave-server` .deb packages from the `package` preset
# (a release build without tests, reused when it is up to date), checks that packaging twice
# gives the same bytes, lints them (lintian, desktop-file-validate, appstreamcli), installs
# them, runs `conclave --version`, starts the installed server (through systemd when it is
# PID 1, else the unit's ExecStart line as the service user), reaches /healthz through the
# packaged nginx site over TLS 1.3 with a throw-away certificate, shows TLS 1.2 refused, then
# purges both packages and shows that nothing is left: no file, no user, no configuration.
# It installs packages, so it needs root; without root it is skipped (exit 77). Whatever
# happens, the trap below puts the machine back as it was.
set -euo pipefail

src=$(cd "${1:?source dir}" && pwd)
version=${2:?version}
build="$src/build/package"
site_host=conclave.example.com
tls_dir=/etc/ssl/conclave

step() { echo; echo "== [${SECONDS} s] $*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }

if [[ $(id -u) -ne 0 ]]; then
    echo "SKIP: installs packages, so it runs as root only"
    exit 77
fi
for tool in lintian desktop-file-validate appstreamcli nginx openssl curl dpkg-shlibdeps fakeroot \
    systemd-analyze runuser; do
    command -v "$tool" >/dev/null || fail "$tool is missing: run scripts/install-deps.sh --test"
done
for pkg in conclave conclave-server; do
    if dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'installed'; then
        fail "$pkg is already installed here; purge it first (apt-get purge $pkg)"
    fi
done
[[ -e $tls_dir ]] && fail "$tls_dir exists; this suite writes its throw-away certificate there"
for port in 80 443 8443; do
    if ss -Hltn "sport = :$port" | grep -q .; then fail "port $port is in use"; fi
done

work=$(mktemp -d /tmp/conclave-packaging.XXXXXX)
chmod 0755 "$work" # nginx workers (nobody) use its temp folders
installed=0
server_pid=""
nginx_conf="$work/nginx.conf"

cleanup() {
    local status=$?
    set +e
    if [[ -n $server_pid ]]; then
        kill -- "-$server_pid" 2>/dev/null
        wait "$server_pid" 2>/dev/null
    fi
    if [[ -d /run/systemd/system ]] && ((installed)); then
        systemctl stop conclave-server.service 2>/dev/null
    fi
    if [[ -s $work/nginx.pid ]]; then
        nginx -c "$nginx_conf" -s stop 2>/dev/null || kill "$(cat "$work/nginx.pid")" 2>/dev/null
    fi
    if ((installed)); then
        DEBIAN_FRONTEND=noninteractive apt-get purge -y -q conclave conclave-server >/dev/null 2>&1 \
            || dpkg --purge conclave conclave-server >/dev/null 2>&1
    fi
    rm -rf "$tls_dir" "$work"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Everything the packages or their scripts may create, listed by name and type, so a
# purge can be shown to leave the machine as it was.
snapshot() {
    {
        find /etc/conclave-server /var/lib/conclave-server /var/log/conclave-server /etc/nginx \
            /etc/systemd /lib/systemd/system /usr/lib/systemd/system /usr/lib/sysusers.d \
            /usr/share/lintian/overrides /usr/share/applications /usr/share/metainfo \
            /usr/share/icons/hicolor /usr/share/doc /usr/bin /var/lib/systemd \
            -path /usr/share/icons/hicolor/icon-theme.cache -prune -o \
            -path /usr/share/applications/mimeinfo.cache -prune -o \
            -printf '%y %p\n' 2>/dev/null || true
        find /var/log/journal -maxdepth 1 -name '*.conclave-server' -printf '%y %p\n' 2>/dev/null || true
        getent passwd conclave-server | sed 's/^/user /' || true
        getent group conclave-server | sed 's/^/group /' || true
    } | sort
}

step "build: the package preset (release, no tests; ccache), then cpack twice"
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$src} CCACHE_NOHASHDIR=1
# Reproducible: every time stamp in the packages is the last commit's.
SOURCE_DATE_EPOCH=$(git -C "$src" log -1 --format=%ct 2>/dev/null || date -r "$src/CMakeLists.txt" +%s)
export SOURCE_DATE_EPOCH
(cd "$src" && cmake --preset package >/dev/null && cmake --build --preset package -j "${CONCLAVE_JOBS:-2}")
for run in 1 2; do
    (cd "$build" && cpack -G DEB -B "$work/deb$run" >"$work/cpack$run.log") \
        || { cat "$work/cpack$run.log"; fail "cpack failed"; }
done
app_deb=$(ls "$work"/deb1/conclave_"$version"_*.deb)
server_deb=$(ls "$work"/deb1/conclave-server_"$version"_*.deb)
ls -l "$work/deb1"
(cd "$work/deb1" && sha256sum ./*.deb ./*.ddeb) >"$work/sums1"
(cd "$work/deb2" && sha256sum ./*.deb ./*.ddeb) >"$work/sums2"
diff -u "$work/sums1" "$work/sums2" || fail "two packaging runs gave different bytes"
echo "reproducible: both runs gave the same $(wc -l <"$work/sums1") packages, byte for byte"
if grep -aq "$src" "$build/app/conclave" "$build/server/conclave-server"; then
    fail "a binary holds the build path $src (the package preset maps it away)"
fi
for deb in "$app_deb" "$server_deb"; do
    echo "--- $(basename "$deb")"
    dpkg-deb --field "$deb" Package Version Depends Installed-Size
    dpkg-deb --ctrl-tarfile "$deb" | tar -t | sort | tr '\n' ' '
    echo
done
size=$(dpkg-deb --field "$app_deb" Installed-Size)
((size < 15000)) || fail "conclave installs $size KiB: is the debug information split off?"
ls "$work"/deb1/conclave-dbgsym_*.ddeb "$work"/deb1/conclave-server-dbgsym_*.ddeb >/dev/null \
    || fail "no -dbgsym packages"

step "lintian: no error or warning, and no override"
lintian --fail-on error,warning --display-info "$app_deb" "$server_deb"
echo "lintian: no error or warning"

step "desktop file and AppStream metainfo"
mkdir "$work/app-root"
dpkg-deb -x "$app_deb" "$work/app-root"
desktop-file-validate "$work/app-root/usr/share/applications/org.conclave.Conclave.desktop"
echo "desktop-file-validate: valid"
appstreamcli validate --no-net --pedantic --explain \
    "$work/app-root/usr/share/metainfo/org.conclave.Conclave.metainfo.xml"
for size in 16 22 24 32 48 64 128 256 512; do
    [[ -f $work/app-root/usr/share/icons/hicolor/${size}x${size}/apps/org.conclave.Conclave.png ]] \
        || fail "no ${size}x${size} icon"
done
[[ -f $work/app-root/usr/share/icons/hicolor/scalable/apps/org.conclave.Conclave.svg ]] || fail "no SVG icon"

step "install both packages"
snapshot >"$work/before"
installed=1
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$app_deb" "$server_deb" \
    >"$work/apt.log" 2>&1 || { cat "$work/apt.log"; fail "apt-get install failed"; }
dpkg-query -W conclave conclave-server
getent passwd conclave-server || fail "no system user conclave-server"
stat -c '%U:%G %a %n' /var/lib/conclave-server /var/log/conclave-server
grep -q '^trustForwardedFor=true' /etc/conclave-server/server.ini || fail "server.ini does not trust nginx"
grep -q 'proxy_set_header X-Real-IP \$remote_addr;' /etc/nginx/snippets/conclave-server-proxy.conf \
    || fail "the nginx site does not set X-Real-IP"

step "conclave --version, with no display to connect to"
reported=$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM conclave --version)
echo "$reported"
[[ $reported == "Conclave $version" ]] || fail "expected 'Conclave $version'"

step "systemd-analyze security of the installed unit (offline)"
exposure=$(systemd-analyze security --offline=yes conclave-server.service 2>&1 | tail -n 1)
echo "$exposure"
level=$(sed -n 's/.*: \([0-9.]*\) .*/\1/p' <<<"$exposure")
awk -v l="$level" 'BEGIN { exit !(l != "" && l <= 2.0) }' || fail "exposure $level is above 2.0"

start_server_without_systemd() {
    local exec_start user
    exec_start=$(sed -n 's/^ExecStart=//p' "$unit")
    user=$(sed -n 's/^User=//p' "$unit")
    echo "systemd is not PID 1 here: running the unit's ExecStart as $user:"
    echo "  $exec_start"
    # shellcheck disable=SC2086 # the unit's command line is split like systemd splits it
    setsid runuser -u "$user" -- $exec_start >>"$work/server.log" 2>&1 &
    server_pid=$!
}
wait_for_health() {
    for _ in $(seq 100); do
        curl -fsS -o /dev/null http://127.0.0.1:8443/healthz 2>/dev/null && return 0
        sleep 0.1
    done
    cat "$work/server.log" 2>/dev/null
    fail "the server does not answer /healthz on 127.0.0.1:8443"
}

step "start the installed server"
unit=/lib/systemd/system/conclave-server.service
if [[ -d /run/systemd/system ]]; then
    systemctl start conclave-server.service
    systemctl --no-pager status conclave-server.service | head -n 5
else
    start_server_without_systemd
fi
wait_for_health
pgrep -a -u conclave-server || fail "nothing runs as conclave-server"

step "upgrade: the server package installed over itself keeps data, user and configuration"
key_before=$(sha256sum /var/lib/conclave-server/server.key)
uid_before=$(id -u conclave-server)
echo "# a local edit" >>/etc/conclave-server/server.ini
if [[ -d /run/systemd/system ]]; then
    started_before=$(systemctl show -p ActiveEnterTimestampMonotonic --value conclave-server.service)
fi
if ! dpkg -i "$server_deb" >"$work/upgrade.log" 2>&1; then
    cat "$work/upgrade.log"
    fail "dpkg -i over itself failed"
fi
[[ $(sha256sum /var/lib/conclave-server/server.key) == "$key_before" ]] || fail "the server key changed"
[[ $(id -u conclave-server) == "$uid_before" ]] || fail "the system user changed"
grep -q '^# a local edit' /etc/conclave-server/server.ini || fail "the upgrade overwrote server.ini"
if [[ -d /run/systemd/system ]]; then
    # postinst restarts the service, so the new binary migrates the schema at once.
    started_after=$(systemctl show -p ActiveEnterTimestampMonotonic --value conclave-server.service)
    [[ $started_after != "$started_before" ]] || fail "the upgrade did not restart the service"
else
    kill -- "-$server_pid"
    wait "$server_pid" 2>/dev/null || true
    start_server_without_systemd
fi
wait_for_health
echo "server key, user $uid_before and the edit of server.ini kept; the restarted server answers"

step "nginx with the packaged site and a throw-away certificate"
mkdir -p "$tls_dir"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1 -subj "/CN=$site_host" \
    -addext "subjectAltName=DNS:$site_host" -keyout "$tls_dir/privkey.pem" \
    -out "$tls_dir/fullchain.pem" 2>/dev/null
cat >"$nginx_conf" <<EOF
# Only the packaged site, in a private nginx (its own pid file, logs and temp folders).
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events {}
http {
    client_body_temp_path $work/nginx-body;
    proxy_temp_path $work/nginx-proxy;
    fastcgi_temp_path $work/nginx-fastcgi;
    uwsgi_temp_path $work/nginx-uwsgi;
    scgi_temp_path $work/nginx-scgi;
    include /etc/nginx/sites-available/conclave-server;
}
EOF
nginx -t -c "$nginx_conf" 2>&1 | grep -v 'ssl_stapling'
nginx -c "$nginx_conf"
for _ in $(seq 50); do [[ -s $work/nginx.pid ]] && break; sleep 0.1; done

curl_site=(curl -sS --cacert "$tls_dir/fullchain.pem" --resolve "$site_host:443:127.0.0.1")
echo "TLS 1.3:"
"${curl_site[@]}" --fail --tlsv1.3 -w '\n  HTTP %{http_code} from the packaged server\n' \
    "https://$site_host/healthz"
handshake=$(openssl s_client -connect 127.0.0.1:443 -servername "$site_host" -tls1_3 </dev/null 2>/dev/null \
    | grep -E '^New, ' || true)
echo "  openssl s_client: $handshake"
[[ $handshake == *TLSv1.3* ]] || fail "no TLS 1.3 handshake"
echo "TLS 1.2 (must be refused):"
if "${curl_site[@]}" --tlsv1.2 --tls-max 1.2 -o /dev/null "https://$site_host/healthz" \
    2>"$work/tls12.err"; then
    fail "nginx accepted TLS 1.2"
fi
sed 's/^/  curl: /' "$work/tls12.err"
if openssl s_client -connect 127.0.0.1:443 -servername "$site_host" -tls1_2 </dev/null >/dev/null 2>&1; then
    fail "openssl completed a TLS 1.2 handshake"
fi
echo "  openssl s_client -tls1_2: handshake refused"
echo "plain HTTP is redirected:"
curl -sS -o /dev/null -w '  %{http_code} -> %{redirect_url}\n' --resolve "$site_host:80:127.0.0.1" \
    "http://$site_host/healthz"

step "purge both packages"
if [[ -n $server_pid ]]; then
    kill -- "-$server_pid"
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
fi
nginx -c "$nginx_conf" -s stop
rm -rf "$tls_dir"
DEBIAN_FRONTEND=noninteractive apt-get purge -y -q conclave conclave-server >"$work/purge.log" 2>&1 \
    || { cat "$work/purge.log"; fail "apt-get purge failed"; }
installed=0
snapshot >"$work/after"
if ! diff -u "$work/before" "$work/after"; then
    fail "the purge left the lines marked + above (or took those marked -)"
fi
echo "nothing left: files, system user and group, configuration, enablement state as before"
echo "packaging: all checks passed"
