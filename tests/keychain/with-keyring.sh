#!/bin/sh
# Runs a command (a keychain test) against a real, private gnome-keyring: a fresh D-Bus session
# bus from dbus-run-session, gnome-keyring-daemon with only the Secret Service component, its
# login keyring created and unlocked with a fixed password, and HOME/XDG_* pointing at a
# temporary directory so the user's own keyring is never touched. The temporary directory is
# removed afterwards; the command's exit status is passed through.
#
#   with-keyring.sh <command> [args...]
#   with-keyring.sh --no-secret-service <command> [args...]
#
# The daemon's PID is exported as CONCLAVE_TEST_KEYRING_PID so a test can stop it (SIGSTOP) to
# check timeouts. With --no-secret-service the private bus runs without any activatable services
# and no keyring is started: a desktop session whose Secret Service is missing.
set -eu

if [ "${1:-}" = "--inside-session" ]; then
    shift
    # Inside the private bus. A non-empty password is needed: with an empty one gnome-keyring
    # does not create the login collection.
    printf '%s' 'conclave-test-keyring' \
        | gnome-keyring-daemon --unlock --components=secrets >"$CONCLAVE_KEYRING_TMP/daemon.env"
    # The daemon registers its bus name shortly after --unlock returns on a fresh keyring.
    tries=0
    until pid=$(dbus-send --session --print-reply=literal --dest=org.freedesktop.DBus \
        /org/freedesktop/DBus org.freedesktop.DBus.GetConnectionUnixProcessID \
        string:org.freedesktop.secrets 2>/dev/null); do
        tries=$((tries + 1))
        if [ "$tries" -gt 100 ]; then
            echo "with-keyring.sh: gnome-keyring-daemon did not register org.freedesktop.secrets" >&2
            exit 1
        fi
        sleep 0.1
    done
    CONCLAVE_TEST_KEYRING_PID=$(echo "$pid" | awk '{print $NF}')
    export CONCLAVE_TEST_KEYRING_PID
    status=0
    "$@" || status=$?
    # Stop the daemon before the directory it writes to is removed.
    kill -CONT "$CONCLAVE_TEST_KEYRING_PID" 2>/dev/null || true
    kill -TERM "$CONCLAVE_TEST_KEYRING_PID" 2>/dev/null || true
    tries=0
    while kill -0 "$CONCLAVE_TEST_KEYRING_PID" 2>/dev/null && [ "$tries" -lt 50 ]; do
        tries=$((tries + 1))
        sleep 0.1
    done
    exit "$status"
fi

without_service=false
if [ "${1:-}" = "--no-secret-service" ]; then
    without_service=true
    shift
fi
if [ "$#" -eq 0 ]; then
    echo "usage: with-keyring.sh <command> [args...]" >&2
    exit 2
fi
for tool in dbus-run-session gnome-keyring-daemon dbus-send; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "with-keyring.sh: $tool is missing (scripts/install-deps.sh --test installs it)" >&2
        exit 1
    fi
done

CONCLAVE_KEYRING_TMP=$(mktemp -d "${TMPDIR:-/tmp}/conclave-keyring.XXXXXX")
export CONCLAVE_KEYRING_TMP
trap 'rm -rf "$CONCLAVE_KEYRING_TMP"' EXIT INT TERM

export HOME="$CONCLAVE_KEYRING_TMP/home"
export XDG_DATA_HOME="$HOME/.local/share"
export XDG_CONFIG_HOME="$HOME/.config"
export XDG_CACHE_HOME="$HOME/.cache"
export XDG_RUNTIME_DIR="$CONCLAVE_KEYRING_TMP/run"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$HOME" "$XDG_RUNTIME_DIR"
# No display: nothing may pop up an unlock prompt. No desktop hints: QtKeychain must pick the
# Secret Service, not a KWallet of the surrounding session.
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS XDG_CURRENT_DESKTOP DESKTOP_SESSION \
    KDE_FULL_SESSION KDE_SESSION_VERSION GNOME_DESKTOP_SESSION_ID GNOME_KEYRING_CONTROL

status=0
if [ "$without_service" = true ]; then
    # A session bus like the standard one, minus every <servicedir>: nothing can be activated.
    cat >"$CONCLAVE_KEYRING_TMP/session.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <keep_umask/>
  <listen>unix:dir=$CONCLAVE_KEYRING_TMP</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
CONF
    dbus-run-session --config-file="$CONCLAVE_KEYRING_TMP/session.conf" -- "$@" || status=$?
else
    dbus-run-session -- "$0" --inside-session "$@" || status=$?
fi
exit "$status"
