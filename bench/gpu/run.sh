#!/usr/bin/env bash
# Issue 14's GPU benchmark: on a machine with an NVIDIA GPU, the torch (TorchSharp, U-Net rebuilt from its state dict)
# and onnx (ONNX Runtime CUDA provider) backends on CUDA — ms/slice at slice batch 1, 8 and 32, fp32 and the half
# precisions each backend offers — then the fp16-vs-fp32 Dice check of `pipelineseg batch --backend torch --device cuda`
# on the 3 bundled samples. Runs unattended: every step has a timeout and the whole run a budget (default 450 s).
# Prints ONE table (and the Dice verdict under it).
#
# usage: bench/gpu/run.sh [--feed DIR] [--built DIR] [--staged DIR] [--device cuda|cuda:N] [--reps 5] [--budget 450]
#   --feed DIR    offline NuGet feed holding the CUDA packages (TorchSharp-cuda-linux and its libtorch-cuda parts,
#                 Microsoft.ML.OnnxRuntime.Gpu.Linux); other packages come from the NuGet cache or configured sources
#   --built DIR   ready-built CUDA backend plugins: DIR/Torch and DIR/Onnx (`dotnet publish` outputs); skips the build
#   --staged DIR  the bench model's plugins folder from `bench/compare/backends.sh --stage-only` (default
#                 bench/compare/out/backends-512/plugins; made here when missing and /usr/bin/python3 has torch)
# Needs: nvidia-smi and a driver, CUDA 12 + cuDNN 9 for ONNX Runtime, the .NET 10 SDK. Output under bench/gpu/out/.
# Exit codes: 0 measured (Dice check passed), 2 usage, 3 no NVIDIA GPU (stops at once, before any build),
#             4 a prerequisite is missing (SDK, CUDA packages, staged model), 5 the fp16 Dice check failed or did not run.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
feed="" built="" staged="$repo/bench/compare/out/backends-512/plugins" device=cuda reps=5 budget=450
min_dice=0.99
while [ $# -gt 0 ]; do
  case "$1" in
    --feed) feed="$2"; shift 2 ;;
    --built) built="$2"; shift 2 ;;
    --staged) staged="$2"; shift 2 ;;
    --device) device="$2"; shift 2 ;;
    --reps) reps="$2"; shift 2 ;;
    --budget) budget="$2"; shift 2 ;;
    *) echo "usage: bench/gpu/run.sh [--feed DIR] [--built DIR] [--staged DIR] [--device cuda|cuda:N] [--reps 5] [--budget 450]" >&2; exit 2 ;;
  esac
done

# 1. A GPU, or stop now (NVIDIA_SMI overrides the probe's path, for tests).
smi="${NVIDIA_SMI:-nvidia-smi}"
if ! command -v "$smi" >/dev/null 2>&1; then
  echo "bench/gpu/run.sh: no NVIDIA GPU on this machine ($smi not found): nothing to measure" >&2
  exit 3
fi
gpu="$(timeout 20 "$smi" --query-gpu=name,memory.total,driver_version --format=csv,noheader 2>/dev/null | head -1)"
if [ -z "$gpu" ]; then
  echo "bench/gpu/run.sh: no NVIDIA GPU on this machine ($smi lists no device: driver not loaded or no GPU visible): nothing to measure" >&2
  exit 3
fi

start=$SECONDS
# Seconds a step may take: its own cap, or what is left of the budget.
# Never 0: `timeout 0` would mean no limit at all.
left() { local rest=$((budget - (SECONDS - start))); [ "$rest" -lt 1 ] && rest=1; [ "$rest" -lt "$1" ] && echo "$rest" || echo "$1"; }
need() { echo "bench/gpu/run.sh: $1" >&2; exit 4; }
command -v dotnet >/dev/null 2>&1 || need "the .NET 10 SDK (dotnet) is not on PATH"
out="$here/out"
logs="$out/logs"
rm -rf "$out" && mkdir -p "$logs"

# 2. The bench model (U-Net depth 4 base 32, 512x512, random weights) staged by bench/compare.
if [ ! -f "$staged/UNet/plugin.json" ]; then
  /usr/bin/python3 -c 'import torch' 2>/dev/null \
    || need "no staged bench model in $staged: run bench/compare/backends.sh --stage-only where PyTorch is installed and copy bench/compare/out/ here (or pass --staged DIR)"
  timeout "$(left 240)" bash "$repo/bench/compare/backends.sh" --stage-only >"$logs/stage.log" 2>&1 || need "staging the bench model failed (log: $logs/stage.log)"
fi

# 3. CUDA builds of the backends, the host and the U-Net plugin (each publish in its own artifacts folder, so the CPU
#    builds in bin/ and obj/ stay as they are).
plugins="$out/plugins"
dice_plugins="$out/dice-plugins"
mkdir -p "$plugins" "$dice_plugins"
sources=()
[ -n "$feed" ] && sources=(--source "$feed")
publish() { # project, target folder, extra properties...
  local project="$1" target="$2"; shift 2
  timeout "$(left 300)" dotnet publish "$repo/$project" -c Release -o "$target" --artifacts-path "$out/artifacts/$(basename "$project")" \
    "${sources[@]}" -nologo -v quiet "$@" >>"$logs/build.log" 2>&1
}
if [ -n "$built" ]; then
  [ -f "$built/Torch/PipelineSeg.Backends.Torch.dll" ] && [ -f "$built/Onnx/PipelineSeg.Backends.Onnx.dll" ] \
    || need "--built $built needs Torch/PipelineSeg.Backends.Torch.dll and Onnx/PipelineSeg.Backends.Onnx.dll"
  ln -s "$(cd "$built" && pwd)/Torch" "$plugins/Torch"
  ln -s "$(cd "$built" && pwd)/Onnx" "$plugins/Onnx"
else
  publish plugins/PipelineSeg.Backends.Torch "$plugins/Torch" -p:TorchFlavor=cuda -p:TorchCudaVersion="${TORCH_CUDA_VERSION:-0.107.0}" \
    || need "building the torch backend with TorchSharp-cuda-linux ${TORCH_CUDA_VERSION:-0.107.0} failed (needs --feed DIR or a source serving it; log: $logs/build.log)"
  publish plugins/PipelineSeg.Backends.Onnx "$plugins/Onnx" -p:OnnxRuntimeFlavor=Gpu \
    || need "building the onnx backend with Microsoft.ML.OnnxRuntime.Gpu.Linux failed (log: $logs/build.log)"
fi
publish plugins/PipelineSeg.Plugins.UNet "$dice_plugins/UNet" || need "building the U-Net plugin failed (log: $logs/build.log)"
publish bench/PipelineSeg.Bench.Backends "$out/bench" || need "building PipelineSeg.Bench.Backends failed (log: $logs/build.log)"
publish src/PipelineSeg.Host "$out/host" || need "building the host failed (log: $logs/build.log)"
cp -r "$staged/UNet" "$plugins/UNet"
cp -r "$staged/TorchScript" "$plugins/TorchScript"
ln -s "$plugins/Torch" "$dice_plugins/Torch"

# 4. Timings: one process per row (its own peak RSS), batches 1, 8, 32 in it.
rows=("torch fp32" "torch fp16" "torch bf16" "onnx fp32" "onnx fp16")
for row in "${rows[@]}"; do
  set -- $row
  timeout "$(left 90)" dotnet "$out/bench/PipelineSeg.Bench.Backends.dll" --plugins "$plugins" --model unet-bench --backend "$1" \
    --device "$device" --precision "$2" --threads 4 --reps "$reps" --batch 1,8,32 >"$logs/$1-$2.log" 2>&1
  echo "$?" >"$logs/$1-$2.rc"
done

# 5. fp16 against fp32 on the bundled samples: the labels' Dice per sample.
host="dotnet $out/host/pipelineseg.dll"
dice=()
dice_ok=1
for p in fp32 fp16; do
  timeout "$(left 150)" $host batch --input "$repo/samples/dicom" --output "$out/labels-$p" --plugins "$dice_plugins" --outputs nifti \
    --backend torch --device "$device" --precision "$p" >"$logs/batch-$p.log" 2>&1 || dice_ok=0
done
if [ "$dice_ok" = 1 ]; then
  while IFS= read -r reference; do
    name="$(basename "$(dirname "$reference")")"
    value="$(timeout "$(left 60)" $host evaluate --prediction "${reference/labels-fp32/labels-fp16}" --ground-truth "$reference" --no-surface --json 2>>"$logs/evaluate.log" \
      | grep -oE '"dice": *[0-9.eE+-]+' | head -1 | grep -oE '[0-9.eE+-]+$')"
    [ -n "$value" ] || { dice_ok=0; value="?"; }
    awk -v d="$value" -v m="$min_dice" 'BEGIN { exit !(d + 0 >= m) }' || dice_ok=0
    dice+=("${name:0:12}… $value")
  done < <(find "$out/labels-fp32" -name labels.nii.gz | sort)
  [ "${#dice[@]}" = 3 ] || dice_ok=0
fi

# 6. The table.
cell() { # backend precision batch
  local log="$logs/$1-$2.log" rc
  rc="$(cat "$logs/$1-$2.rc" 2>/dev/null || echo 124)"
  if grep -q "batch=$3:" "$log" 2>/dev/null; then
    grep "batch=$3:" "$log" | sed -E 's/.*: ([0-9.]+) ms\/slice.*/\1/'
  elif [ "$rc" = 124 ]; then echo "timed out"
  else echo "refused: $(grep -m1 -oE "(precision|device|CUDA|ONNX Runtime)[^|]{0,100}" "$log" || echo "exit $rc")"
  fi
}
echo "== $gpu; device $device; U-Net d4 b32 512x512; median of $reps; $((SECONDS - start)) s"
printf '| backend | precision | batch 1 ms/slice | batch 8 | batch 32 | peak RSS (MiB) |\n|---|---|---|---|---|---|\n'
for row in "${rows[@]}"; do
  set -- $row
  rss="$(grep -oE 'peak RSS [0-9]+' "$logs/$1-$2.log" 2>/dev/null | tail -1 | grep -oE '[0-9]+$')"
  printf '| %s | %s | %s | %s | %s | %s |\n' "$1" "$2" "$(cell "$1" "$2" 1)" "$(cell "$1" "$2" 8)" "$(cell "$1" "$2" 32)" "${rss:--}"
done
if [ "$dice_ok" = 1 ]; then
  echo "fp16 vs fp32 labels on CUDA, Dice per sample (goal >= $min_dice): ${dice[*]}: passed"
  exit 0
fi
echo "fp16 vs fp32 labels on CUDA (goal Dice >= $min_dice): FAILED or not run: ${dice[*]:-no labels} (logs: $logs)"
exit 5
