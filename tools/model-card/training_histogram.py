"""Computes the measured part of the bundled phantom model's card (intendedUse in plugin.json) from the training
phantoms, so that no figure in the card is typed by hand.

Input: phantoms written by `pipelineseg phantom --format npy` (phantom-<seed>/ct.npy HU [z,y,x], labels.npy, meta.json).
Body = voxels above BODY_HU (-500 HU: soft tissue, fat and bone; air and lung are outside). The body voxels go through the
model's own normalisation (the window of plugin.json's input.intensity, clipped to [outputMin, outputMax]) and are binned
in BINS equal bins over [outputMin, outputMax] -- exactly what src/PipelineSeg.Pipeline/Applicability/IntensitySampler.cs
does with a series. The distance is Wasserstein-1 on that axis (HistogramDistance.cs).

Usage: training_histogram.py --data DIR --train 1000-1059 --held-out 0-9 --manifest plugins/PipelineSeg.Plugins.UNet/plugin.json
         [--metrics samples/models/unet-liver-phantom/metrics.json] [--write]
Without --write it prints the block; with --write it replaces models[0].intendedUse in the manifest."""
import argparse
import json
import os

import numpy as np

BODY_HU = -500.0
BINS = 32
# The threshold is this many times the largest distance among held-out phantoms (same generator, unseen seeds):
# phantoms then pass with room to spare, while real CT (measured by the C# check, see docs/model-card.md) is far above.
THRESHOLD_MARGIN = 2.0


def seeds(text):
    lo, hi = (int(v) for v in text.split("-"))
    return range(lo, hi + 1)


def load(folder, seed):
    case = os.path.join(folder, f"phantom-{seed:04d}")
    with open(os.path.join(case, "meta.json"), encoding="utf-8") as f:
        meta = json.load(f)
    return np.load(os.path.join(case, "ct.npy")), np.load(os.path.join(case, "labels.npy")), meta


def window(hu, intensity):
    lo = intensity["center"] - intensity["width"] / 2
    out_min, out_max = intensity.get("outputMin", 0.0), intensity.get("outputMax", 1.0)
    scale = (out_max - out_min) / intensity["width"]
    return (np.clip(hu, lo, lo + intensity["width"]) - lo) * scale + out_min, out_min, out_max


def counts(ct, intensity):
    body = ct[ct > BODY_HU].astype(np.float64)
    v, lo, hi = window(body, intensity)
    idx = np.clip(np.floor((v - lo) * (BINS / (hi - lo))), 0, BINS - 1).astype(np.int64)
    return np.bincount(idx, minlength=BINS)


def wasserstein1(p, q, width):
    return float(np.abs(np.cumsum(p)[:-1] - np.cumsum(q)[:-1]).sum() * width / len(p))


def components(mask):
    from scipy import ndimage  # Debian python3-scipy
    return int(ndimage.label(mask, structure=np.ones((3, 3, 3)))[1])


def write_card(path, card):
    """Puts the block before models[0]'s "files" (or over the old block), leaving every other line of the file as it is."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    start = text.find('"intendedUse":')
    if start >= 0:
        depth, end = 0, text.index("{", start)
        for i in range(end, len(text)):
            depth += {"{": 1, "}": -1}.get(text[i], 0)
            if depth == 0:
                end = i + 1
                break
        end = text.index("\n", end) + 1
        start = text.rindex("\n", 0, start) + 1
    else:
        start = end = text.rindex("\n", 0, text.index('"files":')) + 1
    block = json.dumps(card, indent=2, ensure_ascii=False).replace("\n", "\n      ")
    text = text[:start] + '      "intendedUse": ' + block + ",\n" + text[end:]
    json.loads(text)  # still valid JSON
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--train", default="1000-1059")
    ap.add_argument("--held-out", default="0-9")
    ap.add_argument("--manifest", required=True)
    ap.add_argument("--metrics")
    ap.add_argument("--write", action="store_true")
    a = ap.parse_args()
    with open(a.manifest, encoding="utf-8") as f:
        manifest = json.load(f)
    model = manifest["models"][0]
    intensity = model["input"]["intensity"]
    assert intensity["kind"] == "window", "only the window transform is implemented here"

    total = np.zeros(BINS, np.int64)
    spacing_xy, spacing_z, fov, liver_ml, lesion_ml, liver_parts = [], [], [], [], [], []
    train = list(seeds(a.train))
    for seed in train:
        ct, labels, meta = load(a.data, seed)
        total += counts(ct, intensity)
        sx, sy, sz = meta["spacing"]
        spacing_xy.append(max(sx, sy))
        spacing_z.append(sz)
        fov.append(max(ct.shape[2] * sx, ct.shape[1] * sy))
        voxel_ml = sx * sy * sz / 1000.0
        liver_ml.append(float((labels >= 1).sum() * voxel_ml))
        lesion_ml.append(float((labels == 2).sum() * voxel_ml))
        liver_parts.append(components(labels == 1))
    freq = total / total.sum()
    lo, hi = intensity.get("outputMin", 0.0), intensity.get("outputMax", 1.0)

    held = {}
    for seed in seeds(a.held_out):
        ct, _, _ = load(a.data, seed)
        c = counts(ct, intensity)
        held[seed] = wasserstein1(c / c.sum(), freq, hi - lo)
    max_distance = round(THRESHOLD_MARGIN * max(held.values()), 4)

    width = model["input"]["width"]
    validation = []
    if a.metrics:
        with open(a.metrics, encoding="utf-8") as f:
            m = json.load(f)
        where = f"synthetic phantoms, held-out seeds {m['held_out_seeds']} (tools/training/evaluate_unet.py)"
        validation = [
            {"metric": "diceMean", "segment": "liver", "value": m["liver_dice_mean"], "dataset": where},
            {"metric": "diceMin", "segment": "liver", "value": m["liver_dice_min"], "dataset": where},
            {"metric": "diceMean", "segment": "lesion", "value": m["lesion_dice_mean"], "dataset": where},
        ]
    card = {
        "summary": "synthetic abdominal phantoms, demonstration only",
        "researchOnly": True,
        "modalities": ["CT"],
        "bodyParts": ["ABDOMEN"],
        "bodyPartCodes": [{"code": "818981001", "scheme": "SCT", "meaning": "Abdomen"}],
        "planes": ["axial"],
        # Finest spacing seen in training up to the model's own input spacing (every slice is resized to `width` px
        # over its field of view, so coarser native pixels would only be upsampled).
        "inPlaneSpacingMm": {"min": round(min(spacing_xy), 3), "max": round(max(fov) / width, 3)},
        "sliceThicknessMm": {"min": round(min(spacing_z), 3), "max": round(max(spacing_z), 3)},
        "fieldOfViewMm": {"min": round(min(fov), 1), "max": round(max(fov), 1)},
        "intensity": {
            "bodyThreshold": BODY_HU,
            "min": lo, "max": hi,
            "frequencies": [round(float(v), 6) for v in freq],
            "maxDistance": max_distance,
            "source": f"tools/model-card/training_histogram.py, training phantoms seeds {a.train}; maxDistance = "
                      f"{THRESHOLD_MARGIN:g} x the largest held-out phantom distance (seeds {a.held_out}: {max(held.values()):.4f})",
        },
        "trainingData": {
            "name": "PipelineSeg synthetic abdominal CT phantoms",
            "cases": len(train),
            "licence": "generated by PipelineSeg (same licence as the code); no patient data",
            "description": f"seeds {a.train} of src/PipelineSeg.Imaging/Phantoms, 5 mm-class slices, liver with 0-N lesions",
        },
        "validation": validation,
        # Volumes: from half the smallest training liver (series that cover part of the liver, like the samples) to the
        # largest; lesion: up to the largest training lesion load. Liver components as in the training labels; no lesion
        # count, which is a property of the disease (and the model splits some lesions), not a plausibility bound.
        "segments": [
            {"label": "liver", "volumeMl": {"min": round(min(liver_ml) / 2, 1), "max": round(max(liver_ml), 1)},
             "components": {"min": int(min(liver_parts)), "max": int(max(liver_parts))}, "alwaysPresent": True},
            {"label": "lesion", "volumeMl": {"min": 0, "max": round(max(lesion_ml), 1)}, "alwaysPresent": False},
        ],
    }
    print(json.dumps({"heldOutDistances": held, "liverMl": [min(liver_ml), max(liver_ml)]}, indent=1))
    if a.write:
        write_card(a.manifest, card)
    else:
        print(json.dumps(card, indent=2))


if __name__ == "__main__":
    main()
