"""Builds a family's PyTorch reference network from `models verify --params` JSON (preset + constructor arguments),
the same mapping the plugins use."""
import cyclegan_reference
import deeplabv3_reference
import segnet_reference
import unet_reference


def build(family, params):
    params = dict(params)
    preset = params.pop("preset", None)
    if family == "unet":
        if preset == "milesial":
            return unet_reference.MilesialUNet(**params)
        if preset == "variant":
            return unet_reference.UNetVariant(**params)
        if preset in (None, "pipelineseg"):
            import os
            import sys
            sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "training"))
            import unet  # noqa: E402  tools/training/unet.py
            return unet.UNet(**params)
    if family == "cyclegan" and preset in (None, "junyanz"):
        return cyclegan_reference.define_G(**params)
    if family == "segnet":
        if preset in (None, "segnet-vgg16-bn"):
            return segnet_reference.SegNet(**params)
        if preset == "naive-symmetric":
            return segnet_reference.NaiveSymmetricNet(**params)
    if family == "deeplabv3" and preset in (None, "torchvision"):
        return deeplabv3_reference.DeepLabV3(**params)
    raise ValueError(f"no reference for family {family!r} preset {preset!r}")


def forward(family, params, model, x):
    """The raw network output the plugin's network must reproduce (eval mode, no post-processing)."""
    out = model(x)
    return out["out"] if isinstance(out, dict) else out
