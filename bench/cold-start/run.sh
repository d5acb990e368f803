#!/usr/bin/env bash
# Cold-start benchmark: `pipelineseg convert` of the 129-slice 512×512 CT (3Dircadb1.1, from ../shared/datasets) to
# .nii.gz, as whole processes (start-up included), against dcm2niix doing the same conversion. Each command runs once
# to warm the page cache (not counted), then RUNS times; the median wall time and the ratio to dcm2niix are printed.
# Variants show what a cold run spends: the release binary (self-contained, ReadyToRun) as shipped, the same with
# ReadyToRun code ignored (DOTNET_ReadyToRun=0: everything JIT-compiled), with tiered PGO off, with loops quick-JIT off,
# `--version` (runtime start alone) and, when the host was built, the framework-dependent `dotnet pipelineseg.dll`.
#
#   bench/cold-start/run.sh [RELEASE_FOLDER]      (default: release/out/pipelineseg-*-linux-x64; RUNS=7)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
release="${1:-$(ls -d "$repo"/release/out/pipelineseg-*-linux-x64 2>/dev/null | head -1)}"
runs="${RUNS:-7}"
[[ -x "$release/pipelineseg" ]] || { echo "no release folder with pipelineseg (run release/build-release.sh --rid linux-x64)" >&2; exit 2; }
zip="$repo/../shared/datasets/3dircadb1_liver_ct/3Dircadb1.1/PATIENT_DICOM.zip"
[[ -f "$zip" ]] || { echo "missing $zip" >&2; exit 2; }
command -v dcm2niix >/dev/null || { echo "dcm2niix not installed (apt-get install dcm2niix)" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 -c "import zipfile,sys; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])" "$zip" "$work/ct"
ct="$(dirname "$(find "$work/ct" -type f | head -1)")"
echo "series: $(find "$ct" -type f | wc -l) files; release: $release ($("$release/pipelineseg" --version)); $(dcm2niix -v 2>&1 | head -1 | tr -d '\n')"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); runs: $runs"

# Clean environment: no SDK on the PATH, no DOTNET_ROOT (the release must not need either).
clean=(env -i PATH=/usr/bin:/bin HOME="$work" DOTNET_CLI_TELEMETRY_OPTOUT=1)
ours() { "${clean[@]}" "$@" "$release/pipelineseg" convert --input "$ct" --output "$work/out.nii.gz" --quiet >/dev/null; }
declare -A variants=(
  [dcm2niix]="dcm2niix -z y -o $work -f ref $ct"
  [release]="ours"
  [release-jit-only]="ours DOTNET_ReadyToRun=0"
  [release-pgo-off]="ours DOTNET_TieredPGO=0"
  [release-quickjitloops-off]="ours DOTNET_TC_QuickJitForLoops=0"
  [release-version-only]="${clean[*]} $release/pipelineseg --version"
)
dll="$repo/src/PipelineSeg.Host/bin/Release/net10.0/pipelineseg.dll"
[[ -f "$dll" ]] && variants[framework-dependent]="dotnet $dll convert --input $ct --output $work/fd.nii.gz --quiet"
order=(dcm2niix release release-jit-only release-pgo-off release-quickjitloops-off release-version-only framework-dependent)

declare -A median
for name in "${order[@]}"; do
  [[ -n "${variants[$name]:-}" ]] || continue
  cmd="${variants[$name]}"
  run() { if [[ "$cmd" == ours* ]]; then ours ${cmd#ours}; else eval "$cmd" >/dev/null 2>&1; fi; rm -f "$work"/ref.* "$work"/out.nii.gz "$work"/fd.nii.gz; }
  run # warm-up: page cache, not counted
  times=()
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s%N); run; end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  median[$name]=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}')
  echo "$name: median ${median[$name]} ms (runs: ${times[*]})"
done
echo
echo "| variant | median ms | × dcm2niix |"
echo "|---|---|---|"
for name in "${order[@]}"; do
  [[ -n "${median[$name]:-}" ]] || continue
  printf '| %s | %s | %s |\n' "$name" "${median[$name]}" "$(awk -v a="${median[$name]}" -v b="${median[dcm2niix]}" 'BEGIN {printf "%.2f", a / b}')"
done
