#!/usr/bin/env bash
# The whole test suite, from a fresh machine: installs the cross-check tools, builds, runs every test
# project, and ends with one line "N passed, N failed" for the whole suite.
# Kernel tests need root; outside CI they skip with a reason, in CI (CI=true) they fail instead.
set -uo pipefail
cd "$(dirname "$0")"

need=()
command -v bpftool >/dev/null || need+=(bpftool)
command -v clang >/dev/null || need+=(clang)
command -v llvm-objdump >/dev/null || need+=(llvm)
command -v ip >/dev/null || need+=(iproute2)
command -v gcc >/dev/null || need+=(gcc)
[ -f /usr/include/bpf/bpf_helpers.h ] || need+=(libbpf-dev)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing ${need[*]} ..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null \
      || { echo "could not install ${need[*]}"; echo "0 passed, 1 failed"; exit 1; }
  else
    echo "Not root: cannot install ${need[*]}; the tests that need them will skip (or fail in CI)."
  fi
fi

config=${CONFIGURATION:-Debug}
results=.test-results
rm -rf "$results" && mkdir -p "$results"

if ! dotnet build BpfSharp.slnx -c "$config" -nologo -v q 2>&1 | tee "$results/build.log" | grep -E "error|Build succeeded" ; then :; fi
if ! grep -q "Build succeeded" "$results/build.log" || grep -qE "[1-9][0-9]* Error\(s\)" "$results/build.log"; then
  echo "Build failed; see $results/build.log"
  echo "0 passed, 1 failed"
  exit 1
fi

passed=0 failed=0 skipped=0
# Figures tests report beside their verdict (oracle counts, codegen ratios): printed before the summary line.
export BPFSHARP_REPORT="$PWD/$results/report.txt"
for project in tests/*/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  echo "== $name"
  dotnet test "$project" -c "$config" --no-build -nologo 2>&1 | tee "$results/$name.log" | grep -E "^\s*(Failed|Skipped) |error|Passed!|Failed!" 
  summary=$(grep -E "(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+" "$results/$name.log" | tail -1)
  if [ -z "$summary" ]; then
    echo "$name produced no summary (crashed?); see $results/$name.log"
    failed=$((failed + 1))
    continue
  fi
  f=$(sed -E 's/.*Failed: +([0-9]+),.*/\1/' <<<"$summary")
  p=$(sed -E 's/.*Passed: +([0-9]+),.*/\1/' <<<"$summary")
  s=$(sed -E 's/.*Skipped: +([0-9]+),.*/\1/' <<<"$summary")
  passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
done

if [ "${CI:-}" = "true" ] && [ "$skipped" -gt 0 ]; then
  echo "CI: $skipped tests skipped; every test must run in CI."
  failed=$((failed + skipped))
fi
[ -s "$BPFSHARP_REPORT" ] && { echo "== reported figures"; cat "$BPFSHARP_REPORT"; }
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
