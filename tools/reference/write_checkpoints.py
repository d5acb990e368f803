#!/usr/bin/python3
"""Writes torch.save files for the restricted-unpickler tests (tests/PipelineSeg.Nn.Tests/Serialization).

Usage: /usr/bin/python3 tools/reference/write_checkpoints.py OUT_DIR
Each <case>.pt has a twin <case>.expected.safetensors with the same tensors as float32 (the values our reader must give).
Two hostile files must be refused: evil_reduce.pt (a zip whose data.pkl calls os.system) and evil_legacy.pt (a
plain pickle calling builtins.eval). Running them in Python would create OUT_DIR/pwned; our reader must not.
"""
import collections
import os
import pickle
import sys
import zipfile

import torch
import torch.nn as nn

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "engine"))
import safetensors_io  # noqa: E402


def small_model():
    torch.manual_seed(3)
    m = nn.Sequential(nn.Conv2d(2, 3, 3, padding=1), nn.BatchNorm2d(3), nn.ReLU(), nn.ConvTranspose2d(3, 2, 2, stride=2))
    with torch.no_grad():
        m[1].running_mean.normal_()
        m[1].running_var.uniform_(0.5, 2)
    return m


def expected(path, state):
    floats = collections.OrderedDict((k, v.detach().float()) for k, v in state.items() if torch.is_tensor(v) and v.is_floating_point())
    safetensors_io.save(path, floats)


def main(out):
    os.makedirs(out, exist_ok=True)
    m = small_model()
    sd = m.state_dict()

    torch.save(sd, os.path.join(out, "plain.pt"))
    expected(os.path.join(out, "plain.expected.safetensors"), sd)

    torch.save(sd, os.path.join(out, "legacy.pt"), _use_new_zipfile_serialization=False)
    expected(os.path.join(out, "legacy.expected.safetensors"), sd)

    half = {k: (v.half() if v.is_floating_point() else v) for k, v in sd.items()}
    torch.save(collections.OrderedDict(half), os.path.join(out, "half.pth"))
    expected(os.path.join(out, "half.expected.safetensors"), half)

    bf16 = {k: (v.bfloat16() if v.is_floating_point() else v) for k, v in sd.items()}
    torch.save(bf16, os.path.join(out, "bf16.pth"))
    expected(os.path.join(out, "bf16.expected.safetensors"), bf16)

    # Views: a transposed (non-contiguous) tensor and two tensors sharing one storage at different offsets.
    base = torch.arange(24, dtype=torch.float32).reshape(4, 6)
    views = collections.OrderedDict([("t", base.t()), ("row", base[2]), ("col", base[:, 3]), ("whole", base)])
    torch.save(views, os.path.join(out, "views.pt"))
    expected(os.path.join(out, "views.expected.safetensors"), views)
    torch.save(views, os.path.join(out, "views_legacy.pt"), _use_new_zipfile_serialization=False)
    expected(os.path.join(out, "views_legacy.expected.safetensors"), views)

    # A training checkpoint: the state dict nested under "state_dict" with optimizer state and plain values beside it.
    opt = torch.optim.Adam(m.parameters(), lr=1e-3)
    m(torch.randn(1, 2, 4, 4)).sum().backward()
    opt.step()
    sd = m.state_dict()
    torch.save({"epoch": 3, "best_dice": 0.875, "name": "demo", "state_dict": sd, "optimizer": opt.state_dict()},
               os.path.join(out, "training.pth"))
    expected(os.path.join(out, "training.expected.safetensors"), sd)

    # milesial/Pytorch-UNet stores mask_values (a list) inside the state dict; nn.Parameter objects pickle via _rebuild_parameter.
    milesial = collections.OrderedDict(sd)
    milesial["mask_values"] = [0, 1]
    milesial["extra_param"] = nn.Parameter(torch.linspace(-1, 1, 5))
    torch.save(milesial, os.path.join(out, "milesial.pth"))
    expected(os.path.join(out, "milesial.expected.safetensors"), milesial)

    # Hostile files: executing either would create OUT_DIR/pwned.
    marker = os.path.join(out, "pwned")

    class Evil:
        def __reduce__(self):
            return (os.system, (f"touch '{marker}'",))

    payload = pickle.dumps(collections.OrderedDict([("w", Evil())]), protocol=2)
    with zipfile.ZipFile(os.path.join(out, "evil_reduce.pt"), "w", zipfile.ZIP_STORED) as z:
        z.writestr("evil_reduce/data.pkl", payload)
        z.writestr("evil_reduce/version", "3\n")

    class EvilEval:
        def __reduce__(self):
            return (eval, (f"open('{marker}', 'w')",))

    with open(os.path.join(out, "evil_legacy.pt"), "wb") as f:
        f.write(pickle.dumps(EvilEval(), protocol=2))


if __name__ == "__main__":
    main(sys.argv[1])
