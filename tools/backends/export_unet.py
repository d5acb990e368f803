"""Exports the sample U-Net (samples/models/unet-liver-phantom) to ONNX and TorchScript and writes two model packages
that run without C#: a plugin folder with plugin.json + model.onnx (backend "onnx") and one with plugin.json + model.pt
(backend "torch", loaded by torch.jit.load). The manifest entry is the native plugin's (input/output spec, SNOMED
segments, model card) with its own id, backend and file hash, so pre/post-processing is the same.

The graph ends in a softmax: the manifest's output kind stays "probabilities", as the native plugin's.
Usage: /usr/bin/python3 tools/backends/export_unet.py [--out samples/models] [--base 8 --depth 4 --size 128 --random-weights]
(--random-weights and other sizes are for benchmarks: bench/compare exports depth 4 base 32 at 512x512 that way.)
"""
import argparse
import copy
import hashlib
import json
import os
import sys

import torch

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tools", "training"))
sys.path.insert(0, os.path.join(ROOT, "tools", "engine"))
from unet import UNet  # noqa: E402
import safetensors_io  # noqa: E402

NATIVE_MANIFEST = os.path.join(ROOT, "plugins", "PipelineSeg.Plugins.UNet", "plugin.json")
WEIGHTS = os.path.join(ROOT, "samples", "models", "unet-liver-phantom", "model.safetensors")


class WithSoftmax(torch.nn.Module):
    """Logits -> class probabilities over dim 1, inside the exported graph."""

    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, x):
        return torch.softmax(self.net(x), dim=1)


def build(args):
    net = UNet(in_channels=1, num_classes=3, base=args.base, depth=args.depth, dropout=0.0)
    if not args.random_weights:
        net.load_state_dict({k: v for k, v in safetensors_io.load(WEIGHTS).items()}, strict=True)
    else:
        torch.manual_seed(0)
    return WithSoftmax(net).eval()


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


def write_package(out, name, backend, file_name, export, model, example, size):
    folder = os.path.join(out, name)
    os.makedirs(folder, exist_ok=True)
    graph = os.path.join(folder, file_name)
    export(model, example, graph)
    with open(NATIVE_MANIFEST, encoding="utf-8") as f:
        native = json.load(f)
    entry = copy.deepcopy(native["models"][0])
    entry["id"] = name
    entry["name"] = entry["name"] + f" ({backend} package)"
    entry["backend"] = backend
    entry["description"] = (f"{entry['description']} Exported by tools/backends/export_unet.py from "
                            "samples/models/unet-liver-phantom (softmax inside the graph).")
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


def link_into_native_manifest(graphs):
    """The native U-Net plugin ships the same graphs (linked by its csproj) so `--backend onnx|torch` can run its model;
    their hashes go into its plugin.json under roles 'onnx' and 'torchscript'."""
    with open(NATIVE_MANIFEST, encoding="utf-8") as f:
        text = f.read()
    native = json.loads(text)
    entry = native["models"][0]
    entry["files"] = [f for f in entry["files"] if f["role"] not in graphs]
    for role, path in graphs.items():
        entry["files"].append({"path": f"models/unet-liver-phantom/{os.path.basename(path)}", "sha256": sha256(path), "role": role})
    # Rewrite only the files list, keeping the hand-written layout of the rest of plugin.json.
    start = text.index('"files": [')
    end = text.index("]", start) + 1
    lines = ",\n".join("        " + json.dumps(f, separators=(", ", ": ")).replace("{", "{ ").replace("}", " }") for f in entry["files"])
    text = text[:start] + '"files": [\n' + lines + "\n      ]" + text[end:]
    with open(NATIVE_MANIFEST, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--out", default=os.path.join(ROOT, "samples", "models"))
    p.add_argument("--base", type=int, default=8)
    p.add_argument("--depth", type=int, default=4)
    p.add_argument("--size", type=int, default=128)
    p.add_argument("--random-weights", action="store_true")
    p.add_argument("--name", default="unet-liver-phantom")
    p.add_argument("--safetensors", help="also write the network's state dict here (for the builtin engine and the torch rebuild)")
    args = p.parse_args()
    torch.set_num_threads(1)
    model = build(args)
    example = torch.zeros(1, 1, args.size, args.size)
    if args.safetensors:
        state = {k: v for k, v in model.net.state_dict().items() if not k.endswith("num_batches_tracked")}
        safetensors_io.save(args.safetensors, state)
    write_package(args.out, f"{args.name}-onnx", "onnx", "model.onnx", export_onnx, model, example, args.size)
    write_package(args.out, f"{args.name}-torchscript", "torch", "model.pt", export_torchscript, model, example, args.size)
    if args.name == "unet-liver-phantom" and not args.random_weights:
        link_into_native_manifest({"onnx": os.path.join(args.out, f"{args.name}-onnx", "model.onnx"),
                                   "torchscript": os.path.join(args.out, f"{args.name}-torchscript", "model.pt")})


if __name__ == "__main__":
    main()
