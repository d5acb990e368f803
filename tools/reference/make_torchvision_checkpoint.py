#!/usr/bin/python3
"""make_checkpoint.py for family deeplabv3, with the network built by torchvision's own class
(torchvision.models.segmentation.deeplabv3_resnet50/101(num_classes=N, aux_loss=False), no pretrained weights), so
`models verify --params '{"preset":"torchvision","backbone":"resnet50","num_classes":2}'` is checked against a
checkpoint that our reference definition never produced.

Usage: /usr/bin/python3 tools/reference/make_torchvision_checkpoint.py deeplabv3 'PARAMS_JSON' OUT_DIR [make_checkpoint options]
(make_checkpoint.py's arguments; the family must be deeplabv3)
PARAMS_JSON: backbone (resnet50 | resnet101) and num_classes (the torchvision class takes 3 input channels, output stride 8).
"""
import json
import os
import sys

import torchvision.models.segmentation as segmentation

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import families  # noqa: E402
import make_checkpoint  # noqa: E402


def torchvision_deeplabv3(family, params):
    params = dict(params)
    params.pop("preset", None)
    builder = {"resnet50": segmentation.deeplabv3_resnet50, "resnet101": segmentation.deeplabv3_resnet101}[params.pop("backbone", "resnet50")]
    num_classes = params.pop("num_classes", 21)
    if params:
        raise ValueError(f"torchvision's class takes no {sorted(params)}")
    return builder(weights=None, weights_backbone=None, num_classes=num_classes, aux_loss=False)


if __name__ == "__main__":
    if len(sys.argv) < 4 or sys.argv[1] != "deeplabv3":
        sys.exit("usage: make_torchvision_checkpoint.py deeplabv3 'PARAMS_JSON' OUT_DIR [options]")
    json.loads(sys.argv[2])  # fail early on bad JSON
    families.build = torchvision_deeplabv3
    make_checkpoint.main()
