#!/usr/bin/env bash
# Times the same U-Net (depth 4, base 32, one 1x1x512x512 slice, same weights) in ONNX Runtime (onnxruntime-node,
# CPU), PyTorch (Debian python3-torch) and PipelineSeg, one after another in one go, and prints the three ms/slice
# figures and the ratios. The machine may be shared: compare only figures from the same run.
#
# usage: bench/compare/run.sh [--size 512] [--threads 2] [--reps 5]
# env:   OURS="dotnet path/to/PipelineSeg.Bench.dll" to time an already built benchmark instead of building it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
size=512 threads=2 reps=5
while [ $# -gt 0 ]; do
  case "$1" in
    --size) size="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --reps) reps="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
out="$here/out/$size"
cd "$here"
for tool in node npm dotnet; do
  command -v "$tool" >/dev/null || { echo "run.sh: '$tool' is needed (apt-get install nodejs npm; .NET SDK)" >&2; exit 2; }
done
/usr/bin/python3 -c 'import torch' 2>/dev/null || { echo "run.sh: /usr/bin/python3 needs torch (apt-get install python3-torch)" >&2; exit 2; }
if [ ! -f "$out/unet.onnx" ]; then
  /usr/bin/python3 export.py --size "$size" --out "$out"
fi
if [ ! -d node_modules/onnxruntime-node ]; then
  npm install --ignore-scripts --no-audit --no-fund
fi
if [ -z "${OURS:-}" ]; then
  dotnet build "$repo/bench/PipelineSeg.Bench" -c Release -v quiet -nologo >/dev/null
  OURS="dotnet $repo/bench/PipelineSeg.Bench/bin/Release/net10.0/PipelineSeg.Bench.dll"
fi

logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT
echo "== load before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
echo "== PipelineSeg"
$OURS unet --base 32 --size "$size" --threads "$threads" --reps "$reps" \
  --weights "$out/unet.safetensors" --check "$out" | tee "$logs/ours"
echo "== ONNX Runtime"
node ort_bench.js --size "$size" --threads "$threads" --reps "$reps" --model "$out/unet.onnx" | tee "$logs/ort"
echo "== PyTorch"
/usr/bin/python3 torch_bench.py --size "$size" --threads "$threads" --reps "$reps" | tee "$logs/torch"
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"

ms() { tail -1 "$logs/$1" | sed -E 's/.*: ([0-9.]+) ms\/slice.*/\1/'; }
ours=$(ms ours) ort=$(ms ort) torch=$(ms torch)
echo
printf 'PipelineSeg   %8.1f ms/slice\n' "$ours"
printf 'ONNX Runtime  %8.1f ms/slice\n' "$ort"
printf 'PyTorch       %8.1f ms/slice\n' "$torch"
awk -v o="$ours" -v r="$ort" -v t="$torch" 'BEGIN {
  printf "ours / ORT = %.2f (goal <= 1.20), PyTorch / ours = %.2f (goal >= 5)\n", o / r, t / o }'
