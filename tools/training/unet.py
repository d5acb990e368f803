"""PyTorch definition of the PipelineSeg U-Net. State-dict names must match plugins/PipelineSeg.Plugins.UNet.

Per level: [Conv3x3(bias=False)-BN-ReLU] x 2; 2x2 max-pool down; 2x2 stride-2 transposed conv up; skip concat
(upsampled first, then skip); 1x1 conv head. Keys: encoders.<i>.{0,1,3,4}.*, bottleneck.{0,1,3,4}.*,
upsamples.<i>.*, decoders.<i>.{0,1,3,4}.*, head.* (decoder index 0 is the deepest level).
"""
import torch
from torch import nn


class DoubleConv(nn.Sequential):
    def __init__(self, cin: int, cout: int):
        super().__init__(
            nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True),
            nn.Conv2d(cout, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True))


class UNet(nn.Module):
    def __init__(self, in_channels: int = 1, num_classes: int = 3, base: int = 8, depth: int = 4, dropout: float = 0.0):
        super().__init__()
        widths = [base * 2 ** i for i in range(depth + 1)]
        self.encoders = nn.ModuleList(
            DoubleConv(in_channels if i == 0 else widths[i - 1], widths[i]) for i in range(depth))
        self.pool = nn.MaxPool2d(2)
        self.bottleneck = DoubleConv(widths[depth - 1], widths[depth])
        # No parameters, so no state-dict keys; active only for Monte-Carlo dropout at inference.
        self.dropout = nn.Dropout2d(dropout)
        self.upsamples = nn.ModuleList(
            nn.ConvTranspose2d(widths[i + 1], widths[i], 2, stride=2) for i in reversed(range(depth)))
        self.decoders = nn.ModuleList(DoubleConv(widths[i + 1], widths[i]) for i in reversed(range(depth)))
        self.head = nn.Conv2d(base, num_classes, 1)

    def forward(self, x):
        skips = []
        for enc in self.encoders:
            x = enc(x)
            skips.append(x)
            x = self.pool(x)
        x = self.dropout(self.bottleneck(x))
        for up, dec, skip in zip(self.upsamples, self.decoders, reversed(skips)):
            x = dec(torch.cat([up(x), skip], dim=1))
        return self.head(x)


if __name__ == "__main__":
    m = UNet(base=32, num_classes=2)
    print("base 32 params:", sum(p.numel() for p in m.parameters()))
    m = UNet(base=8)
    print("base 8 params:", sum(p.numel() for p in m.parameters()))
    print([k for k in m.state_dict().keys()][:12])
