"""Small whole networks mirrored in tests/PipelineSeg.Nn.Tests/Networks (same module names, so the same state-dict keys)."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class ConvBlock(nn.Module):
    """[Conv3x3-BN-ReLU] x 2 as `conv` (a Sequential), the standard U-Net level."""

    def __init__(self, cin, cout):
        super().__init__()
        self.conv = nn.Sequential(
            nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True),
            nn.Conv2d(cout, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True))

    def forward(self, x):
        return self.conv(x)


class MiniUNet(nn.Module):
    """Depth-2 U-Net: down = ModuleList of ConvBlocks, max-pool, transposed-conv up, concat skips, 1x1 head."""

    def __init__(self, cin=2, classes=3, base=4):
        super().__init__()
        self.down = nn.ModuleList([ConvBlock(cin, base), ConvBlock(base, base * 2)])
        self.bottom = ConvBlock(base * 2, base * 4)
        self.pool = nn.MaxPool2d(2)
        self.up = nn.ModuleList([nn.ConvTranspose2d(base * 4, base * 2, 2, stride=2), nn.ConvTranspose2d(base * 2, base, 2, stride=2)])
        self.dec = nn.ModuleList([ConvBlock(base * 4, base * 2), ConvBlock(base * 2, base)])
        self.head = nn.Conv2d(base, classes, 1)

    def forward(self, x):
        skips = []
        for block in self.down:
            x = block(x)
            skips.append(x)
            x = self.pool(x)
        x = self.bottom(x)
        for up, dec, skip in zip(self.up, self.dec, reversed(skips)):
            x = dec(torch.cat([skip, up(x)], dim=1))
        return self.head(x)


class SegNetMini(nn.Module):
    """SegNet-style: conv-bn-relu encoders, max-pool with indices, max-unpool decoders, odd input sizes."""

    def __init__(self, cin=3, classes=4, width=6):
        super().__init__()
        def cbr(a, b):
            return nn.Sequential(nn.Conv2d(a, b, 3, padding=1), nn.BatchNorm2d(b), nn.ReLU())
        self.enc1 = cbr(cin, width)
        self.enc2 = cbr(width, width * 2)
        self.pool = nn.MaxPool2d(2, stride=2, return_indices=True)
        self.unpool = nn.MaxUnpool2d(2, stride=2)
        self.dec2 = cbr(width * 2, width)
        self.dec1 = nn.Sequential(nn.Conv2d(width, classes, 3, padding=1))

    def forward(self, x):
        x = self.enc1(x)
        s1 = x.shape[-2:]
        x, i1 = self.pool(x)
        x = self.enc2(x)
        s2 = x.shape[-2:]
        x, i2 = self.pool(x)
        x = self.unpool(x, i2, output_size=s2)
        x = self.dec2(x)
        x = self.unpool(x, i1, output_size=s1)
        return self.dec1(x)


class DeepLabMini(nn.Module):
    """DeepLab-style head: strided stem, ASPP (dilations 1, 2, 3 + image pooling), bilinear upsampling, softmax."""

    def __init__(self, cin=3, classes=3, width=8):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(cin, width, 3, stride=2, padding=1, bias=False), nn.BatchNorm2d(width), nn.ReLU())
        self.aspp = nn.ModuleList([
            nn.Sequential(nn.Conv2d(width, width, 1, bias=False), nn.BatchNorm2d(width), nn.ReLU()),
            nn.Sequential(nn.Conv2d(width, width, 3, padding=2, dilation=2, bias=False), nn.BatchNorm2d(width), nn.ReLU()),
            nn.Sequential(nn.Conv2d(width, width, 3, padding=3, dilation=3, bias=False), nn.BatchNorm2d(width), nn.ReLU()),
        ])
        self.image_pool = nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Conv2d(width, width, 1, bias=False), nn.ReLU())
        self.project = nn.Sequential(nn.Conv2d(width * 4, width, 1, bias=False), nn.BatchNorm2d(width), nn.ReLU(), nn.Dropout(0.1))
        self.classifier = nn.Conv2d(width, classes, 1)

    def forward(self, x):
        size = x.shape[-2:]
        x = self.stem(x)
        branches = [b(x) for b in self.aspp]
        pooled = F.interpolate(self.image_pool(x), size=x.shape[-2:], mode="bilinear", align_corners=False)
        x = self.project(torch.cat(branches + [pooled], dim=1))
        x = F.interpolate(self.classifier(x), size=size, mode="bilinear", align_corners=False)
        return torch.softmax(x, dim=1)


class ResnetBlock(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.conv_block = nn.Sequential(
            nn.ReflectionPad2d(1), nn.Conv2d(dim, dim, 3), nn.InstanceNorm2d(dim), nn.ReLU(True),
            nn.ReflectionPad2d(1), nn.Conv2d(dim, dim, 3), nn.InstanceNorm2d(dim))

    def forward(self, x):
        return x + self.conv_block(x)


class CycleGanMini(nn.Module):
    """CycleGAN ResNet generator in miniature: reflection pad, instance norm, stride-2 down, residual block, transposed up, tanh."""

    def __init__(self, cin=1, cout=1, ngf=4):
        super().__init__()
        self.model = nn.Sequential(
            nn.ReflectionPad2d(3), nn.Conv2d(cin, ngf, 7), nn.InstanceNorm2d(ngf), nn.ReLU(True),
            nn.Conv2d(ngf, ngf * 2, 3, stride=2, padding=1), nn.InstanceNorm2d(ngf * 2), nn.ReLU(True),
            ResnetBlock(ngf * 2),
            nn.ConvTranspose2d(ngf * 2, ngf, 3, stride=2, padding=1, output_padding=1), nn.InstanceNorm2d(ngf), nn.ReLU(True),
            nn.ReflectionPad2d(3), nn.Conv2d(ngf, cout, 7), nn.Tanh())

    def forward(self, x):
        return self.model(x)
