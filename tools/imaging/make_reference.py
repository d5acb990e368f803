#!/usr/bin/python3
"""Writes the small committed fixtures and reference values that PipelineSeg.Imaging.Tests compare against.

Run with Debian's interpreter (it has nibabel and scipy):  /usr/bin/python3 tools/imaging/make_reference.py
Everything is generated from fixed seeds, so re-running reproduces the same files.
Outputs go to tests/PipelineSeg.Imaging.Tests/Fixtures/.
"""
import json
import os
import sys

import nibabel as nib
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference_metrics  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "tests", "PipelineSeg.Imaging.Tests", "Fixtures")


def oblique_affine(spacing, origin, angles, flip_z=False):
    ax, ay, az = angles
    rx = np.array([[1, 0, 0], [0, np.cos(ax), -np.sin(ax)], [0, np.sin(ax), np.cos(ax)]])
    ry = np.array([[np.cos(ay), 0, np.sin(ay)], [0, 1, 0], [-np.sin(ay), 0, np.cos(ay)]])
    rz = np.array([[np.cos(az), -np.sin(az), 0], [np.sin(az), np.cos(az), 0], [0, 0, 1]])
    r = rz @ ry @ rx
    if flip_z:
        r[:, 2] *= -1
    a = np.eye(4)
    a[:3, :3] = r * np.asarray(spacing)[None, :]
    a[:3, 3] = origin
    return a


def nifti_fixtures():
    rng = np.random.default_rng(5)
    shape = (5, 4, 3)  # nibabel order (x, y, z)
    cases = []
    dtypes = {"uint8": (0, 255), "int16": (-3000, 3000), "uint16": (0, 60000), "int32": (-100000, 100000),
              "float32": (-1000, 1000), "float64": (-1e6, 1e6)}
    for name, (lo, hi) in dtypes.items():
        if name.startswith("float"):
            data = rng.uniform(lo, hi, size=shape).astype(name)
        else:
            data = rng.integers(lo, hi, size=shape).astype(name)
        aff = oblique_affine((0.7, 0.8, 2.5), (-12.5, 30.25, 7.0), (0.1, -0.2, 0.3))
        img = nib.Nifti1Image(data, aff)
        img.set_qform(aff, code=1)
        img.set_sform(aff, code=1)
        cases.append((f"dtype_{name}.nii.gz", img, {}))
    # scl_slope / scl_inter
    data = rng.integers(-100, 100, size=shape).astype(np.int16)
    img = nib.Nifti1Image(data, oblique_affine((1, 1, 3), (1, 2, 3), (0, 0, 0.5)))
    img.header.set_slope_inter(2.5, -7.0)
    cases.append(("scaled_int16.nii", img, {}))
    # big-endian float32, qform only, negative determinant (qfac = -1)
    hdr = nib.Nifti1Header(endianness=">")
    data = rng.uniform(-5, 5, size=shape).astype(">f4")
    aff = oblique_affine((0.9, 1.1, 1.7), (100.0, -50.0, 25.0), (0.05, 0.4, -0.25), flip_z=True)
    img = nib.Nifti1Image(data, None, header=hdr)
    img.set_qform(aff, code=1)
    img.set_sform(None, code=0)
    cases.append(("bigendian_qform_only.nii", img, {}))
    # neither qform nor sform: nibabel's base affine
    data = rng.integers(0, 3, size=shape).astype(np.uint8)
    img = nib.Nifti1Image(data, None)
    img.header.set_zooms((0.5, 0.6, 2.0))
    img.set_qform(None, code=0)
    img.set_sform(None, code=0)
    cases.append(("no_orientation.nii.gz", img, {}))

    refs = {}
    for fname, img, _ in cases:
        path = os.path.join(OUT, fname)
        nib.save(img, path)
        back = nib.load(path)
        raw = np.asanyarray(back.dataobj.get_unscaled()) if hasattr(back.dataobj, "get_unscaled") else np.asanyarray(back.dataobj)
        refs[fname] = {
            "shape": list(back.shape),
            "affine": back.affine.tolist(),
            "stored": raw.flatten(order="F").astype(np.float64).tolist(),
            "scaled": np.asarray(back.get_fdata(), dtype=np.float64).flatten(order="F").tolist(),
            "datatype": int(back.header["datatype"]),
        }
    return refs


def main():
    os.makedirs(OUT, exist_ok=True)
    refs = {"nifti": nifti_fixtures()}
    refs.update(reference_metrics.metric_fixtures(OUT))
    refs["morphology"] = reference_metrics.morphology_fixtures(OUT)
    with open(os.path.join(OUT, "reference.json"), "w") as f:
        json.dump(refs, f, indent=1)
    print("wrote", OUT)


if __name__ == "__main__":
    main()
