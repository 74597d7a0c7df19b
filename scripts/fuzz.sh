#!/usr/bin/env bash
# Builds the libFuzzer targets (CMake preset `fuzz`: clang, ASan/UBSan, into build/fuzz) and
# runs each for the given number of seconds (default 20) on a temporary copy of its seed
# corpus in tests/fuzz/corpus/<target>/. Exits non-zero if any target crashes, leaks or
# times out; the crashing inputs are kept in build/fuzz/fuzz-artifacts/<target>/.
#   scripts/fuzz.sh [seconds-per-target]
# CONCLAVE_FUZZ_SEED fixes libFuzzer's random seed (0, the default, picks a new one each run).
set -euo pipefail

seconds="${1:-20}"
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
    echo "usage: $0 [seconds-per-target]" >&2
    exit 2
fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

targets=(fuzz_envelope fuzz_grant fuzz_bundle fuzz_log_entry fuzz_folder_state fuzz_security_state fuzz_uri fuzz_ssh_config
    fuzz_import_json fuzz_shared_connection fuzz_machine_policy fuzz_audit_page fuzz_org_blocks fuzz_live_hint)

cmake --preset fuzz >/dev/null
cmake --build build/fuzz --target "${targets[@]}" -j "${CONCLAVE_JOBS:-2}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
artifacts="$root/build/fuzz/fuzz-artifacts"
failed=0
for target in "${targets[@]}"; do
    cp -r "tests/fuzz/corpus/$target" "$work/$target"
    mkdir -p "$work/artifacts-$target"
    echo "== $target: ${seconds}s"
    if "build/fuzz/tests/fuzz/$target" -max_total_time="$seconds" -seed="${CONCLAVE_FUZZ_SEED:-0}" -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$work/artifacts-$target/" -print_final_stats=1 "$work/$target" \
        >"$work/$target.log" 2>&1; then
        grep -E "^stat::number_of_executed_units|^#[0-9]+.*DONE" "$work/$target.log" | tail -2 || true
    else
        failed=1
        echo "!! $target failed; log tail:" >&2
        tail -40 "$work/$target.log" >&2
        mkdir -p "$artifacts/$target"
        cp -r "$work/artifacts-$target/." "$artifacts/$target/" 2>/dev/null || true
        echo "!! crashing inputs kept in $artifacts/$target" >&2
    fi
done
exit "$failed"
