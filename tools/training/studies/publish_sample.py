#!/usr/bin/python3
"""Copies a trained MSD recipe (CC BY-SA 4.0 data) from the cache into samples/models/<folder> with its attribution.
Refuses recipes trained on data whose licence does not allow it (recipes.COMMITTABLE_DATASETS) and files over 25 MB.

Usage: /usr/bin/python3 tools/training/studies/publish_sample.py RECIPE TRAINED_DIR"""
import json
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import plugin_args  # noqa: E402
import recipes  # noqa: E402

LIMIT = 25 * 1024 * 1024
README = """# {folder} (study model, trained on MSD Task06 lung-tumour patches)

Recipe `{recipe}` of `tools/training/studies/recipes.py`: {family} preset `{preset}` ({parameters:,} parameters, float16
safetensors, state-dict keys of the preset's reference), trained on CPU by

    nice -n 10 /usr/bin/python3 tools/training/studies/train.py {recipe} OUT_DIR

on 48×48 patches of `val_patches.h5` (13 patients), tested on `test_patches.h5` (13 other patients); `training.json`
has the settings, `metrics.json` the PyTorch Dice/IoU at 0.5 (the study tables come from `bench/studies/run.sh`).
Turn it into a plugin with

    pipelineseg models new --from-checkpoint samples/models/{folder}/model.safetensors --name {recipe} {args}

A research comparison model: not for diagnosis.

## Attribution and licence

Trained on data derived from the Medical Segmentation Decathlon, Task06_Lung (Antonelli M. et al., "The Medical
Segmentation Decathlon", Nature Communications 13, 4128, 2022; Simpson A. L. et al., arXiv:1902.09063), licensed
CC BY-SA 4.0, in the 2 mm patch version of github.com/shizoda/data (commit 800eff0b6850a2666dc03aca4e8dd219342fa145),
CC BY-SA 4.0. These weights are an adaptation of that data and are likewise licensed **CC BY-SA 4.0**
(https://creativecommons.org/licenses/by-sa/4.0/).
"""


def main():
    recipe, trained = sys.argv[1], sys.argv[2]
    family, params, dataset = recipes.RECIPES[recipe][:3]
    if dataset not in recipes.COMMITTABLE_DATASETS:
        sys.exit(f"{recipe}: trained on '{dataset}', whose licence does not allow committing weights")
    weights = os.path.join(trained, "model.safetensors")
    if os.path.getsize(weights) > LIMIT:
        sys.exit(f"{recipe}: {os.path.getsize(weights) / 2**20:.1f} MB is over the 25 MB limit for samples")
    folder = recipes.SAMPLES[recipe]
    out = os.path.normpath(os.path.join(HERE, "..", "..", "..", "samples", "models", folder))
    os.makedirs(out, exist_ok=True)
    for name in ("model.safetensors", "critic.safetensors", "training.json", "metrics.json"):
        if os.path.exists(os.path.join(trained, name)):
            shutil.copyfile(os.path.join(trained, name), os.path.join(out, name))
    info = json.load(open(os.path.join(trained, "training.json")))
    args = plugin_args.arguments(recipe)
    with open(os.path.join(out, "README.md"), "w") as f:
        f.write(README.format(folder=folder, recipe=recipe, family=family, preset=params["preset"], parameters=info["parameters"], args=args))
    print(out)


if __name__ == "__main__":
    main()
