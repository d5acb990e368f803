"""The settings compared by bench/smoothing (issue 11): smoothing along z off, Gaussian with sigma in mm, and moving
averages, each with and without the 3-D clean-up. One pipeline per setting x clean-up, all routed to the one series
(Routing:Rules), so one `pipelineseg batch` run per fold model covers every setting and the host starts once per fold."""
import json
import sys

# name -> Pipelines:<name>:Smoothing
SMOOTHING = {
    "off": {"Kind": "None"},
    "gaussian σ 1.6 mm": {"Kind": "Gaussian", "SigmaMm": 1.6},
    "gaussian σ 3.2 mm": {"Kind": "Gaussian", "SigmaMm": 3.2},
    "gaussian σ 4.8 mm": {"Kind": "Gaussian", "SigmaMm": 4.8},
    "moving average 3": {"Kind": "MovingAverage", "Radius": 1},
    "moving average 5": {"Kind": "MovingAverage", "Radius": 2},
}
# name -> the pipeline's clean-up keys. "none": no clean-up at all; "cleanup": the liver pipeline's clean-up (largest
# 26-connected component, components under 0.05 mL dropped) plus holes filled per slice.
CLEANUP = {
    "none": {"MinimumComponentMl": 0},
    "cleanup": {"KeepLargestComponentOf": ["liver"], "MinimumComponentMl": 0.05, "Cleanup": {"liver": {"FillHolesPerSlice": True}}},
}


def pipeline_name(fold, smoothing, cleanup):
    return f"f{fold}-{list(SMOOTHING).index(smoothing)}-{cleanup}"


def config(fold):
    """The --config layer of fold `fold`'s batch run (its model is the plugin liver-unet-fold<fold>)."""
    pipelines = {}
    for smoothing, keys in SMOOTHING.items():
        for cleanup, rules in CLEANUP.items():
            pipelines[pipeline_name(fold, smoothing, cleanup)] = {
                "Model": f"liver-unet-fold{fold}", "Threshold": 0.5, "Modalities": ["CT"], "Outputs": ["nifti"],
                "Smoothing": {**keys, "Truncate": 4.0, "Edges": "Renormalise"}, **rules}
    return {"Pipelines": pipelines, "Inference": {"MaxThreads": 1},
            "Routing": {"Rules": [{"Name": "smoothing-benchmark", "Match": {"Modality": "CT"}, "Pipelines": list(pipelines)}]}}


def main():
    json.dump(config(int(sys.argv[1])), sys.stdout, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()
