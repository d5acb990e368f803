"""The standard U-Net of issue 3, written exactly like bench/PipelineSeg.Bench/Engine/BenchUNet.cs.

Depth 4, [Conv3x3(no bias)-BN-ReLU]x2 per level, 2x2 max-pool, 2x2 stride-2 transposed conv up,
concat [skip, up], 1x1 head. State-dict names match the C# module (down.0.0.weight, up.3.bias, head.weight, ...).
"""
import torch
from torch import nn


def double_conv(cin, cout):
    return nn.Sequential(
        nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True),
        nn.Conv2d(cout, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True))


class UNet(nn.Module):
    def __init__(self, in_channels=1, classes=2, base=32, depth=4):
        super().__init__()
        widths = [base << level for level in range(depth + 1)]
        self.down = nn.ModuleList(
            double_conv(in_channels if level == 0 else widths[level - 1], widths[level]) for level in range(depth + 1))
        self.up = nn.ModuleList(nn.ConvTranspose2d(widths[level + 1], widths[level], 2, stride=2) for level in range(depth))
        self.decode = nn.ModuleList(double_conv(2 * widths[level], widths[level]) for level in range(depth))
        self.head = nn.Conv2d(base, classes, 1)
        self.pool = nn.MaxPool2d(2)

    def forward(self, x):
        skips = []
        for level in range(len(self.up)):
            x = self.down[level](x)
            skips.append(x)
            x = self.pool(x)
        x = self.down[-1](x)
        for level in reversed(range(len(self.up))):
            x = self.decode[level](torch.cat([skips[level], self.up[level](x)], dim=1))
        return self.head(x)


def build(seed=1, base=32, classes=2):
    """Seeded model in eval mode, with non-trivial BatchNorm statistics (as the C# benchmark does)."""
    torch.manual_seed(seed)
    model = UNet(1, classes, base)
    with torch.no_grad():
        for module in model.modules():
            if isinstance(module, nn.BatchNorm2d):
                module.running_mean.uniform_(-0.1, 0.1)
                module.running_var.uniform_(0.5, 1.5)
                module.weight.uniform_(0.5, 1.5)
                module.bias.uniform_(-0.1, 0.1)
    return model.eval()
