#!/usr/bin/python3
"""Prints each study's `pipelineseg compare` figures (comparison.csv at the study's threshold) beside the published ones.

Usage: /usr/bin/python3 bench/studies/tables.py RESULTS_DIR bench/studies/published.json
RESULTS_DIR/<study>/comparison.csv comes from `pipelineseg compare` (columns model, threshold, cases, <key>Mean, <key>Sd,
<key>N). Ours: mean ± SD over the cases where the metric is defined (N); IoU is the standard |A∩B| / |A∪B|."""
import csv
import json
import os
import sys

KEYS = {"iou": "iou", "dice": "dice", "hd": "hausdorffMm"}
NAMES = {"iou": "IoU", "dice": "Dice", "hd": "HD"}


def rows(path, threshold):
    with open(path, newline="") as f:
        return {r["model"]: r for r in csv.DictReader(f) if abs(float(r["threshold"]) - threshold) < 1e-9}


def cell(r, key):
    mean, sd = r.get(KEYS[key] + "Mean"), r.get(KEYS[key] + "Sd")
    if not mean:
        return "n/a"
    return f"{float(mean):.3f} ± {float(sd):.3f}" if sd else f"{float(mean):.3f}"


def ranking(values):
    return " > ".join(k for k, _ in sorted(values.items(), key=lambda kv: -kv[1]))


def main():
    results, published = sys.argv[1], json.load(open(sys.argv[2]))
    for study, spec in published.items():
        path = os.path.join(results, study, "comparison.csv")
        print(f"\n### {spec['title']} — threshold {spec['threshold']} (theirs: {spec['theirs']})\n")
        if not os.path.exists(path):
            print(f"(no {path}: compare did not run)")
            continue
        ours = rows(path, spec["threshold"])
        metrics = spec["metrics"]
        print("| model | " + " | ".join(f"ours {NAMES[m]}" for m in metrics) + " | cases (Dice defined) | " + " | ".join(f"published {NAMES[m]}" for m in metrics) + " |")
        print("|---" * (2 * len(metrics) + 2) + "|")
        for model, pub in spec["rows"].items():
            r = ours.get(model)
            mine = [cell(r, m) if r else "not run" for m in metrics]
            n = f"{r['cases']} ({r.get('diceN', '')})" if r else ""
            theirs = [f"{pub[m]:.3f}".rstrip("0").rstrip(".") if m in pub else "—" for m in metrics]
            print(f"| {pub['label']} | " + " | ".join(mine) + f" | {n} | " + " | ".join(theirs) + " |")
        published_keys = [m for m in metrics if any(m in p for p in spec["rows"].values())]
        key = "dice" if "dice" in published_keys else published_keys[0]
        both = [m for m, p in spec["rows"].items() if key in p and m in ours and ours[m].get(KEYS[key] + "Mean")]
        if both:
            print(f"\nranking by {NAMES[key]}: ours "
                  + ranking({spec['rows'][m]['label']: float(ours[m][KEYS[key] + 'Mean']) for m in both})
                  + "; published " + ranking({spec['rows'][m]['label']: spec['rows'][m][key] for m in both}))


if __name__ == "__main__":
    main()
