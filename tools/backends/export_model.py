"""Exports a native sample model (samples/models/<id>, a state dict of one of the four families) to ONNX and TorchScript
and writes two model packages that run without C#: a plugin folder with plugin.json + model.onnx (backend "onnx") and
one with plugin.json + model.pt (backend "torch", loaded by torch.jit.load). The manifest entry is the native plugin's
(input/output spec, SNOMED segments, model card) with its own id, backend and file hash, so pre/post-processing is the same.

The graph ends in the native plugin's output mapping, so the manifest's output kind stays "probabilities":
softmax over classes (unet, deeplabv3, segnet), a regression map p = clamp(y, 0, 1) as [1 - p, p] (segnet
naive-symmetric) or a tanh generator p = clamp((y + 1) / 2, 0, 1) as [1 - p, p] (cyclegan).
Before a file is written, the export is checked against the PyTorch model on two slices: TorchScript reloaded with
torch.jit.load; ONNX with onnxruntime where this Python has it (Debian's does not: then the ONNX graph is checked
against the builtin family plugin, itself parity-tested against PyTorch, by tests/PipelineSeg.Backends.Onnx.Tests).

Usage: /usr/bin/python3 tools/backends/export_model.py [--model ID | --all] [--out samples/models]
       [--base 32 --depth 4 --size 512 --random-weights --name unet-bench --safetensors F]   (U-Net benchmarks: bench/compare)
"""
import argparse
import copy
import glob
import hashlib
import json
import os
import shutil
import sys
import tempfile

import torch

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
for sub in ("training", "engine", "reference"):
    sys.path.insert(0, os.path.join(ROOT, "tools", sub))
import families  # noqa: E402
import safetensors_io  # noqa: E402
from unet import UNet  # noqa: E402

# The committed packages (samples/models/<id>-onnx|-torchscript); unet-liver-phantom's graphs are also linked into the
# native U-Net plugin (roles onnx/torchscript). deeplabv3-liver-phantom is not committed (its fp16 state dict becomes
# 4 MB of fp32 per file): the backend tests export it into a temp folder with --model deeplabv3-liver-phantom --out DIR.
SAMPLES = ["unet-liver-phantom", "segnet-liver-phantom", "cyclegan-liver-phantom"]
TOLERANCE = 1e-5


class Probabilities(torch.nn.Module):
    """The raw network plus the native plugin's mapping of its output to class probabilities, inside the graph."""

    def __init__(self, net, mapping):
        super().__init__()
        self.net = net
        self.mapping = mapping

    def forward(self, x):
        y = self.net(x)
        if isinstance(y, dict):
            y = y["out"]
        if self.mapping == "softmax":
            return torch.softmax(y, dim=1)
        p = torch.clamp(y if self.mapping == "regression" else (y + 1) / 2, 0, 1)
        return torch.cat([1 - p, p], dim=1)


def native_manifest(model_id):
    for path in sorted(glob.glob(os.path.join(ROOT, "plugins", "PipelineSeg.Plugins.*", "plugin.json"))):
        with open(path, encoding="utf-8") as f:
            manifest = json.load(f)
        for index, entry in enumerate(manifest["models"]):
            if entry["id"] == model_id:
                return path, index, entry
    raise SystemExit(f"no native plugin declares model {model_id!r}")


def build(entry, args):
    """The PyTorch network the native plugin builds from the manifest's parameters, and its output mapping."""
    family, params = entry["family"], dict(entry.get("parameters", {}))
    if family == "unet" and params.get("preset") in (None, "pipelineseg"):
        # tools/training/unet.py; dropout is inactive in eval mode and left out of the graph.
        net = UNet(in_channels=entry["input"]["channels"], num_classes=len(entry["output"]["classes"]),
                   base=args.base or params["baseWidth"], depth=args.depth or params["depth"], dropout=0.0)
    else:
        net = families.build(family, {k: v for k, v in params.items() if not k.startswith("critic_")})
    mapping = {"cyclegan": "tanh-mask"}.get(family, "regression" if params.get("preset") == "naive-symmetric" else "softmax")
    if args.random_weights:
        torch.manual_seed(0)
    else:
        weights = os.path.join(ROOT, "samples", "models", entry["id"], "model.safetensors")
        net.load_state_dict(dict(safetensors_io.load(weights).items()), strict=True)
    return Probabilities(net, mapping).eval()


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def export_onnx(model, example, path):
    torch.onnx.export(model, example, path, input_names=["input"], output_names=["probabilities"], opset_version=17,
                      dynamic_axes={"input": {0: "slices"}, "probabilities": {0: "slices"}}, do_constant_folding=True)


def export_torchscript(model, example, path):
    with torch.no_grad():
        traced = torch.jit.trace(model, example)
    traced.save(path)


def run_onnx(path, x):
    try:
        import onnxruntime  # noqa: PLC0415  optional: not in Debian's python3
    except ImportError:
        return None
    session = onnxruntime.InferenceSession(path, providers=["CPUExecutionProvider"])
    return torch.from_numpy(session.run(None, {"input": x.numpy()})[0])


def run_torchscript(path, x):
    with torch.no_grad():
        return torch.jit.load(path)(x)


def check(name, model, run, path, size):
    """PyTorch vs the exported file on two slices (a batch size of 2 also catches a batch size baked in by tracing)."""
    torch.manual_seed(14)
    x = torch.rand(2, model_channels(model), size, size)
    with torch.no_grad():
        expected = model(x)
    actual = run(path, x)
    if actual is None:
        print(f"{name}: onnxruntime is not in this Python; the graph is checked by tests/PipelineSeg.Backends.Onnx.Tests")
        return
    error = (actual - expected).abs().max().item()
    if actual.shape != expected.shape or error > TOLERANCE:
        raise SystemExit(f"{name}: the export differs from PyTorch ({tuple(actual.shape)} vs {tuple(expected.shape)}, max abs {error:.2e})")
    print(f"{name}: export vs PyTorch max abs difference {error:.2e}")


def model_channels(model):
    return next(p for p in model.parameters() if p.dim() == 4).shape[1]


def write_package(out, name, backend, file_name, export, run, model, entry, size, source):
    example = torch.zeros(1, entry["input"]["channels"], size, size)
    with tempfile.TemporaryDirectory() as scratch:
        staged = os.path.join(scratch, file_name)
        export(model, example, staged)
        check(f"{name}/{file_name}", model, run, staged, size)
        folder = os.path.join(out, name)
        os.makedirs(folder, exist_ok=True)
        graph = os.path.join(folder, file_name)
        shutil.move(staged, graph)
    entry = copy.deepcopy(entry)
    entry["id"] = name
    entry["name"] = entry["name"] + f" ({backend} package)"
    entry["backend"] = backend
    entry["description"] = (f"{entry['description']} Exported by tools/backends/export_model.py from "
                            f"samples/models/{source} (output mapping inside the graph).")
    entry["input"]["height"] = entry["input"]["width"] = size
    entry["capabilities"] = {}
    entry["parameters"] = {}
    entry["files"] = [{"path": file_name, "sha256": sha256(graph), "role": "model"}]
    manifest = {
        "id": f"pipelineseg.package.{name}",
        "name": f"{entry['name']}",
        "version": entry["version"],
        "contractVersion": "2.1",
        "description": f"Model package without code: {file_name} runs on the '{backend}' execution backend plugin.",
        "models": [entry],
    }
    with open(os.path.join(folder, "plugin.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")
    print(f"{folder}: {file_name} {os.path.getsize(graph)} bytes")
    return graph


def link_into_native_manifest(manifest_path, index, graphs):
    """The native U-Net plugin ships the same graphs (linked by its csproj) so `--backend onnx|torch` can run its model;
    their hashes go into its plugin.json under roles 'onnx' and 'torchscript'."""
    with open(manifest_path, encoding="utf-8") as f:
        text = f.read()
    entry = json.loads(text)["models"][index]
    files = [f for f in entry["files"] if f["role"] not in graphs]
    for role, path in graphs.items():
        files.append({"path": f"models/{entry['id']}/{os.path.basename(path)}", "sha256": sha256(path), "role": role})
    # Rewrite only this model's files list, keeping the hand-written layout of the rest of plugin.json.
    start = text.index('"files": [', text.index(f'"id": "{entry["id"]}"'))
    end = text.index("]", start) + 1
    lines = ",\n".join("        " + json.dumps(f, separators=(", ", ": ")).replace("{", "{ ").replace("}", " }") for f in files)
    text = text[:start] + '"files": [\n' + lines + "\n      ]" + text[end:]
    with open(manifest_path, "w", encoding="utf-8") as f:
        f.write(text)


def export(model_id, args):
    manifest_path, index, entry = native_manifest(model_id)
    size = args.size or entry["input"]["height"]
    model = build(entry, args)
    name = args.name or model_id
    if args.safetensors:
        state = {k: v for k, v in model.net.state_dict().items() if not k.endswith("num_batches_tracked")}
        safetensors_io.save(args.safetensors, state)
    onnx = write_package(args.out, f"{name}-onnx", "onnx", "model.onnx", export_onnx, run_onnx, model, entry, size, model_id)
    script = write_package(args.out, f"{name}-torchscript", "torch", "model.pt", export_torchscript, run_torchscript, model, entry, size, model_id)
    if model_id == "unet-liver-phantom" and name == model_id and not args.random_weights and args.size is None:
        link_into_native_manifest(manifest_path, index, {"onnx": onnx, "torchscript": script})


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--model", default="unet-liver-phantom", help="a native sample model id (samples/models/<id>)")
    p.add_argument("--all", action="store_true", help="export " + ", ".join(SAMPLES))
    p.add_argument("--out", default=os.path.join(ROOT, "samples", "models"))
    p.add_argument("--base", type=int, help="U-Net only: base width (benchmarks)")
    p.add_argument("--depth", type=int, help="U-Net only: depth (benchmarks)")
    p.add_argument("--size", type=int, help="input height and width (default: the manifest's)")
    p.add_argument("--random-weights", action="store_true")
    p.add_argument("--name", help="package name prefix (default: the model id)")
    p.add_argument("--safetensors", help="also write the network's state dict here (for the builtin engine and the torch rebuild)")
    args = p.parse_args()
    torch.set_num_threads(1)
    for model_id in SAMPLES if args.all else [args.model]:
        export(model_id, args)


if __name__ == "__main__":
    main()
