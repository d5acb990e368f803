using PipelineSeg.Tensors;

namespace PipelineSeg.Nn.Tests.Networks;

/// <summary>Port of networks.SegNetMini: max-pool indices carried to max-unpool, odd sizes restored.</summary>
public sealed class SegNetMini : Module
{
    private readonly Sequential enc1;
    private readonly Sequential enc2;
    private readonly MaxPool2d pool;
    private readonly MaxUnpool2d unpool;
    private readonly Sequential dec2;
    private readonly Sequential dec1;

    public SegNetMini(int cin = 3, int classes = 4, int width = 6)
    {
        enc1 = RegisterModule("enc1", Cbr(cin, width));
        enc2 = RegisterModule("enc2", Cbr(width, width * 2));
        pool = RegisterModule("pool", new MaxPool2d(2, stride: 2, returnIndices: true));
        unpool = RegisterModule("unpool", new MaxUnpool2d(2, stride: 2));
        dec2 = RegisterModule("dec2", Cbr(width * 2, width));
        dec1 = RegisterModule("dec1", new Sequential(new Conv2d(width, classes, 3, padding: 1)));
    }

    public override Tensor Forward(Tensor input)
    {
        using var e1 = enc1.Forward(input);
        var (p1, i1) = pool.ForwardWithIndices(e1);
        using (p1)
        using (i1)
        {
            using var e2 = enc2.Forward(p1);
            var (p2, i2) = pool.ForwardWithIndices(e2);
            using (p2)
            using (i2)
            {
                using var u2 = unpool.Forward(p2, i2, (e2.Shape[2], e2.Shape[3]));
                using var d2 = dec2.Forward(u2);
                using var u1 = unpool.Forward(d2, i1, (e1.Shape[2], e1.Shape[3]));
                return dec1.Forward(u1);
            }
        }
    }

    private static Sequential Cbr(int a, int b) => new(new Conv2d(a, b, 3, padding: 1), new BatchNorm2d(b), new ReLU());
}
