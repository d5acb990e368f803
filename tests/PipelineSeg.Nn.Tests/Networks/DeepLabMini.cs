using PipelineSeg.Tensors;

namespace PipelineSeg.Nn.Tests.Networks;

/// <summary>Port of networks.DeepLabMini: dilated ASPP, image pooling, bilinear upsampling, softmax over classes.</summary>
public sealed class DeepLabMini : Module
{
    private readonly Sequential stem;
    private readonly ModuleList aspp;
    private readonly Sequential imagePool;
    private readonly Sequential project;
    private readonly Conv2d classifier;
    private readonly Softmax softmax = new(1);

    public DeepLabMini(int cin = 3, int classes = 3, int width = 8)
    {
        stem = RegisterModule("stem", new Sequential(new Conv2d(cin, width, 3, stride: 2, padding: 1, bias: false), new BatchNorm2d(width), new ReLU()));
        aspp = RegisterModule("aspp", new ModuleList(
            new Sequential(new Conv2d(width, width, 1, bias: false), new BatchNorm2d(width), new ReLU()),
            new Sequential(new Conv2d(width, width, 3, padding: 2, dilation: 2, bias: false), new BatchNorm2d(width), new ReLU()),
            new Sequential(new Conv2d(width, width, 3, padding: 3, dilation: 3, bias: false), new BatchNorm2d(width), new ReLU())));
        imagePool = RegisterModule("image_pool", new Sequential(new AdaptiveAvgPool2d(1), new Conv2d(width, width, 1, bias: false), new ReLU()));
        project = RegisterModule("project", new Sequential(new Conv2d(width * 4, width, 1, bias: false), new BatchNorm2d(width), new ReLU(), new Dropout(0.1f)));
        classifier = RegisterModule("classifier", new Conv2d(width, classes, 1));
        Width = width;
    }

    public int Width { get; }

    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var x = stem.Forward(input);
        var (h, w) = (x.Shape[2], x.Shape[3]);
        // Branches write into their channel range of one buffer: no concat copy (batch 1).
        using var cat = Tensor.Empty(1, Width * 4, h, w);
        for (var i = 0; i < aspp.Count; i++)
        {
            using var slot = cat.Narrow(1, i * Width, Width);
            aspp[i].ForwardInto(x, slot);
        }
        using (var pooled = imagePool.Forward(x))
        using (var resized = Upsample.Interpolate(pooled, (h, w), null, InterpolationMode.Bilinear))
        using (var slot = cat.Narrow(1, 3 * Width, Width))
        {
            resized.CopyTo(slot);
        }
        using var projected = project.Forward(cat);
        using var logits = classifier.Forward(projected);
        using var full = Upsample.Interpolate(logits, (input.Shape[2], input.Shape[3]), null, InterpolationMode.Bilinear);
        return softmax.Forward(full);
    }
}
