#!/usr/bin/env bash
# Builds the release preset and runs every benchmark in tests/benchmarks, printing the
# figures. Benchmarks print numbers; they never pass or fail on timing (BenchMemberRemoval
# exits non-zero only if a removal takes more than its one rotation request). Each runs with its
# default size (the sync ones: 10,000 items in 50 folders against the real server, and
# BenchFirstSync next to keepassxc-cli from the keepassxc package); a size can be given by
# hand, e.g. build/release/tests/benchmarks/BenchFirstSync 2000 10.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z ${CONCLAVE_SKIP_DEPS:-} ]]; then
    scripts/install-deps.sh --test
fi
export CCACHE_BASEDIR=$PWD
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target benchmarks
for bench in build/release/tests/benchmarks/Bench*; do
    [[ -x $bench && ! -d $bench ]] || continue
    echo "== $(basename "$bench")"
    QT_QPA_PLATFORM=offscreen "$bench"
done
