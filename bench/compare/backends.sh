#!/usr/bin/env bash
# Issue 14's backend comparison: the same U-Net (depth 4, base 32, 3 classes, random weights, softmax) on one 512x512
# slice, 2 threads, one run: builtin engine vs TorchSharp (LibTorch 2.10 CPU: the U-Net rebuilt from the state dict, and
# the same net as a TorchScript module exported by PyTorch 1.13; each also with glibc's THP tunable) vs ONNX Runtime 1.32
# (.NET) vs PyTorch 1.13 (eager) —
# median ms/slice of --reps and each process's peak RSS, then one table and the builtin <= 1.0x ONNX Runtime verdict.
# Each .NET backend runs in its own process through the plugin catalog, as the host loads it. Compare only figures from
# the same run; the load average is printed before and after.
#
# usage: bench/compare/backends.sh [--size 512] [--threads 2] [--reps 3] [--stage-only]
# --stage-only: build, export and stage the plugins folder (out/backends-<size>/plugins: UNet with the bench model, the
# TorchScript package) and stop; bench/gpu/run.sh measures from that folder.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
size=512 threads=2 reps=3 stage_only=0
while [ $# -gt 0 ]; do
  case "$1" in
    --size) size="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --reps) reps="$2"; shift 2 ;;
    --stage-only) stage_only=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
/usr/bin/python3 -c 'import torch' 2>/dev/null || { echo "backends.sh: /usr/bin/python3 needs torch (apt-get install python3-torch)" >&2; exit 2; }
cd "$repo"
out="$here/out/backends-$size"
plugins="$out/plugins"
rm -rf "$plugins" && mkdir -p "$plugins"
for p in bench/PipelineSeg.Bench.Backends plugins/PipelineSeg.Plugins.UNet plugins/PipelineSeg.Backends.Onnx plugins/PipelineSeg.Backends.Torch; do
  dotnet build "$repo/$p" -c Release -v quiet -nologo >/dev/null
done
/usr/bin/python3 "$repo/tools/backends/export_model.py" --base 32 --depth 4 --size "$size" --random-weights --name unet-bench \
  --out "$out" --safetensors "$out/unet.safetensors" >/dev/null
cp -r "$repo/plugins/PipelineSeg.Plugins.UNet/bin/Release/net10.0" "$plugins/UNet"
# The TorchScript module as a code-free package: a native U-Net would be rebuilt from its state dict instead.
cp -r "$out/unet-bench-torchscript" "$plugins/TorchScript"
mkdir -p "$plugins/UNet/models/bench"
cp "$out/unet.safetensors" "$out/unet-bench-onnx/model.onnx" "$plugins/UNet/models/bench/"
# LibTorch and ONNX Runtime are linked in, not copied (LibTorch is ~450 MB).
ln -s "$repo/plugins/PipelineSeg.Backends.Torch/bin/Release/net10.0" "$plugins/Torch"
ln -s "$repo/plugins/PipelineSeg.Backends.Onnx/bin/Release/net10.0" "$plugins/Onnx"
/usr/bin/python3 - "$plugins/UNet" "$size" <<'PY'
import hashlib, json, sys
folder, size = sys.argv[1], int(sys.argv[2])
path = f"{folder}/plugin.json"
manifest = json.load(open(path))
model = manifest["models"][0]
model.update(id="unet-bench", capabilities={}, parameters={"baseWidth": 32, "depth": 4, "dropout": 0})
model.pop("intendedUse", None)
model["input"].update(height=size, width=size)
sha = lambda p: hashlib.sha256(open(f"{folder}/{p}", "rb").read()).hexdigest()
model["files"] = [{"path": p, "sha256": sha(p), "role": r} for p, r in
                  [("models/bench/unet.safetensors", "weights"), ("models/bench/model.onnx", "onnx")]]
json.dump(manifest, open(path, "w"), indent=1)
package = json.load(open(f"{folder}/../TorchScript/plugin.json"))
package["models"][0].pop("intendedUse", None)
json.dump(package, open(f"{folder}/../TorchScript/plugin.json", "w"), indent=1)
PY
[ "$stage_only" = 1 ] && { echo "staged: $plugins"; exit 0; }
bench="dotnet $repo/bench/PipelineSeg.Bench.Backends/bin/Release/net10.0/PipelineSeg.Bench.Backends.dll"
logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT
echo "== load before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
# LibTorch allocates every op's output afresh and glibc serves buffers of 32 MiB and more with mmap, so each forward
# page-faults all its activations (223k minor faults for 8 calls of one 512x512x32 convolution); with transparent huge
# pages for malloc's chunks (glibc >= 2.35) it faults 40x less. The "+ THP" rows run with that tunable.
thp="GLIBC_TUNABLES=glibc.malloc.hugetlb=1"
# row name, environment (or -), then the benchmark's arguments
run() {
  local row="$1" environment="$2"; shift 2
  [ "$environment" = - ] && environment="PIPELINESEG_BENCH=1"
  env "$environment" $bench --plugins "$plugins" --threads "$threads" --reps "$reps" "$@" | tail -1 | tee "$logs/$row"
}
run builtin - --model unet-bench --backend builtin
run torch-native - --model unet-bench --backend torch
run torch-native-thp "$thp" --model unet-bench --backend torch
run torch-script - --model unet-bench-torchscript --backend torch
run torch-script-thp "$thp" --model unet-bench-torchscript --backend torch
run onnx - --model unet-bench --backend onnx
pytorch() { # row, environment
  env "$2" /usr/bin/python3 - "$out/unet.safetensors" "$size" "$threads" "$reps" <<'PY' | tee "$logs/$1"
import resource, statistics, sys, time
sys.path[:0] = ["tools/training", "tools/engine"]
import torch
from unet import UNet
import safetensors_io
path, size, threads, reps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
torch.set_num_threads(threads)
net = UNet(num_classes=3, base=32, depth=4).eval()
net.load_state_dict(safetensors_io.load(path), strict=False)
x = torch.rand(1, 1, size, size, generator=torch.Generator().manual_seed(7))
times = []
with torch.no_grad():
    torch.softmax(net(x), 1)
    for _ in range(reps):
        t = time.perf_counter(); torch.softmax(net(x), 1); times.append((time.perf_counter() - t) * 1000)
print(f"pytorch-1.13 cpu fp32 batch=1: {statistics.median(times):.1f} ms/slice, peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
PY
}
pytorch pytorch PIPELINESEG_BENCH=1
pytorch pytorch-thp "$thp"
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
ms() { sed -E 's/.*: ([0-9.]+) ms\/slice.*/\1/' "$logs/$1"; }
rss() { sed -E 's/.*peak RSS ([0-9]+) MiB.*/\1/' "$logs/$1"; }
printf '| backend | ms/slice | x ONNX Runtime | peak RSS (MiB) |\n|---|---|---|---|\n'
for row in "builtin|builtin (PipelineSeg engine)" "torch-native|torch: TorchSharp 0.107, U-Net rebuilt from the state dict" \
           "torch-native-thp|torch: rebuilt U-Net + THP" "torch-script|torch: TorchScript (PyTorch 1.13 export)" \
           "torch-script-thp|torch: TorchScript + THP" "onnx|onnx: ONNX Runtime 1.32 (.NET)" \
           "pytorch|PyTorch 1.13 (Python, eager)" "pytorch-thp|PyTorch 1.13 + THP"; do
  awk -v name="${row#*|}" -v m="$(ms "${row%%|*}")" -v o="$(ms onnx)" -v r="$(rss "${row%%|*}")" \
    'BEGIN { printf "| %s | %.1f | %.2f | %s |\n", name, m, m / o, r }'
done
awk -v b="$(ms builtin)" -v o="$(ms onnx)" 'BEGIN { v = b / o; printf "builtin / ONNX Runtime CPU = %.2f (goal <= 1.00): %s\n", v, v <= 1.0 ? "met" : "NOT met" }'
