#!/usr/bin/python3
"""Makes the plugin folder of a one-channel regression net (the naive symmetric net, preset naive-symmetric), which
`pipelineseg models new` refuses today ("a softmax segmentation network needs at least 2 output channels"), although the
SegNet plugin serves it (clamped to [0, 1] as the foreground probability, as the bundled segnet-liver-phantom).
Writes what `models new` writes: the family plugin's code, models/<name>/model.safetensors, plugin.json with its SHA-256.

Usage: /usr/bin/python3 tools/training/studies/regression_plugin.py RECIPE WEIGHTS FAMILY_PLUGIN_DIR OUT_DIR"""
import hashlib
import json
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import plugin_args  # noqa: E402
import recipes  # noqa: E402

CODES = {"liver": ({"code": "123037004", "scheme": "SCT", "meaning": "Anatomical Structure"}, {"code": "10200004", "scheme": "SCT", "meaning": "Liver"})}


def main():
    recipe, weights, family_dir, out = sys.argv[1:5]
    family, params, dataset = recipes.RECIPES[recipe][:3]
    assert params["preset"] == "naive-symmetric", "only the regression preset needs this"
    label = plugin_args.LABEL[dataset]
    center, width = (float(v) for v in plugin_args.WINDOW[dataset].split(","))
    size = plugin_args.SIZE[dataset]
    family_manifest = json.load(open(os.path.join(family_dir, "plugin.json")))
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(os.path.join(out, "models", recipe))
    for name in os.listdir(family_dir):
        if name.startswith(family_manifest["assembly"].rsplit(".", 1)[0]):
            shutil.copyfile(os.path.join(family_dir, name), os.path.join(out, name))
    target = os.path.join(out, "models", recipe, "model.safetensors")
    shutil.copyfile(weights, target)
    sha = hashlib.sha256(open(target, "rb").read()).hexdigest()
    category, kind = CODES[label]
    model = {
        "id": recipe, "name": recipe, "version": "1.0.0", "family": family, "backend": "builtin",
        "description": f"{family} preset {params['preset']} (regression head, clamped to [0, 1]) from tools/training/studies recipe {recipe}",
        "input": {"channels": params["in_channels"], "height": size, "width": size, "layout": "singleSlice",
                  "intensity": {"kind": "window", "center": center, "width": width, "outputMin": 0, "outputMax": 1}},
        "output": {"kind": "probabilities", "classes": [{"index": 0, "label": "background", "isBackground": True},
                                                         {"index": 1, "label": label, "category": category, "type": kind}]},
        "files": [{"path": f"models/{recipe}/model.safetensors", "sha256": sha, "role": "weights"}],
        "parameters": {k: str(v) if not isinstance(v, str) else v for k, v in params.items()},
    }
    manifest = {"id": f"user.{recipe}", "name": recipe, "version": "1.0.0", "contractVersion": family_manifest["contractVersion"],
                "assembly": family_manifest["assembly"], "entryType": family_manifest["entryType"],
                "description": f"{recipe}: {family} ({params['preset']}) on the {family_manifest['id']} plugin code", "models": [model]}
    with open(os.path.join(out, "plugin.json"), "w") as f:
        json.dump(manifest, f, indent=2)
    print(out)


if __name__ == "__main__":
    main()
