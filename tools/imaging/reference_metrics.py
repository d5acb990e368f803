"""Reference metrics with scipy, following medpy.metric.binary (hd, hd95, assd) and the LiTS overlap conventions.

Used by make_reference.py (committed fixtures) and bench_scipy.py (timing on the benchmark pair).
"""
import os

import nibabel as nib
import numpy as np
from scipy import ndimage

SPACING = (0.7, 0.8, 2.5)
SHAPE = (40, 36, 20)  # nibabel order (x, y, z)


def surface_distances(result, reference, spacing):
    """medpy.metric.binary.__surface_distances: border = mask XOR erosion (6-connectivity, outside = background)."""
    footprint = ndimage.generate_binary_structure(result.ndim, 1)
    result_border = result ^ ndimage.binary_erosion(result, structure=footprint, iterations=1)
    reference_border = reference ^ ndimage.binary_erosion(reference, structure=footprint, iterations=1)
    dt = ndimage.distance_transform_edt(~reference_border, sampling=spacing)
    return dt[result_border]


def surface_metrics(pred, gt, spacing):
    if not pred.any() or not gt.any():
        return {"hd": None, "hd95": None, "assd": None}
    a = surface_distances(pred, gt, spacing)
    b = surface_distances(gt, pred, spacing)
    return {"hd": float(max(a.max(), b.max())), "hd95": float(np.percentile(np.hstack((a, b)), 95)),
            "assd": float((a.mean() + b.mean()) / 2)}


def ratio(n, d):
    return None if d == 0 else float(n) / float(d)


def overlap_metrics(pred, gt, voxel_ml):
    tp = int(np.count_nonzero(pred & gt))
    fp = int(np.count_nonzero(pred & ~gt))
    fn = int(np.count_nonzero(~pred & gt))
    tn = int(pred.size - tp - fp - fn)
    sens = ratio(tp, tp + fn)
    prec = ratio(tp, tp + fp)
    f1 = None if sens is None or prec is None else (0.0 if sens + prec == 0 else 2 * prec * sens / (prec + sens))
    return {
        "tp": tp, "fp": fp, "fn": fn, "tn": tn,
        "dice": 1.0 if tp + fp + tp + fn == 0 else 2.0 * tp / (2 * tp + fp + fn),
        "iou": 1.0 if tp + fp + fn == 0 else tp / (tp + fp + fn),
        "accuracy": (tp + tn) / pred.size,
        "sensitivity": sens, "specificity": ratio(tn, tn + fp), "precision": prec, "f1": f1,
        "rvd": ratio((tp + fp) - (tp + fn), tp + fn),
        "vd_ml": ((tp + fp) - (tp + fn)) * voxel_ml,
    }


def all_metrics(pred, gt, spacing):
    m = overlap_metrics(pred, gt, float(np.prod(spacing)) / 1000.0)
    m.update(surface_metrics(pred, gt, spacing))
    return m


def blob(rng, shape, sigma, level):
    noise = ndimage.gaussian_filter(rng.standard_normal(shape), sigma)
    return noise > level * noise.std()


def metric_fixtures(out_dir):
    rng = np.random.default_rng(11)
    aff = np.diag([SPACING[0], SPACING[1], SPACING[2], 1.0])
    aff[:3, 3] = (-20.0, 15.0, 100.0)
    cases = {}

    # multi-class pair: label 1 large smooth blob, label 2 smaller blobs inside; the prediction is a perturbed copy;
    # label 3 only in the ground truth (prediction empty), label 4 touches the image border in both.
    gt = np.zeros(SHAPE, np.uint8)
    big = blob(rng, SHAPE, 3, 0.2)
    gt[big] = 1
    gt[big & blob(rng, SHAPE, 2, 0.8)] = 2
    gt[30:36, 2:7, 3:6] = 3
    gt[:5, :4, :] = 4
    pred = gt.copy()
    flip = blob(rng, SHAPE, 1.5, 1.2)
    pred[flip & (gt == 0)] = 1
    pred[blob(rng, SHAPE, 1.5, 1.2) & (gt == 1)] = 0
    pred[ndimage.binary_dilation(gt == 2) & (gt == 1) & blob(rng, SHAPE, 1, 0.5)] = 2
    pred[gt == 3] = 0
    pred[:6, :3, 2:] = 4
    pred[:, :, 19][pred[:, :, 19] == 4] = 0
    nib.save(nib.Nifti1Image(gt, aff), os.path.join(out_dir, "metrics_gt.nii.gz"))
    nib.save(nib.Nifti1Image(pred, aff), os.path.join(out_dir, "metrics_pred.nii.gz"))
    per_label = {}
    for label in range(0, 6):  # 5 is absent from both: Dice = IoU = 1, distances null
        p = pred == label
        g = gt == label
        per_label[str(label)] = all_metrics(p, g, SPACING)
    # per-slice Dice of label 1
    slices = []
    for z in range(SHAPE[2]):
        p = pred[:, :, z] == 1
        g = gt[:, :, z] == 1
        s = int(p.sum() + g.sum())
        slices.append(1.0 if s == 0 else 2.0 * int((p & g).sum()) / s)
    cases["labels"] = per_label
    cases["slice_dice_label1"] = slices
    # per-slice 2D surface metrics of label 1 (medpy on each 2D slice: 4-connected surfaces, in-plane spacing)
    slice_surface = []
    for z in range(SHAPE[2]):
        p = pred[:, :, z] == 1
        g = gt[:, :, z] == 1
        slice_surface.append(None if not p.any() and not g.any() else surface_metrics(p, g, SPACING[:2]))
    cases["slice_surface_label1"] = slice_surface

    # probability map: soft Jaccard and threshold sweep against gt == 1 | gt == 2 (liver + tumour)
    truth = (gt == 1) | (gt == 2)
    prob = np.clip(ndimage.gaussian_filter(truth.astype(np.float64), 1.2) + 0.15 * rng.standard_normal(SHAPE), 0, 1).astype(np.float32)
    nib.save(nib.Nifti1Image(prob, aff), os.path.join(out_dir, "metrics_prob.nii.gz"))
    p64 = prob.astype(np.float64)
    cases["soft_jaccard"] = float(np.minimum(p64, truth).sum() / np.maximum(p64, truth).sum())
    cases["sweep"] = {str(t): all_metrics(prob > t, truth, SPACING) for t in (0.1, 0.3, 0.5, 0.7, 0.9)}

    # exact EDT with anisotropic sampling: distance from foreground to nearest background
    mask = blob(rng, (23, 17, 11), 1.5, 0.3)
    mask[0, 0, 0] = True
    nib.save(nib.Nifti1Image(mask.astype(np.uint8), np.diag([0.6, 1.3, 3.1, 1.0])), os.path.join(out_dir, "edt_mask.nii.gz"))
    edt = ndimage.distance_transform_edt(mask, sampling=(0.6, 1.3, 3.1))
    cases["edt"] = edt.flatten(order="F").tolist()
    return {"metrics": cases}


def morphology_fixtures(out_dir):
    """Components (6/18/26), morphology and per-slice hole filling on one random mask; map_coordinates for resampling."""
    rng = np.random.default_rng(23)
    shape = (24, 20, 12)
    mask = blob(rng, shape, 1.2, 0.6)
    mask[5:15, 5:15, 6] = True
    mask[8:11, 8:11, 6] = False  # a hole in slice 6
    aff = np.diag([0.9, 0.9, 2.0, 1.0])
    nib.save(nib.Nifti1Image(mask.astype(np.uint8), aff), os.path.join(out_dir, "morph_mask.nii.gz"))
    refs = {"components": {}}
    for conn, rank in (("6", 1), ("18", 2), ("26", 3)):
        lab, n = ndimage.label(mask, structure=ndimage.generate_binary_structure(3, rank))
        sizes = np.bincount(lab.ravel())[1:]
        spans = []
        for k in range(1, n + 1):
            zs = np.nonzero((lab == k).any(axis=(0, 1)))[0]
            spans.append(int(zs.max() - zs.min() + 1))
        refs["components"][conn] = {"sizes": sorted(int(s) for s in sizes), "spans_by_size": [s for _, s in sorted(zip(sizes.tolist(), spans))]}
    for name, rank in (("6", 1), ("26", 3)):
        st = ndimage.generate_binary_structure(3, rank)
        for it in (1, 2):
            ops = {
                "dilate": ndimage.binary_dilation(mask, st, iterations=it),
                "erode": ndimage.binary_erosion(mask, st, iterations=it),
                "open": ndimage.binary_opening(mask, st, iterations=it),
                "close": ndimage.binary_closing(mask, st, iterations=it),
            }
            for op, res in ops.items():
                nib.save(nib.Nifti1Image(res.astype(np.uint8), aff), os.path.join(out_dir, f"morph_{op}_{name}_{it}.nii.gz"))
    filled = np.stack([ndimage.binary_fill_holes(mask[:, :, z]) for z in range(shape[2])], axis=2)
    nib.save(nib.Nifti1Image(filled.astype(np.uint8), aff), os.path.join(out_dir, "morph_fill_slices.nii.gz"))

    # trilinear resampling to a new spacing, same origin: source index = target index * new / old spacing
    img = ndimage.gaussian_filter(rng.standard_normal(shape), 1.5).astype(np.float32) * 100
    nib.save(nib.Nifti1Image(img, aff), os.path.join(out_dir, "resample_image.nii.gz"))
    new_spacing = (0.7, 1.3, 1.5)
    new_shape = tuple(int(round(n * o / s)) for n, o, s in zip(shape, (0.9, 0.9, 2.0), new_spacing))
    grid = np.meshgrid(*[np.arange(n) * s / o for n, s, o in zip(new_shape, new_spacing, (0.9, 0.9, 2.0))], indexing="ij")
    lin = ndimage.map_coordinates(img.astype(np.float64), grid, order=1, mode="nearest")
    inside = np.ones(new_shape, bool)
    for axis, n in enumerate(shape):
        inside &= grid[axis] <= n - 1
    refs["resample"] = {"spacing": list(new_spacing), "shape": list(new_shape),
                        "linear": [None if not ok else float(v) for v, ok in zip(lin.flatten(order="F"), inside.flatten(order="F"))]}
    return refs
