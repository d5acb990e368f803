using PipelineSeg.Nn;
using PipelineSeg.Tensors;

namespace PipelineSeg.Plugins.SegNet;

/// <summary>
/// SegNet with a VGG16-BN encoder as the common PyTorch port (pytorch-semseg's <c>segnet(n_classes, in_channels)</c>):
/// <c>down1…down5</c> (2, 2, 3, 3, 3 units, max-pool indices kept), <c>up5…up1</c> mirrored with MaxUnpool2d; the last
/// unit of <c>up1</c> gives n_classes (with its BN and ReLU, as upstream). Input sizes must be multiples of 32.
/// </summary>
public sealed class SegNetVgg16Bn : Module
{
    private readonly SegNetDown[] downs;
    private readonly SegNetUp[] ups;

    /// <summary>Builds the network with fresh weights.</summary>
    public SegNetVgg16Bn(int nClasses, int inChannels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nClasses, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(inChannels, 1);
        downs =
        [
            RegisterModule("down1", new SegNetDown(inChannels, 64, 2)),
            RegisterModule("down2", new SegNetDown(64, 128, 2)),
            RegisterModule("down3", new SegNetDown(128, 256, 3)),
            RegisterModule("down4", new SegNetDown(256, 512, 3)),
            RegisterModule("down5", new SegNetDown(512, 512, 3)),
        ];
        ups =
        [
            RegisterModule("up5", new SegNetUp(512, 512, 3)),
            RegisterModule("up4", new SegNetUp(512, 256, 3)),
            RegisterModule("up3", new SegNetUp(256, 128, 3)),
            RegisterModule("up2", new SegNetUp(128, 64, 2)),
            RegisterModule("up1", new SegNetUp(64, nClasses, 2)),
        ];
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var indices = new IndexTensor?[5];
        var sizes = new (int, int)[5];
        var x = input.Share();
        try
        {
            for (var i = 0; i < 5; i++)
            {
                var (pooled, index, size) = downs[i].ForwardDown(x);
                x.Dispose();
                (x, indices[i], sizes[i]) = (pooled, index, size);
            }
            for (var j = 0; j < 5; j++)
            {
                var next = ups[j].Forward(x, indices[4 - j]!, sizes[4 - j]);
                x.Dispose();
                x = next;
            }
            var result = x;
            x = null!;
            return result;
        }
        finally
        {
            x?.Dispose();
            foreach (var i in indices)
            {
                i?.Dispose();
            }
        }
    }
}
