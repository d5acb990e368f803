"""DeepLabV3 reference with torchvision's state-dict names (torchvision.models.segmentation.deeplabv3_resnet50/101 with
aux_loss=False: `backbone.conv1 … backbone.layer4` from torchvision's ResNet minus avgpool/fc, `classifier.0` = ASPP with
`convs.0` (1x1), `convs.1-3` (atrous), `convs.4` (image pooling), `project`; `classifier.1-4` = 3x3 conv, BN, ReLU, 1x1
classifier), written here so ResNet-18/34 (BasicBlock, same names) can be dilated too, which torchvision's own
BasicBlock refuses. Plus the SegAN-style critic (Xue et al. 2018) and its multiscale L1 distance.

DeepLabV3(backbone, num_classes, in_channels, output_stride, base_width, aspp_channels) — the last two (torchvision: 64
and 256) only shrink a network for small sample models:
- output_stride 8: layer3 and layer4 dilated (replace_stride_with_dilation [False, True, True]), ASPP rates 12/24/36 —
  exactly torchvision's deeplabv3_resnet50/101 (checked against its class by check_against_torchvision());
- output_stride 16: layer4 dilated ([False, False, True]), ASPP rates 6/12/18 (the DeepLabV3 paper's setting).
The output is the logits upsampled bilinearly (align_corners=False) to the input size, as torchvision's ["out"].
"""
import torch
import torch.nn as nn
import torch.nn.functional as F

BACKBONES = {"resnet18": ("basic", [2, 2, 2, 2]), "resnet34": ("basic", [3, 4, 6, 3]),
             "resnet50": ("bottleneck", [3, 4, 6, 3]), "resnet101": ("bottleneck", [3, 4, 23, 3])}
RATES = {8: (12, 24, 36), 16: (6, 12, 18)}


def conv3x3(cin, cout, stride=1, dilation=1):
    return nn.Conv2d(cin, cout, 3, stride=stride, padding=dilation, dilation=dilation, bias=False)


class BasicBlock(nn.Module):
    expansion = 1

    def __init__(self, inplanes, planes, stride=1, downsample=None, dilation=1):
        super().__init__()
        self.conv1 = conv3x3(inplanes, planes, stride, dilation)
        self.bn1 = nn.BatchNorm2d(planes)
        self.relu = nn.ReLU(inplace=True)
        self.conv2 = conv3x3(planes, planes, 1, dilation)
        self.bn2 = nn.BatchNorm2d(planes)
        self.downsample = downsample

    def forward(self, x):
        identity = x if self.downsample is None else self.downsample(x)
        out = self.relu(self.bn1(self.conv1(x)))
        return self.relu(self.bn2(self.conv2(out)) + identity)


class Bottleneck(nn.Module):
    expansion = 4

    def __init__(self, inplanes, planes, stride=1, downsample=None, dilation=1):
        super().__init__()
        self.conv1 = nn.Conv2d(inplanes, planes, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.conv2 = conv3x3(planes, planes, stride, dilation)
        self.bn2 = nn.BatchNorm2d(planes)
        self.conv3 = nn.Conv2d(planes, planes * 4, 1, bias=False)
        self.bn3 = nn.BatchNorm2d(planes * 4)
        self.relu = nn.ReLU(inplace=True)
        self.downsample = downsample

    def forward(self, x):
        identity = x if self.downsample is None else self.downsample(x)
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.relu(self.bn2(self.conv2(out)))
        return self.relu(self.bn3(self.conv3(out)) + identity)


class ResNetBackbone(nn.Module):
    """torchvision's ResNet up to layer4 (what IntermediateLayerGetter keeps), same attribute names and dilation rule."""

    def __init__(self, backbone="resnet50", in_channels=3, dilate=(False, False, True), base_width=64):
        super().__init__()
        kind, layers = BACKBONES[backbone]
        block = BasicBlock if kind == "basic" else Bottleneck
        w = base_width
        self.inplanes, self.dilation = w, 1
        self.conv1 = nn.Conv2d(in_channels, w, 7, stride=2, padding=3, bias=False)
        self.bn1 = nn.BatchNorm2d(w)
        self.relu = nn.ReLU(inplace=True)
        self.maxpool = nn.MaxPool2d(3, stride=2, padding=1)
        self.layer1 = self._make_layer(block, w, layers[0])
        self.layer2 = self._make_layer(block, 2 * w, layers[1], 2, dilate[0])
        self.layer3 = self._make_layer(block, 4 * w, layers[2], 2, dilate[1])
        self.layer4 = self._make_layer(block, 8 * w, layers[3], 2, dilate[2])
        self.out_channels = 8 * w * block.expansion

    def _make_layer(self, block, planes, blocks, stride=1, dilate=False):
        previous_dilation = self.dilation
        if dilate:
            self.dilation *= stride
            stride = 1
        downsample = None
        if stride != 1 or self.inplanes != planes * block.expansion:
            downsample = nn.Sequential(nn.Conv2d(self.inplanes, planes * block.expansion, 1, stride=stride, bias=False),
                                       nn.BatchNorm2d(planes * block.expansion))
        layers = [block(self.inplanes, planes, stride, downsample, previous_dilation)]
        self.inplanes = planes * block.expansion
        layers += [block(self.inplanes, planes, dilation=self.dilation) for _ in range(1, blocks)]
        return nn.Sequential(*layers)

    def forward(self, x):
        x = self.maxpool(self.relu(self.bn1(self.conv1(x))))
        return self.layer4(self.layer3(self.layer2(self.layer1(x))))


class ASPPPooling(nn.Sequential):
    def __init__(self, cin, cout):
        super().__init__(nn.AdaptiveAvgPool2d(1), nn.Conv2d(cin, cout, 1, bias=False), nn.BatchNorm2d(cout), nn.ReLU())

    def forward(self, x):
        size = x.shape[-2:]
        for m in self:
            x = m(x)
        return F.interpolate(x, size=size, mode="bilinear", align_corners=False)


class ASPP(nn.Module):
    def __init__(self, cin, rates, cout=256):
        super().__init__()
        convs = [nn.Sequential(nn.Conv2d(cin, cout, 1, bias=False), nn.BatchNorm2d(cout), nn.ReLU())]
        convs += [nn.Sequential(nn.Conv2d(cin, cout, 3, padding=r, dilation=r, bias=False), nn.BatchNorm2d(cout), nn.ReLU()) for r in rates]
        convs.append(ASPPPooling(cin, cout))
        self.convs = nn.ModuleList(convs)
        self.project = nn.Sequential(nn.Conv2d(len(convs) * cout, cout, 1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(), nn.Dropout(0.5))

    def forward(self, x):
        return self.project(torch.cat([c(x) for c in self.convs], dim=1))


class DeepLabHead(nn.Sequential):
    def __init__(self, cin, num_classes, rates, channels=256):
        super().__init__(ASPP(cin, rates, channels), nn.Conv2d(channels, channels, 3, padding=1, bias=False), nn.BatchNorm2d(channels),
                         nn.ReLU(), nn.Conv2d(channels, num_classes, 1))


class DeepLabV3(nn.Module):
    def __init__(self, backbone="resnet50", num_classes=21, in_channels=3, output_stride=8, base_width=64, aspp_channels=256):
        super().__init__()
        if output_stride not in RATES:
            raise ValueError("output_stride must be 8 or 16")
        dilate = (False, output_stride == 8, True)
        self.backbone = ResNetBackbone(backbone, in_channels, dilate, base_width)
        self.classifier = DeepLabHead(self.backbone.out_channels, num_classes, RATES[output_stride], aspp_channels)

    def forward(self, x):
        y = self.classifier(self.backbone(x))
        return F.interpolate(y, size=x.shape[-2:], mode="bilinear", align_corners=False)


class SegAnCritic(nn.Module):
    """SegAN critic: `depth` strided 4x4 convolutions (LeakyReLU 0.2, BatchNorm after the first), each level's output a
    feature map. `layers.0` = Sequential(Conv2d, LeakyReLU), `layers.i` = Sequential(Conv2d, BatchNorm2d, LeakyReLU)."""

    def __init__(self, in_channels=1, base_width=16, depth=3):
        super().__init__()
        layers, cin = [], in_channels
        for i in range(depth):
            cout = base_width * 2 ** i
            conv = nn.Conv2d(cin, cout, 4, stride=2, padding=1, bias=False)
            layers.append(nn.Sequential(conv, nn.LeakyReLU(0.2)) if i == 0 else nn.Sequential(conv, nn.BatchNorm2d(cout), nn.LeakyReLU(0.2)))
            cin = cout
        self.layers = nn.ModuleList(layers)

    def features(self, x):
        out = [x]
        for layer in self.layers:
            out.append(layer(out[-1]))
        return out

    def forward(self, x):
        return self.features(x)[-1]

    def distance(self, image, prediction, truth, per_sample=False):
        """Multiscale L1 (SegAN): mean over levels (the input, then each layer) of mean |f(x*p) - f(x*g)|; p and g are
        [N,1,H,W] foreground maps broadcast over the image channels. Per sample ([N]) or over the batch."""
        fp, fg = self.features(image * prediction), self.features(image * truth)
        dims = (1, 2, 3) if per_sample else None
        levels = [(a - b).abs().mean(dim=dims) if dims else (a - b).abs().mean() for a, b in zip(fp, fg)]
        return torch.stack(levels).mean(dim=0)


def check_against_torchvision(num_classes=2, seed=0):
    """Same state-dict keys and shapes as torchvision's deeplabv3_resnet50(num_classes, aux_loss=False), and the same
    output when its weights are loaded here. Returns the max abs difference."""
    from torchvision.models.segmentation import deeplabv3_resnet50
    torch.manual_seed(seed)
    tv = deeplabv3_resnet50(weights=None, weights_backbone=None, num_classes=num_classes, aux_loss=False).eval()
    with torch.no_grad():
        for m in tv.modules():
            if isinstance(m, nn.BatchNorm2d):  # non-trivial statistics, so eval-mode BN is really compared
                m.weight.uniform_(0.5, 1.5), m.bias.normal_(0, 0.2), m.running_mean.normal_(0, 0.2), m.running_var.uniform_(0.5, 1.5)
    ours = DeepLabV3("resnet50", num_classes, 3, 8).eval()
    a, b = tv.state_dict(), ours.state_dict()
    assert list(a) == list(b), "state-dict keys differ"
    assert all(a[k].shape == b[k].shape for k in a), "state-dict shapes differ"
    ours.load_state_dict(a)
    x = torch.rand(1, 3, 65, 49)
    with torch.no_grad():
        return float((tv(x)["out"] - ours(x)).abs().max())


if __name__ == "__main__":
    print(f"resnet50 vs torchvision: keys identical, max abs difference {check_against_torchvision():.3g}")
