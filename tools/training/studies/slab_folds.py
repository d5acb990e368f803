"""3D-IRCADb patient 1.1 in contiguous slab folds, for the sequence-smoothing benchmark (bench/smoothing, issue 11).

One patient, so held-out slices must not have trained neighbours: the 129 slices are cut into FOLDS contiguous slabs;
fold k's model is trained on every slice more than GAP slices away from slab k and scored on slab k only. The GAP slices
either side of a held-out slab are seen by no model of that fold, so smoothing a held-out slice reaches trained slices
only beyond GAP (see bench/smoothing/README.md for the weight that leaks at each sigma).

Unlike data.liver (area-averaged 4x4 blocks), the 128x128 images are sampled as the product samples the DICOM series:
bilinear over the whole field of view with voxel edges aligned (InPlaneResampler), which for a factor of 4 is the mean
of the two middle pixels of each 4-pixel run in x and y, then the CT window. So the model sees at training what
`pipelineseg batch` feeds it. Masks: the area-averaged liver mask >= 0.5. CC BY-NC-ND: arrays stay in the ignored cache."""
import os

import numpy as np

import data
import recipes

FOLDS = recipes.LIVER_FOLDS
GAP = 4
CACHE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", ".cache", "smoothing", "liver-product-sampled.npz")


def slabs(n, folds=FOLDS):
    """[start, stop) of each fold's held-out slab: contiguous, covering all n slices, sizes differing by at most 1."""
    edges = [round(i * n / folds) for i in range(folds + 1)]
    return [(edges[i], edges[i + 1]) for i in range(folds)]


def indices(n, fold, folds=FOLDS, gap=GAP):
    """(train, held-out) slice indices of one fold."""
    start, stop = slabs(n, folds)[fold]
    held = list(range(start, stop))
    train = [i for i in range(n) if i < start - gap or i >= stop + gap]
    return train, held


def _product_sampled(hu, size):
    f = hu.shape[-1] // size
    if f == 1:
        return hu
    a, b = f // 2 - 1, f // 2  # bilinear at source position f*i + (f-1)/2: the two middle pixels of each run
    rows = (hu[:, a::f] + hu[:, b::f]) / 2
    return (rows[:, :, a::f] + rows[:, :, b::f]) / 2


def volume():
    """(ct in [0, 1], liver mask), both N x 1 x 128 x 128, slices in image-number (= z) order."""
    if os.path.exists(CACHE):
        with np.load(CACHE) as z:
            return z["x"], z["y"]
    root = os.path.join(data.DATASETS, "3dircadb1_liver_ct", "3Dircadb1.1")
    ct = data._slices(os.path.join(root, "PATIENT_DICOM.zip"), "PATIENT_DICOM/image_")
    masks = data._slices(os.path.join(root, "MASKS_DICOM.zip"), "MASKS_DICOM/liver/image_")
    hu = np.stack([s.pixel_array.astype(np.float32) * float(s.RescaleSlope) + float(s.RescaleIntercept) for s in ct])
    liver = np.stack([(m.pixel_array > 0).astype(np.float32) for m in masks])
    c, w = data.LIVER_WINDOW
    x = np.clip((_product_sampled(hu, data.LIVER_SIZE) - (c - w / 2)) / w, 0, 1)[:, None].astype(np.float32)
    y = (data._area(liver, hu.shape[-1] // data.LIVER_SIZE) >= 0.5).astype(np.float32)[:, None]
    os.makedirs(os.path.dirname(CACHE), exist_ok=True)
    np.savez(CACHE, x=x, y=y)
    return x, y


def loader(fold):
    def load(split):
        x, y = volume()
        train, held = indices(x.shape[0], fold)
        idx = train if split == "train" else held
        return x[idx], y[idx]
    return load
