"""The three studies' datasets from ../shared/datasets (read-only), as float32 NCHW images in [0, 1] and {0, 1} masks.

- lungct: Kaggle lung CT slices 64x64 (train 213 / test 54 as shipped); masks were resized, so foreground is y >= 0.5.
- lesion: MSD Task06 lung-tumour patches 48x48; train on val_patches.h5 (13 patients), test on test_patches.h5
  (13 other patients); train_patches.h5 is not in the snapshot.
- liver: 3D-IRCADb-01 patient 1.1, 512x512 slices area-averaged to 128x128 (the study's 512 is too slow on 2 cores), CT
  window 50/400 -> [0, 1], liver mask (livertumour lies inside it). One patient, so the split is by slice blocks:
  every third block of 12 slices is test, and the slice on each side of a test block is dropped, so no test slice has a
  training neighbour. CC BY-NC-ND: the arrays are built at run time and only ever written to the ignored cache."""
import io
import os
import zipfile

import numpy as np

SHARED = os.environ.get("PIPELINESEG_SHARED", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "shared"))
DATASETS = os.path.join(SHARED, "datasets")
LIVER_SIZE = 128
LIVER_WINDOW = (50.0, 400.0)
BLOCK = 12


def lungct(split):
    d = os.path.join(DATASETS, "kaggle_lungs_ct_64")
    x = np.load(os.path.join(d, f"x_{split}.npy")).astype(np.float32).transpose(0, 3, 1, 2)
    y = (np.load(os.path.join(d, f"y_{split}.npy")) >= 0.5).astype(np.float32).transpose(0, 3, 1, 2)
    return np.ascontiguousarray(x), np.ascontiguousarray(y)


def lesion(split):
    import h5py
    name = {"train": "val_patches.h5", "test": "test_patches.h5"}[split]
    with h5py.File(os.path.join(DATASETS, "msd_task06_lung_tumor_patches48", name), "r") as f:
        return f["images"][:].astype(np.float32), (f["labels"][:] >= 0.5).astype(np.float32)


def _slices(zip_path, prefix):
    import pydicom
    out = {}
    with zipfile.ZipFile(zip_path) as z:
        for name in z.namelist():
            if name.startswith(prefix) and not name.endswith("/"):
                ds = pydicom.dcmread(io.BytesIO(z.read(name)))
                out[int(name.rsplit("_", 1)[1])] = ds
    return [out[i] for i in sorted(out)]


def _area(a, f):
    n, h, w = a.shape
    return a.reshape(n, h // f, f, w // f, f).mean(axis=(2, 4))


# Decoding 258 DICOM files is slow on a loaded machine: the arrays are kept in the ignored cache (never committed).
LIVER_CACHE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", ".cache", "studies", "liver-volume.npz")


def liver_volume():
    """(ct in [0, 1], liver mask), both N x 1 x 128 x 128, slices ordered by image number (= z)."""
    if os.path.exists(LIVER_CACHE):
        with np.load(LIVER_CACHE) as z:
            return z["x"], z["y"]
    root = os.path.join(DATASETS, "3dircadb1_liver_ct", "3Dircadb1.1")
    ct = _slices(os.path.join(root, "PATIENT_DICOM.zip"), "PATIENT_DICOM/image_")
    masks = _slices(os.path.join(root, "MASKS_DICOM.zip"), "MASKS_DICOM/liver/image_")
    hu = np.stack([s.pixel_array.astype(np.float32) * float(s.RescaleSlope) + float(s.RescaleIntercept) for s in ct])
    liver = np.stack([(m.pixel_array > 0).astype(np.float32) for m in masks])
    f = hu.shape[-1] // LIVER_SIZE
    c, w = LIVER_WINDOW
    x = np.clip((_area(hu, f) - (c - w / 2)) / w, 0, 1)
    y = (_area(liver, f) >= 0.5).astype(np.float32)
    x, y = x[:, None].astype(np.float32), y[:, None]
    os.makedirs(os.path.dirname(LIVER_CACHE), exist_ok=True)
    np.savez(LIVER_CACHE, x=x, y=y)
    return x, y


def liver_split_indices(n):
    test = [i for i in range(n) if (i // BLOCK) % 3 == 1]
    near = {j for i in test for j in (i - 1, i + 1)}
    train = [i for i in range(n) if i not in test and i not in near]
    return train, test


def liver(split):
    x, y = liver_volume()
    train, test = liver_split_indices(x.shape[0])
    idx = train if split == "train" else test
    return x[idx], y[idx]


LOADERS = {"lungct": lungct, "lesion": lesion, "liver": liver}


def load(dataset, split):
    if dataset.startswith("liver-fold"):  # contiguous slab folds of the smoothing benchmark (slab_folds.py)
        import slab_folds
        return slab_folds.loader(int(dataset[len("liver-fold"):]))(split)
    return LOADERS[dataset](split)
