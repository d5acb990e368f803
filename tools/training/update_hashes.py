#!/usr/bin/python3
"""Rewrites the SHA-256 of every bundled sample file a plugin manifest lists (`models/<id>/<file>` served from
samples/models/<id>/<file>), keeping the manifest's formatting. For manifests with several models and extra files (a
critic); tools/training/update_manifest.py stays the U-Net's own check.

Usage: /usr/bin/python3 tools/training/update_hashes.py plugins/PipelineSeg.Plugins.DeepLab/plugin.json"""
import hashlib
import json
import os
import re
import sys

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def main(manifest):
    with open(manifest, encoding="utf-8") as f:
        text = f.read()
    for model in json.loads(text)["models"]:
        for entry in model["files"]:
            path = entry["path"]
            parts = path.split("/")
            if len(parts) != 3 or parts[0] != "models":
                continue
            sample = os.path.join(REPO, "samples", "models", parts[1], parts[2])
            with open(sample, "rb") as f:
                sha = hashlib.sha256(f.read()).hexdigest()
            text, n = re.subn(r'("path": "' + re.escape(path) + r'", "sha256": ")[0-9a-f]{64}"', r"\g<1>" + sha + '"', text)
            assert n == 1, f"{path}: not found once in {manifest}"
            print(f"{path}: {sha}")
    with open(manifest, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main(sys.argv[1])
