#!/usr/bin/env bash
# Short libFuzzer run over the C ABI (issue 9), called by .ci/run. No prompts; runs as root on a
# fresh machine. Steps:
#   1. install clang's sanitizer/fuzzer runtimes (Debian libclang-rt-14-dev) when missing;
#   2. configure + build the fuzzers (clang-14, ASan + UBSan) in artifacts/native/fuzz;
#   3. replay every committed crash input under tests/fuzz/regressions/<fuzzer>/;
#   4. fuzz each target from a temporary copy of its seed corpus (the repository is not modified)
#      for a fixed number of runs with a fixed seed, capped at QDCNN_FUZZ_SECONDS (default 30).
#      A fixed seed and run count make CI reproducible: the same build explores the same inputs,
#      so CI never fails on a crash that the developer's own run could not have seen. Longer
#      exploratory runs: QDCNN_FUZZ_RUNS=0 QDCNN_FUZZ_SEED=0 QDCNN_FUZZ_SECONDS=300 .ci/fuzz.sh
# Prints one line per fuzzer and `fuzz: N passed, M failed` (N, M count fuzzers); exits non-zero
# if any fuzzer crashed, leaked, timed out or broke a contract check. Crash inputs and logs are
# kept in a temporary directory whose path is printed.
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
seconds=${QDCNN_FUZZ_SECONDS:-30}
build_dir="$root/artifacts/native/fuzz"
fuzzers=(api_sequence_fuzzer qasm_parser_fuzzer qsim_parser_fuzzer)

# Runs per fuzzer (about 20 s each on the development machine); QDCNN_FUZZ_RUNS overrides all,
# 0 means no limit but time.
runs_for() {
  if [ "${QDCNN_FUZZ_RUNS:-}" = 0 ]; then echo -1; return; fi
  if [ -n "${QDCNN_FUZZ_RUNS:-}" ]; then echo "$QDCNN_FUZZ_RUNS"; return; fi
  case "$1" in
    api_sequence_fuzzer) echo 30000 ;;
    *) echo 200000 ;;
  esac
}

fail_all() {
  echo "fuzz: $1" >&2
  echo "fuzz: 0 passed, ${#fuzzers[@]} failed"
  exit 1
}

# 1. Runtimes: libclang_rt.fuzzer and the sanitizers ship in libclang-rt-14-dev on Debian 12.
if ! command -v clang++-14 > /dev/null; then
  fail_all "clang++-14 is not installed"
fi
if ! ls /usr/lib/llvm-14/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a > /dev/null 2>&1; then
  echo "fuzz: installing libclang-rt-14-dev"
  export DEBIAN_FRONTEND=noninteractive
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo -n)
  if ! { "${sudo_cmd[@]}" apt-get update -qq && "${sudo_cmd[@]}" apt-get install -y -qq libclang-rt-14-dev; } > /dev/null; then
    fail_all "could not install libclang-rt-14-dev"
  fi
fi

# 2. Build.
if ! CC=clang-14 CXX=clang++-14 cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release \
    -DQDCNN_BUILD_FUZZERS=ON -DQDCNN_BUILD_TESTS=OFF -DQDCNN_SANITIZE=ON > /dev/null; then
  fail_all "cmake configure failed"
fi
if ! cmake --build "$build_dir" --target qdcnn_fuzzers -j "$(nproc)"; then
  fail_all "build failed"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/qdcnn-fuzz.XXXXXX")
echo "fuzz: crash artifacts and logs in $work"
export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
passed=0
failed=0

for fuzzer in "${fuzzers[@]}"; do
  binary="$build_dir/tests/fuzz/$fuzzer"
  mkdir -p "$work/$fuzzer/corpus" "$work/$fuzzer/artifacts"
  # A fixed seed keeps CI reproducible; QDCNN_FUZZ_SEED=0 lets libFuzzer pick one.
  options=(-rss_limit_mb=2048 -timeout=20 "-seed=${QDCNN_FUZZ_SEED:-1}" "-artifact_prefix=$work/$fuzzer/artifacts/")
  dict="tests/fuzz/${fuzzer%_parser_fuzzer}.dict"
  [ -f "$dict" ] && options+=("-dict=$dict")

  # 3. Replay the regression inputs: running the binary on files executes each once.
  status=ok
  regressions=()
  if [ -d "tests/fuzz/regressions/$fuzzer" ]; then
    while IFS= read -r -d '' file; do regressions+=("$file"); done \
      < <(find "tests/fuzz/regressions/$fuzzer" -type f ! -name '*.md' -print0 | sort -z)
  fi
  if [ "${#regressions[@]}" -gt 0 ] &&
     ! "$binary" "${options[@]}" "${regressions[@]}" > "$work/$fuzzer/replay.log" 2>&1; then
    status="regression replay failed (see $work/$fuzzer/replay.log)"
  fi

  # 4. Fuzz from a copy of the seed corpus.
  runs=0
  if [ "$status" = ok ]; then
    cp -r "tests/fuzz/corpus/$fuzzer/." "$work/$fuzzer/corpus/" 2> /dev/null
    if ! "$binary" "${options[@]}" -runs="$(runs_for "$fuzzer")" -max_total_time="$seconds" -print_final_stats=1 \
        "$work/$fuzzer/corpus" > "$work/$fuzzer/fuzz.log" 2>&1; then
      status="crashed (see $work/$fuzzer/fuzz.log and $work/$fuzzer/artifacts/)"
    fi
    runs=$(awk '/stat::number_of_executed_units/ { print $2 }' "$work/$fuzzer/fuzz.log")
  fi

  if [ "$status" = ok ]; then
    passed=$((passed + 1))
    echo "fuzz: $fuzzer: ok (${#regressions[@]} regressions replayed, ${runs:-0} runs in ${seconds} s)"
  else
    failed=$((failed + 1))
    echo "fuzz: $fuzzer: FAILED: $status"
    grep -m 3 -E "contract violation|runtime error|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)" \
      "$work/$fuzzer/"*.log | sed 's/^/fuzz:   /'
  fi
done

echo "fuzz: ${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
