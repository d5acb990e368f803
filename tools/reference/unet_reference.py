"""U-Net reference definitions whose state-dict keys plugins/PipelineSeg.Plugins.UNet reproduces.

MilesialUNet follows the structure and module names of milesial/Pytorch-UNet (unet/unet_parts.py, unet/unet_model.py):
inc, down1..4 (maxpool_conv), up1..4 (up, conv), outc (conv), DoubleConv.double_conv. Written here from that layout, so
its checkpoints load into both. UNetVariant is our configurable U-Net (depth, width, batch norm, padding, concat/add
skips, transposed/bilinear/max-unpool upsampling as in the LiTS study)."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class DoubleConv(nn.Module):
    def __init__(self, in_channels, out_channels, mid_channels=None):
        super().__init__()
        if not mid_channels:
            mid_channels = out_channels
        self.double_conv = nn.Sequential(
            nn.Conv2d(in_channels, mid_channels, kernel_size=3, padding=1, bias=False), nn.BatchNorm2d(mid_channels), nn.ReLU(inplace=True),
            nn.Conv2d(mid_channels, out_channels, kernel_size=3, padding=1, bias=False), nn.BatchNorm2d(out_channels), nn.ReLU(inplace=True))

    def forward(self, x):
        return self.double_conv(x)


class Down(nn.Module):
    def __init__(self, in_channels, out_channels):
        super().__init__()
        self.maxpool_conv = nn.Sequential(nn.MaxPool2d(2), DoubleConv(in_channels, out_channels))

    def forward(self, x):
        return self.maxpool_conv(x)


class Up(nn.Module):
    def __init__(self, in_channels, out_channels, bilinear=True):
        super().__init__()
        if bilinear:
            self.up = nn.Upsample(scale_factor=2, mode="bilinear", align_corners=True)
            self.conv = DoubleConv(in_channels, out_channels, in_channels // 2)
        else:
            self.up = nn.ConvTranspose2d(in_channels, in_channels // 2, kernel_size=2, stride=2)
            self.conv = DoubleConv(in_channels, out_channels)

    def forward(self, x1, x2):
        x1 = self.up(x1)
        dy = x2.size()[2] - x1.size()[2]
        dx = x2.size()[3] - x1.size()[3]
        x1 = F.pad(x1, [dx // 2, dx - dx // 2, dy // 2, dy - dy // 2])
        return self.conv(torch.cat([x2, x1], dim=1))


class OutConv(nn.Module):
    def __init__(self, in_channels, out_channels):
        super().__init__()
        self.conv = nn.Conv2d(in_channels, out_channels, kernel_size=1)

    def forward(self, x):
        return self.conv(x)


class MilesialUNet(nn.Module):
    def __init__(self, n_channels, n_classes, bilinear=False, width=64):
        """width: the first level's channels (upstream's fixed 64); smaller only for small sample models, same keys."""
        super().__init__()
        self.n_channels, self.n_classes, self.bilinear = n_channels, n_classes, bilinear
        factor = 2 if bilinear else 1
        w = width
        self.inc = DoubleConv(n_channels, w)
        self.down1 = Down(w, 2 * w)
        self.down2 = Down(2 * w, 4 * w)
        self.down3 = Down(4 * w, 8 * w)
        self.down4 = Down(8 * w, 16 * w // factor)
        self.up1 = Up(16 * w, 8 * w // factor, bilinear)
        self.up2 = Up(8 * w, 4 * w // factor, bilinear)
        self.up3 = Up(4 * w, 2 * w // factor, bilinear)
        self.up4 = Up(2 * w, w, bilinear)
        self.outc = OutConv(w, n_classes)

    def forward(self, x):
        x1 = self.inc(x)
        x2 = self.down1(x1)
        x3 = self.down2(x2)
        x4 = self.down3(x3)
        x5 = self.down4(x4)
        x = self.up1(x5, x4)
        x = self.up2(x, x3)
        x = self.up3(x, x2)
        x = self.up4(x, x1)
        return self.outc(x)


def _block(cin, cout, batch_norm, padding):
    p = 1 if padding else 0
    if batch_norm:
        return nn.Sequential(nn.Conv2d(cin, cout, 3, padding=p, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True),
                             nn.Conv2d(cout, cout, 3, padding=p, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True))
    return nn.Sequential(nn.Conv2d(cin, cout, 3, padding=p), nn.ReLU(inplace=True), nn.Conv2d(cout, cout, 3, padding=p), nn.ReLU(inplace=True))


class UNetVariant(nn.Module):
    def __init__(self, in_channels=1, out_channels=2, depth=4, base_width=32, batch_norm=True, padding=True, skip="concat", upsampling="transposed"):
        super().__init__()
        assert skip in ("concat", "add") and upsampling in ("transposed", "bilinear", "maxunpool")
        assert padding or upsampling != "maxunpool"
        self.depth, self.skip, self.upsampling = depth, skip, upsampling
        w = [base_width << i for i in range(depth + 1)]
        self.encoders = nn.ModuleList([_block(in_channels if i == 0 else w[i - 1], w[i], batch_norm, padding) for i in range(depth)])
        self.pool = nn.MaxPool2d(2, return_indices=upsampling == "maxunpool")
        self.bottleneck = _block(w[depth - 1], w[depth], batch_norm, padding)
        self.ups, self.decoders = nn.ModuleList(), nn.ModuleList()
        for level in reversed(range(depth)):
            if upsampling == "transposed":
                self.ups.append(nn.ConvTranspose2d(w[level + 1], w[level], 2, stride=2))
            elif upsampling == "bilinear":
                self.ups.append(nn.Sequential(nn.Upsample(scale_factor=2, mode="bilinear", align_corners=False), nn.Conv2d(w[level + 1], w[level], 1)))
            else:
                self.ups.append(nn.Conv2d(w[level + 1], w[level], 1))
            self.decoders.append(_block(2 * w[level] if skip == "concat" else w[level], w[level], batch_norm, padding))
        self.unpool = nn.MaxUnpool2d(2)
        self.head = nn.Conv2d(base_width, out_channels, 1)

    def forward(self, x):
        skips, indices = [], []
        for enc in self.encoders:
            x = enc(x)
            skips.append(x)
            if self.upsampling == "maxunpool":
                x, i = self.pool(x)
                indices.append(i)
            else:
                x = self.pool(x)
        x = self.bottleneck(x)
        for j, (up, dec) in enumerate(zip(self.ups, self.decoders)):
            level = self.depth - 1 - j
            skip = skips[level]
            if self.upsampling == "maxunpool":
                u = self.unpool(up(x), indices[level], output_size=skip.shape[-2:])
            else:
                u = up(x)
            dy, dx = (skip.shape[2] - u.shape[2]) // 2, (skip.shape[3] - u.shape[3]) // 2
            skip = skip[:, :, dy:dy + u.shape[2], dx:dx + u.shape[3]]
            x = dec(torch.cat([skip, u], dim=1) if self.skip == "concat" else skip + u)
        return self.head(x)
