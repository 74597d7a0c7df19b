#!/usr/bin/env bash
# Installs everything Conclave needs to build, run and test on Debian 12, from Debian's
# own packages. Usage: scripts/install-deps.sh [--test]   (--test adds the servers and
# tools the test suites start: PostgreSQL, Redis, MariaDB, sshd, an SMTP sink, clang, and
# what the packaging suite needs: dpkg-dev, rpm, lintian, desktop-file-utils, AppStream, nginx;
# and wrk for the server benchmark).
set -euo pipefail

SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi

build_packages=(
    build-essential cmake ninja-build ccache lld pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-httpserver-dev qt6-websockets-dev libqt6sql6-sqlite libqt6sql6-psql
    libgl-dev libxkbcommon-dev
    libsodium-dev zlib1g-dev qtkeychain-qt6-dev qt6-translations-l10n libqt6svg6
    gnome-keyring dbus dbus-x11 libsecret-tools
    fonts-dejavu-core xterm
)
test_packages=(
    clang libclang-rt-14-dev clang-format
    xvfb xauth imagemagick
    postgresql postgresql-client
    redis-server redis-tools
    mariadb-server mariadb-client
    openssh-server openssh-client
    python3 python3-aiosmtpd python3-cryptography
    openssl procps iproute2 curl
    # the packaging suite (tests/packaging): build, lint, install and purge the packages
    dpkg-dev fakeroot file rpm lintian desktop-file-utils appstream nginx systemd
    # the benchmarks (scripts/bench.sh): BenchServerPoll drives the server and nginx with wrk;
    # BenchFirstSync compares the first sync with keepassxc-cli listing the same entries
    wrk keepassxc
)

packages=("${build_packages[@]}")
if [[ ${1:-} == "--test" ]]; then packages+=("${test_packages[@]}"); fi

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update
    $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
fi
