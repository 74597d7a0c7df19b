#!/usr/bin/env bash
# Installs what the tests need, builds once per configuration and runs every suite.
# This is the README's test command and what CI runs (.ci/run).
#   scripts/test.sh            everything
#   CONCLAVE_SKIP_DEPS=1       skip the apt step (dependencies already installed)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

if [[ -z ${CONCLAVE_SKIP_DEPS:-} ]]; then
    scripts/install-deps.sh --test
fi

export CCACHE_BASEDIR="$root"
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/ccache}
jobs=$(nproc)

echo "== configure and build (dev preset)"
cmake --preset dev >/dev/null
cmake --build --preset dev -j "$jobs"

status=0
echo "== test suites"
ctest --preset dev -j "$jobs" --timeout 600 || status=$?
exit $status
