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


def arguments(recipe):
    family, params, dataset = recipes.RECIPES[recipe][:3]
    args = ["--preset", params["preset"], "--params", json.dumps({k: v for k, v in params.items() if k != "preset"}, separators=(",", ":")),
            "--size", str(SIZE[dataset]), "--window", WINDOW[dataset], "--labels", f"background,{LABEL[dataset]}"]
    return " ".join(shlex.quote(a) for a in args)


def main():
    print(arguments(sys.argv[1]))


if __name__ == "__main__":
    main()
