using PipelineSeg.Nn.Tests.Networks;
using PipelineSeg.Tensors;

using Xunit.Abstractions;

namespace PipelineSeg.Nn.Tests.Parity;

/// <summary>Whole small networks: golden state-dict keys dumped from PyTorch, and outputs.</summary>
public sealed class NetworkParityTests(ITestOutputHelper log)
{
    private static readonly Dictionary<string, Func<Module>> Networks = new()
    {
        ["mini_unet"] = () => new MiniUNet(),
        ["segnet_mini"] = () => new SegNetMini(),
        ["deeplab_mini"] = () => new DeepLabMini(),
        ["cyclegan_mini"] = () => new CycleGanMini(),
    };

    public static TheoryData<string> Names => [.. Networks.Keys];

    [SkippableTheory]
    [MemberData(nameof(Names))]
    public void State_dict_keys_match_pytorch_in_order(string name)
    {
        using var net = Networks[name]();
        var golden = File.ReadAllLines(Fixture.PathOf("networks", name, ".keys.txt"))
            .Where(k => k.Length > 0 && !k.EndsWith("num_batches_tracked", StringComparison.Ordinal));
        Assert.Equal(golden, net.StateDict().Keys);
    }

    [SkippableTheory]
    [MemberData(nameof(Names))]
    public void Network_matches_pytorch(string name)
    {
        using var net = Networks[name]();
        var error = Fixture.AssertForwardMatches(net, "networks", name);
        log.WriteLine($"{name}: max scaled error {error:E2}");
    }

    [SkippableFact]
    public void Unet_gives_the_same_result_with_batch_norm_unfused()
    {
        using var net = new MiniUNet();
        Fixture.LoadWeights(net, "networks", "mini_unet");
        using var input = Fixture.Input("networks", "mini_unet");
        using var fused = net.Forward(input);
        Assert.Contains(net.NamedModules(), m => m.Value is Conv2d { FusedBatchNorm: not null });
        // Training mode switches fusion off; with batch statistics the result must differ, proving BN ran unfolded.
        net.Train();
        using var batchStats = net.Forward(input);
        net.Eval();
        Fixture.LoadWeights(net, "networks", "mini_unet"); // training updated the running statistics
        using var again = net.Forward(input);
        Assert.Equal(fused.ToArray(), again.ToArray());
        Assert.NotEqual(fused.ToArray(), batchStats.ToArray());
    }
}
