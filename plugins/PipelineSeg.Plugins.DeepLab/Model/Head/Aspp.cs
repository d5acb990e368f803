using PipelineSeg.Nn;
using PipelineSeg.Tensors;

namespace PipelineSeg.Plugins.DeepLab;

/// <summary>
/// torchvision's <c>ASPP</c>: <c>convs</c> = [1×1 conv, three 3×3 atrous convs (the rates), image pooling], each with BN and
/// ReLU, concatenated and reduced by <c>project</c> = Sequential(1×1 conv, BN, ReLU, Dropout(0.5)).
/// </summary>
public sealed class Aspp : Module
{
    private readonly ModuleList convs;
    private readonly Sequential project;

    /// <summary>Builds ASPP over <paramref name="inChannels"/> with <paramref name="rates"/> and <paramref name="outChannels"/> per branch.</summary>
    public Aspp(int inChannels, IReadOnlyList<int> rates, int outChannels)
    {
        ArgumentNullException.ThrowIfNull(rates);
        var branches = new List<Module> { new Sequential(new Conv2d(inChannels, outChannels, 1, bias: false), new BatchNorm2d(outChannels), new ReLU()) };
        branches.AddRange(rates.Select(r =>
            (Module)new Sequential(new Conv2d(inChannels, outChannels, 3, padding: r, dilation: r, bias: false), new BatchNorm2d(outChannels), new ReLU())));
        branches.Add(new AsppPooling(inChannels, outChannels));
        convs = RegisterModule("convs", new ModuleList([.. branches]));
        project = RegisterModule("project", new Sequential(new Conv2d(branches.Count * outChannels, outChannels, 1, bias: false),
            new BatchNorm2d(outChannels), new ReLU(), new Dropout(0.5f)));
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var outputs = new Tensor[convs.Count];
        try
        {
            for (var i = 0; i < convs.Count; i++)
            {
                outputs[i] = convs[i].Forward(input);
            }
            using var concatenated = Functional.Cat(outputs, 1);
            return project.Forward(concatenated);
        }
        finally
        {
            foreach (var output in outputs)
            {
                output?.Dispose();
            }
        }
    }
}
