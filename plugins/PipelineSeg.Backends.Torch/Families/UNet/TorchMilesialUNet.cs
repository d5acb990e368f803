using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PipelineSeg.Backends.Torch.Families.UNet;

/// <summary>
/// milesial/Pytorch-UNet (tools/reference/unet_reference.py MilesialUNet): <c>inc</c>, <c>down1..4.maxpool_conv.1</c>,
/// <c>up1..4</c>, <c>outc.conv</c>; <paramref name="width"/> is the first level's channels (64 upstream). Logits.
/// </summary>
internal sealed class TorchMilesialUNet : Module<Tensor, Tensor>
{
    private readonly MilesialDoubleConv inc;
    private readonly MilesialDown[] downs;
    private readonly MilesialUp[] ups;
    private readonly MilesialOutConv outc;

    public TorchMilesialUNet(long channels, long classes, bool bilinear, long width)
        : base(nameof(TorchMilesialUNet))
    {
        var factor = bilinear ? 2 : 1;
        inc = new MilesialDoubleConv(channels, width);
        downs = [new(width, 2 * width), new(2 * width, 4 * width), new(4 * width, 8 * width), new(8 * width, 16 * width / factor)];
        ups = [new(16 * width, 8 * width / factor, bilinear), new(8 * width, 4 * width / factor, bilinear),
            new(4 * width, 2 * width / factor, bilinear), new(2 * width, width, bilinear)];
        outc = new MilesialOutConv(width, classes);
        // inc and outc by their field names; the arrays are not components, so their items are named here.
        for (var i = 0; i < 4; i++)
        {
            register_module($"down{i + 1}", downs[i]);
            register_module($"up{i + 1}", ups[i]);
        }
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        List<Tensor> levels = [inc.call(input)];
        foreach (var down in downs)
        {
            levels.Add(down.call(levels[^1]));
        }
        var x = levels[^1];
        for (var i = 0; i < ups.Length; i++)
        {
            x = ups[i].Forward(x, levels[^(i + 2)]);
        }
        return outc.call(x);
    }
}
