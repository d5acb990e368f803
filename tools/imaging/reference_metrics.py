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
