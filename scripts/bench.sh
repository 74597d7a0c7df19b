#!/usr/bin/env bash
# Builds the release preset and runs every benchmark in tests/benchmarks, printing the
# figures. Benchmarks print numbers; they never pass or fail on timing (BenchMemberRemoval
# exits non-zero only if a removal takes more than its one rotation request).
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
