#!/usr/bin/python3
"""Reads an RT Structure Set with pydicom and rasterises it with plastimatch, then scores each ROI against our label map.

Usage: plastimatch_dice.py RTSTRUCT CT_DIR LABELS.nii.gz WORKDIR ROI=V[,V...] [ROI=V ...]
  ROI=V,...  the label values of LABELS that make up the ROI (e.g. liver=1,2 lesion=2: the liver includes its lesions).
plastimatch runs with --xor-contours: contours on one slice combine by the even-odd rule (holes are contours inside
outlines, docs/outputs.md). Prints JSON: {"rois": {NAME: {"dice", "ours", "plastimatch"}}, "pydicom": {...}}.
"""
import json
import os
import subprocess
import sys

import nibabel as nib
import numpy as np
import pydicom


def canonical(data, affine):
    """Reorients the first three axes to RAS+ (like nib.as_closest_canonical) and returns (data, affine)."""
    ornt = nib.orientations.io_orientation(affine)
    data = nib.orientations.apply_orientation(data, ornt)
    shape = data.shape[:3]
    affine = affine @ nib.orientations.inv_ornt_aff(ornt, shape)
    return data, affine


def main():
    rtss, ct, labels, work = sys.argv[1:5]
    wanted = {a.split("=")[0]: [int(v) for v in a.split("=")[1].split(",")] for a in sys.argv[5:]}

    ds = pydicom.dcmread(rtss)
    series = ds.ReferencedFrameOfReferenceSequence[0].RTReferencedStudySequence[0].RTReferencedSeriesSequence[0]
    contour_types = {c.ContourGeometricType for r in ds.ROIContourSequence for c in getattr(r, "ContourSequence", [])}
    info = {
        "modality": ds.Modality,
        "rois": [r.ROIName for r in ds.StructureSetROISequence],
        "colors": [[int(v) for v in r.ROIDisplayColor] for r in ds.ROIContourSequence],
        "codes": [o.RTROIIdentificationCodeSequence[0].CodeValue for o in ds.RTROIObservationsSequence],
        "referencedImages": len(series.ContourImageSequence),
        "contourTypes": sorted(contour_types),
        "frameOfReference": ds.ReferencedFrameOfReferenceSequence[0].FrameOfReferenceUID,
    }

    ss_img = os.path.join(work, "ss.nii.gz")
    ss_list = os.path.join(work, "ss.txt")
    subprocess.run(["plastimatch", "convert", "--input", rtss, "--referenced-ct", ct, "--output-ss-img", ss_img,
                    "--output-ss-list", ss_list, "--xor-contours"], check=True, capture_output=True)
    bits = {}
    with open(ss_list) as f:
        for line in f:
            if line.strip():
                index, _, name = line.strip().split("|", 2)
                bits[name] = int(index)
    ss = nib.load(ss_img)
    packed = np.asarray(ss.dataobj)
    packed = packed.reshape(packed.shape[:3] + (-1,))  # x, y, z, bytes (plastimatch packs one bit per structure)
    packed, ss_affine = canonical(packed, ss.affine)
    ours_img = nib.load(labels)
    ours, ours_affine = canonical(np.asarray(ours_img.dataobj), ours_img.affine)
    if ours.shape != packed.shape[:3] or not np.allclose(ours_affine, ss_affine, atol=1e-3):
        raise SystemExit(f"grids differ: {ours.shape} {ours_affine.tolist()} vs {packed.shape} {ss_affine.tolist()}")

    rois = {}
    for name, values in wanted.items():
        bit = bits[name]
        theirs = (packed[..., bit // 8] >> (bit % 8)) & 1 != 0
        mine = np.isin(ours, values)
        total = int(mine.sum() + theirs.sum())
        rois[name] = {"dice": 2 * int((mine & theirs).sum()) / total if total else 1.0,
                      "ours": int(mine.sum()), "plastimatch": int(theirs.sum())}
    print(json.dumps({"rois": rois, "pydicom": info}))


if __name__ == "__main__":
    main()
