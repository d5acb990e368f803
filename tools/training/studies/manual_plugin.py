#!/usr/bin/python3
"""Writes a recipe's plugin folder as `pipelineseg models new` would (the family plugin's code,
models/<name>/model.safetensors, plugin.json with its SHA-256; the SegAN critic is left out: compare does not use it), for the two cases it cannot do today:
- a one-channel regression net (the naive symmetric net, preset naive-symmetric): models new refuses it ("a softmax
  segmentation network needs at least 2 output channels") although the SegNet plugin serves it (clamped to [0, 1] as
  the foreground probability, as the bundled segnet-liver-phantom);
- a family whose bundled plugin folder is refused (the DeepLab plugin while its sample weights are missing), so models
  new finds no family with the preset.
The weights are checked when the plugin loads them (strict state-dict keys), i.e. by `compare` itself.

Usage: /usr/bin/python3 tools/training/studies/manual_plugin.py RECIPE WEIGHTS_DIR HOST_PLUGINS_DIR OUT_DIR"""
import hashlib
import json
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import plugin_args  # noqa: E402
import recipes  # noqa: E402

FAMILY_PLUGIN = {"unet": "PipelineSeg.Plugins.UNet", "segnet": "PipelineSeg.Plugins.SegNet", "cyclegan": "PipelineSeg.Plugins.CycleGan",
                 "deeplabv3": "PipelineSeg.Plugins.DeepLab"}
ANATOMY = {"code": "123037004", "scheme": "SCT", "meaning": "Anatomical Structure"}
ALTERED = {"code": "49755003", "scheme": "SCT", "meaning": "Morphologically Altered Structure"}
CODES = {"liver": (ANATOMY, {"code": "10200004", "scheme": "SCT", "meaning": "Liver"}),
         "lung": (ANATOMY, {"code": "39607008", "scheme": "SCT", "meaning": "Lung"}),
         "tumor": (ALTERED, {"code": "108369006", "scheme": "SCT", "meaning": "Neoplasm"})}


def main():
    recipe, weights_dir, plugins_dir, out = sys.argv[1:5]
    family, params, dataset = recipes.RECIPES[recipe][:3]
    family_dir = os.path.join(plugins_dir, FAMILY_PLUGIN[family])
    label = plugin_args.LABEL[dataset]
    center, width = (float(v) for v in plugin_args.WINDOW[dataset].split(","))
    size = plugin_args.size(recipe)
    family_manifest = json.load(open(os.path.join(family_dir, "plugin.json")))
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(os.path.join(out, "models", recipe))
    for name in os.listdir(family_dir):
        if name.startswith(family_manifest["assembly"].rsplit(".", 1)[0]):
            shutil.copyfile(os.path.join(family_dir, name), os.path.join(out, name))
    files = []
    for name, role in (("model.safetensors", "weights"),):
        if os.path.exists(os.path.join(weights_dir, name)):
            target = os.path.join(out, "models", recipe, name)
            shutil.copyfile(os.path.join(weights_dir, name), target)
            files.append({"path": f"models/{recipe}/{name}", "sha256": hashlib.sha256(open(target, "rb").read()).hexdigest(), "role": role})
    regression = params["preset"] == "naive-symmetric"
    category, kind = CODES[label]
    model = {
        "id": recipe, "name": recipe, "version": "1.0.0", "family": family, "backend": "builtin",
        "description": f"{family} preset {params['preset']}{' (regression head, clamped to [0, 1])' if regression else ''} from tools/training/studies recipe {recipe}",
        "input": {"channels": params["in_channels"], "height": size, "width": size, "layout": "singleSlice",
                  "intensity": {"kind": "window", "center": center, "width": width, "outputMin": 0, "outputMax": 1}},
        "output": {"kind": "probabilities", "classes": [{"index": 0, "label": "background", "isBackground": True},
                                                         {"index": 1, "label": label, "category": category, "type": kind}]},
        "files": files,
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
