using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PipelineSeg.Backends.Torch.Families.CycleGan;

/// <summary>
/// junyanz's <c>ResnetGenerator</c> as one <c>model</c> Sequential: reflect pad 3 + 7×7 conv, two stride-2 downsamplings,
/// <c>blocks</c> ResnetBlocks, two transposed-conv upsamplings (output_padding 1), reflect pad 3 + 7×7 conv, tanh.
/// </summary>
internal sealed class TorchResnetGenerator : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> model;

    public TorchResnetGenerator(long inputNc, long outputNc, long ngf, string norm, bool useDropout, int blocks)
        : base(nameof(TorchResnetGenerator))
    {
        var bias = CycleGanNorm.UseBias(norm);
        List<Module<Tensor, Tensor>> layers = [ReflectionPad2d(3), Conv2d(inputNc, ngf, 7, bias: bias), CycleGanNorm.Create(norm, ngf), ReLU()];
        for (var i = 0; i < 2; i++)
        {
            var mult = 1L << i;
            layers.AddRange([Conv2d(ngf * mult, ngf * mult * 2, 3, stride: 2, padding: 1, bias: bias), CycleGanNorm.Create(norm, ngf * mult * 2), ReLU()]);
        }
        for (var i = 0; i < blocks; i++)
        {
            layers.Add(new TorchResnetBlock(ngf * 4, norm, useDropout));
        }
        for (var i = 0; i < 2; i++)
        {
            var mult = 4L >> i;
            layers.AddRange([ConvTranspose2d(ngf * mult, ngf * mult / 2, 3, stride: 2, padding: 1, output_padding: 1, bias: bias),
                CycleGanNorm.Create(norm, ngf * mult / 2), ReLU()]);
        }
        layers.AddRange([ReflectionPad2d(3), Conv2d(ngf, outputNc, 7), Tanh()]);
        model = Sequential(layers);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => model.call(input);
}
