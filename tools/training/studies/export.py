#!/usr/bin/python3
"""Writes OUT/dataset.json describing a study's test split for `pipelineseg compare`.

- lungct and lesion: the arrays are read where they are, in ../shared/datasets (npy x_test/y_test; HDF5 test_patches.h5),
  stored values in [0, 1] with no known HU mapping, so `intensity` is `scaled` 0..1 and the models' window is 0.5/1
  (the identity on [0, 1]); the lesion patches are 2 mm isotropic.
- liver: CC BY-NC-ND source, so the 128x128 test slices are built at run time into OUT/x.npy (window 50/400 -> [0, 1])
  and OUT/y.npy; OUT must be under the ignored cache. `intensity` maps them back to HU (-150..250), so the models apply
  their own 50/400 window as they would on the DICOM series; pixels are 4 x 0.57 mm.

Usage: /usr/bin/python3 tools/training/studies/export.py DATASET OUT_DIR     (DATASET: lungct, lesion, liver)"""
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import data  # noqa: E402


def describe(name, out):
    if name == "lungct":
        d = os.path.realpath(os.path.join(data.DATASETS, "kaggle_lungs_ct_64"))
        return {"format": "npy", "splits": {"test": {"images": os.path.join(d, "x_test.npy"), "masks": os.path.join(d, "y_test.npy")}},
                "intensity": {"kind": "scaled", "min": 0, "max": 1}, "maskThreshold": 0.5}
    if name == "lesion":
        f = os.path.realpath(os.path.join(data.DATASETS, "msd_task06_lung_tumor_patches48", "test_patches.h5"))
        return {"format": "hdf5", "splits": {"test": {"file": f, "images": "images", "masks": "labels"}},
                "intensity": {"kind": "scaled", "min": 0, "max": 1}, "pixelSpacingMm": [2.0, 2.0], "maskThreshold": 0.5}
    x, y = data.load("liver", "test")
    np.save(os.path.join(out, "x.npy"), np.ascontiguousarray(x[:, 0]).astype(np.float32))
    np.save(os.path.join(out, "y.npy"), np.ascontiguousarray(y[:, 0]).astype(np.uint8))
    c, w = data.LIVER_WINDOW
    spacing = round(0.57 * 512 / data.LIVER_SIZE, 4)
    return {"format": "npy", "splits": {"test": {"images": "x.npy", "masks": "y.npy"}},
            "intensity": {"kind": "scaled", "min": c - w / 2, "max": c + w / 2}, "pixelSpacingMm": [spacing, spacing], "maskThreshold": 0.5}


def main():
    name, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "dataset.json"), "w") as f:
        json.dump(describe(name, out), f, indent=2)
    print(out)


if __name__ == "__main__":
    main()
