"""SegNet references. SegNet follows the structure and module names of the common PyTorch port
(meetshah1995/pytorch-semseg, ptsemseg/models/segnet.py + utils.py: conv2DBatchNormRelu.cbr_unit, segnetDown2/3 with
maxpool_with_argmax, segnetUp2/3 with unpool), written here from that layout. NaiveSymmetricNet is the LiTS study's
naive 5-level symmetric conv net (512x512x1 -> 16x16x1024 -> back, no skips) with a 1x1 regression head."""
import torch.nn as nn


class conv2DBatchNormRelu(nn.Module):  # noqa: N801  upstream name
    def __init__(self, in_channels, n_filters, k_size, stride, padding, bias=True):
        super().__init__()
        self.cbr_unit = nn.Sequential(nn.Conv2d(int(in_channels), int(n_filters), kernel_size=k_size, padding=padding, stride=stride, bias=bias),
                                      nn.BatchNorm2d(int(n_filters)), nn.ReLU(inplace=True))

    def forward(self, x):
        return self.cbr_unit(x)


class segnetDown(nn.Module):  # noqa: N801  segnetDown2 / segnetDown3
    def __init__(self, in_size, out_size, n):
        super().__init__()
        for i in range(n):
            setattr(self, f"conv{i + 1}", conv2DBatchNormRelu(in_size if i == 0 else out_size, out_size, 3, 1, 1))
        self.n = n
        self.maxpool_with_argmax = nn.MaxPool2d(2, 2, return_indices=True)

    def forward(self, x):
        for i in range(self.n):
            x = getattr(self, f"conv{i + 1}")(x)
        shape = x.size()
        x, indices = self.maxpool_with_argmax(x)
        return x, indices, shape


class segnetUp(nn.Module):  # noqa: N801  segnetUp2 / segnetUp3
    def __init__(self, in_size, out_size, n):
        super().__init__()
        self.unpool = nn.MaxUnpool2d(2, 2)
        for i in range(n):
            setattr(self, f"conv{i + 1}", conv2DBatchNormRelu(in_size, out_size if i == n - 1 else in_size, 3, 1, 1))
        self.n = n

    def forward(self, x, indices, output_shape):
        x = self.unpool(input=x, indices=indices, output_size=output_shape)
        for i in range(self.n):
            x = getattr(self, f"conv{i + 1}")(x)
        return x


class SegNet(nn.Module):
    def __init__(self, n_classes=21, in_channels=3, is_unpooling=True):
        super().__init__()
        self.down1 = segnetDown(in_channels, 64, 2)
        self.down2 = segnetDown(64, 128, 2)
        self.down3 = segnetDown(128, 256, 3)
        self.down4 = segnetDown(256, 512, 3)
        self.down5 = segnetDown(512, 512, 3)
        self.up5 = segnetUp(512, 512, 3)
        self.up4 = segnetUp(512, 256, 3)
        self.up3 = segnetUp(256, 128, 3)
        self.up2 = segnetUp(128, 64, 2)
        self.up1 = segnetUp(64, n_classes, 2)

    def forward(self, x):
        d1, i1, s1 = self.down1(x)
        d2, i2, s2 = self.down2(d1)
        d3, i3, s3 = self.down3(d2)
        d4, i4, s4 = self.down4(d3)
        d5, i5, s5 = self.down5(d4)
        u = self.up5(d5, i5, s5)
        u = self.up4(u, i4, s4)
        u = self.up3(u, i3, s3)
        u = self.up2(u, i2, s2)
        return self.up1(u, i1, s1)


class NaiveSymmetricNet(nn.Module):
    def __init__(self, in_channels=1, base_width=64, depth=5):
        super().__init__()
        w = [base_width << i for i in range(depth)]
        def block(cin, cout):
            return [nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True)]
        self.encoders = nn.ModuleList([nn.Sequential(*block(in_channels if i == 0 else w[i - 1], w[i]), *block(w[i], w[i])) for i in range(depth)])
        self.pool = nn.MaxPool2d(2)
        self.decoders = nn.ModuleList()
        for j in range(depth):
            cin = w[depth - 1 - j]
            cout = base_width if j == depth - 1 else cin // 2
            self.decoders.append(nn.Sequential(nn.ConvTranspose2d(cin, cout, 2, stride=2, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True), *block(cout, cout)))
        self.head = nn.Conv2d(base_width, 1, 1)

    def forward(self, x):
        for enc in self.encoders:
            x = self.pool(enc(x))
        for dec in self.decoders:
            x = dec(x)
        return self.head(x)
