#!/usr/bin/python3
"""Times the reference tools on one folder of single-frame slices (warm cache, best of N runs).

pydicom: dcmread + pixel_array + modality LUT per file, sort by position along the normal, stack into a float32 volume.
dcm2niix: convert the folder to an uncompressed NIfTI in a temporary directory.
Prints JSON: {"files": n, "pydicom_ms": wall, "pydicom_cpu_ms": cpu, "dcm2niix_ms": wall, "dcm2niix_cpu_ms": cpu}
(best of N; CPU time is the fairer number on a loaded machine).
Usage: /usr/bin/python3 tools/dicom/bench_reference.py DIR [REPEAT]
"""
import json, os, resource, shutil, subprocess, sys, tempfile, time

import numpy as np
import pydicom
from pydicom.pixel_data_handlers.util import apply_modality_lut


def pydicom_load(folder):
    slices = []
    for name in sorted(os.listdir(folder)):
        ds = pydicom.dcmread(os.path.join(folder, name))
        iop = np.array(ds.ImageOrientationPatient, dtype=float)
        normal = np.cross(iop[:3], iop[3:])
        z = float(np.dot(normal, np.array(ds.ImagePositionPatient, dtype=float)))
        slices.append((z, apply_modality_lut(ds.pixel_array, ds).astype(np.float32)))
    slices.sort(key=lambda s: s[0])
    return np.stack([s[1] for s in slices])


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def best(fn, repeat, cpu_clock):
    walls, cpus = [], []
    for _ in range(repeat):
        t, c = time.perf_counter(), cpu_clock()
        fn()
        walls.append((time.perf_counter() - t) * 1000)
        cpus.append((cpu_clock() - c) * 1000)
    return min(walls), min(cpus)


def main():
    folder = sys.argv[1]
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    files = len(os.listdir(folder))
    pydicom_load(folder)  # warm the cache
    py, py_cpu = best(lambda: pydicom_load(folder), repeat, time.process_time)
    d2n = d2n_cpu = None
    if shutil.which("dcm2niix"):
        out = tempfile.mkdtemp(prefix="bench-d2n-")
        try:
            run = lambda: subprocess.run(["dcm2niix", "-z", "n", "-b", "n", "-o", out, "-f", "vol", folder],
                                         check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            run()
            d2n, d2n_cpu = best(run, repeat, children_cpu)
        finally:
            shutil.rmtree(out, ignore_errors=True)
    print(json.dumps({"files": files, "pydicom_ms": py, "pydicom_cpu_ms": py_cpu, "dcm2niix_ms": d2n, "dcm2niix_cpu_ms": d2n_cpu}))


if __name__ == "__main__":
    main()
