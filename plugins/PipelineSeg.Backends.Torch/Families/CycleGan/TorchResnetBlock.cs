using TorchSharp.Utils;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PipelineSeg.Backends.Torch.Families.CycleGan;

/// <summary>junyanz's <c>ResnetBlock</c> (reflect padding): x + conv_block(x), <c>conv_block</c> = [pad, conv, norm, ReLU,
/// (dropout), pad, conv, norm], positions as upstream so the keys match.</summary>
internal sealed class TorchResnetBlock : Module<Tensor, Tensor>
{
    [ComponentName(Name = "conv_block")]
    private readonly Module<Tensor, Tensor> block;

    public TorchResnetBlock(long dim, string norm, bool useDropout)
        : base(nameof(TorchResnetBlock))
    {
        var bias = CycleGanNorm.UseBias(norm);
        List<Module<Tensor, Tensor>> layers = [ReflectionPad2d(1), Conv2d(dim, dim, 3, bias: bias), CycleGanNorm.Create(norm, dim), ReLU()];
        if (useDropout)
        {
            layers.Add(Dropout(0.5));
        }
        layers.AddRange([ReflectionPad2d(1), Conv2d(dim, dim, 3, bias: bias), CycleGanNorm.Create(norm, dim)]);
        block = Sequential(layers);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => input + block.call(input);
}
