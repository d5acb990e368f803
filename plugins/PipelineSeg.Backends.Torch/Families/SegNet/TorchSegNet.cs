using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PipelineSeg.Backends.Torch.Families.SegNet;

/// <summary>
/// pytorch-semseg's <c>segnet(n_classes, in_channels)</c> (tools/reference/segnet_reference.py SegNet): VGG16-BN encoder
/// <c>down1..down5</c> whose max-pool indices drive the <c>up5..up1</c> decoder's unpooling. Logits [N, classes, H, W].
/// </summary>
internal sealed class TorchSegNet : Module<Tensor, Tensor>
{
    private readonly SegNetDown[] downs;
    private readonly SegNetUp[] ups;

    public TorchSegNet(long classes, long inChannels)
        : base(nameof(TorchSegNet))
    {
        downs = [new(inChannels, 64, 2), new(64, 128, 2), new(128, 256, 3), new(256, 512, 3), new(512, 512, 3)];
        ups = [new(64, classes, 2), new(128, 64, 2), new(256, 128, 3), new(512, 256, 3), new(512, 512, 3)];
        for (var i = 0; i < 5; i++)
        {
            register_module($"down{i + 1}", downs[i]);
            register_module($"up{i + 1}", ups[i]);
        }
    }

    public override Tensor forward(Tensor input)
    {
        var levels = new (Tensor Indices, long[] Size)[downs.Length];
        var x = input;
        for (var i = 0; i < downs.Length; i++)
        {
            (x, var indices, var size) = downs[i].Forward(x);
            levels[i] = (indices, size);
        }
        for (var i = ups.Length - 1; i >= 0; i--)
        {
            x = ups[i].Forward(x, levels[i].Indices, levels[i].Size);
        }
        return x;
    }
}
