#!/usr/bin/python3
"""Scores bench/smoothing's batch results with our evaluator (`pipelineseg evaluate --binary --json`, medpy-equal Dice
and HD95) and prints the table: per fold its held-out slab, overall the three held-out slabs composed into one volume.

Usage: score.py CLI RESULTS_DIR GROUND_TRUTH.nii.gz WORK_DIR
RESULTS_DIR holds batch's output per fold (fold<k>/<pipeline>/<SeriesInstanceUID>/labels.nii.gz); the ground truth is the DICOM liver mask
series converted by `pipelineseg convert` (same dcm2niix layout as labels.nii.gz). Cropped and composed volumes are
written to WORK_DIR (in the ignored cache: they are derived from CC BY-NC-ND data)."""
import glob
import json
import os
import subprocess
import sys

import nibabel as nib
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools", "training", "studies"))
import settings  # noqa: E402
import slab_folds  # noqa: E402


def image_numbers(img):
    """The 3D-IRCADb image number of each NIfTI slice k: ImagePositionPatient z is slice spacing x image number."""
    a = img.affine
    dz = float(np.linalg.norm(a[:3, 2]))
    n = np.rint((a[2, 3] + a[2, 2] * np.arange(img.shape[2])) / dz).astype(int)
    assert sorted(n) == list(range(img.shape[2])), "slices are not image_0 … image_{N-1} at z = spacing x N"
    return n


def save(path, values, like, first):
    """values (x, y, k) as NIfTI with like's geometry shifted to slice `first`."""
    affine = like.affine.copy()
    affine[:3, 3] = like.affine[:3, :3] @ np.array([0, 0, first]) + like.affine[:3, 3]
    nib.save(nib.Nifti1Image(values.astype(np.uint8), affine), path)
    return path


def evaluate(cli, prediction, truth):
    out = subprocess.run([cli, "evaluate", "--prediction", prediction, "--ground-truth", truth, "--binary", "--json", "--quiet"],
                         check=True, capture_output=True, text=True).stdout
    segment = json.loads(out)["segments"][0]
    return segment["dice"], segment["hausdorff95Mm"]  # HD95 None: a side is empty (docs/metrics.md)


def cell(dice, hd95):
    return f"{dice:.4f} / " + ("—" if hd95 is None else f"{hd95:.2f}")


def main():
    cli, results, truth_path, work = sys.argv[1:5]
    os.makedirs(work, exist_ok=True)
    truth = nib.load(truth_path)
    g = (np.asarray(truth.dataobj) > 0).astype(np.uint8)
    numbers = image_numbers(truth)
    slabs = slab_folds.slabs(len(numbers))
    # NIfTI slice ranges of each held-out slab (image numbers [start, stop) are contiguous in k either way round).
    ks = [np.flatnonzero((numbers >= a) & (numbers < b)) for a, b in slabs]
    rows = []
    for cleanup in settings.CLEANUP:
        for smoothing in settings.SMOOTHING:
            composed, figures = np.zeros_like(g), []
            for fold, k in enumerate(ks):
                name = settings.pipeline_name(fold, smoothing, cleanup)
                found = glob.glob(os.path.join(results, f"fold{fold}", name, "*", "labels.nii.gz"))
                if len(found) != 1:
                    sys.exit(f"{name}: expected one labels.nii.gz under {results}/fold{fold}/{name}, found {len(found)}")
                labels = nib.load(found[0])
                assert labels.shape == g.shape and np.allclose(labels.affine, truth.affine, atol=1e-3), f"{name}: grid differs from the ground truth"
                p = (np.asarray(labels.dataobj) > 0).astype(np.uint8)
                composed[:, :, k] = p[:, :, k]
                lo, hi = k.min(), k.max() + 1
                figures.append(evaluate(cli, save(os.path.join(work, f"{name}-p.nii.gz"), p[:, :, lo:hi], truth, lo),
                                        save(os.path.join(work, f"fold{fold}-g.nii.gz"), g[:, :, lo:hi], truth, lo)))
            overall = evaluate(cli, save(os.path.join(work, f"composed-{list(settings.SMOOTHING).index(smoothing)}-{cleanup}-p.nii.gz"), composed, truth, 0),
                               truth_path)
            rows.append((cleanup, smoothing, figures, overall))
    header = "| clean-up | smoothing | " + " | ".join(f"fold {f} (slices {a}–{b - 1}) Dice / HD95" for f, (a, b) in enumerate(slabs)) \
        + " | all held-out slabs composed: Dice | HD95 (mm) |"
    print(header)
    print("|" + "---|" * (header.count("|") - 1))
    for cleanup, smoothing, figures, (dice, hd95) in rows:
        cells = " | ".join(cell(d, h) for d, h in figures)
        print(f"| {cleanup} | {smoothing} | {cells} | {cell(dice, hd95).replace(' / ', ' | ')} |")


if __name__ == "__main__":
    main()
