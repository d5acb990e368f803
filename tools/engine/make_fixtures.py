#!/usr/bin/python3
"""Writes the engine parity fixtures: weights as .safetensors, inputs and expected outputs as .npy.

Run with Debian's torch:  /usr/bin/python3 tools/engine/make_fixtures.py
Output: tests/PipelineSeg.Nn.Tests/Fixtures/{layers,networks}/<case>.{safetensors,input.npy,output.npy,indices.npy,keys.txt}
Every case here has a twin in tests/PipelineSeg.Nn.Tests (LayerParityTests / NetworkParityTests) building the same module.
"""
import os
import sys
import zlib

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(__file__))
import networks  # noqa: E402
import safetensors_io  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "PipelineSeg.Nn.Tests", "Fixtures")


def randomize_norm_stats(module):
    """Non-trivial BatchNorm/InstanceNorm statistics and affine parameters, so folding is really tested."""
    for m in module.modules():
        if isinstance(m, (nn.BatchNorm2d, nn.InstanceNorm2d)):
            if m.affine:
                with torch.no_grad():
                    m.weight.uniform_(0.5, 1.5)
                    m.bias.normal_(0, 0.2)
            if m.track_running_stats:
                m.running_mean.normal_(0, 0.2)
                m.running_var.uniform_(0.5, 1.5)
                m.num_batches_tracked.fill_(7)


def save_npy(path, array):
    np.save(path, np.ascontiguousarray(array))


def write_case(folder, name, module, inputs, weight_dtype=None, keys=False, run=None):
    os.makedirs(folder, exist_ok=True)
    base = os.path.join(folder, name)
    randomize_norm_stats(module)
    module.eval()
    state = module.state_dict()
    if weight_dtype is not None:
        # Store rounded weights, then compute the reference with exactly those (rounded) values in float32.
        rounded = {k: v.to(weight_dtype) if v.is_floating_point() else v for k, v in state.items()}
        module.load_state_dict({k: v.float() if v.is_floating_point() else v for k, v in rounded.items()})
        state = rounded
    if state:
        safetensors_io.save(base + ".safetensors", state, {"format": "pt"})
    if keys:
        with open(base + ".keys.txt", "w") as f:
            f.write("\n".join(module.state_dict().keys()) + "\n")
    with torch.no_grad():
        result = run(module, inputs) if run else module(inputs)
    save_npy(base + ".input.npy", inputs.numpy().astype(np.float32))
    if isinstance(result, tuple):
        result, indices = result
        save_npy(base + ".indices.npy", indices.numpy().astype(np.int64))
    save_npy(base + ".output.npy", result.numpy().astype(np.float32))


class Lambda(nn.Module):
    def __init__(self, fn):
        super().__init__()
        self.fn = fn

    def forward(self, x):
        return self.fn(x)


def seeded(name):
    """Seeds torch from the case name, so adding a case leaves the other fixtures unchanged."""
    torch.manual_seed(zlib.crc32(name.encode()))
    return name


def layer_cases():
    r = torch.randn
    yield seeded("conv_basic"), nn.Conv2d(3, 4, 3, padding=1), r(1, 3, 13, 11)
    yield seeded("conv_stride2_batch2"), nn.Conv2d(3, 5, 3, stride=2, padding=1), r(2, 3, 15, 12)
    yield seeded("conv_dilation2_nobias"), nn.Conv2d(4, 4, 3, padding=2, dilation=2, bias=False), r(1, 4, 13, 11)
    yield seeded("conv_groups2"), nn.Conv2d(4, 6, 3, padding=1, groups=2), r(1, 4, 9, 10)
    yield seeded("conv_depthwise"), nn.Conv2d(4, 4, 3, padding=1, groups=4), r(1, 4, 9, 7)
    yield seeded("conv_rect_kernel"), nn.Conv2d(3, 4, (3, 5), stride=(2, 1), padding=(1, 2)), r(1, 3, 11, 9)
    yield seeded("conv_1x1"), nn.Conv2d(8, 3, 1), r(1, 8, 7, 5)
    yield seeded("convT_k2s2"), nn.ConvTranspose2d(4, 3, 2, stride=2), r(1, 4, 7, 5)
    yield seeded("convT_k3s2p1op1"), nn.ConvTranspose2d(4, 3, 3, stride=2, padding=1, output_padding=1), r(1, 4, 7, 6)
    yield seeded("convT_groups2_nobias"), nn.ConvTranspose2d(4, 6, 3, stride=2, padding=1, groups=2, bias=False), r(2, 4, 5, 6)
    yield seeded("bn_eval"), nn.BatchNorm2d(5), r(2, 5, 7, 6)
    yield seeded("conv_bn_relu"), nn.Sequential(nn.Conv2d(3, 6, 3, padding=1, bias=False), nn.BatchNorm2d(6), nn.ReLU()), r(1, 3, 11, 9)
    yield seeded("conv_bn_leaky"), nn.Sequential(nn.Conv2d(3, 6, 3, padding=1), nn.BatchNorm2d(6), nn.LeakyReLU(0.2)), r(1, 3, 11, 9)
    yield seeded("convT_bn_relu"), nn.Sequential(nn.ConvTranspose2d(4, 3, 2, stride=2), nn.BatchNorm2d(3), nn.ReLU()), r(1, 4, 5, 7)
    yield seeded("conv_sigmoid"), nn.Sequential(nn.Conv2d(3, 2, 3), nn.Sigmoid()), r(1, 3, 9, 8)
    yield seeded("instnorm_plain"), nn.InstanceNorm2d(4), r(2, 4, 9, 7) * 3 + 1
    yield seeded("instnorm_affine"), nn.InstanceNorm2d(4, affine=True), r(1, 4, 9, 7)
    yield seeded("instnorm_tracked"), nn.InstanceNorm2d(4, affine=True, track_running_stats=True), r(1, 4, 9, 7)
    yield seeded("relu"), nn.ReLU(), r(1, 3, 9, 7)
    yield seeded("leakyrelu"), nn.LeakyReLU(0.2), r(1, 3, 9, 7)
    yield seeded("sigmoid"), nn.Sigmoid(), r(1, 3, 9, 7) * 4
    yield seeded("tanh"), nn.Tanh(), r(1, 3, 9, 7) * 2
    yield seeded("softmax_channels"), nn.Softmax(dim=1), r(2, 5, 9, 7) * 3
    yield seeded("maxpool_k2_odd"), nn.MaxPool2d(2), r(1, 3, 13, 11)
    yield seeded("maxpool_k3s2p1_ceil"), nn.MaxPool2d(3, stride=2, padding=1, ceil_mode=True), r(1, 3, 12, 11)
    yield seeded("maxpool_k3s1p1_dil2"), nn.MaxPool2d(3, stride=1, padding=1, dilation=2), r(1, 2, 10, 9)
    yield seeded("avgpool_k2_odd"), nn.AvgPool2d(2), r(1, 3, 13, 11)
    yield seeded("avgpool_k3s2p1_ceil_incl"), nn.AvgPool2d(3, stride=2, padding=1, ceil_mode=True, count_include_pad=True), r(1, 3, 12, 11)
    yield seeded("avgpool_k3s2p1_ceil_excl"), nn.AvgPool2d(3, stride=2, padding=1, ceil_mode=True, count_include_pad=False), r(1, 3, 12, 11)
    yield seeded("adaptive_avg_1"), nn.AdaptiveAvgPool2d(1), r(2, 3, 9, 7)
    yield seeded("adaptive_avg_3x5"), nn.AdaptiveAvgPool2d((3, 5)), r(1, 3, 10, 13)
    yield seeded("nearest_x2"), nn.Upsample(scale_factor=2, mode="nearest"), r(1, 2, 5, 7)
    yield seeded("nearest_size"), nn.Upsample(size=(13, 17), mode="nearest"), r(1, 2, 5, 7)
    yield seeded("nearest_x1_5"), nn.Upsample(scale_factor=1.5, mode="nearest"), r(1, 2, 5, 7)
    yield seeded("bilinear_x2"), nn.Upsample(scale_factor=2, mode="bilinear", align_corners=False), r(1, 2, 5, 7)
    yield seeded("bilinear_x2_ac"), nn.Upsample(scale_factor=2, mode="bilinear", align_corners=True), r(1, 2, 5, 7)
    yield seeded("bilinear_size"), nn.Upsample(size=(13, 17), mode="bilinear", align_corners=False), r(1, 2, 5, 7)
    yield seeded("bilinear_size_ac"), nn.Upsample(size=(13, 17), mode="bilinear", align_corners=True), r(1, 2, 5, 7)
    yield seeded("bilinear_down"), nn.Upsample(size=(4, 3), mode="bilinear", align_corners=False), r(1, 2, 11, 9)
    yield seeded("reflectionpad"), nn.ReflectionPad2d((1, 2, 3, 1)), r(1, 2, 5, 6)
    yield seeded("zeropad"), nn.ZeroPad2d((2, 1, 0, 3)), r(1, 2, 5, 6)
    yield seeded("constantpad"), nn.ConstantPad2d((1, 0, 2, 3), -1.5), r(1, 2, 5, 6)
    yield seeded("zeropad_negative_crops"), nn.ZeroPad2d((-1, 2, 1, -2)), r(1, 2, 5, 6)
    yield seeded("conv_k2s2_even"), nn.Conv2d(3, 4, 2, stride=2), r(1, 3, 12, 10)
    yield seeded("convT_dilation2"), nn.ConvTranspose2d(3, 2, 3, stride=2, padding=2, dilation=2), r(1, 3, 5, 4)
    yield seeded("avgpool_divisor_override"), nn.AvgPool2d(3, stride=2, padding=1, divisor_override=5), r(1, 2, 9, 8)
    yield seeded("nearest_down"), nn.Upsample(size=(4, 5), mode="nearest"), r(1, 2, 11, 9)
    yield seeded("maxpool_k2_nan"), nn.MaxPool2d(2), torch.where(torch.rand(1, 2, 6, 6) < 0.2, torch.tensor(float("nan")), r(1, 2, 6, 6))


def main():
    torch.manual_seed(20261122)
    layers = os.path.join(ROOT, "layers")
    for name, module, x in layer_cases():
        write_case(layers, name, module, x)
    # Half-precision checkpoints: the same convolution stored as F16 and as BF16.
    write_case(layers, seeded("conv_f16_weights"), nn.Conv2d(3, 4, 3, padding=1), torch.randn(1, 3, 9, 8), weight_dtype=torch.float16)
    write_case(layers, seeded("conv_bf16_weights"), nn.Conv2d(3, 4, 3, padding=1), torch.randn(1, 3, 9, 8), weight_dtype=torch.bfloat16)
    # Max pooling with indices, then unpooling back to the odd input size.
    write_case(layers, seeded("maxpool_indices"), nn.MaxPool2d(3, stride=2, padding=1, return_indices=True), torch.randn(1, 3, 11, 9))
    seeded("maxpool_unpool")
    pool = nn.MaxPool2d(2, return_indices=True)
    unpool = nn.MaxUnpool2d(2)
    write_case(layers, "maxpool_unpool", Lambda(lambda x: unpool(*pool(x), output_size=x.shape[-2:])), torch.randn(1, 3, 11, 9))

    # ConvTranspose2d.forward(x, output_size=...) chooses the output padding.
    write_case(layers, seeded("convT_output_size"), nn.ConvTranspose2d(4, 3, 3, stride=2, padding=1), torch.randn(1, 4, 7, 6),
               run=lambda m, x: m(x, output_size=[14, 12]))

    nets = os.path.join(ROOT, "networks")
    write_case(nets, seeded("mini_unet"), networks.MiniUNet(), torch.randn(1, 2, 24, 20), keys=True)
    write_case(nets, seeded("segnet_mini"), networks.SegNetMini(), torch.randn(1, 3, 21, 19), keys=True)
    write_case(nets, seeded("deeplab_mini"), networks.DeepLabMini(), torch.randn(1, 3, 23, 21), keys=True)
    write_case(nets, seeded("cyclegan_mini"), networks.CycleGanMini(), torch.randn(1, 1, 20, 16), keys=True)
    total = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(ROOT) for f in fs)
    print(f"fixtures written to {os.path.normpath(ROOT)}: {total / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
