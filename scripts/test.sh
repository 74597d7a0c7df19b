#!/usr/bin/env bash
# Installs what the tests need, builds once per configuration and runs every suite.
# This is the README's test command and exactly what CI runs (.ci/run).
#
# Stages, in this order (each build tree is built once and reused by later runs):
#   0. format every C++ file of the `format` target must already be formatted (clang-format
#             --dry-run --Werror); the run stops here, naming the files, when one is not
#   1. dev    debug build of everything (build/dev)
#      package  release build without tests or benchmarks (build/package), which the
#               packaging suite (ctest label packaging) turns into .deb packages
#   2. fuzz   clang + libFuzzer: every parser's fuzz target for a short time (build/fuzz)
#   3. asan   AddressSanitizer + UBSan build, the suites run under it (build/asan), all but
#             the packaging suite, which tests the release packages
#   4. the full ctest run of the dev build; its summary is the last line printed.
#
# Environment:
#   CONCLAVE_SKIP_DEPS=1      skip the apt step (dependencies already installed)
#   CONCLAVE_SKIP_ASAN=1      skip stage 3
#   CONCLAVE_SKIP_PACKAGING=1 skip the package build and the packaging suite
#   CONCLAVE_FUZZ_SECONDS=N   seconds per fuzz target (default 10; 0 skips stage 2)
#   CONCLAVE_FUZZ_SEED=N      libFuzzer seed (default 1, so a run is repeatable; 0 = random)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

if [[ -z ${CONCLAVE_SKIP_DEPS:-} ]]; then
    scripts/install-deps.sh --test
fi

export CCACHE_BASEDIR="$root"
export CCACHE_NOHASHDIR=1
export CONCLAVE_JOBS=${CONCLAVE_JOBS:-$(nproc)}
failed=()

stage() { echo; echo "== $*"; }

# The same files as the `format` target (CMakeLists.txt): every .cpp and .h below app/, core/,
# ui/, server/ and tests/, with clang-format 14 and the repository's .clang-format.
stage "format: clang-format --dry-run --Werror over the files of the format target"
clang_format=$(command -v clang-format-14 || command -v clang-format || true)
if [[ -z $clang_format ]]; then
    echo "clang-format (14) is not installed; install it with scripts/install-deps.sh" >&2
    exit 1
fi
unformatted=()
while IFS= read -r -d '' file; do
    "$clang_format" --dry-run --Werror "$file" >/dev/null 2>&1 || unformatted+=("$file")
done < <(find app core ui server tests -type f \( -name '*.cpp' -o -name '*.h' \) -print0 | sort -z)
if ((${#unformatted[@]})); then
    echo "These ${#unformatted[@]} file(s) are not formatted the way .clang-format says:" >&2
    printf '    %s\n' "${unformatted[@]}" >&2
    echo "Format them with: clang-format -i <file>, or cmake --build --preset dev --target format" >&2
    exit 1
fi
echo "every file is formatted"

stage "dev: configure and build"
cmake --preset dev >/dev/null
cmake --build --preset dev -j "$CONCLAVE_JOBS"

ctest_exclude=()
if [[ -z ${CONCLAVE_SKIP_PACKAGING:-} ]]; then
    stage "package: release build without tests, for the packaging suite"
    started=$SECONDS
    cmake --preset package >/dev/null
    cmake --build --preset package -j "$CONCLAVE_JOBS"
    echo "package build: $((SECONDS - started)) s"
else
    ctest_exclude=(-LE packaging)
fi

fuzz_seconds=${CONCLAVE_FUZZ_SECONDS:-10}
if ((fuzz_seconds > 0)); then
    stage "fuzz: every parser for ${fuzz_seconds}s"
    CONCLAVE_FUZZ_SEED=${CONCLAVE_FUZZ_SEED:-1} scripts/fuzz.sh "$fuzz_seconds" || failed+=("fuzz")
fi

if [[ -z ${CONCLAVE_SKIP_ASAN:-} ]]; then
    stage "asan: build and run the suites under AddressSanitizer and UBSan"
    cmake --preset asan >/dev/null
    cmake --build --preset asan -j "$CONCLAVE_JOBS"
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1 \
    LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0" \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        ctest --preset asan -j "$CONCLAVE_JOBS" --timeout 900 -LE packaging || failed+=("asan")
fi

stage "dev: every suite"
status=0
ctest --preset dev -j "$CONCLAVE_JOBS" --timeout 600 "${ctest_exclude[@]}" || status=$?
if ((${#failed[@]})); then
    echo "Failed stages before the final run: ${failed[*]}" >&2
    # Keep ctest's summary as the closing line, but fail the run.
    ((status == 0)) && status=1
fi
exit $status
