using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PipelineSeg.Backends.Torch.Families.DeepLab;

/// <summary>
/// What torchvision's BasicBlock and Bottleneck share, with their state-dict names: stages <c>conv{i}</c> → <c>bn{i}</c>
/// (ReLU after all but the last), an optional <c>downsample</c> = Sequential(1×1 conv with stride, BN) on the identity,
/// and ReLU after the sum.
/// </summary>
internal abstract class TorchResNetBlock : Module<Tensor, Tensor>
{
    private readonly List<(Module<Tensor, Tensor> Conv, Module<Tensor, Tensor> Norm)> stages = [];
    private Module<Tensor, Tensor>? downsample;

    protected TorchResNetBlock(string name)
        : base(name)
    {
    }

    public override Tensor forward(Tensor input)
    {
        var identity = downsample is null ? input : downsample.call(input);
        var x = input;
        for (var i = 0; i < stages.Count; i++)
        {
            x = stages[i].Norm.call(stages[i].Conv.call(x));
            if (i < stages.Count - 1)
            {
                x = functional.relu(x);
            }
        }
        return functional.relu(x.add(identity));
    }

    /// <summary>Registers stage <paramref name="index"/> as <c>conv{index}</c> (no bias) and <c>bn{index}</c>.</summary>
    protected void AddStage(int index, long inChannels, long outChannels, long kernel, long stride = 1, long dilation = 1)
    {
        var conv = Conv2d(inChannels, outChannels, kernel, stride: stride, padding: kernel == 3 ? dilation : 0, dilation: dilation, bias: false);
        var norm = BatchNorm2d(outChannels);
        register_module($"conv{index}", conv);
        register_module($"bn{index}", norm);
        stages.Add((conv, norm));
    }

    /// <summary>torchvision's projection of the identity, used when the stride or the width changes.</summary>
    protected void AddDownsample(long inChannels, long outChannels, long stride)
    {
        downsample = Sequential(Conv2d(inChannels, outChannels, 1, stride: stride, bias: false), BatchNorm2d(outChannels));
        register_module("downsample", downsample);
    }
}
