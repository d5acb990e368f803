"""Writes the SHA-256 of the trained weights into plugins/PipelineSeg.Plugins.UNet/plugin.json and checks that the
manifest's architecture parameters and input size match the training run (training.json).

Usage: /usr/bin/python3 tools/training/update_manifest.py [--model samples/models/unet-liver-phantom]"""
import argparse
import hashlib
import json
import os
import re

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
MANIFEST = os.path.join(REPO, "plugins", "PipelineSeg.Plugins.UNet", "plugin.json")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=os.path.join(REPO, "samples", "models", "unet-liver-phantom"))
    args = ap.parse_args()
    model_id = os.path.basename(os.path.normpath(args.model))
    with open(os.path.join(args.model, "model.safetensors"), "rb") as f:
        sha = hashlib.sha256(f.read()).hexdigest()
    with open(os.path.join(args.model, "training.json"), encoding="utf-8") as f:
        cfg = json.load(f)
    with open(MANIFEST, encoding="utf-8") as f:
        text = f.read()
    entry = next(m for m in json.loads(text)["models"] if m["id"] == model_id)
    p = entry["parameters"]
    assert (p["baseWidth"], p["depth"], p["dropout"]) == (cfg["base"], cfg["depth"], cfg["dropout"]), (p, cfg)
    assert entry["input"]["height"] == entry["input"]["width"] == cfg["size"], (entry["input"], cfg)
    path = f"models/{model_id}/model.safetensors"
    text, n = re.subn(r'("path": "' + re.escape(path) + r'", "sha256": ")[0-9a-f]{64}"', r"\g<1>" + sha + '"', text)
    assert n == 1, f"weights entry for {path} not found in {MANIFEST}"
    with open(MANIFEST, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"{MANIFEST}: {path} sha256 {sha}")


if __name__ == "__main__":
    main()
