#!/usr/bin/python3
"""Prints the `pipelineseg models new` arguments of a recipe (preset, params, input size, window, labels), shell-quoted.
The lung CT and lesion images are stored in [0, 1] with no known HU mapping, so their window is the identity on [0, 1]
(centre 0.5, width 1); the liver models take the CT window 50/400 the training data was made with (data.LIVER_WINDOW)."""
import json
import os
import shlex
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import recipes  # noqa: E402

SIZE = {"lungct": 64, "lesion": 48, "liver": 128}
WINDOW = {"lungct": "0.5,1", "lesion": "0.5,1", "liver": "50,400"}
LABEL = {"lungct": "lung", "lesion": "tumor", "liver": "liver"}


def size(recipe):
    """The plugin's input size: the data's, except that the SegNet plugin takes multiples of 32 only (five pooling
    levels without PyTorch's odd-size unpooling), so the lesion SegNet runs on the 48x48 patches resized to 64x64 by the
    pipeline (it was trained at 48: a 4/3 scale mismatch that costs it accuracy; see bench/studies/README.md)."""
    family, params, dataset = recipes.get(recipe)[:3]
    n = SIZE[dataset.split("-")[0]]
    return -(-n // 32) * 32 if params.get("preset") == "segnet-vgg16-bn" else n


def arguments(recipe):
    family, params, dataset = recipes.get(recipe)[:3]
    dataset = dataset.split("-")[0]  # liver-fold<k>: the liver's size, window and label
    args = ["--preset", params["preset"], "--params", json.dumps({k: v for k, v in params.items() if k != "preset"}, separators=(",", ":")),
            "--size", str(size(recipe)), "--window", WINDOW[dataset], "--labels", f"background,{LABEL[dataset]}"]
    return " ".join(shlex.quote(a) for a in args)


def main():
    print(arguments(sys.argv[1]))


if __name__ == "__main__":
    main()
